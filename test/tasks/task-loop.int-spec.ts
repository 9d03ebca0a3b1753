/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, sleep, expectErrorShape } from '@prepmate/testing';
import { importCatalog } from '../support/catalog-import';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';
import { GithubReplayServer } from './github-replay-server';

/**
 * GitHub tasks not verified, and what listens to a verified task: synergy's level, advisory's
 * draft, the one-call reflection; tasks from advice.
 */
describe('GitHub verification failures; after a task is verified; tasks from advice', () => {
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
  }, 300_000);

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

  const createStarted = async (body: Record<string, unknown>) => {
    const created = await api('POST', '/tasks', body);
    expect(created.status).toBe(201);
    const started = await api('POST', `/tasks/${created.body.id}/start`);
    await sleep(1_100);
    return started.body;
  };
  const settled = (taskId: string) =>
    eventually(
      () => api('GET', `/tasks/${taskId}`).then((r) => r.body),
      (task) => task.status === 'completed' || task.status === 'failed',
      { what: `task ${taskId} to settle`, timeoutMs: 30_000 },
    );

  it('no commit touching the path since the start, or no such repository: not verified', async () => {
    const task = await createStarted({
      description: 'write the DP notes',
      verificationSource: 'github',
      verificationRequirements: { repository: 'octocat/Hello-World', path: 'dp' },
    });
    // A commit after the start, but elsewhere; the recorded ones touching README are older.
    github.push('octocat/Hello-World', 'b'.repeat(40), new Date(), ['README']);
    await api('POST', `/tasks/${task.id}/complete`);
    const failed = await settled(task.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toBe(
      `no commit in octocat/Hello-World touching dp since the task started (${task.startedAt})`,
    );

    const missing = await createStarted({
      description: 'push to a repository that is not there',
      verificationSource: 'github',
      verificationRequirements: { repository: 'octocat/no-such-repo' },
    });
    await api('POST', `/tasks/${missing.id}/complete`);
    const refused = await settled(missing.id);
    expect(refused.failureReason).toBe(
      'github: octocat/no-such-repo is not a public repository GitHub knows',
    );
  });

  it('GitHub failing for a moment: the verification job is retried and succeeds', async () => {
    const task = await createStarted({
      description: 'graph notes, second part',
      verificationSource: 'github',
      verificationRequirements: { repository: 'octocat/Hello-World' },
    });
    github.push('octocat/Hello-World', 'c'.repeat(40), new Date(), ['graphs.md']);
    github.failures.push(502);
    const before = github.requests.length;
    await api('POST', `/tasks/${task.id}/complete`);
    const completed = await settled(task.id);
    expect(completed.status).toBe('completed');
    // The first answer was 502; the next attempt found the newest commit after the start.
    expect(github.requests.length - before).toBe(2);
    expect(completed.evidence.ref).toBe(`octocat/Hello-World@${'c'.repeat(40)}`);
  });

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
    // The GitHub task verified above already counted: 2 points.
    const before = (await api('GET', '/me/level')).body.points;
    expect(before).toBe(2);
    const task = await verifiedTask('Write up BFS on a grid with notes', 'd'.repeat(40));

    const level = await eventually(
      () => api('GET', '/me/level').then((r) => r.body),
      (body) => body.points === before + 2,
      { what: 'the task points in the level' },
    );
    expect(level.level).toBeCloseTo(10 * (1 - Math.exp(-(before + 2) / 200)), 10);

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
      (points) => points === before + 4,
      { what: 'the second task points' },
    );

    const exported = await api('GET', '/me/export');
    const drafts = exported.body.services.advisory.reflectionDrafts;
    expect(drafts.map((d: any) => d._id)).toEqual(expect.arrayContaining([own.id, task.id]));
    expect(drafts.every((d: any) => d.userId === learner.userId)).toBe(true);
    const counted = exported.body.services.synergy.learningLevel[0].verifiedTaskIds;
    expect(counted).toHaveLength(3);
    expect(counted).toEqual(expect.arrayContaining([own.id, task.id]));
  });

  it('verified tasks count on the roadmap topic beside PCI, not in it', async () => {
    // The two graphs tasks verified above (the third GitHub task names no topic).
    const progress = await eventually(
      () => api('GET', '/roadmaps/graphs/progress').then((r) => r.body),
      (body) => body.verifiedTasks === 2,
      { what: 'the verified tasks on the Graphs roadmap' },
    );
    const graphs = progress.topicProgresses.find((t: any) => t.topic === 'graphs');
    expect(graphs.verifiedTasks).toBe(2);
    expect(
      progress.topicProgresses
        .filter((t: any) => t.topic !== 'graphs')
        .every((t: any) => t.verifiedTasks === 0),
    ).toBe(true);
    // No submission was made: mastery, and so PCI, did not move.
    expect(progress.pciScore).toBe(0);
    expect(graphs.estimatedMastery).toBe(0);
    const topic = await api('GET', '/roadmaps/graphs/topics/graphs/progress');
    expect(topic.body.verifiedTasks).toBe(2);

    const exported = await api('GET', '/me/export');
    const [counts] = exported.body.services.roadmap.verifiedTasks;
    expect(counts.topics.graphs.count).toBe(2);
    expect(counts.recentTaskIds).toHaveLength(2);
  });
});
