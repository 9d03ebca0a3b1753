/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually } from '@prepmate/testing';
import type { PipelineSystem } from './pipeline-system';

/** Interview Core topics and a LeetCode tag each maps to (the taxonomy's aliases). */
export const CATALOG_TOPICS: Record<string, string> = {
  arrays: 'array',
  strings: 'string',
  hashing: 'hash-table',
  'two-pointers': 'two-pointers',
  sorting: 'sorting',
  'binary-search': 'binary-search',
  'stacks-queues': 'stack',
  'linked-lists': 'linked-list',
  'recursion-backtracking': 'recursion',
  trees: 'tree',
  graphs: 'graph',
  'dynamic-programming': 'dynamic-programming',
  greedy: 'greedy',
  math: 'math',
};

/**
 * Another learner's LeetCode history: three easy, three medium and two hard problems per
 * topic, so the shared catalog holds problems the learner under test has never seen (the
 * catalog is built from every user's submissions).
 */
export function catalogSubmissions(prefix: string) {
  const submissions: any[] = [];
  let n = 0;
  for (const [topic, tag] of Object.entries(CATALOG_TOPICS))
    for (const [difficulty, count] of [
      ['easy', 3],
      ['medium', 3],
      ['hard', 2],
    ] as const)
      for (let i = 1; i <= count; i += 1) {
        n += 1;
        const slug = `${prefix}-${topic}-${difficulty}-${i}`;
        submissions.push({
          platformSubmissionId: `${prefix}-catalog-${n}`,
          problem: {
            platformProblemId: slug,
            title: `Catalog ${topic} ${difficulty} ${i} ${prefix}`,
            difficulty,
            tags: [tag],
            url: `https://leetcode.com/problems/${slug}/`,
          },
          verdict: 'wrong_answer',
          language: 'python3',
          submittedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
        });
      }
  return { platform: 'leetcode', submissions };
}

/**
 * Imports the catalog as a fresh user, waits until every problem is in the catalog, and has
 * an admin confirm them (problems only an import vouches for are visible to their importer
 * alone until a platform adapter or an admin confirms them: docs/security-input.md); returns
 * the importing user.
 */
export async function importCatalog(
  system: PipelineSystem,
  admin: { token: string },
): Promise<{ token: string; userId: string }> {
  const owner = await system.register('catalog');
  const body = catalogSubmissions(system.prefix);
  const imported = await system.api('POST', '/submissions/import', { token: owner.token, body });
  if (imported.status !== 202) throw new Error(`catalog import: ${JSON.stringify(imported.body)}`);
  const ids = await eventually(
    async () => {
      const found: string[] = [];
      for (const topic of Object.keys(CATALOG_TOPICS)) {
        const page = await system.api('GET', `/problems?topic=${topic}&limit=100`, {
          token: owner.token,
        });
        for (const problem of page.body.items as any[])
          if (problem.title.endsWith(system.prefix)) found.push(problem.id);
      }
      return [...new Set(found)];
    },
    (found) => found.length >= body.submissions.length,
    { what: `${body.submissions.length} catalog problems`, timeoutMs: 60_000 },
  );
  for (const id of ids) {
    const confirmed = await system.api('POST', `/admin/problems/${id}/confirm`, {
      token: admin.token,
    });
    if (confirmed.status !== 200)
      throw new Error(`confirming ${id}: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  }
  return owner;
}
