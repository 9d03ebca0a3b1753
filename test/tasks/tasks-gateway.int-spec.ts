/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, sleep, tapEvents, type EventTap, expectErrorShape } from '@prepmate/testing';
import { randomBytes } from 'node:crypto';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';
import { RecordedPlatformServer } from '../support/recorded-platform-server';
import { GithubReplayServer } from './github-replay-server';

/** How long a coding task waits for a sync before failing (short here; 15 min by default). */
const VERIFICATION_TIMEOUT_MS = 8_000;
const GITHUB_TOKEN = 'ghp_test_token_for_replay';

describe('tasks with verification, through the gateway', () => {
  const platform = new RecordedPlatformServer();
  const github = new GithubReplayServer();
  let system: PipelineSystem;
  let tap: EventTap;
  let user: { token: string; userId: string };
  /** Canonical ids of Codeforces problems of the recorded account (set once it is synced). */
  const problems: Record<string, string> = {};
  const fixture = platform.codeforcesSubmissions.slice();

  beforeAll(async () => {
    await platform.start();
    await github.start();
    system = await startPipeline('tasks', {
      env: {
        ingestion: {
          CODEFORCES_API_URL: `${platform.url}/api`,
          LEETCODE_GRAPHQL_URL: `${platform.url}/graphql`,
          PLATFORM_HTTP_TIMEOUT_MS: '2000',
          SYNC_BACKOFF_BASE_MS: '150',
          SYNC_SCHEDULER_INTERVAL_MS: '300',
          // Syncs here are the ones verifications start: no automatic one after linking.
          SYNC_AUTO_FIRST_DELAY_MS: '3600000',
          INTEGRATION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        },
        roadmap: {
          TASK_VERIFICATION_TIMEOUT_MS: String(VERIFICATION_TIMEOUT_MS),
          // Later than the deadline jobs, so the sweep settles only what they cannot.
          TASK_VERIFICATION_SWEEP_MS: '500',
          TASK_VERIFICATION_GRACE_MS: '3000',
          GITHUB_API_URL: github.url,
          GITHUB_TOKEN,
        },
      },
    });
    tap = await tapEvents(system.exchange, ['task.completed', 'task.failed']);
    user = await system.register('tasker');
    // The learner's Codeforces history (2019–2020) is ingested before any task exists.
    await api('PUT', '/integrations/codeforces', { username: 'rishgod' });
    await api('POST', '/integrations/codeforces/sync');
    const attempts = system.db('aggregation').collection('attempts');
    await eventually(
      () => attempts.countDocuments({ userId: user.userId }),
      // Compilation errors are not attempts (docs/product.md): 85 of the 89.
      (n) => n === fixture.filter((s) => s.verdict !== 'COMPILATION_ERROR').length,
      { what: 'the recorded history to reach aggregation', timeoutMs: 60_000 },
    );
    for (const key of ['1459B', ...distinctProblems().slice(1, 3)]) {
      const submission = fixture.find((s) => problemKey(s) === key)!;
      const attempt = await attempts.findOne({ platformSubmissionId: String(submission.id) });
      problems[key] = attempt!.canonicalProblemId as string;
    }
  });

  afterAll(async () => {
    await tap?.close();
    await system?.stop();
    await github.stop();
    await platform.stop();
  });

  const api = (method: string, path: string, body?: unknown, token = user.token) =>
    system.api(method, path, { token, body });
  const problemKey = (s: any) => `${s.problem.contestId}${s.problem.index}`;
  const distinctProblems = () => [...new Set(fixture.map(problemKey))];
  const settled = (taskId: string) =>
    eventually(
      () => api('GET', `/tasks/${taskId}`).then((r) => r.body),
      (task) => task.status === 'completed' || task.status === 'failed',
      { what: `task ${taskId} to settle`, timeoutMs: VERIFICATION_TIMEOUT_MS + 30_000 },
    );
  /** The learner's Codeforces sync state once no sync runs. */
  const syncIdle = () =>
    eventually(
      () => api('GET', '/sync/state/codeforces').then((r) => r.body),
      (state) => state?.runningSyncBatchId === null,
      { what: 'no Codeforces sync running' },
    );
  /** A submission the learner makes now on Codeforces (the replay server serves it next). */
  let nextSubmissionId = 101_900_001;
  const submitNow = (key: string, verdict: string) => {
    const template = fixture.find((s) => problemKey(s) === key)!;
    const id = nextSubmissionId++;
    platform.codeforcesSubmissions.unshift({
      ...template,
      id,
      creationTimeSeconds: Math.floor(Date.now() / 1000),
      verdict,
    });
    return id;
  };
  const createStarted = async (body: Record<string, unknown>) => {
    const created = await api('POST', '/tasks', body);
    expect(created.status).toBe(201);
    const started = await api('POST', `/tasks/${created.body.id}/start`);
    expect(started.status).toBe(200);
    // Platform timestamps have whole seconds: what the learner does next is after the start.
    await sleep(1_100);
    return started.body;
  };

  it('creates, lists, edits and deletes tasks; refuses what breaks the rules', async () => {
    const missing = await api('POST', '/tasks', {
      description: 'solve it',
      verificationSource: 'codeforces',
    });
    expectErrorShape(missing, 400, 'VALIDATION_FAILED');
    expect(missing.body.error.message).toContain('problemId');
    const noRepo = await api('POST', '/tasks', { description: 'x', verificationSource: 'github' });
    expectErrorShape(noRepo, 400, 'VALIDATION_FAILED');
    const badSource = await api('POST', '/tasks', { description: 'x', verificationSource: 'svn' });
    expectErrorShape(badSource, 400, 'VALIDATION_FAILED');

    const created = await api('POST', '/tasks', {
      description: 'Move and Turn again',
      topic: 'dynamic-programming',
      problemId: problems['1459B'],
      verificationSource: 'codeforces',
      estimatedTimeMinutes: 30,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'pending',
      userId: user.userId,
      assignedBy: null,
      startedAt: null,
      version: 0,
      history: [{ from: null, to: 'pending', cause: 'created' }],
    });
    const second = await api('POST', '/tasks', {
      description: 'Push the graph notes',
      verificationSource: 'github',
      verificationRequirements: { repository: 'octocat/Hello-World' },
    });

    const page1 = await api('GET', '/tasks?limit=1');
    expect(page1.body.items.map((t: any) => t.id)).toEqual([second.body.id]);
    const page2 = await api('GET', `/tasks?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((t: any) => t.id)).toEqual([created.body.id]);
    const badStatus = await api('GET', '/tasks?status=done');
    expectErrorShape(badStatus, 400, 'VALIDATION_FAILED');

    const edited = await api('PATCH', `/tasks/${created.body.id}`, {
      version: 0,
      description: 'Move and Turn, with a proof',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ description: 'Move and Turn, with a proof', version: 1 });
    const stale = await api('PATCH', `/tasks/${created.body.id}`, { version: 0, description: 'y' });
    expectErrorShape(stale, 409, 'CONFLICT');

    const early = await api('POST', `/tasks/${created.body.id}/complete`);
    expectErrorShape(early, 409, 'CONFLICT');
    expect(early.body.error.message).toContain('pending task cannot be sent to verification');

    const other = await system.register('stranger');
    const foreign = await api('GET', `/tasks/${created.body.id}`, undefined, other.token);
    expectErrorShape(foreign, 404, 'NOT_FOUND');
    const foreignDelete = await api('DELETE', `/tasks/${created.body.id}`, undefined, other.token);
    expectErrorShape(foreignDelete, 404, 'NOT_FOUND');

    expect((await api('DELETE', `/tasks/${second.body.id}`)).body).toEqual({ deleted: true });
    expectErrorShape(await api('GET', `/tasks/${second.body.id}`), 404, 'NOT_FOUND');
    const pending = await api('GET', '/tasks?status=pending');
    expect(pending.body.items.map((t: any) => t.id)).toEqual([created.body.id]);
    await api('DELETE', `/tasks/${created.body.id}`);
  });

  it('an accepted submission from before the start does not verify the task; a retry solved again does', async () => {
    const task = await createStarted({
      description: 'Move and Turn',
      problemId: problems['1459B'],
      verificationSource: 'codeforces',
    });
    const syncsBefore = platform.count('user.status');
    const accepted = await api('POST', `/tasks/${task.id}/complete`);
    expect(accepted.status).toBe(202);
    expect(accepted.body.status).toBe('verifying');

    const failed = await settled(task.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toContain(
      'the accepted submission codeforces:101778306 (2020-12-19T14:13:43.000Z) was made before the task started',
    );
    expect(failed.failureReason).toMatch(/^not verified within 8 s: /);
    // Nothing proved it in the ingested history, so a sync of the account was asked for.
    expect(platform.count('user.status')).toBeGreaterThan(syncsBefore);
    expect(failed.history.map((s: any) => [s.from, s.to])).toEqual([
      [null, 'pending'],
      ['pending', 'in_progress'],
      ['in_progress', 'verifying'],
      ['verifying', 'failed'],
    ]);
    expect(failed.history[3].cause).toBe(failed.failureReason);
    const event = await eventually(
      () => tap.of('task.failed').find((e) => e.payload.taskId === task.id),
      (e) => e !== undefined,
      { what: 'task.failed' },
    );
    expect(event!.payload).toMatchObject({
      userId: user.userId,
      verificationSource: 'codeforces',
      assignedBy: null,
      reason: failed.failureReason,
    });

    // Retry: back to in_progress (the start is kept), solved again now, verified by the sync.
    const retried = await api('POST', `/tasks/${task.id}/start`);
    expect(retried.body).toMatchObject({ status: 'in_progress', failureReason: null });
    expect(retried.body.startedAt).toBe(task.startedAt);
    const submissionId = submitNow('1459B', 'OK');
    expect((await api('POST', `/tasks/${task.id}/complete`)).status).toBe(202);
    const completed = await settled(task.id);
    expect(completed).toMatchObject({
      status: 'completed',
      evidence: { kind: 'submission', ref: `codeforces:${submissionId}` },
      failureReason: null,
    });
    expect(completed.history.map((s: any) => s.to)).toEqual([
      'pending',
      'in_progress',
      'verifying',
      'failed',
      'in_progress',
      'verifying',
      'completed',
    ]);
  });

  it('a verification whose jobs were lost (a crash after the write) is settled by the sweep', async () => {
    const task = await createStarted({
      description: 'Move and Turn, again',
      problemId: problems['1459B'],
      verificationSource: 'codeforces',
    });
    // What `complete` writes, without the jobs it queues next: as if the replica died between.
    const startedAt = new Date(Date.now() - 20_000);
    const written = await system
      .db('roadmap')
      .collection('tasks')
      .updateOne(
        { _id: task.id as never, version: task.version },
        {
          $set: {
            status: 'verifying',
            verification: {
              attempt: 1,
              startedAt,
              deadline: new Date(startedAt.getTime() + 10_000),
              syncRequested: false,
              seen: [],
            },
            version: task.version + 1,
          },
        },
      );
    expect(written.modifiedCount).toBe(1);
    const failed = await settled(task.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toContain('was made before the task started');
    const event = await eventually(
      () => tap.of('task.failed').find((e) => e.payload.taskId === task.id),
      (e) => e !== undefined,
      { what: 'task.failed of the swept task' },
    );
    expect(event!.payload.reason).toBe(failed.failureReason);
  });

  it('a wrong answer after the start does not verify the task', async () => {
    const key = distinctProblems()[1];
    const task = await createStarted({
      description: 'the second problem',
      problemId: problems[key],
      verificationSource: 'codeforces',
    });
    submitNow(key, 'WRONG_ANSWER');
    expect((await api('POST', `/tasks/${task.id}/complete`)).status).toBe(202);
    const failed = await settled(task.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toContain('no accepted submission since the task started');
    expect(failed.failureReason).toContain('seen: wrong answer');
    expect(failed.evidence).toBeNull();
  });

  it('the sync the verification triggers brings the accepted submission: the task is completed', async () => {
    const key = distinctProblems()[2];
    const task = await createStarted({
      description: 'the third problem',
      topic: 'greedy',
      problemId: problems[key],
      verificationSource: 'codeforces',
      estimatedTimeMinutes: 45,
    });
    const submissionId = submitNow(key, 'OK');
    // No sync of an earlier test still running: what follows is this verification's alone.
    const before = await syncIdle();
    const callsBefore = platform.count('user.status', 'rishgod');
    const started = Date.now();
    expect((await api('POST', `/tasks/${task.id}/complete`)).status).toBe(202);
    const completed = await settled(task.id);
    expect(completed.status).toBe('completed');
    // Well before the deadline: the sync's event settled it, not the timeout.
    expect(Date.parse(completed.completedAt) - started).toBeLessThan(VERIFICATION_TIMEOUT_MS);
    // Within exactly one sync: one more sync of the account, one page of user.status (the
    // new submission on top of what the last sync saw).
    const after = await syncIdle();
    expect(after.totalSyncs).toBe(before.totalSyncs + 1);
    expect(after.successfulSyncs).toBe(before.successfulSyncs + 1);
    expect(platform.count('user.status', 'rishgod')).toBe(callsBefore + 1);
    expect(completed.history.at(-1)).toMatchObject({
      from: 'verifying',
      to: 'completed',
      cause: `verified by codeforces:${submissionId}`,
    });
    const event = await eventually(
      () => tap.of('task.completed').find((e) => e.payload.taskId === task.id),
      (e) => e !== undefined,
      { what: 'task.completed' },
    );
    expect(event!.payload).toMatchObject({
      userId: user.userId,
      topic: 'greedy',
      problemId: problems[key],
      verificationSource: 'codeforces',
      assignedBy: null,
      estimatedTimeMinutes: 45,
      evidence: { kind: 'submission', ref: `codeforces:${submissionId}` },
      startedAt: task.startedAt,
      completedAt: completed.completedAt,
    });
    // Only one event for the task, whatever the replays.
    expect(tap.of('task.completed').filter((e) => e.payload.taskId === task.id)).toHaveLength(1);
    // The daily loop closes: today counts for the streak, and the learner is told.
    const streak = await eventually(
      () => api('GET', '/me/streak'),
      (r) => r.status === 200 && r.body.todayCounted === true,
      { what: 'today to count for the streak' },
    );
    expect(streak.body.current).toBeGreaterThanOrEqual(1);
    const notification = await eventually(
      () =>
        api('GET', '/notifications?limit=20').then((r) =>
          r.body.items?.find((n: any) => n.kind === 'task_completed' && n.data.taskId === task.id),
        ),
      (found) => found !== undefined,
      { what: 'the task-verified notification' },
    );
    expect(notification).toMatchObject({ readAt: null, data: { taskId: task.id } });
  });

  it('a GitHub task is verified by a commit in the repository (and path) after the start', async () => {
    const task = await createStarted({
      description: 'write the BFS notes',
      verificationSource: 'github',
      verificationRequirements: { repository: 'octocat/Hello-World', path: 'notes' },
    });
    github.push('octocat/Hello-World', 'a'.repeat(40), new Date(), ['notes/bfs.md']);
    expect((await api('POST', `/tasks/${task.id}/complete`)).status).toBe(202);
    const completed = await settled(task.id);
    expect(completed).toMatchObject({
      status: 'completed',
      evidence: { kind: 'commit', ref: `octocat/Hello-World@${'a'.repeat(40)}` },
    });
    const request = github.requests.at(-1)!;
    expect(request.path).toBe('/repos/octocat/Hello-World/commits');
    expect(request.query.get('since')).toBe(task.startedAt);
    expect(request.query.get('path')).toBe('notes');
    expect(request.headers.authorization).toBe(`Bearer ${GITHUB_TOKEN}`);
    expect(request.headers['x-github-api-version']).toBe('2022-11-28');
  });

  it('tasks join the export and are erased with the account', async () => {
    const exported = await api('GET', '/me/export');
    const tasks = exported.body.services.roadmap.tasks;
    expect(tasks).toHaveLength(5);
    expect(tasks.every((t: any) => t.userId === user.userId)).toBe(true);
    expect(tasks[0].pendingEvents).toBeUndefined();

    const deleted = await api('DELETE', '/me');
    expect(deleted.status).toBeLessThan(300);
    await eventually(
      () => system.db('roadmap').collection('tasks').countDocuments({ userId: user.userId }),
      (n) => n === 0,
      { what: "the learner's tasks to be erased" },
    );
    expect(
      await system.db('roadmap').collection('task_waits').countDocuments({ userId: user.userId }),
    ).toBe(0);
  });
});
