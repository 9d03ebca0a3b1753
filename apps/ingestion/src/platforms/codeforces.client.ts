import { Injectable } from '@nestjs/common';
import { isObject } from '../domain/fields';
import { IngestionConfig } from '../ingestion.config';
import { PlatformCircuitBreakers } from './circuit-breakers';
import { PlatformRequestError, PlatformUnavailableError } from './platform-errors';
import { fetchPlatformJson } from './platform-http';

export interface CodeforcesProblemInfo {
  rating: number | null;
  tags: string[];
}

/** Comments of FAILED answers that mean "try again later" rather than "bad request". */
const TRANSIENT_COMMENT = /call limit|limit exceeded|temporarily|unavailable|try again/i;
const PROBLEMSET_TTL_MS = 3600_000;

/**
 * The Codeforces API (https://codeforces.com/apiHelp) at CODEFORCES_API_URL: `user.status`
 * paged with from/count, and `problemset.problems` for ratings and tags missing from it.
 */
@Injectable()
export class CodeforcesClient {
  private problemset?: { at: number; problems: Map<string, CodeforcesProblemInfo> };

  constructor(
    private readonly config: IngestionConfig,
    private readonly breakers: PlatformCircuitBreakers,
  ) {}

  /** Submissions of a handle, newest first, `from` 1-based. */
  async userStatus(handle: string, from: number, count: number): Promise<unknown[]> {
    const query = new URLSearchParams({ handle, from: String(from), count: String(count) });
    const result = await this.call(`user.status?${query}`);
    if (!Array.isArray(result))
      throw new PlatformUnavailableError('codeforces', 'result is not a list');
    return result;
  }

  /** Rating and tags of every problemset problem by id (`1459B`), cached for an hour. */
  async problemsetProblems(): Promise<Map<string, CodeforcesProblemInfo>> {
    if (this.problemset && Date.now() - this.problemset.at < PROBLEMSET_TTL_MS)
      return this.problemset.problems;
    const result = await this.call('problemset.problems');
    if (!isObject(result) || !Array.isArray(result.problems))
      throw new PlatformUnavailableError('codeforces', 'problemset.problems has no problems');
    const problems = new Map<string, CodeforcesProblemInfo>();
    for (const problem of result.problems) {
      if (!isObject(problem) || typeof problem.contestId !== 'number') continue;
      problems.set(`${problem.contestId}${String(problem.index)}`, {
        rating: typeof problem.rating === 'number' ? problem.rating : null,
        tags: Array.isArray(problem.tags) ? problem.tags.filter((t) => typeof t === 'string') : [],
      });
    }
    this.problemset = { at: Date.now(), problems };
    return problems;
  }

  private call(method: string): Promise<unknown> {
    return this.breakers.execute('codeforces', async () => {
      const { body } = await fetchPlatformJson({
        platform: 'codeforces',
        url: `${this.config.CODEFORCES_API_URL.replace(/\/$/, '')}/${method}`,
        timeoutMs: this.config.PLATFORM_HTTP_TIMEOUT_MS,
      });
      if (!isObject(body))
        throw new PlatformUnavailableError('codeforces', 'answer is not an object');
      if (body.status === 'OK') return body.result;
      const comment = typeof body.comment === 'string' ? body.comment : 'no comment';
      if (body.status === 'FAILED' && !TRANSIENT_COMMENT.test(comment))
        throw new PlatformRequestError('codeforces', comment);
      throw new PlatformUnavailableError('codeforces', comment);
    });
  }
}
