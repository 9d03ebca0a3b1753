import { Injectable } from '@nestjs/common';
import { isObject } from '../domain/fields';
import type { LeetCodeQuestion } from '../domain/leetcode-submission';
import { IngestionConfig } from '../ingestion.config';
import { PlatformCircuitBreakers } from './circuit-breakers';
import { PlatformRequestError, PlatformUnavailableError } from './platform-errors';
import { fetchPlatformJson } from './platform-http';

const RECENT_AC = `query recentAcSubmissions($username: String!, $limit: Int!) {
  recentAcSubmissionList(username: $username, limit: $limit) { id title titleSlug timestamp }
}`;

const SUBMISSION_LIST = `query submissionList($offset: Int!, $limit: Int!, $lastKey: String) {
  submissionList(offset: $offset, limit: $limit, lastKey: $lastKey) {
    lastKey hasNext
    submissions { id title titleSlug statusDisplay lang runtime memory timestamp isPending }
  }
}`;

const QUESTION = `query questionData($titleSlug: String!) {
  question(titleSlug: $titleSlug) { questionId title titleSlug difficulty topicTags { name slug } }
}`;

export interface SubmissionListPage {
  submissions: unknown[];
  hasNext: boolean;
  lastKey: string | null;
}

/** LeetCode's GraphQL API at LEETCODE_GRAPHQL_URL. */
@Injectable()
export class LeetCodeClient {
  constructor(
    private readonly config: IngestionConfig,
    private readonly breakers: PlatformCircuitBreakers,
  ) {}

  /** The latest accepted submissions of a user (public, no login). */
  async recentAccepted(username: string, limit = 20): Promise<unknown[]> {
    const data = await this.query(RECENT_AC, { username, limit });
    if (!Array.isArray(data.recentAcSubmissionList))
      throw new PlatformRequestError('leetcode', `no public submissions for ${username}`);
    return data.recentAcSubmissionList;
  }

  /** One page of the signed-in user's full submission list (needs the session cookie). */
  async submissionList(
    session: string,
    offset: number,
    limit: number,
    lastKey: string | null,
  ): Promise<SubmissionListPage> {
    const data = await this.query(SUBMISSION_LIST, { offset, limit, lastKey }, session);
    const list = data.submissionList;
    if (!isObject(list) || !Array.isArray(list.submissions))
      throw new PlatformRequestError('leetcode', 'the session cookie was not accepted');
    return {
      submissions: list.submissions,
      hasNext: list.hasNext === true,
      lastKey: typeof list.lastKey === 'string' ? list.lastKey : null,
    };
  }

  /**
   * Difficulty and topic tags of a problem; null when LeetCode does not know the slug. With
   * `forUser`, the look-up is one a user's import asked for: it counts on that user's circuit
   * breaker, not LeetCode's (see PlatformCircuitBreakers).
   */
  async question(titleSlug: string, forUser?: string): Promise<LeetCodeQuestion | null> {
    const data = await this.query(QUESTION, { titleSlug }, undefined, forUser);
    const question = data.question;
    if (!isObject(question)) return null;
    const difficulty = String(question.difficulty ?? '').toLowerCase();
    return {
      titleSlug,
      title: typeof question.title === 'string' ? question.title : '',
      difficulty:
        difficulty === 'easy' || difficulty === 'medium' || difficulty === 'hard'
          ? difficulty
          : null,
      tags: Array.isArray(question.topicTags)
        ? question.topicTags.flatMap((tag) =>
            isObject(tag) && typeof tag.name === 'string' ? [tag.name] : [],
          )
        : [],
    };
  }

  private query(
    query: string,
    variables: Record<string, unknown>,
    session?: string,
    forUser?: string,
  ): Promise<Record<string, unknown>> {
    const call = async () => {
      const { status, body } = await fetchPlatformJson({
        platform: 'leetcode',
        url: this.config.LEETCODE_GRAPHQL_URL,
        method: 'POST',
        body: { query, variables },
        headers: {
          referer: 'https://leetcode.com',
          ...(session ? { cookie: `LEETCODE_SESSION=${session}` } : {}),
        },
        timeoutMs: this.config.PLATFORM_HTTP_TIMEOUT_MS,
      });
      if (status === 401 || status === 403)
        throw new PlatformRequestError('leetcode', `HTTP ${status}: the session was refused`);
      if (!isObject(body))
        throw new PlatformUnavailableError('leetcode', 'answer is not an object');
      if (isObject(body.data)) return body.data;
      const message =
        Array.isArray(body.errors) && isObject(body.errors[0])
          ? String(body.errors[0].message)
          : `HTTP ${status}`;
      throw new PlatformRequestError('leetcode', message);
    };
    return forUser === undefined
      ? this.breakers.execute('leetcode', call)
      : this.breakers.executeForUser('leetcode', forUser, call);
  }
}
