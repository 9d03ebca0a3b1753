import type { ErrorBody } from '../errors/error-body';

/** The reply of every RPC: either a result or the one error shape's body. */
export type RpcReply<T = unknown> =
  { ok: true; result: T } | { ok: false; error: ErrorBody; retryAfterSeconds?: number };
