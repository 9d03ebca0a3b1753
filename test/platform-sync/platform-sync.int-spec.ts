/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, sleep, expectErrorShape } from '@prepmate/testing';
import { randomBytes } from 'node:crypto';
import { CodeforcesClient } from '../../apps/ingestion/src/platforms/codeforces.client';
import { PlatformCircuitBreakers } from '../../apps/ingestion/src/platforms/circuit-breakers';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';
import { RecordedPlatformServer } from '../support/recorded-platform-server';

const HALF_OPEN_AFTER_MS = 1500;
const TIMEOUT_MS = 1000;

describe('platform syncs against recorded Codeforces and LeetCode answers', () => {
  const server = new RecordedPlatformServer();
  let system: PipelineSystem;
  let user: { token: string; userId: string };

  beforeAll(async () => {
    await server.start();
    system = await startPipeline('sync', {
      admins: ['ops'],
      env: {
        ingestion: {
          CODEFORCES_API_URL: `${server.url}/api`,
          LEETCODE_GRAPHQL_URL: `${server.url}/graphql`,
          PLATFORM_HTTP_TIMEOUT_MS: String(TIMEOUT_MS),
          CIRCUIT_HALF_OPEN_AFTER_MS: String(HALF_OPEN_AFTER_MS),
          SYNC_BACKOFF_BASE_MS: '150',
          SYNC_SCHEDULER_INTERVAL_MS: '300',
          SYNC_PAGE_SIZE: '40',
          SYNC_MAX_RETRIES: '3',
          // Syncs here are started by hand; automatic ones are tested in auto-sync.int-spec.ts.
          SYNC_AUTO_FIRST_DELAY_MS: '3600000',
          INTEGRATION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        },
      },
    });
    user = await system.register('sync-user');
  });

  afterAll(async () => {
    await system?.stop();
    await server.stop();
  });

  const state = (token: string, platform: string) =>
    system.api('GET', `/sync/state/${platform}`, { token }).then((r) => r.body);
  const waitIdle = (token: string, platform: string) =>
    eventually(
      () => state(token, platform),
      (s) => s && s.runningSyncBatchId === null && s.totalSyncs > 0,
      { what: `the ${platform} sync to finish` },
    );

  it('syncs a Codeforces account page by page, one sync at a time', async () => {
    const linked = await system.api('PUT', '/integrations/codeforces', {
      token: user.token,
      body: { username: 'rishgod' },
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({
      platform: 'codeforces',
      username: 'rishgod',
      hasSessionCookie: false,
      syncSupported: true,
    });

    server.script('user.status', {
      delayMs: 600,
      body: { status: 'OK', result: server.codeforcesSubmissions.slice(0, 40) },
    });
    const first = await system.api('POST', '/integrations/codeforces/sync', { token: user.token });
    expect(first.status).toBe(202);
    expect(first.body.started).toBe(true);
    const second = await system.api('POST', '/integrations/codeforces/sync', { token: user.token });
    expect(second.body).toEqual({ syncBatchId: first.body.syncBatchId, started: false });

    const done = await waitIdle(user.token, 'codeforces');
    expect(done).toMatchObject({
      lastError: null,
      lastSyncStatus: 'succeeded',
      lastSyncedSubmissionId: '101778306',
      lastSyncedTimestamp: new Date(1608387223 * 1000).toISOString(),
      currentRetryAttempt: 0,
      totalSyncs: 1,
      successfulSyncs: 1,
      maxRetries: 3,
    });
    const pages = server.requests
      .filter((r) => r.path === '/api/user.status')
      .map((r) => r.query.get('from'));
    expect(pages).toEqual(['1', '41', '81']);
    const log = await system.api('GET', `/sync/logs/${first.body.syncBatchId}`, {
      token: user.token,
    });
    expect(log.body).toMatchObject({
      source: 'sync',
      status: 'succeeded',
      recordsFetched: 89,
      recordsInserted: 89,
      recordsDuplicate: 0,
      recordsFailed: 0,
    });
  });

  it('never moves the cursor past a submission still being judged', async () => {
    const fresh = (id: number, verdict: string | undefined, seconds: number) => ({
      ...server.codeforcesSubmissions[0],
      id,
      creationTimeSeconds: seconds,
      verdict,
    });
    server.codeforcesSubmissions = [
      fresh(101800003, 'OK', 1608400300),
      fresh(101800002, 'TESTING', 1608400200),
      fresh(101800001, 'WRONG_ANSWER', 1608400100),
      ...server.codeforcesSubmissions,
    ];
    await system.api('POST', '/integrations/codeforces/sync', { token: user.token });
    const afterTesting = await eventually(
      () => state(user.token, 'codeforces'),
      (s) => s.totalSyncs === 2,
      { what: 'the second sync' },
    );
    expect(afterTesting.lastSyncedSubmissionId).toBe('101800001');
    const logs = await system.api('GET', '/sync/logs?platform=codeforces&limit=1', {
      token: user.token,
    });
    expect(logs.body.items[0]).toMatchObject({ recordsFetched: 3, recordsInserted: 2 });
    expect(logs.body.nextCursor).not.toBeNull();

    server.codeforcesSubmissions[1] = { ...server.codeforcesSubmissions[1], verdict: 'OK' };
    await system.api('POST', '/integrations/codeforces/sync', { token: user.token });
    const judged = await eventually(
      () => state(user.token, 'codeforces'),
      (s) => s.totalSyncs === 3,
      { what: 'the third sync' },
    );
    expect(judged.lastSyncedSubmissionId).toBe('101800003');
    const latest = await system.api('GET', '/sync/logs?platform=codeforces&limit=1', {
      token: user.token,
    });
    expect(latest.body.items[0]).toMatchObject({
      recordsFetched: 2,
      recordsInserted: 1,
      recordsDuplicate: 1,
    });
  });

  it('backs off after failures (503, malformed JSON) and the scheduler retries until it succeeds', async () => {
    server.script(
      'user.status',
      { status: 503, body: '<html>Service Unavailable</html>' },
      { body: '{"status":"OK","result":[' },
    );
    await system.api('POST', '/integrations/codeforces/sync', { token: user.token });
    const failed = await eventually(
      () => state(user.token, 'codeforces'),
      (s) => s.failedSyncs === 1,
      { what: 'the failed sync' },
    );
    expect(failed).toMatchObject({
      lastSyncStatus: 'failed',
      currentRetryAttempt: 1,
      lastError: 'codeforces: HTTP 503',
    });
    const delay = Date.parse(failed.nextRetryTime) - Date.parse(failed.lastSyncAttempt);
    expect(delay).toBeGreaterThanOrEqual(290);
    expect(delay).toBeLessThan(400);

    const recovered = await eventually(
      () => state(user.token, 'codeforces'),
      (s) => s.lastSyncStatus === 'succeeded' && s.failedSyncs === 2,
      {
        what: 'the scheduler to retry twice',
      },
    );
    expect(recovered).toMatchObject({
      currentRetryAttempt: 0,
      nextRetryTime: null,
      lastError: null,
      lastSyncedSubmissionId: '101800003',
    });
    const logs = await system.api('GET', '/sync/logs?platform=codeforces&limit=3', {
      token: user.token,
    });
    expect(logs.body.items.map((l: any) => [l.status, l.failureReason])).toEqual([
      ['succeeded', null],
      ['failed', 'codeforces: answer is not valid JSON'],
      ['failed', 'codeforces: HTTP 503'],
    ]);
  });

  it('stops retrying after max retries until a manual sync restarts the cycle', async () => {
    const other = await system.register('ghost-user');
    await system.api('PUT', '/integrations/codeforces', {
      token: other.token,
      body: { username: 'ghost' },
    });
    await system.api('POST', '/integrations/codeforces/sync', { token: other.token });
    const exhausted = await eventually(
      () => state(other.token, 'codeforces'),
      (s) => s.currentRetryAttempt === 3,
      {
        what: 'three failed attempts',
        timeoutMs: 20_000,
      },
    );
    expect(exhausted.lastError).toBe('codeforces: handle: User with handle ghost not found');
    await sleep(2000);
    expect((await state(other.token, 'codeforces')).failedSyncs).toBe(3);
    const ops = await system.register('ops');
    const due = await system.api('GET', '/admin/sync/retry-ready', { token: ops.token });
    expect(due.status).toBe(200);
    expect(due.body.items.filter((s: any) => s.userId === other.userId)).toEqual([]);
    expect(due.body.nextCursor).toBeNull();

    const manual = await system.api('POST', '/integrations/codeforces/sync', {
      token: other.token,
    });
    expect(manual.body.started).toBe(true);
    await eventually(
      () => state(other.token, 'codeforces'),
      (s) => s.failedSyncs === 4 && s.currentRetryAttempt === 1,
      {
        what: 'the manual sync to restart the retry cycle',
      },
    );
    expectErrorShape(
      await system.api('GET', '/admin/sync/retry-ready', { token: other.token }),
      403,
      'FORBIDDEN',
    );
    // No background retries for the tests after this one (they script the same routes).
    expect(
      (await system.api('DELETE', '/integrations/codeforces', { token: other.token })).status,
    ).toBe(204);
  });

  it('syncs LeetCode with an encrypted session cookie that is never returned', async () => {
    const cookie = `eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.${randomBytes(24).toString('hex')}`;
    server.leetcodeSession = cookie;
    const linked = await system.api('PUT', '/integrations/leetcode', {
      token: user.token,
      body: { username: 'ada_l', sessionCookie: cookie },
    });
    expect(linked.body).toMatchObject({
      platform: 'leetcode',
      username: 'ada_l',
      hasSessionCookie: true,
    });
    expect(JSON.stringify(linked.body)).not.toContain(cookie);
    const listed = await system.api('GET', '/integrations', { token: user.token });
    expect(listed.body.map((i: any) => i.platform)).toEqual(['codeforces', 'leetcode']);
    expect(JSON.stringify(listed.body)).not.toContain(cookie);
    const stored = await system
      .db('ingestion')
      .collection('integrations')
      .findOne({ _id: `${user.userId}:leetcode` as never });
    expect(JSON.stringify(stored)).not.toContain(cookie);
    expect(stored!.sessionCookie).toMatchObject({
      v: 1,
      iv: expect.any(String),
      tag: expect.any(String),
      ciphertext: expect.any(String),
    });

    await system.api('POST', '/integrations/leetcode/sync', { token: user.token });
    const done = await waitIdle(user.token, 'leetcode');
    expect(done).toMatchObject({
      lastSyncStatus: 'succeeded',
      lastSyncedSubmissionId: '1187264100',
    });
    const withCookie = server.requests.filter(
      (r) => r.headers.cookie === `LEETCODE_SESSION=${cookie}`,
    );
    expect(withCookie).toHaveLength(2);

    const stored7 = await system.api('GET', '/submissions?platform=leetcode&limit=10', {
      token: user.token,
    });
    const bySlug = Object.fromEntries(
      stored7.body.items.map((s: any) => [s.platformSubmissionId, s]),
    );
    expect(stored7.body.items).toHaveLength(7);
    expect(bySlug['1187264100']).toMatchObject({
      verdict: 'accepted',
      runtimeMs: 145,
      memoryKb: 78746,
      problem: {
        platformProblemId: 'lru-cache',
        title: 'LRU Cache',
        difficulty: 'medium',
        tags: ['Hash Table', 'Linked List', 'Design', 'Doubly-Linked List'],
      },
    });
    expect(bySlug['1187262337'].verdict).toBe('compilation_error');
    expect(bySlug['1187262100'].problem.difficulty).toBe('hard');
  });

  it('imports LeetCode GraphQL answers, looking up unknown problems once', async () => {
    const other = await system.register('lc-import');
    const before = server.count('graphql:question');
    const response = await system.api('POST', '/submissions/import?format=leetcode', {
      token: other.token,
      body: [
        {
          data: {
            recentAcSubmissionList: [
              { id: '900', title: 'Two Sum', titleSlug: 'two-sum', timestamp: '1709287500' },
            ],
          },
        },
        {
          data: {
            questionSubmissionList: {
              lastKey: null,
              hasNext: false,
              submissions: [
                {
                  id: '901',
                  title: 'Secret Problem',
                  titleSlug: 'secret-problem',
                  statusDisplay: 'Wrong Answer',
                  lang: 'python3',
                  runtime: 'N/A',
                  memory: 'N/A',
                  timestamp: '1709287600',
                },
                {
                  id: '902',
                  title: 'Secret Problem',
                  titleSlug: 'secret-problem',
                  statusDisplay: 'Pending',
                  lang: 'python3',
                  timestamp: '1709287700',
                },
              ],
            },
          },
        },
      ],
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ received: 3, inserted: 2, duplicates: 0 });
    expect(response.body.rejected).toEqual([
      expect.objectContaining({ index: 2, code: 'NOT_FINAL' }),
    ]);
    expect(response.body.warnings).toEqual([expect.stringContaining('secret-problem')]);
    // two-sum is in the catalog since the sync; only the unknown slug was looked up.
    expect(server.count('graphql:question') - before).toBe(1);
  });

  it('unlinks an account, and refuses syncing platforms without an API', async () => {
    await system.api('PUT', '/integrations/hackerrank', {
      token: user.token,
      body: { username: 'ada' },
    });
    expectErrorShape(
      await system.api('POST', '/integrations/hackerrank/sync', { token: user.token }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorShape(
      await system.api('PUT', '/integrations/topcoder', {
        token: user.token,
        body: { username: 'ada' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorShape(
      await system.api('PUT', '/integrations/codeforces', {
        token: user.token,
        body: { username: 'rishgod', sessionCookie: 'x'.repeat(30) },
      }),
      400,
      'VALIDATION_FAILED',
    );
    const relinked = await system.api('PUT', '/integrations/leetcode', {
      token: user.token,
      body: { username: 'ada_l' },
    });
    expect(relinked.body.hasSessionCookie).toBe(false);
    expect(
      (await system.api('DELETE', '/integrations/leetcode', { token: user.token })).status,
    ).toBe(204);
    expectErrorShape(
      await system.api('DELETE', '/integrations/leetcode', { token: user.token }),
      404,
      'NOT_FOUND',
    );
    expectErrorShape(
      await system.api('POST', '/integrations/leetcode/sync', { token: user.token }),
      404,
      'NOT_FOUND',
    );
    expectErrorShape(
      await system.api('GET', '/sync/state/leetcode', { token: user.token }),
      404,
      'NOT_FOUND',
    );
    expect(
      await system
        .db('ingestion')
        .collection('integrations')
        .countDocuments({ _id: `${user.userId}:leetcode` as never }),
    ).toBe(0);
  });

  describe('the Codeforces client', () => {
    let client: CodeforcesClient;
    let breakers: PlatformCircuitBreakers;
    beforeAll(() => {
      client = system.services.get('ingestion')!.app.get(CodeforcesClient);
      breakers = system.services.get('ingestion')!.app.get(PlatformCircuitBreakers);
    });
    beforeEach(() => server.clearScripts());

    it('tells a refused request from an unavailable platform', async () => {
      server.script('user.status', {
        handle: 'rishgod',
        status: 429,
        body: { status: 'FAILED', comment: 'Call limit exceeded' },
      });
      await expect(client.userStatus('rishgod', 1, 1)).rejects.toThrow(
        'codeforces: rate limited (HTTP 429)',
      );
      server.script('user.status', {
        handle: 'rishgod',
        status: 400,
        body: { status: 'FAILED', comment: 'Call limit exceeded' },
      });
      await expect(client.userStatus('rishgod', 1, 1)).rejects.toThrow(
        'codeforces: Call limit exceeded',
      );
      server.script('user.status', {
        handle: 'rishgod',
        delayMs: TIMEOUT_MS + 300,
        body: { status: 'OK', result: [] },
      });
      await expect(client.userStatus('rishgod', 1, 1)).rejects.toThrow(
        `codeforces: no answer within ${TIMEOUT_MS} ms`,
      );
      await expect(client.userStatus('nobody', 1, 1)).rejects.toThrow(
        'handle: User with handle nobody not found',
      );
      expect((await client.userStatus('rishgod', 1, 2)).map((s: any) => s.id)).toEqual([
        101800003, 101800002,
      ]);
      const problems = await client.problemsetProblems();
      expect(problems.get('1459B')).toEqual({ rating: 1300, tags: ['dp', 'math'] });
    });

    it('opens the circuit after 5 consecutive failures and lets one call through after the half-open delay', async () => {
      for (let i = 0; i < 5; i += 1)
        server.script('user.status', { handle: 'rishgod', status: 503, body: 'unavailable' });
      for (let i = 0; i < 5; i += 1)
        await expect(client.userStatus('rishgod', 1, 1)).rejects.toThrow('HTTP 503');
      const calls = server.count('user.status', 'rishgod');
      await expect(client.userStatus('rishgod', 1, 1)).rejects.toThrow('circuit open');
      expect(server.count('user.status', 'rishgod')).toBe(calls);
      expect(breakers.state('codeforces')).toBe('open');
      expect(breakers.state('leetcode')).toBe('closed');

      await sleep(HALF_OPEN_AFTER_MS + 100);
      expect(await client.userStatus('rishgod', 1, 1)).toHaveLength(1);
      expect(server.count('user.status', 'rishgod')).toBe(calls + 1);
      expect(breakers.state('codeforces')).toBe('closed');
    });

    it('does not count refused requests as failures', async () => {
      for (let i = 0; i < 6; i += 1)
        await expect(client.userStatus('nobody', 1, 1)).rejects.toThrow('not found');
      expect(breakers.state('codeforces')).toBe('closed');
    });
  });
});
