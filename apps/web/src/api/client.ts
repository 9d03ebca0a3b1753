import createClient from 'openapi-fetch';
import { toApiError } from './errors';
import type { paths } from './schema';
import { session, type Tokens } from './session';

/** Same origin when served by the gateway; VITE_API_ORIGIN for a client hosted elsewhere. */
export const API_ORIGIN = import.meta.env.VITE_API_ORIGIN ?? '';

/** Calls that answer 401 for a wrong password or token, not for an expired session. */
const SESSION_ROUTES = /\/auth\/(login|register|refresh|logout)$/;

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time, shared by every request that met a 401 meanwhile. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = session.refreshToken;
    if (!refreshToken) return false;
    const res = await fetch(`${API_ORIGIN}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    }).catch(() => null);
    if (!res?.ok) return false;
    session.start((await res.json()) as Tokens);
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * Every call carries the access token; a 401 refreshes the session once and replays the
 * request, and a second 401 (or a failed refresh) signs out.
 */
async function authorizedFetch(request: Request): Promise<Response> {
  const replay = request.clone();
  if (session.token) request.headers.set('authorization', `Bearer ${session.token}`);
  const res = await fetch(request);
  if (res.status !== 401 || SESSION_ROUTES.test(new URL(request.url).pathname)) return res;
  if (!(await refreshSession())) {
    session.end();
    return res;
  }
  replay.headers.set('authorization', `Bearer ${session.token}`);
  const second = await fetch(replay);
  if (second.status === 401) session.end();
  return second;
}

export const api = createClient<paths>({ baseUrl: API_ORIGIN, fetch: authorizedFetch });

/** Unwraps an openapi-fetch result: the data, or a thrown ApiError. */
export async function call<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch {
    throw toApiError(0, undefined);
  }
  if (!result.response.ok || result.error !== undefined)
    throw toApiError(result.response.status, result.error);
  return result.data as T;
}
