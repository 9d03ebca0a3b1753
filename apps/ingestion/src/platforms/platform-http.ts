import { PlatformRequestError, PlatformUnavailableError } from './platform-errors';

export interface HttpJsonRequest {
  platform: string;
  url: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
}

/** A header value HTTP accepts (visible ASCII, spaces and tabs; no CR, LF or NUL). */
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/**
 * What a failed fetch says about the network, never its message: undici's messages may quote
 * the request (an invalid header quotes its value, the session cookie), and this text ends in
 * `lastError`, logs and admin views.
 */
export function networkFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code =
    typeof cause?.code === 'string' && /^[A-Z0-9_]{1,40}$/.test(cause.code) ? cause.code : null;
  return code ? `unreachable (${code})` : 'unreachable';
}

/**
 * One JSON call to a platform with a time limit. Network errors, timeouts, 429, 5xx and
 * bodies that are not JSON are "unavailable"; other 4xx answers are returned to the caller,
 * which knows the platform's error format (Codeforces answers FAILED with HTTP 400).
 */
export async function fetchPlatformJson(
  request: HttpJsonRequest,
): Promise<{ status: number; body: unknown }> {
  for (const [name, value] of Object.entries(request.headers ?? {}))
    if (!HEADER_VALUE.test(value))
      throw new PlatformRequestError(
        request.platform,
        `the ${name} header has characters HTTP does not allow (value not shown)`,
      );
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method ?? 'GET',
      headers: {
        accept: 'application/json',
        'user-agent': 'PrepMate/1.0 (+https://prepmate.dev)',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const name = (error as Error).name;
    const reason =
      name === 'TimeoutError' || name === 'AbortError'
        ? `no answer within ${request.timeoutMs} ms`
        : networkFailure(error);
    throw new PlatformUnavailableError(request.platform, reason);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new PlatformUnavailableError(
      request.platform,
      `answer cut off (${networkFailure(error)})`,
    );
  }
  if (response.status === 429)
    throw new PlatformUnavailableError(request.platform, 'rate limited (HTTP 429)');
  if (response.status >= 500)
    throw new PlatformUnavailableError(request.platform, `HTTP ${response.status}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (response.status >= 400)
      throw new PlatformRequestError(request.platform, `HTTP ${response.status}`);
    throw new PlatformUnavailableError(request.platform, 'answer is not valid JSON');
  }
  return { status: response.status, body };
}
