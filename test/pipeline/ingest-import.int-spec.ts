/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, sleep, type EventTap, expectErrorShape } from '@prepmate/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PipelineSystem } from '../support/pipeline-system';
import { startIngestSystem, submission } from './ingest-system';

const codeforcesExport = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/codeforces/user-status-rishgod.json'), 'utf8'),
);
const ATTEMPTS = codeforcesExport.result.filter(
  (s: any) => s.verdict !== 'COMPILATION_ERROR',
).length;
const CF_PROBLEMS = new Set(
  codeforcesExport.result.map((s: any) => `${s.problem.contestId}${s.problem.index}`),
).size;

describe('ingestion through the gateway: an import, its duplicates and rejects, what the user does with it', () => {
  let system: PipelineSystem;
  let tap: EventTap;
  let student: { token: string; userId: string };
  let admin: { token: string; userId: string };

  beforeAll(async () => {
    ({ system, tap, student, admin } = await startIngestSystem('ingest-import'));
  });

  afterAll(async () => {
    await tap?.close();
    await system?.stop();
  });

  const normalizedOf = (userId: string) =>
    tap.of('submission.normalized').filter((e) => e.payload.userId === userId);

  it('imports a real Codeforces export and normalizes every attempt exactly once', async () => {
    const response = await system.api('POST', '/submissions/import?format=codeforces', {
      token: student.token,
      body: codeforcesExport,
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      received: 89,
      inserted: 89,
      duplicates: 0,
      rejected: [],
    });

    await eventually(
      () => normalizedOf(student.userId).length,
      (count) => count >= ATTEMPTS,
      { what: `${ATTEMPTS} submission.normalized events`, timeoutMs: 30_000 },
    );
    await sleep(500);
    const normalized = normalizedOf(student.userId);
    expect(normalized).toHaveLength(ATTEMPTS);
    expect(new Set(normalized.map((e) => e.payload.submissionId)).size).toBe(ATTEMPTS);
    expect(
      tap.of('submission.ingested').filter((e) => e.payload.userId === student.userId),
    ).toHaveLength(ATTEMPTS);
    expect(normalized.some((e) => e.payload.verdict === 'compilation_error')).toBe(false);

    // 1459B "Move and Turn": rating 1300 → medium; tags dp, math → topics.
    const moveAndTurn = normalized.filter((e) => e.payload.platformSubmissionId === '101778306')[0]
      .payload;
    expect(moveAndTurn).toMatchObject({
      platform: 'codeforces',
      difficulty: 'medium',
      topics: ['dynamic-programming', 'math'],
      verdict: 'accepted',
      submittedAt: new Date(1608387223 * 1000).toISOString(),
    });

    // One canonical problem per Codeforces problem; the stored submissions are listed newest first.
    const problems = await system
      .db('normalization')
      .collection('canonical_problems')
      .countDocuments();
    expect(problems).toBe(CF_PROBLEMS);
    const page = await system.api(
      'GET',
      '/submissions?platform=codeforces&verdict=accepted&limit=5',
      {
        token: student.token,
      },
    );
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.items[0].platformSubmissionId).toBe('101778306');
    const next = await system.api(
      'GET',
      `/submissions?platform=codeforces&verdict=accepted&limit=5&cursor=${page.body.nextCursor}`,
      {
        token: student.token,
      },
    );
    expect(next.body.items[0].submittedAt < page.body.items[4].submittedAt).toBe(true);

    // Telemetry of the problem from the stored records: 1459B has 2 submissions, 1 accepted.
    const mapping = await system
      .db('normalization')
      .collection('problem_mappings')
      .findOne({ _id: 'codeforces:1459B' as never });
    const problem = await eventually(
      () => system.api('GET', `/problems/${mapping!.canonicalProblemId}`, { token: student.token }),
      (r) => r.body?.aggregateTelemetry?.totalSubmissions === 2,
      { what: 'telemetry of 1459B' },
    );
    expect(problem.body).toMatchObject({
      title: 'Move and Turn',
      difficulty: 'medium',
      topics: ['dynamic-programming', 'math'],
      platforms: [
        {
          platform: 'codeforces',
          platformProblemId: '1459B',
          url: 'https://codeforces.com/problemset/problem/1459/B',
        },
      ],
      aggregateTelemetry: { totalSubmissions: 2, acceptedSubmissions: 1, successRate: 0.5 },
    });
    // A malformed id is bad input like any other: the one validation shape, naming it.
    const malformed = await system.api('GET', '/problems/1459B', { token: student.token });
    expectErrorShape(malformed, 400, 'VALIDATION_FAILED');
    expect(malformed.body.error.details).toEqual([{ field: 'id', message: 'id must be a UUID' }]);

    // One sync log for the import.
    const log = await system.api('GET', `/sync/logs/${response.body.syncBatchId}`, {
      token: student.token,
    });
    expect(log.body).toMatchObject({
      source: 'import',
      status: 'succeeded',
      recordsFetched: 89,
      recordsInserted: 89,
      recordsDuplicate: 0,
    });
  });

  it('reports a second import of the same export as duplicates and publishes nothing', async () => {
    const before = tap.events.length;
    const response = await system.api('POST', '/submissions/import?format=codeforces', {
      token: student.token,
      body: codeforcesExport.result,
    });
    expect(response.body).toMatchObject({
      received: 89,
      inserted: 0,
      duplicates: 89,
      rejected: [],
    });
    await sleep(1500);
    expect(tap.events.length).toBe(before);
  });

  it('keeps valid records, rejects bad ones one by one, and refuses a bad envelope or 10 001 records', async () => {
    const response = await system.api('POST', '/submissions/import', {
      token: student.token,
      body: {
        platform: 'leetcode',
        submissions: [
          submission('9001', {
            platformProblemId: 'valid-parentheses',
            title: 'Valid Parentheses',
            difficulty: 'easy',
            tags: ['String', 'Stack'],
          }),
          { ...submission('9002', { platformProblemId: 'x', title: 'X' }), verdict: 'ok' },
          submission('9001', {
            platformProblemId: 'valid-parentheses',
            title: 'Valid Parentheses',
          }),
        ],
      },
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ received: 3, inserted: 1, duplicates: 1 });
    expect(response.body.rejected).toEqual([
      expect.objectContaining({ index: 1, code: 'VALIDATION_FAILED', field: 'verdict' }),
    ]);

    expectErrorShape(
      await system.api('POST', '/submissions/import', {
        token: student.token,
        body: { platform: 'topcoder', submissions: [] },
      }),
      400,
      'VALIDATION_FAILED',
    );
    const tooMany = Array.from({ length: 10_001 }, (_, i) =>
      submission(String(i), { platformProblemId: 'p', title: 'P' }),
    );
    expectErrorShape(
      await system.api('POST', '/submissions/import', {
        token: student.token,
        body: { platform: 'leetcode', submissions: tooMany },
      }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expectErrorShape(
      await system.api('POST', '/submissions/import', {
        body: { platform: 'leetcode', submissions: [] },
      }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('bookmarks with notes, and flags a problem once three users report it', async () => {
    const [problem] = (
      await system.api('GET', '/problems?q=move%20and%20turn', { token: student.token })
    ).body.items;
    const created = await system.api('POST', `/problems/${problem.id}/bookmark`, {
      token: student.token,
      body: { notes: 'try the parity trick' },
    });
    expect(created.status).toBe(201);
    const updated = await system.api('PATCH', `/problems/${problem.id}/bookmark`, {
      token: student.token,
      body: { notes: 'parity + math' },
    });
    expect(updated.body.notes).toBe('parity + math');
    const list = await system.api('GET', '/problems/bookmarks', { token: student.token });
    expect(list.body.items).toEqual([
      expect.objectContaining({
        problemId: problem.id,
        notes: 'parity + math',
        problem: expect.objectContaining({ title: 'Move and Turn' }),
      }),
    ]);
    expect(
      (await system.api('DELETE', `/problems/${problem.id}/bookmark`, { token: student.token }))
        .status,
    ).toBe(204);
    expectErrorShape(
      await system.api('DELETE', `/problems/${problem.id}/bookmark`, { token: student.token }),
      404,
      'NOT_FOUND',
    );

    // Only the student's import vouches for the problem: another user sees it once an admin
    // confirmed it (docs/security-input.md).
    const grace = await system.register('grace');
    expectErrorShape(
      await system.api('POST', `/problems/${problem.id}/feedback`, {
        token: grace.token,
        body: { type: 'wrong_tags', comment: 'it is really math' },
      }),
      404,
      'NOT_FOUND',
    );
    const confirmed = await system.api('POST', `/admin/problems/${problem.id}/confirm`, {
      token: admin.token,
    });
    expect(confirmed.body).toMatchObject({ id: problem.id, verified: true });
    const reporters = [student, admin, grace];
    const answers = [];
    for (const reporter of reporters) {
      answers.push(
        await system.api('POST', `/problems/${problem.id}/feedback`, {
          token: reporter.token,
          body: { type: 'wrong_tags', comment: 'it is really math' },
        }),
      );
    }
    expect(answers.map((a) => [a.status, a.body.problemFlagged])).toEqual([
      [201, false],
      [201, false],
      [201, true],
    ]);
    const flagged = await system.api('GET', '/admin/problems/flagged', { token: admin.token });
    expect(flagged.body.items.map((p: any) => p.id)).toEqual([problem.id]);
    expectErrorShape(
      await system.api('POST', `/problems/${problem.id}/feedback`, {
        token: student.token,
        body: { type: 'spam', comment: 'x' },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('exports and deletes what ingestion and normalization hold about a user', async () => {
    const exported = await system.api('GET', '/me/export', { token: student.token });
    expect(exported.status).toBe(200);
    expect(exported.body.services.ingestion.submissions.length).toBeGreaterThanOrEqual(89);
    expect(
      exported.body.services.normalization.normalizedSubmissions.length,
    ).toBeGreaterThanOrEqual(ATTEMPTS);
    const deleted = await system.api('DELETE', '/me', { token: student.token });
    expect(deleted.status).toBe(202);
    expect(
      await system
        .db('ingestion')
        .collection('submissions')
        .countDocuments({ userId: student.userId }),
    ).toBe(0);
    expect(
      await system
        .db('normalization')
        .collection('normalized_submissions')
        .countDocuments({ userId: student.userId }),
    ).toBe(0);
  });
});
