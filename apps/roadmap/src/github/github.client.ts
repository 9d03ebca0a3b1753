import { Inject, Injectable } from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
} from 'cockatiel';
import type { Logger } from 'pino';
import type { CommitSeen } from '../domain/task-evidence';
import { RoadmapConfig } from '../roadmap.config';
import { GithubRefusedError, GithubUnavailableError } from './github-errors';

/** Commits read per verification (one page: the evidence is the earliest after the start). */
const PER_PAGE = 100;

/**
 * The GitHub REST API (https://docs.github.com/rest/commits/commits) at GITHUB_API_URL:
 * `GET /repos/{owner}/{repo}/commits?since=&path=` of public repositories, with the
 * optional GITHUB_TOKEN, a time limit per call and a circuit breaker (after
 * GITHUB_CIRCUIT_FAILURE_THRESHOLD consecutive unavailable answers calls fail fast for
 * GITHUB_CIRCUIT_HALF_OPEN_AFTER_MS). A refused request (404) does not count.
 */
@Injectable()
export class GithubClient {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly log: Logger;

  constructor(
    private readonly config: RoadmapConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'github' });
    this.breaker = circuitBreaker(
      handleWhen((error) => error instanceof GithubUnavailableError),
      {
        halfOpenAfter: config.GITHUB_CIRCUIT_HALF_OPEN_AFTER_MS,
        breaker: new ConsecutiveBreaker(config.GITHUB_CIRCUIT_FAILURE_THRESHOLD),
      },
    );
    this.breaker.onBreak(() => this.log.warn('github circuit opened: calls fail fast'));
    this.breaker.onReset(() => this.log.info('github circuit closed'));
  }

  /** Commits of `repository` (`owner/name`) since `since`, touching `path` when given. */
  async commits(repository: string, since: Date, path?: string): Promise<CommitSeen[]> {
    const query = new URLSearchParams({ since: since.toISOString(), per_page: String(PER_PAGE) });
    if (path) query.set('path', path);
    const [owner, name] = repository.split('/');
    const url = `${this.config.GITHUB_API_URL.replace(/\/$/, '')}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/commits?${query}`;
    const body = await this.call(url, repository);
    if (!Array.isArray(body)) throw new GithubUnavailableError('commits answer is not a list');
    const commits: CommitSeen[] = [];
    for (const item of body) {
      const sha = typeof item?.sha === 'string' ? item.sha : null;
      const date = item?.commit?.committer?.date ?? item?.commit?.author?.date;
      if (!sha || typeof date !== 'string' || Number.isNaN(Date.parse(date))) continue;
      commits.push({ ref: `${repository}@${sha}`, committedAt: new Date(date) });
    }
    return commits;
  }

  private async call(url: string, repository: string): Promise<unknown> {
    try {
      return await this.breaker.execute(() => this.fetchJson(url, repository));
    } catch (error) {
      if (error instanceof BrokenCircuitError)
        throw new GithubUnavailableError('circuit open after repeated failures; retry later');
      throw error;
    }
  }

  private async fetchJson(url: string, repository: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          'user-agent': 'PrepMate/1.0 (+https://prepmate.dev)',
          ...(this.config.GITHUB_TOKEN
            ? { authorization: `Bearer ${this.config.GITHUB_TOKEN}` }
            : {}),
        },
        signal: AbortSignal.timeout(this.config.GITHUB_HTTP_TIMEOUT_MS),
      });
    } catch (error) {
      const name = (error as Error).name;
      throw new GithubUnavailableError(
        name === 'TimeoutError' || name === 'AbortError'
          ? `no answer within ${this.config.GITHUB_HTTP_TIMEOUT_MS} ms`
          : 'unreachable',
      );
    }
    const text = await response.text().catch(() => {
      throw new GithubUnavailableError('answer cut off');
    });
    // An empty repository has no commits (GitHub answers 409 Git Repository is empty).
    if (response.status === 409) return [];
    if (response.status === 404 || response.status === 451)
      throw new GithubRefusedError(`${repository} is not a public repository GitHub knows`);
    if (response.status === 429 || response.status === 403)
      throw new GithubUnavailableError(`rate limited (HTTP ${response.status})`);
    if (response.status >= 500) throw new GithubUnavailableError(`HTTP ${response.status}`);
    if (response.status >= 400) throw new GithubRefusedError(`HTTP ${response.status}`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new GithubUnavailableError('answer is not valid JSON');
    }
  }
}
