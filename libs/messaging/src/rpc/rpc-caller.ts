import type { RpcCaller, RpcRequest } from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';

/** The authenticated caller the gateway forwarded; RPCs that act for a user need one. */
export function requireCaller(request: RpcRequest): RpcCaller {
  if (!request.caller) throw new AppError('UNAUTHENTICATED', 'authentication required');
  return request.caller;
}

/** Admin-only RPCs check the role again (the gateway already did). */
export function requireAdmin(request: RpcRequest): RpcCaller {
  const caller = requireCaller(request);
  if (caller.role !== 'admin') throw new AppError('FORBIDDEN', 'admins only');
  return caller;
}
