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

/**
 * Whose data a read acts on (docs/security.md#mentor-scope): the caller's own when `userId` is
 * absent or theirs; any user's for an admin; for a mentor, only the student the gateway
 * confirmed as theirs (`caller.mentorOf`). Anyone else: 403.
 */
export function readableSubject(caller: RpcCaller, userId?: string): string {
  if (!userId || userId === caller.userId) return caller.userId;
  if (caller.role === 'admin') return userId;
  if (caller.role === 'mentor' && caller.mentorOf === userId) return userId;
  throw new AppError(
    'FORBIDDEN',
    "only an admin or the user's own mentor reads another user's data",
  );
}
