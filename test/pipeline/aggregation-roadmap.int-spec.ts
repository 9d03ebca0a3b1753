/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import type { EventEnvelope } from '@prepmate/contracts';
import { eventually, tapEvents, type EventTap, expectErrorShape } from '@prepmate/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attempt } from '../../apps/aggregation/src/domain/attempt';
import { expectMatchesReference, referenceTopicStats } from '../reference/topic-stats';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

const codeforcesExport = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/codeforces/user-status-rishgod.json'), 'utf8'),
);
const ATTEMPTS = codeforcesExport.result.filter(
  (s: any) => s.verdict !== 'COMPILATION_ERROR',
).length;

function attemptOf(event: EventEnvelope<'submission.normalized'>): Attempt {
  const p = event.payload;
  return {
    submissionId: p.submissionId,
    canonicalProblemId: p.canonicalProblemId,
    platformSubmissionId: p.platformSubmissionId,
    difficulty: p.difficulty,
    topics: p.topics,
    accepted: p.verdict === 'accepted',
    submittedAt: Date.parse(p.submittedAt),
    solveTimeSeconds: p.solveTimeSeconds,
  };
}

/** PCI by docs/product.md#roadmaps-and-pci, from the masteries the telemetry API reports. */
function expectedPci(
  topics: Array<{ topic: string; weight: number; completionThreshold?: number }>,
  mastery: Map<string, number>,
) {
  const total = topics.reduce((sum, t) => sum + t.weight, 0);
  const completed = topics.filter(
    (t) => mastery.has(t.topic) && mastery.get(t.topic)! >= (t.completionThreshold ?? 0.6),
  );
  const pci = completed.reduce((sum, t) => sum + t.weight, 0) / total;
  return {
    pciScore: Math.round(pci * 1e4) / 1e4,
    completionPercentage: Math.round(pci * 100 * 100) / 100,
    topicsCompleted: completed.length,
    topicsTotal: topics.length,
  };
}

