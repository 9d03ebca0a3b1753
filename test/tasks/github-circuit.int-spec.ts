import { sleep } from '@prepmate/testing';
import pino from 'pino';
import { GithubClient } from '../../apps/roadmap/src/github/github.client';
import { RoadmapConfig } from '../../apps/roadmap/src/roadmap.config';
import { GithubReplayServer } from './github-replay-server';

const THRESHOLD = 3;
const HALF_OPEN_AFTER_MS = 1_500;
const REPOSITORY = 'octocat/Hello-World';
const SINCE = new Date('2011-01-01T00:00:00Z');

/**
 * The GitHub adapter's circuit breaker (apps/roadmap/src/github/github.client.ts) against the
 * local GitHub replay server: opened by consecutive unavailable answers, failing fast while
 * open, one trial call after the half-open delay, closed again by its success.
 */
describe('the GitHub client circuit breaker', () => {
  const github = new GithubReplayServer();
  let client: GithubClient;
  /** Requests of the commits route so far (every call of the client is one). */
  const calls = () => github.requests.length;

  beforeAll(async () => {
    await github.start();
    const config = Object.assign(new RoadmapConfig(), {
      GITHUB_API_URL: github.url,
      GITHUB_HTTP_TIMEOUT_MS: 2_000,
      GITHUB_CIRCUIT_FAILURE_THRESHOLD: THRESHOLD,
      GITHUB_CIRCUIT_HALF_OPEN_AFTER_MS: HALF_OPEN_AFTER_MS,
    });
    client = new GithubClient(config, pino({ level: 'silent' }));
  });

  afterAll(() => github.stop());

  it(`opens after ${THRESHOLD} consecutive 5xx answers, fails fast, and lets one trial call through after the half-open delay`, async () => {
    // Closed: the recorded commits come back.
    expect((await client.commits(REPOSITORY, SINCE)).length).toBeGreaterThan(0);
    const before = calls();

    github.failures.push(...Array.from({ length: THRESHOLD }, () => 503));
    for (let i = 0; i < THRESHOLD; i += 1)
      await expect(client.commits(REPOSITORY, SINCE)).rejects.toThrow('github: HTTP 503');
    expect(calls()).toBe(before + THRESHOLD);
    expect(github.failures).toHaveLength(0);

    // Open: calls fail at once, and none reaches GitHub.
    for (let i = 0; i < 3; i += 1)
      await expect(client.commits(REPOSITORY, SINCE)).rejects.toThrow(
        'github: circuit open after repeated failures; retry later',
      );
    expect(calls()).toBe(before + THRESHOLD);

    // Still open before the half-open delay has passed.
    await sleep(HALF_OPEN_AFTER_MS / 3);
    await expect(client.commits(REPOSITORY, SINCE)).rejects.toThrow('circuit open');
    expect(calls()).toBe(before + THRESHOLD);

    // After the delay one trial call reaches GitHub; its success closes the circuit.
    await sleep(HALF_OPEN_AFTER_MS);
    expect((await client.commits(REPOSITORY, SINCE)).length).toBeGreaterThan(0);
    expect(calls()).toBe(before + THRESHOLD + 1);
    // Closed: every call reaches GitHub again.
    await client.commits(REPOSITORY, SINCE);
    await client.commits(REPOSITORY, SINCE);
    expect(calls()).toBe(before + THRESHOLD + 3);
  });

  it('a failed trial call opens the circuit again for another half-open delay', async () => {
    github.failures.push(...Array.from({ length: THRESHOLD }, () => 502));
    for (let i = 0; i < THRESHOLD; i += 1)
      await expect(client.commits(REPOSITORY, SINCE)).rejects.toThrow('github: HTTP 502');
    const opened = calls();
    await sleep(HALF_OPEN_AFTER_MS + 100);
    github.failures.push(500);
    await expect(client.commits(REPOSITORY, SINCE)).rejects.toThrow('github: HTTP 500');
    expect(calls()).toBe(opened + 1);
    // The trial failed: open again, failing fast without reaching GitHub.
    await expect(client.commits(REPOSITORY, SINCE)).rejects.toThrow('circuit open');
    expect(calls()).toBe(opened + 1);
    await sleep(HALF_OPEN_AFTER_MS + 100);
    expect((await client.commits(REPOSITORY, SINCE)).length).toBeGreaterThan(0);
    expect(calls()).toBe(opened + 2);
  });

  it('does not count refused requests (404: no such public repository) as failures', async () => {
    for (let i = 0; i < THRESHOLD + 2; i += 1)
      await expect(client.commits('octocat/no-such-repo', SINCE)).rejects.toThrow(
        'github: octocat/no-such-repo is not a public repository GitHub knows',
      );
    const before = calls();
    expect((await client.commits(REPOSITORY, SINCE)).length).toBeGreaterThan(0);
    expect(calls()).toBe(before + 1);
  });
});
