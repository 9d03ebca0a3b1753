import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

type RecordedCommit = Record<string, unknown> & {
  sha: string;
  commit: Record<string, unknown> & { committer: { date: string } };
  files_touched_for_replay: string[];
};

export interface GithubRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

/**
 * Stands in for api.github.com in tests: `GET /repos/{owner}/{repo}/commits` with `since`,
 * `until`, `path` and `per_page` answered from recorded commit lists (test/fixtures/github),
 * newest first, as GitHub does; 404 with GitHub's body for a repository it does not know.
 * Tests add commits (a learner pushing) or script failures.
 */
export class GithubReplayServer {
  readonly requests: GithubRequest[] = [];
  readonly repositories: Map<string, RecordedCommit[]>;
  /** Statuses answered instead of the recorded data, one per request, in order. */
  readonly failures: number[] = [];
  private server?: Server;

  constructor() {
    const recorded = JSON.parse(
      readFileSync(join(__dirname, '../fixtures/github/commits.json'), 'utf8'),
    ) as Record<string, RecordedCommit[]>;
    this.repositories = new Map(Object.entries(recorded));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** A new commit on top of `repository` (a copy of its newest with this sha, date and files). */
  push(repository: string, sha: string, date: Date, files: string[]): void {
    const commits = this.repositories.get(repository)!;
    const newest = commits[0];
    const stamp = { ...newest.commit.committer, date: date.toISOString().replace('.000', '') };
    commits.unshift({
      ...newest,
      sha,
      commit: { ...newest.commit, author: stamp, committer: stamp, message: `work on ${files[0]}` },
      parents: [{ sha: newest.sha }],
      files_touched_for_replay: files,
    });
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      this.requests.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      };
      const failure = this.failures.shift();
      if (failure !== undefined) return send(failure, { message: 'Server Error' });
      const match = /^\/repos\/([^/]+)\/([^/]+)\/commits$/.exec(url.pathname);
      const commits = match && this.repositories.get(`${match[1]}/${match[2]}`);
      if (!commits)
        return send(404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest/commits/commits#list-commits',
          status: '404',
        });
      const since = url.searchParams.get('since');
      const until = url.searchParams.get('until');
      const path = url.searchParams.get('path');
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const answer = commits
        .filter((c) => !since || Date.parse(c.commit.committer.date) >= Date.parse(since))
        .filter((c) => !until || Date.parse(c.commit.committer.date) <= Date.parse(until))
        .filter(
          (c) =>
            !path ||
            c.files_touched_for_replay.some((file) => file === path || file.startsWith(`${path}/`)),
        )
        .slice(0, perPage)
        .map(({ files_touched_for_replay: _files, ...commit }) => commit);
      send(200, answer);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
