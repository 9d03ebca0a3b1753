import { eventually, sleep, tapEvents, type EventTap } from '@prepmate/testing';
import { randomBytes } from 'node:crypto';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';
import { RecordedPlatformServer } from '../support/recorded-platform-server';

/** How long a coding task waits for a sync before failing (short here; 15 min by default). */
const VERIFICATION_TIMEOUT_MS = 8_000;
const RECENT_AC = 'graphql:recentAcSubmissionList';

/**
 * LeetCode task verification end to end against the recorded LeetCode GraphQL answers (the
 * server the ingestion tests use), and coding tasks whose platform account is not linked.
 */
describe('LeetCode tasks, and tasks whose platform account is not linked', () => {
  const platform = new RecordedPlatformServer();
  let system: PipelineSystem;
  let tap: EventTap;
  let user: { token: string; userId: string };

  beforeAll(async () => {
    await platform.start();
    system = await startPipeline('lctasks', {
      env: {
        ingestion: {
          CODEFORCES_API_URL: `${platform.url}/api`,
          LEETCODE_GRAPHQL_URL: `${platform.url}/graphql`,
          PLATFORM_HTTP_TIMEOUT_MS: '2000',
          SYNC_BACKOFF_BASE_MS: '150',
          SYNC_SCHEDULER_INTERVAL_MS: '300',
          // Syncs here are the ones the tests and verifications start.
          SYNC_AUTO_FIRST_DELAY_MS: '3600000',
          INTEGRATION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        },
        roadmap: {
          TASK_VERIFICATION_TIMEOUT_MS: String(VERIFICATION_TIMEOUT_MS),
          TASK_VERIFICATION_SWEEP_MS: '500',
          TASK_VERIFICATION_GRACE_MS: '3000',
        },
      },
    });
    tap = await tapEvents(system.exchange, ['task.completed', 'task.failed']);
    user = await system.register('lc-tasker');
  });

  afterAll(async () => {
    await tap?.close();
    await system?.stop();
    await platform.stop();
  });

  const api = (method: string, path: string, body?: unknown) =>
    system.api(method, path, { token: user.token, body });
  const settled = (taskId: string) =>
    eventually(
      () => api('GET', `/tasks/${taskId}`).then((r) => r.body),
      (task) => task.status === 'completed' || task.status === 'failed',
      { what: `task ${taskId} to settle`, timeoutMs: VERIFICATION_TIMEOUT_MS + 30_000 },
    );
  const createStarted = async (body: Record<string, unknown>) => {
    const created = await api('POST', '/tasks', body);
    expect(created.status).toBe(201);
    const started = await api('POST', `/tasks/${created.body.id}/start`);
    expect(started.status).toBe(200);
    // Platform timestamps have whole seconds: what the learner does next is after the start.
    await sleep(1_100);
    return started.body;
  };

  it.each(['leetcode', 'codeforces'])(
    'a %s task whose account is not linked fails at once, saying why',
    async (source) => {
      const task = await createStarted({
        description: `solve it on ${source}`,
        problemId: `${source}-not-ingested-problem`,
        verificationSource: source,
      });
      const asked = Date.now();
      expect((await api('POST', `/tasks/${task.id}/complete`)).status).toBe(202);
      const failed = await settled(task.id);
      const reason = `no submission of the problem since the task started (${task.startedAt}); a sync could not start: no ${source} account is linked`;
      expect(failed).toMatchObject({ status: 'failed', failureReason: reason, evidence: null });
      expect(failed.history.at(-1)).toMatchObject({
        from: 'verifying',
        to: 'failed',
        cause: reason,
      });
      // At once: not at the verification deadline.
      expect(Date.now() - asked).toBeLessThan(VERIFICATION_TIMEOUT_MS / 2);
      const event = await eventually(
        () => tap.of('task.failed').find((e) => e.payload.taskId === task.id),
        (e) => e !== undefined,
        { what: 'task.failed' },
      );
      expect(event!.payload).toMatchObject({ verificationSource: source, reason });
    },
  );

  it('a LeetCode task is verified by an accepted submission the sync it triggers brings', async () => {
    // The learner's public LeetCode account: its recent accepted submissions are ingested.
    const linked = await api('PUT', '/integrations/leetcode', { username: 'ada_l' });
    expect(linked.body).toMatchObject({ platform: 'leetcode', hasSessionCookie: false });
    await api('POST', '/integrations/leetcode/sync');
    const attempts = system.db('aggregation').collection('attempts');
    const twoSum = await eventually(
      () => attempts.findOne({ userId: user.userId, platformSubmissionId: '1187262400' }),
      (attempt) => attempt !== null,
      { what: 'the recorded Two Sum submission to reach aggregation', timeoutMs: 60_000 },
    );
    const problemId = twoSum!.canonicalProblemId as string;
    const idle = () =>
      eventually(
        () => api('GET', '/sync/state/leetcode').then((r) => r.body),
        (state) => state?.runningSyncBatchId === null && state.totalSyncs > 0,
        { what: 'no LeetCode sync running' },
      );
    const before = await idle();

    const task = await createStarted({
      description: 'Two Sum, again, in one pass',
      topic: 'hashing',
      problemId,
      verificationSource: 'leetcode',
      estimatedTimeMinutes: 20,
    });
    // Solved now: LeetCode's recent accepted list shows it on top of the recorded ones.
    const solvedAt = Math.floor(Date.now() / 1000);
    const recent = platform.count(RECENT_AC);
    platform.script(RECENT_AC, {
      body: {
        data: {
          recentAcSubmissionList: [
            { id: '1187270001', title: 'Two Sum', titleSlug: 'two-sum', timestamp: `${solvedAt}` },
            {
              id: '1187263001',
              title: 'Merge Intervals',
              titleSlug: 'merge-intervals',
              timestamp: '1709301600',
            },
            { id: '1187262400', title: 'Two Sum', titleSlug: 'two-sum', timestamp: '1709287500' },
          ],
        },
      },
    });
    expect((await api('POST', `/tasks/${task.id}/complete`)).status).toBe(202);
    const completed = await settled(task.id);
    expect(completed).toMatchObject({
      status: 'completed',
      evidence: { kind: 'submission', ref: 'leetcode:1187270001' },
      failureReason: null,
    });
    expect(completed.evidence.at).toBe(new Date(solvedAt * 1000).toISOString());
    expect(completed.history.at(-1)).toMatchObject({
      from: 'verifying',
      to: 'completed',
      cause: 'verified by leetcode:1187270001',
    });
    // The recorded Two Sum of 2024 was there before the task: the sync it asked for (one,
    // one recent-list request) brought the new one.
    const after = await idle();
    expect(after.totalSyncs).toBe(before.totalSyncs + 1);
    expect(platform.count(RECENT_AC)).toBe(recent + 1);
    const event = await eventually(
      () => tap.of('task.completed').find((e) => e.payload.taskId === task.id),
      (e) => e !== undefined,
      { what: 'task.completed' },
    );
    expect(event!.payload).toMatchObject({
      userId: user.userId,
      topic: 'hashing',
      problemId,
      verificationSource: 'leetcode',
      estimatedTimeMinutes: 20,
      evidence: { kind: 'submission', ref: 'leetcode:1187270001' },
    });
  });
});
