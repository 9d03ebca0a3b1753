/**
 * Request/reply patterns (gateway → service over `<service>.rpc`). Every service answers
 * the `system.*` patterns; later features add theirs here with request and response types.
 */
export const RPC_PATTERNS = {
  systemHealth: 'system.health',
  userExport: 'user.export',
  userDelete: 'user.delete',
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

export interface SystemHealthResponse {
  service: string;
  status: 'up' | 'down';
  checks: Record<string, 'up' | 'down'>;
}
