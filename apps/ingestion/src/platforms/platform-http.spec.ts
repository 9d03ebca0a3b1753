import { createServer } from 'node:net';
import { fetchPlatformJson, networkFailure } from './platform-http';
import { PlatformRequestError, PlatformUnavailableError } from './platform-errors';

const secret = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXNlc3Npb24.sig\r\nx-injected: 1';

describe('fetchPlatformJson', () => {
  it('refuses a header value HTTP does not allow without quoting it', async () => {
    const failure = await fetchPlatformJson({
      platform: 'leetcode',
      url: 'http://127.0.0.1:9/graphql',
      headers: { cookie: `LEETCODE_SESSION=${secret}` },
      timeoutMs: 1000,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PlatformRequestError);
    expect((failure as Error).message).toBe(
      'leetcode: the cookie header has characters HTTP does not allow (value not shown)',
    );
    expect((failure as Error).message).not.toContain('c2VjcmV0');
  });

  it('names a network failure by its code only', async () => {
    // A port nothing listens on: bind one, note it, close it.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const failure = await fetchPlatformJson({
      platform: 'codeforces',
      url: `http://127.0.0.1:${port}/api?handle=${secret.slice(0, 10)}`,
      headers: { authorization: 'Bearer not-shown' },
      timeoutMs: 2000,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PlatformUnavailableError);
    expect((failure as Error).message).toBe('codeforces: unreachable (ECONNREFUSED)');
  });

  it('never reads the message of an error it describes', () => {
    expect(
      networkFailure(new TypeError(`Headers.append: "${secret}" is an invalid header value.`)),
    ).toBe('unreachable');
    expect(networkFailure({ cause: { code: 'ENOTFOUND' } })).toBe('unreachable (ENOTFOUND)');
    expect(networkFailure({ cause: { code: `x${secret}` } })).toBe('unreachable');
  });
});
