/**
 * Request/reply patterns (gateway → service over `<service>.rpc`). Every service answers
 * the `system.*` patterns; later features add theirs here with request and response types.
 */
export const RPC_PATTERNS = {
  systemHealth: 'system.health',
  /** Every service: all it holds about a user (`{}` when nothing). */
  userExport: 'user.export',
  /** Every service: delete all it holds about a user. */
  userDelete: 'user.delete',
  authRegister: 'auth.register',
  authLogin: 'auth.login',
  authRefresh: 'auth.refresh',
  authLogout: 'auth.logout',
  authMe: 'auth.me',
  authUpdateMe: 'auth.update_me',
  authGetUser: 'auth.get_user',
  authListUsers: 'auth.list_users',
  authDeleteAccount: 'auth.delete_account',
  authJwks: 'auth.jwks',
} as const;

export type RpcPattern = (typeof RPC_PATTERNS)[keyof typeof RPC_PATTERNS];

/** Identity of the caller, forwarded by the gateway with every RPC. Never taken from a body. */
export interface RpcCaller {
  userId: string;
  role: 'student' | 'mentor' | 'admin';
}

/** What travels in an RPC request message. */
export interface RpcRequest<T = unknown> {
  pattern: string;
  data: T;
  caller: RpcCaller | null;
}

/** What `user.delete` answers: how many records of the user the service removed. */
export interface UserDeleteResponse {
  deleted: number;
}

export interface SystemHealthResponse {
  service: string;
  status: 'up' | 'down';
  checks: Record<string, 'up' | 'down'>;
}
