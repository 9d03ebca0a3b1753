import {
  type AdminUserResponse,
  RPC_PATTERNS,
  USER_ROLES,
  type UserRole,
} from '@prepmate/contracts';
import type { RpcClient } from '@prepmate/messaging';

export function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as string[]).includes(value);
}

/**
 * Grants a role to an existing account through auth's `auth.grant_role` RPC, as the
 * operator `operator:<name>`: the request is signed with the RPC secret like every RPC,
 * so only someone holding the secret (an operator with the deployment's configuration) can
 * send it. Auth applies the same rules and audit as `PATCH /admin/users/:id`.
 */
export function grantRole(
  rpc: RpcClient,
  email: string,
  role: UserRole,
  operator: string,
): Promise<AdminUserResponse> {
  return rpc.call(
    RPC_PATTERNS.authGrantRole,
    { email, role },
    { caller: { userId: `operator:${operator}`, role: 'admin' } },
  );
}
