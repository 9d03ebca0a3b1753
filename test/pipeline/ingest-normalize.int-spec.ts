/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, sleep, tapEvents, type EventTap, expectErrorShape } from '@prepmate/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

const codeforcesExport = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/codeforces/user-status-rishgod.json'), 'utf8'),
);
const ATTEMPTS = codeforcesExport.result.filter(
  (s: any) => s.verdict !== 'COMPILATION_ERROR',
).length;
const CF_PROBLEMS = new Set(
  codeforcesExport.result.map((s: any) => `${s.problem.contestId}${s.problem.index}`),
).size;

function submission(
  id: string,
  problem: Record<string, unknown>,
  verdict = 'accepted',
  minute = 0,
) {
  return {
    platformSubmissionId: id,
    problem,
    verdict,
    submittedAt: new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString(),
    language: 'python3',
    solveTimeSeconds: 600 + minute,
  };
}

describe('ingestion and normalization through the gateway', () => {
  let system: PipelineSystem;
  let tap: EventTap;
  let student: { token: string; userId: string };
  let admin: { token: string; userId: string };

  beforeAll(async () => {
    system = await startPipeline('pipeline', {
      admins: ['root'],
      env: { normalization: { PROBLEM_TELEMETRY_INTERVAL_MS: '500' } },
    });
    tap = await tapEvents(system.exchange, [
      'submission.ingested',
      'submission.normalized',
      'problem.normalization_failed',
    ]);
    student = await system.register('ada');
    admin = await system.register('root');
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

  it('maps the same problem from LeetCode and GeeksforGeeks to one canonical problem with two mappings', async () => {
    const tags = ['Array', 'Hash Table'];
    await system.api('POST', '/submissions/import', {
      token: student.token,
      body: {
        platform: 'leetcode',
        submissions: [
          submission('7001', {
            platformProblemId: 'two-sum',
            title: 'Two Sum',
            difficulty: 'easy',
            tags,
          }),
        ],
      },
    });
    await eventually(
      () =>
        normalizedOf(student.userId).filter((e) => e.payload.platformSubmissionId === '7001')
          .length,
      (n) => n === 1,
      {
        what: 'the LeetCode submission normalized',
      },
    );
    await system.api('POST', '/submissions/import', {
      token: student.token,
      body: {
        platform: 'geeksforgeeks',
        submissions: [
          submission('g-1', {
            platformProblemId: 'two-sum-1587115621',
            title: '1. Two Sum',
            difficulty: 'easy',
            tags,
          }),
        ],
      },
    });
    const gfg = await eventually(
      () => normalizedOf(student.userId).filter((e) => e.payload.platformSubmissionId === 'g-1'),
      (events) => events.length === 1,
      { what: 'the GeeksforGeeks submission normalized' },
    );
    const leetcode = normalizedOf(student.userId).find(
      (e) => e.payload.platformSubmissionId === '7001',
    )!;
    expect(gfg[0].payload.canonicalProblemId).toBe(leetcode.payload.canonicalProblemId);

    const found = await system.api('GET', '/problems?q=two%20sum', { token: student.token });
    const twoSum = found.body.items.filter((p: any) => p.title === 'Two Sum');
    expect(twoSum).toHaveLength(1);
    expect(twoSum[0].platforms.map((p: any) => p.platform).sort()).toEqual([
      'geeksforgeeks',
      'leetcode',
    ]);
    expect(twoSum[0].topics).toEqual(['arrays', 'hashing']);
    const mappings = await system
      .db('normalization')
      .collection('problem_mappings')
      .find({ canonicalProblemId: twoSum[0].id })
      .toArray();
    expect(mappings.map((m) => [m.platform, m.method])).toEqual(
      expect.arrayContaining([
        ['leetcode', 'new'],
        ['geeksforgeeks', 'exact_title_match'],
      ]),
    );
  });

  it('keeps a Codeforces and a LeetCode "Array" with other tags and difficulty apart, flagged as possible duplicates', async () => {
    await system.api('POST', '/submissions/import', {
      token: student.token,
      body: {
        platform: 'codeforces',
        submissions: [
          submission('555001', {
            platformProblemId: '1900Z',
            title: 'Array',
            rating: 2200,
            tags: ['constructive algorithms', 'math'],
          }),
        ],
      },
    });
    await eventually(
      () =>
        normalizedOf(student.userId).filter((e) => e.payload.platformSubmissionId === '555001')
          .length,
      (n) => n === 1,
      {
        what: 'the Codeforces Array normalized',
      },
    );
    await system.api('POST', '/submissions/import', {
      token: student.token,
      body: {
        platform: 'leetcode',
        submissions: [
          submission('8001', {
            platformProblemId: 'array-partition',
            title: 'Array',
            difficulty: 'easy',
            tags: ['Array', 'Sorting'],
          }),
        ],
      },
    });
    await eventually(
      () =>
        normalizedOf(student.userId).filter((e) => e.payload.platformSubmissionId === '8001')
          .length,
      (n) => n === 1,
      {
        what: 'the LeetCode Array normalized',
      },
    );
    const found = await system.api('GET', '/problems?q=array&limit=100', { token: student.token });
    const arrays = found.body.items.filter((p: any) => p.title === 'Array');
    expect(arrays).toHaveLength(2);
    expect(arrays.map((p: any) => p.difficulty).sort()).toEqual(['easy', 'hard']);

    const duplicates = await system.api('GET', '/admin/normalization/possible-duplicates', {
      token: admin.token,
    });
    expect(duplicates.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          problemTitle: 'Array',
          candidateTitle: 'Array',
          confidence: 0.6,
        }),
      ]),
    );
    expectErrorShape(
      await system.api('GET', '/admin/normalization/possible-duplicates', { token: student.token }),
      403,
      'FORBIDDEN',
    );
  });

  it('holds a problem without a title until an admin resolves it, then its submissions count', async () => {
    const mystery = { platformProblemId: 'mystery-problem', title: '', tags: ['Math'] };
    await system.api('POST', '/submissions/import', {
      token: student.token,
      body: {
        platform: 'leetcode',
        submissions: [
          submission('6001', mystery, 'wrong_answer', 1),
          submission('6002', mystery, 'accepted', 2),
        ],
      },
    });
    // At least once, idempotent by eventId: a concurrent relay may publish an event twice.
    const failedEvents = await eventually(
      () => [
        ...new Map(
          tap
            .of('problem.normalization_failed')
            .filter((e) => e.payload.platformProblemId === 'mystery-problem')
            .map((e) => [e.eventId, e]),
        ).values(),
      ],
      (events) => events.length === 2,
      { what: 'two problem.normalization_failed events' },
    );
    expect(failedEvents[0].payload.reason).toBe('the problem has no title');
    const failures = await system.api('GET', '/admin/normalization/failures', {
      token: admin.token,
    });
    const failure = failures.body.items.find((f: any) => f.platformProblemId === 'mystery-problem');
    expect(failure).toMatchObject({
      platform: 'leetcode',
      heldSubmissions: 2,
      status: 'open',
      reason: 'the problem has no title',
    });
    expect(
      normalizedOf(student.userId).filter((e) =>
        ['6001', '6002'].includes(e.payload.platformSubmissionId),
      ),
    ).toHaveLength(0);

    expectErrorShape(
      await system.api('POST', `/admin/normalization/failures/${failure.id}/resolve`, {
        token: admin.token,
        body: {},
      }),
      400,
      'VALIDATION_FAILED',
    );
    const resolved = await system.api(
      'POST',
      `/admin/normalization/failures/${failure.id}/resolve`,
      {
        token: admin.token,
        body: { create: { title: 'Mystery Sum', difficulty: 'medium', topics: ['math'] } },
      },
    );
    expect(resolved.status).toBe(201);
    expect(resolved.body).toMatchObject({ failureId: failure.id, republished: 2 });
    // The admin action reaches auth's audit log (gateway → audit.recorded → auth); the refused
    // attempt (400) does not.
    const audited = await eventually(
      async () =>
        (await system.api('GET', '/admin/audit?limit=100', { token: admin.token })).body
          .items as Array<{
          type: string;
          actorId: string;
          details: { action: string; path: string; status: number };
        }>,
      (items) => items.some((item) => item.type === 'admin.action'),
      { what: 'the resolve to be audited' },
    );
    expect(audited.filter((item) => item.type === 'admin.action')).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        details: {
          action: 'POST /api/v1/admin/normalization/failures/:id/resolve',
          path: `/api/v1/admin/normalization/failures/${failure.id}/resolve`,
          status: 201,
        },
      }),
    ]);
    const counted = await eventually(
      () =>
        normalizedOf(student.userId).filter((e) =>
          ['6001', '6002'].includes(e.payload.platformSubmissionId),
        ),
      (events) => events.length === 2,
      { what: 'the held submissions to be normalized' },
    );
    expect(counted.map((e) => e.payload.canonicalProblemId)).toEqual([
      resolved.body.canonicalProblemId,
      resolved.body.canonicalProblemId,
    ]);
    expect(counted[0].payload).toMatchObject({ topics: ['math'], difficulty: 'medium' });
    await eventually(
      () =>
        system.api('GET', `/problems/${resolved.body.canonicalProblemId}`, {
          token: student.token,
        }),
      (r) => r.body?.aggregateTelemetry?.totalSubmissions === 2,
      { what: 'the resolved problem to count its submissions' },
    );

    // A later submission of the same platform problem maps directly.
    await system.api('POST', '/submissions/import', {
      token: student.token,
      body: { platform: 'leetcode', submissions: [submission('6003', mystery, 'accepted', 3)] },
    });
    const later = await eventually(
      () => normalizedOf(student.userId).filter((e) => e.payload.platformSubmissionId === '6003'),
      (events) => events.length === 1,
      { what: 'a later submission of the resolved problem' },
    );
    expect(later[0].payload.canonicalProblemId).toBe(resolved.body.canonicalProblemId);
    const again = await system.api('POST', `/admin/normalization/failures/${failure.id}/resolve`, {
      token: admin.token,
      body: { canonicalProblemId: resolved.body.canonicalProblemId },
    });
    expectErrorShape(again, 409, 'CONFLICT');
    expect(again.body.error.reason).toBe('ALREADY_RESOLVED');
  });

  it('lists topics publicly and unmapped tags with counts for admins', async () => {
    const topics = await system.api('GET', '/topics');
    expect(topics.status).toBe(200);
    expect(topics.body).toHaveLength(37);
    expect(topics.body.find((t: any) => t.slug === 'dynamic-programming')).toEqual({
      slug: 'dynamic-programming',
      name: 'Dynamic Programming',
      category: 'DSA',
      estimatedHours: 20,
      prerequisites: ['recursion-backtracking'],
    });
    await system.api('POST', '/submissions/import', {
      token: student.token,
      body: {
        platform: 'atcoder',
        submissions: [
          submission('abc1', {
            platformProblemId: 'abc300_a',
            title: 'N-choice question',
            tags: ['Quantum Tricks'],
          }),
          submission('abc2', {
            platformProblemId: 'abc300_b',
            title: 'Same Map in the RPG World',
            tags: ['Quantum Tricks', 'Array'],
          }),
        ],
      },
    });
    const unmapped = await eventually(
      () => system.api('GET', '/admin/tags/unmapped', { token: admin.token }),
      (r) => r.body?.items?.some((t: any) => t.tag === 'quantum-tricks' && t.count === 2),
      { what: 'the unmapped tag counted twice' },
    );
    expect(unmapped.body.items[0]).toMatchObject({
      platform: 'atcoder',
      tag: 'quantum-tricks',
      count: 2,
    });

    const created = await system.api('POST', '/admin/topics/math/aliases', {
      token: admin.token,
      body: { tag: 'Quantum Tricks', platform: 'atcoder' },
    });
    expect(created.body).toEqual({ alias: 'quantum-tricks', topic: 'math', platform: 'atcoder' });
    expectErrorShape(
      await system.api('POST', '/admin/topics/math/aliases', {
        token: admin.token,
        body: { tag: 'quantum tricks', platform: 'atcoder' },
      }),
      409,
      'CONFLICT',
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
