/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, tapEvents, type EventTap, expectErrorShape } from '@prepmate/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

const codeforcesExport = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/codeforces/user-status-rishgod.json'), 'utf8'),
);
const ATTEMPTS = codeforcesExport.result.filter(
  (s: any) => s.verdict !== 'COMPILATION_ERROR',
).length;

/** docs/product.md#learning-path-position, from the learner's real imported history. */
describe('GET /roadmaps/:id/position', () => {
  let system: PipelineSystem;
  let tap: EventTap;
  let learner: { token: string; userId: string };
  let newcomer: { token: string; userId: string };
  let stats: any[];
  let solved: Set<string>;

  beforeAll(async () => {
    system = await startPipeline('position', {
      env: { aggregation: { AGGREGATION_DEBOUNCE_MS: '300' } },
    });
    tap = await tapEvents(system.exchange, ['submission.normalized']);
    learner = await system.register('lena');
    newcomer = await system.register('nico');
    const imported = await system.api('POST', '/submissions/import?format=codeforces', {
      token: learner.token,
      body: codeforcesExport,
    });
    expect(imported.status).toBe(202);
    await eventually(
      () => tap.of('submission.normalized').filter((e) => e.payload.userId === learner.userId),
      (events) => events.length >= ATTEMPTS,
      { what: `${ATTEMPTS} submission.normalized`, timeoutMs: 60_000 },
    );
    solved = new Set(
      tap
        .of('submission.normalized')
        .filter((e) => e.payload.userId === learner.userId && e.payload.verdict === 'accepted')
        .map((e) => e.payload.canonicalProblemId),
    );
    const response = await eventually(
      () => system.api('GET', '/telemetry/topic-stats?limit=100', { token: learner.token }),
      (r) =>
        r.status === 200 &&
        r.body.items.reduce((sum: number, item: any) => sum + item.totalAttempts, 0) ===
          tap
            .of('submission.normalized')
            .filter((e) => e.payload.userId === learner.userId)
            .reduce((sum, e) => sum + e.payload.topics.length, 0),
      { what: 'every attempt aggregated', timeoutMs: 60_000 },
    );
    stats = response.body.items;
    expect(stats.length).toBeGreaterThanOrEqual(4);
  }, 120_000);

  afterAll(async () => {
    await tap?.close();
    await system?.stop();
  });

  it('places the learner on a roadmap: done, unlocked (dependencies met), locked, current layer', async () => {
    // The strongest topic counts as done (its threshold just below the mastery); the others
    // need full mastery, so they stay open.
    const [strong, second, third, fourth] = stats;
    const threshold = Math.floor(strong.estimatedMastery * 100) / 100 - 0.01;
    expect(threshold).toBeGreaterThan(0);
    const created = await system.api('POST', '/roadmaps/custom', {
      token: learner.token,
      body: {
        name: 'Position plan',
        topics: [
          { topic: strong.topic, weight: 1, layer: 'core', completionThreshold: threshold },
          { topic: fourth.topic, weight: 0.9, layer: 'core', completionThreshold: 1 },
          {
            topic: second.topic,
            weight: 0.5,
            layer: 'reinforcement',
            completionThreshold: 1,
            dependencies: [strong.topic],
          },
          {
            topic: third.topic,
            weight: 0.4,
            layer: 'advanced',
            completionThreshold: 1,
            dependencies: [second.topic],
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    const roadmapId = created.body.id;

    const position = await system.api('GET', `/roadmaps/${roadmapId}/position`, {
      token: learner.token,
    });
    expect(position.status).toBe(200);
    expect(position.body.roadmapId).toBe(roadmapId);
    expect(position.body.currentLayer).toBe('core');
    expect(position.body.topicsDone.map((t: any) => t.topic)).toEqual([strong.topic]);
    expect(position.body.unlocked.map((t: any) => t.topic)).toEqual([fourth.topic, second.topic]);
    expect(position.body.locked).toEqual([
      expect.objectContaining({ topic: third.topic, dependencies: [second.topic] }),
    ]);
    expect(position.body.topicsDone[0]).toMatchObject({
      topicName: strong.topicName,
      estimatedMastery: strong.estimatedMastery,
      threshold,
    });

    for (const unlocked of position.body.unlocked) {
      const mastery = stats.find((s) => s.topic === unlocked.topic).estimatedMastery;
      expect(unlocked.estimatedMastery).toBe(mastery);
      expect(unlocked.fittingDifficulty).toBe(
        mastery < 0.3 ? 'easy' : mastery < 0.7 ? 'medium' : 'hard',
      );
      const task = unlocked.suggestedTask;
      if (task === null) continue;
      // A TaskInput for POST /tasks: an unsolved catalog problem of the topic, verifiable.
      expect(Object.keys(task).sort()).toEqual(
        ['description', 'estimatedTimeMinutes', 'problemId', 'topic', 'verificationSource'].sort(),
      );
      expect(task.topic).toBe(unlocked.topic);
      expect(solved.has(task.problemId)).toBe(false);
      const problem = await system.api('GET', `/problems/${task.problemId}`, {
        token: learner.token,
      });
      expect(problem.status).toBe(200);
      expect(problem.body.topics).toContain(unlocked.topic);
      expect(problem.body.platforms.map((p: any) => p.platform)).toContain(task.verificationSource);
      expect(task.description).toContain(problem.body.title);
    }
    // The learner's history covers these topics: at least one unsolved problem is suggested.
    expect(position.body.unlocked.some((t: any) => t.suggestedTask !== null)).toBe(true);
  });

  it('starts a newcomer at the core layer, with easy problems first', async () => {
    const official = await system.api('GET', '/roadmaps/interview-core', {
      token: newcomer.token,
    });
    const position = await system.api('GET', '/roadmaps/interview-core/position', {
      token: newcomer.token,
    });
    expect(position.status).toBe(200);
    expect(position.body.currentLayer).toBe('core');
    expect(position.body.topicsDone).toEqual([]);
    const free = official.body.topics.filter((t: any) => t.dependencies.length === 0);
    expect(position.body.unlocked.map((t: any) => t.topic).sort()).toEqual(
      free.map((t: any) => t.topic).sort(),
    );
    expect(position.body.locked).toHaveLength(official.body.topics.length - free.length);
    for (const unlocked of position.body.unlocked) {
      expect(unlocked.fittingDifficulty).toBe('easy');
      if (unlocked.suggestedTask === null) continue;
      const problem = await system.api('GET', `/problems/${unlocked.suggestedTask.problemId}`, {
        token: newcomer.token,
      });
      expect(problem.body.topics).toContain(unlocked.topic);
    }
  });

  it('refuses an unknown roadmap and an anonymous caller', async () => {
    expectErrorShape(
      await system.api('GET', '/roadmaps/no-such-roadmap/position', { token: learner.token }),
      404,
      'NOT_FOUND',
    );
    expectErrorShape(
      await system.api('GET', '/roadmaps/interview-core/position'),
      401,
      'UNAUTHENTICATED',
    );
  });
});