describe('aggregation and roadmaps through the gateway', () => {
  let system: PipelineSystem;
  let tap: EventTap;
  let student: { token: string; userId: string };
  let other: { token: string; userId: string };
  let admin: { token: string; userId: string };
  let stats: any[];
  let attempts: Attempt[];

  beforeAll(async () => {
    system = await startPipeline('progress', {
      admins: ['root'],
      env: { aggregation: { AGGREGATION_DEBOUNCE_MS: '300' } },
    });
    tap = await tapEvents(system.exchange, [
      'submission.normalized',
      'topic.aggregated',
      'pci.recomputed',
    ]);
    student = await system.register('grace');
    other = await system.register('linus');
    admin = await system.register('root');
  });

  afterAll(async () => {
    await tap?.close();
    await system?.stop();
  });

  const aggregatedOf = (userId: string) =>
    tap.of('topic.aggregated').filter((e) => e.payload.userId === userId);
  const pciEventsOf = (userId: string, roadmapId: string) =>
    tap
      .of('pci.recomputed')
      .filter((e) => e.payload.userId === userId && e.payload.roadmapId === roadmapId);

  it('turns a real Codeforces export into topic stats equal to the spec computed from its attempts', async () => {
    const imported = await system.api('POST', '/submissions/import?format=codeforces', {
      token: student.token,
      body: codeforcesExport,
    });
    expect(imported.status).toBe(202);
    await eventually(
      () =>
        tap.of('submission.normalized').filter((e) => e.payload.userId === student.userId).length,
      (count) => count >= ATTEMPTS,
      { what: `${ATTEMPTS} submission.normalized`, timeoutMs: 30_000 },
    );
    attempts = tap
      .of('submission.normalized')
      .filter((e) => e.payload.userId === student.userId)
      .map(attemptOf);
    const topics = [...new Set(attempts.flatMap((a) => a.topics))].sort();
    expect(topics.length).toBeGreaterThan(3);

    const response = await eventually(
      () => system.api('GET', '/telemetry/topic-stats?limit=100', { token: student.token }),
      (r) =>
        r.status === 200 &&
        r.body.items.length === topics.length &&
        r.body.items.reduce((sum: number, item: any) => sum + item.totalAttempts, 0) ===
          attempts.reduce((sum, a) => sum + a.topics.length, 0),
      { what: 'topic stats of every attempt', timeoutMs: 30_000 },
    );
    stats = response.body.items;
    const now = Date.now();
    for (const item of stats) {
      expectMatchesReference(item, referenceTopicStats(attempts, item.topic, now));
      expect(item).toMatchObject({ percentileRank: 100, comparisonVsAverage: 0 });
      expect(typeof item.topicName).toBe('string');
    }
    const masteries = stats.map((item) => item.estimatedMastery);
    expect(masteries).toEqual([...masteries].sort((a, b) => b - a));

    // one topic.aggregated per job, together carrying every topic; the last one counts every
    // solved problem (events are relayed after the save the stats are read from, so the last
    // may arrive a moment later)
    const solved = new Map<string, Attempt>();
    for (const a of [...attempts].sort((x, y) => x.submittedAt - y.submittedAt))
      if (a.accepted && !solved.has(a.canonicalProblemId)) solved.set(a.canonicalProblemId, a);
    const solvedByDifficulty = {
      easy: [...solved.values()].filter((a) => a.difficulty === 'easy').length,
      medium: [...solved.values()].filter((a) => a.difficulty === 'medium').length,
      hard: [...solved.values()].filter((a) => a.difficulty === 'hard').length,
    };
    const events = await eventually(
      () => aggregatedOf(student.userId),
      (found) =>
        found.length > 0 &&
        JSON.stringify(found[found.length - 1].payload.solvedByDifficulty) ===
          JSON.stringify(solvedByDifficulty),
      { what: 'the last topic.aggregated counting every solved problem', timeoutMs: 10_000 },
    );
    expect(new Set(events.flatMap((e) => e.payload.topics.map((t) => t.topic)))).toEqual(
      new Set(topics),
    );
    expect(events[events.length - 1].payload.solvedByDifficulty).toEqual(solvedByDifficulty);
  });

  it('serves weak topics, performance and revisions from the same attempts', async () => {
    const weak = await system.api('GET', '/telemetry/weak-topics?limit=100', {
      token: student.token,
    });
    expect(weak.status).toBe(200);
    const expected = stats
      .filter((s) => s.totalAttempts >= 3)
      .sort(
        (a, b) =>
          a.estimatedMastery - b.estimatedMastery ||
          a.successRate - b.successRate ||
          a.topic.localeCompare(b.topic),
      )
      .map((s) => s.topic);
    expect(weak.body.items.map((s: any) => s.topic)).toEqual(expected);

    const all = await system.api('GET', '/telemetry/performance?period=all', {
      token: student.token,
    });
    expect(all.status).toBe(200);
    expect(all.body.summary).toMatchObject({
      attempts: ATTEMPTS,
      accepted: attempts.filter((a) => a.accepted).length,
      change: null,
    });
    expect(all.body.from).toBe(
      new Date(Math.min(...attempts.map((a) => a.submittedAt))).toISOString().slice(0, 10),
    );
    const week = await system.api('GET', '/telemetry/performance?period=7d', {
      token: student.token,
    });
    expect(week.body.dataPoints).toHaveLength(7);
    expect(week.body.summary).toMatchObject({
      attempts: 0,
      change: { attempts: 0, accepted: 0, successRate: 0 },
    });
    const bad = await system.api('GET', '/telemetry/performance?period=1y', {
      token: student.token,
    });
    expectErrorShape(bad, 400, 'VALIDATION_FAILED');

    // the export is years old: every solved problem is due
    const due = await system.api('GET', '/telemetry/revisions/due?limit=100', {
      token: student.token,
    });
    const solvedProblems = new Set(
      attempts.filter((a) => a.accepted).map((a) => a.canonicalProblemId),
    );
    expect(due.body.items).toHaveLength(Math.min(100, solvedProblems.size));
    expect(due.body.items[0]).toMatchObject({
      reps: expect.any(Number),
      retrievability: expect.any(Number),
    });
    // each with the catalog's title and where to solve it again
    const first = due.body.items[0];
    const problem = await system.api('GET', `/problems/${first.canonicalProblemId}`, {
      token: student.token,
    });
    expect(first.title).toBe(problem.body.title);
    expect(first.platforms).toEqual([
      expect.objectContaining({
        platform: 'codeforces',
        url: expect.stringMatching(/^https:\/\/codeforces\.com\/problemset\/problem\//),
      }),
    ]);
    expect(due.body.items.every((item: any) => typeof item.title === 'string')).toBe(true);
  });

  it("lets admins read a student's stats, not other students", async () => {
    const forbidden = await system.api('GET', `/telemetry/topic-stats/${student.userId}`, {
      token: other.token,
    });
    expectErrorShape(forbidden, 403, 'FORBIDDEN');
    const asAdmin = await system.api('GET', `/telemetry/topic-stats/${student.userId}?limit=100`, {
      token: admin.token,
    });
    expect(asAdmin.body.items.map((s: any) => s.topic)).toEqual(stats.map((s) => s.topic));
    const self = await system.api('GET', `/telemetry/topic-stats/${student.userId}?limit=2`, {
      token: student.token,
    });
    expect(self.body.items).toHaveLength(2);
    expect(self.body.nextCursor).toEqual(expect.any(String));
  });

  let roadmapId: string;
  let plan: Array<{ topic: string; weight: number; layer: string; completionThreshold?: number }>;

  it('computes PCI of a custom roadmap from the masteries, as the spec defines it', async () => {
    const [first, second, third] = stats;
    plan = [
      { topic: first.topic, weight: 1, layer: 'core', completionThreshold: first.estimatedMastery },
      {
        topic: second.topic,
        weight: 0.8,
        layer: 'core',
        completionThreshold: Math.min(1, second.estimatedMastery + 0.01),
      },
      { topic: third.topic, weight: 0.5, layer: 'reinforcement' },
      { topic: 'system-design', weight: 0.25, layer: 'optional' },
    ];
    const created = await system.api('POST', '/roadmaps/custom', {
      token: student.token,
      body: { name: 'My plan', topics: plan },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'My plan',
      topicCount: 4,
      createdBy: student.userId,
      warnings: [],
    });
    roadmapId = created.body.id;

    const mastery = new Map(stats.map((s) => [s.topic, s.estimatedMastery]));
    const pci = await system.api('GET', `/roadmaps/${roadmapId}/pci`, { token: student.token });
    expect(pci.status).toBe(200);
    expect(pci.body).toMatchObject({ roadmapId, ...expectedPci(plan, mastery) });
    expect(pci.body.topicProgresses.map((p: any) => [p.topic, p.isCompleted])).toEqual([
      [first.topic, true],
      [second.topic, false],
      [third.topic, third.estimatedMastery >= 0.6],
      ['system-design', false],
    ]);
    expect(pci.body.topicProgresses[3]).toMatchObject({
      estimatedMastery: 0,
      completionStatus: 'not_started',
    });
    expect(pci.body.byLayer.optional).toEqual({
      topicsCompleted: 0,
      topicsTotal: 1,
      weightCompleted: 0,
      weightTotal: 0.25,
    });
    await eventually(
      () => pciEventsOf(student.userId, roadmapId),
      (events) => events.length >= 1,
      { what: 'pci.recomputed of the new roadmap' },
    );
    expect(pciEventsOf(student.userId, roadmapId)[0].payload.pciScore).toBe(pci.body.pciScore);

    const whatIf = await system.api('GET', `/roadmaps/${roadmapId}/pci?masteryThreshold=0.01`, {
      token: student.token,
    });
    expect(whatIf.body).toMatchObject({
      pciScore: expectedPci(
        plan.map((t) => ({ ...t, completionThreshold: 0.01 })),
        mastery,
      ).pciScore,
      masteryThreshold: 0.01,
    });

    const recommendations = await system.api('GET', `/roadmaps/${roadmapId}/recommendations`, {
      token: student.token,
    });
    expect(recommendations.body.items.map((r: any) => r.topic)).toEqual(
      plan.filter((_, i) => !pci.body.topicProgresses[i].isCompleted).map((t) => t.topic),
    );
    const estimate = await system.api('GET', `/roadmaps/${roadmapId}/time-estimate?hoursPerDay=3`, {
      token: student.token,
    });
    expect(estimate.body.estimatedDays).toBe(Math.ceil(estimate.body.remainingHours / 3));
    const topic = await system.api('GET', `/roadmaps/${roadmapId}/topics/${first.topic}/progress`, {
      token: student.token,
    });
    expect(topic.body).toMatchObject({
      topic: first.topic,
      isCompleted: true,
      totalAttempts: first.totalAttempts,
    });
  });

  it('recomputes PCI at once when the roadmap is edited', async () => {
    const before = pciEventsOf(student.userId, roadmapId).length;
    const edited = await system.api(
      'PUT',
      `/roadmaps/custom/${roadmapId}/topics/${stats[1].topic}`,
      {
        token: student.token,
        body: { completionThreshold: stats[1].estimatedMastery },
      },
    );
    expect(edited.status).toBe(200);
    const progress = await system.api('GET', `/roadmaps/${roadmapId}/progress`, {
      token: student.token,
    });
    const mastery = new Map(stats.map((s) => [s.topic, s.estimatedMastery]));
    plan[1].completionThreshold = stats[1].estimatedMastery;
    expect(progress.body).toMatchObject(expectedPci(plan, mastery));
    await eventually(
      () => pciEventsOf(student.userId, roadmapId).length,
      (count) => count === before + 1,
      { what: 'pci.recomputed after the edit' },
    );

    const removed = await system.api(
      'DELETE',
      `/roadmaps/custom/${roadmapId}/topics/system-design`,
      { token: student.token },
    );
    expect(removed.status).toBe(200);
    const after = await system.api('GET', `/roadmaps/${roadmapId}/progress`, {
      token: student.token,
    });
    expect(after.body).toMatchObject(expectedPci(plan.slice(0, 3), mastery));
  });

  it('reaches exactly 1 when every topic is completed', async () => {
    const topics = stats.slice(0, 5).map((s, i) => ({
      topic: s.topic,
      weight: [0.9, 0.7, 0.3, 0.1, 0.1][i],
      layer: i < 2 ? 'core' : 'reinforcement',
      completionThreshold: s.estimatedMastery,
    }));
    const created = await system.api('POST', '/roadmaps/custom', {
      token: student.token,
      body: { name: 'Done', topics },
    });
    expect(created.body.warnings).toEqual([]);
    const pci = await system.api('GET', `/roadmaps/${created.body.id}/pci`, {
      token: student.token,
    });
    expect(pci.body).toMatchObject({
      pciScore: 1,
      completionPercentage: 100,
      topicsCompleted: 5,
      topicsTotal: 5,
    });
    expect(pci.body.completedWeightSum).toBe(pci.body.totalWeightSum);
  });

  it('validates roadmaps (400 with every problem, 200 with warnings) and hides them from others', async () => {
    const invalid = await system.api('POST', '/roadmaps/custom', {
      token: student.token,
      body: {
        name: 'Bad',
        topics: [
          { topic: 'arrays', weight: 1.5, layer: 'core', dependencies: ['graphs'] },
          { topic: 'no-such-topic', weight: 0.5, layer: 'core' },
          { topic: 'math', weight: 0.5, layer: 'optional' },
        ],
      },
    });
    expectErrorShape(invalid, 400, 'VALIDATION_FAILED');
    expect(invalid.body.error.details.map((d: any) => d.message)).toEqual([
      'weight of "arrays" must be in (0, 1]',
      'unknown topic "no-such-topic"',
      'optional topic "math" may weigh at most 0.3',
      '"arrays" depends on "graphs", which is not on the roadmap',
    ]);
    const cycle = await system.api('POST', `/roadmaps/custom/${roadmapId}/topics`, {
      token: student.token,
      body: {
        topics: [
          { topic: 'trees', weight: 0.9, layer: 'core', dependencies: ['graphs'] },
          { topic: 'graphs', weight: 0.9, layer: 'core', dependencies: ['trees'] },
        ],
      },
    });
    expectErrorShape(cycle, 400, 'VALIDATION_FAILED');
    const light = await system.api('POST', '/roadmaps/custom', {
      token: student.token,
      body: { name: 'Light', topics: [{ topic: 'arrays', weight: 0.5, layer: 'core' }] },
    });
    expect(light.status).toBe(201);
    expect(light.body.warnings).toEqual(['core topic "arrays" weighs 0.5, below 0.7']);

    for (const path of [`/roadmaps/${roadmapId}`, `/roadmaps/${roadmapId}/pci`]) {
      const hidden = await system.api('GET', path, { token: other.token });
      expectErrorShape(hidden, 404, 'NOT_FOUND');
    }
    const notYours = await system.api(
      'DELETE',
      `/roadmaps/custom/${roadmapId}/topics/${stats[0].topic}`,
      { token: other.token },
    );
    expectErrorShape(notYours, 404, 'NOT_FOUND');
  });

  it('lists official roadmaps; following one tracks its PCI', async () => {
    const list = await system.api('GET', '/roadmaps', { token: other.token });
    expect(list.body.items.map((r: any) => r.name)).toEqual(
      expect.arrayContaining(['Interview Core', 'Dynamic Programming Deep Dive', 'Graphs']),
    );
    expect(list.body.items.every((r: any) => r.official)).toBe(true);
    const follow = await system.api('POST', '/roadmaps/interview-core/follow', {
      token: student.token,
    });
    expect(follow.body).toEqual({ roadmapId: 'interview-core', following: true });
    const all = await system.api('GET', '/roadmaps/pci', { token: student.token });
    expect(all.body.items.map((r: any) => r.roadmapId)).toEqual(
      expect.arrayContaining([roadmapId, 'interview-core']),
    );
  });

  it('an older attempt arriving late gives the same stats as in-order processing', async () => {
    const topic = stats[0].topic;
    const earliest = Math.min(...attempts.map((a) => a.submittedAt));
    const carrier = attempts.find((a) => a.topics.includes(topic))!;
    const source = codeforcesExport.result.find(
      (s: any) => String(s.id) === carrier.platformSubmissionId,
    );
    const late = await system.api('POST', '/submissions/import', {
      token: student.token,
      body: {
        platform: 'codeforces',
        submissions: [
          {
            platformSubmissionId: '77',
            problem: {
              platformProblemId: '9999Z',
              title: 'A Late Problem',
              difficulty: 'hard',
              tags: source.problem.tags,
            },
            verdict: 'wrong_answer',
            submittedAt: new Date(earliest - 86_400_000).toISOString(),
          },
        ],
      },
    });
    expect(late.status).toBe(202);
    const normalized = await eventually(
      () => tap.of('submission.normalized').filter((e) => e.payload.userId === student.userId),
      (events) => events.length === ATTEMPTS + 1,
      { what: 'the late attempt normalized' },
    );
    const lateAttempt = attemptOf(normalized[normalized.length - 1]);
    expect(lateAttempt.topics).toContain(topic);
    await eventually(
      () => system.api('GET', '/telemetry/topic-stats?limit=100', { token: student.token }),
      (r) =>
        r.body.items.find((s: any) => s.topic === topic).totalAttempts ===
        stats[0].totalAttempts + 1,
      { what: 'the late attempt aggregated' },
    );
    const now = Date.now();
    const after = await system.api('GET', '/telemetry/topic-stats?limit=100', {
      token: student.token,
    });
    const item = after.body.items.find((s: any) => s.topic === topic);
    expectMatchesReference(item, referenceTopicStats([...attempts, lateAttempt], topic, now));
    const performance = await system.api('GET', '/telemetry/performance?period=all', {
      token: student.token,
    });
    expect(performance.body.summary.attempts).toBe(ATTEMPTS + 1);
  });

  it('answers a cursor no list handed out with a 400 that names it, on every kind of list', async () => {
    const lists: Array<[string, { token: string }]> = [
      ['/submissions?cursor=not-a-cursor', student], // time cursor (ingestion)
      ['/telemetry/topic-stats?cursor=x', student], // offset cursors
      ['/problems/bookmarks?cursor=-1', student],
      ['/admin/tags/unmapped?cursor=1.5', admin],
      ['/admin/sync/retry-ready?cursor=x', admin], // time cursor (ingestion)
    ];
    for (const [path, caller] of lists) {
      const response = await system.api('GET', path, { token: caller.token });
      expectErrorShape(response, 400, 'VALIDATION_FAILED');
      expect({ path, error: response.body.error }).toMatchObject({
        path,
        error: { field: 'cursor', details: [{ field: 'cursor', message: expect.any(String) }] },
      });
    }
  });

  // Last: it stops the normalization service.
  it('still lists revisions due, without titles, while the problem catalog is down', async () => {
    const normalization = system.services.get('normalization')!;
    await system.db('normalization').dropDatabase();
    await normalization.close();
    system.services.delete('normalization');
    const due = await system.api('GET', '/telemetry/revisions/due?limit=5', {
      token: student.token,
    });
    expect(due.status).toBe(200);
    expect(due.body.items).toHaveLength(5);
    expect(due.body.items[0]).toMatchObject({
      title: null,
      platforms: [],
      reps: expect.any(Number),
    });
  });
});
