import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '../fixtures');
const read = (path: string) => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8'));

/** A scripted answer: status and body (an object is sent as JSON, a string as is), after a delay. */
export interface Scripted {
  status?: number;
  body?: unknown;
  delayMs?: number;
  /**
   * Only for requests of this Codeforces handle. Background syncs of other tests' users
   * (scheduled retries) call the same routes and must not take a test's scripted answers.
   */
  handle?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/**
 * Stands in for codeforces.com/api and leetcode.com/graphql in tests: replays recorded answers
 * (the real Codeforces export served page by page with from/count, problemset.problems,
 * LeetCode GraphQL lists and questions) and scripted failures queued per route.
 */
export class RecordedPlatformServer {
  readonly requests: RecordedRequest[] = [];
  /** Codeforces submissions of the handle, newest first (tests may add or change some). */
  codeforcesSubmissions: Array<Record<string, unknown>> = read(
    'codeforces/user-status-rishgod.json',
  ).result;
  /** Session cookie the LeetCode submissionList accepts. */
  leetcodeSession = '';
  private readonly queued = new Map<string, Scripted[]>();
  private readonly questions: Record<string, unknown> = read('leetcode/questions.json');
  private server?: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Answers the next calls of `route` (`user.status`, `problemset.problems`, `graphql:<field>`) so. */
  script(route: string, ...answers: Scripted[]): void {
    this.queued.set(route, [...(this.queued.get(route) ?? []), ...answers]);
  }

  clearScripts(): void {
    this.queued.clear();
  }

  /** Requests of `route` so far (of one Codeforces handle when given). */
  count(route: string, handle?: string): number {
    return this.requests.filter(
      (request) =>
        routeOf(request) === route &&
        (handle === undefined || request.query.get('handle') === handle),
    ).length;
  }

  /** The first queued answer of the request's route meant for it (see Scripted.handle). */
  private takeScripted(request: RecordedRequest): Scripted | undefined {
    const queue = this.queued.get(routeOf(request)) ?? [];
    const handle = request.query.get('handle');
    const index = queue.findIndex(
      (answer) => answer.handle === undefined || answer.handle === handle,
    );
    return index < 0 ? undefined : queue.splice(index, 1)[0];
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const text = Buffer.concat(chunks).toString('utf8');
        const request: RecordedRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: text ? JSON.parse(text) : undefined,
        };
        this.requests.push(request);
        const answer = this.takeScripted(request) ?? this.recorded(request);
        const send = () => {
          if (res.destroyed) return;
          res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
          res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
        };
        if (answer.delayMs) setTimeout(send, answer.delayMs);
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private recorded(request: RecordedRequest): Scripted {
    const route = routeOf(request);
    if (route === 'user.status') {
      if (request.query.get('handle') !== 'rishgod')
        return {
          status: 400,
          body: {
            status: 'FAILED',
            comment: `handle: User with handle ${request.query.get('handle')} not found`,
          },
        };
      const from = Number(request.query.get('from') ?? 1);
      const count = Number(request.query.get('count') ?? 100_000);
      return {
        body: {
          status: 'OK',
          result: this.codeforcesSubmissions.slice(from - 1, from - 1 + count),
        },
      };
    }
    if (route === 'problemset.problems')
      return { body: read('codeforces/problemset-problems.json') };
    if (route === 'graphql:recentAcSubmissionList')
      return { body: read('leetcode/recent-ac-submissions.json') };
    if (route === 'graphql:submissionList') {
      if (request.headers.cookie !== `LEETCODE_SESSION=${this.leetcodeSession}`)
        return {
          body: {
            errors: [{ message: 'User is not authenticated' }],
            data: { submissionList: null },
          },
        };
      const lastKey = (request.body as { variables: { lastKey: string | null } }).variables.lastKey;
      return {
        body: read(
          lastKey ? 'leetcode/submission-list-page-2.json' : 'leetcode/submission-list-page-1.json',
        ),
      };
    }
    if (route === 'graphql:question') {
      const slug = (request.body as { variables: { titleSlug: string } }).variables.titleSlug;
      return { body: this.questions[slug] ?? { data: { question: null } } };
    }
    return { status: 404, body: { message: 'not recorded' } };
  }
}

function routeOf(request: RecordedRequest): string {
  if (request.path.startsWith('/api/')) return request.path.slice('/api/'.length);
  const query = (request.body as { query?: string } | undefined)?.query ?? '';
  const field = /\{\s*(\w+)\s*\(/.exec(query)?.[1] ?? 'unknown';
  return `graphql:${field}`;
}
