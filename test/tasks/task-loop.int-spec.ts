/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, sleep } from '@prepmate/testing';
import { importCatalog } from '../advisory/catalog-import';
import { expectErrorShape } from '../auth/gateway-client';
import { startPipeline, type PipelineSystem } from '../pipeline/pipeline-system';
import { GithubReplayServer } from './github-replay-server';

/** What listens to a verified task: synergy's level, advisory's draft, the one-call reflection. */
describe('after a task is verified: level, reflection draft and post; tasks from advice', () => {
  const github = new GithubReplayServer();
  let system: PipelineSystem;
  let learner: { token: string; userId: string };

  beforeAll(async () => {
    await github.start();
    system = await startPipeline('taskloop', {
      admins: ['root'],
      env: { roadmap: { GITHUB_API_URL: github.url } },
    });
    const admin = await system.register('root');
    await importCatalog(system, admin);
    learner = await system.register('looper');
  });

  afterAll(async () => {
    await system?.stop();
    await github.stop();
  });

  const api = (method: string, path: string, body?: unknown) =>
    system.api(method, path, { token: learner.token, body });
  /** A GitHub task verified by a commit pushed after its start. */
  const verifiedTask = async (description: string, sha: string) => {
    const created = await api('POST', '/tasks', {
      description,
      topic: 'graphs',
      verificationSource: 'github',
      verificationRequirements: { repository: 'octocat/Hello-World' },
    });
    const started = await api('POST', `/tasks/${created.body.id}/start`);
    await sleep(1_100);
    github.push('octocat/Hello-World', sha, new Date(), [`${sha.slice(0, 4)}.md`]);
    await api('POST', `/tasks/${created.body.id}/complete`);
    const done = await eventually(
      () => api('GET', `/tasks/${created.body.id}`).then((r) => r.body),
      (task) => task.status === 'completed',
      { what: 'the task to be verified' },
    );
    expect(done.startedAt).toBe(started.body.startedAt);
    return done;
  };

  it('creates a task from advisory’s next task in one call', async () => {
    const created = await api('POST', '/tasks/from-advice', { topic: 'graphs' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'pending',
      topic: 'graphs',
      verificationSource: 'leetcode',
      assignedBy: null,
    });
    expect(created.body.description.length).toBeGreaterThanOrEqual(20);
    const problem = await api('GET', `/problems/${created.body.problemId}`);
    expect(problem.status).toBe(200);
    expect(problem.body.topics).toContain('graphs');
    const bad = await api('POST', '/tasks/from-advice', { verificationSource: 'github' });
    expectErrorShape(bad, 400, 'VALIDATION_FAILED');
  });

  it('a verified task adds 2 points to the level; advisory drafts its reflection; one call posts it', async () => {
    const before = await api('GET', '/me/level');
    expect(before.body.points).toBe(0);
    const task = await verifiedTask('Write up BFS on a grid with notes', 'd'.repeat(40));

    const level = await eventually(
      () => api('GET', '/me/level').then((r) => r.body),
      (body) => body.points === 2,
      { what: 'the task points in the level' },
    );
    expect(level.level).toBeCloseTo(10 * (1 - Math.exp(-2 / 200)), 10);

    const pending = await api('POST', '/tasks', {
      description: 'not done yet',
      verificationSource: 'github',
      verificationRequirements: { repository: 'octocat/Hello-World' },
    });
    const early = await api('POST', `/tasks/${pending.body.id}/reflection`, {});
    expectErrorShape(early, 409, 'CONFLICT');

    // The draft is made when task.completed reaches advisory; until then there is none (404).
    const posted = await eventually(
      () => api('POST', `/tasks/${task.id}/reflection`, {}),
      (r) => r.status !== 404,
      { what: 'the reflection draft' },
    );
    expect(posted.status).toBe(201);
    expect(posted.body.post).toMatchObject({ taskId: task.id, authorId: learner.userId });
    expect(posted.body.post.content.length).toBeGreaterThan(20);
    expect(posted.body.post.skills.length).toBeGreaterThanOrEqual(3);
    expect(posted.body.task.reflectionPostId).toBe(posted.body.post.id);
    const again = await api('POST', `/tasks/${task.id}/reflection`, { text: 'twice' });
    expectErrorShape(again, 409, 'CONFLICT');
    const stored = await api('GET', `/posts/${posted.body.post.id}`);
    expect(stored.body.content).toBe(posted.body.post.content);

    const own = await verifiedTask('Push the Dijkstra notes', 'e'.repeat(40));
    const mine = await api('POST', `/tasks/${own.id}/reflection`, {
      text: 'Dijkstra needs a heap; I forgot the visited check at first.',
    });
    expect(mine.status).toBe(201);
    expect(mine.body.post.content).toBe(
      'Dijkstra needs a heap; I forgot the visited check at first.',
    );
    await eventually(
      () => api('GET', '/me/level').then((r) => r.body.points),
      (points) => points === 4,
      { what: 'the second task points' },
    );

    const exported = await api('GET', '/me/export');
    const drafts = exported.body.services.advisory.reflectionDrafts;
    expect(drafts.map((d: any) => d._id).sort()).toEqual([own.id, task.id].sort());
    expect(exported.body.services.synergy.learningLevel[0].verifiedTaskIds.sort()).toEqual(
      [own.id, task.id].sort(),
    );
  });
});
