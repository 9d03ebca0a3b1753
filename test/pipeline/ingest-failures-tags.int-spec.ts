/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, type EventTap, expectErrorShape } from '@prepmate/testing';
import type { PipelineSystem } from '../support/pipeline-system';
import { startIngestSystem, submission } from './ingest-system';

describe('normalization through the gateway: problems held until resolved, and unmapped tags', () => {
  let system: PipelineSystem;
  let tap: EventTap;
  let student: { token: string; userId: string };
  let admin: { token: string; userId: string };

  beforeAll(async () => {
    ({ system, tap, student, admin } = await startIngestSystem('ingest-failures'));
  });

  afterAll(async () => {
    await tap?.close();
    await system?.stop();
  });

  const normalizedOf = (userId: string) =>
    tap.of('submission.normalized').filter((e) => e.payload.userId === userId);

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
});
