import type {
  LoginRequest,
  RefreshTokenRequest,
  RegisterRequest,
  UpdateMeRequest,
  UpdateUserAccessRequest,
} from './auth.requests';
import type { UserRole } from '../events/user.events';

/** What the gateway adds to a login: where it came from, for throttling and the audit log. */
export interface LoginRpcData extends LoginRequest {
  /** The client's rate-limit key: its IPv4 address, or its IPv6 /64. */
  ip: string;
}

export type RegisterRpcData = RegisterRequest;
export type RefreshRpcData = RefreshTokenRequest;
export type UpdateMeRpcData = UpdateMeRequest;

export interface ListUsersRpcData {
  limit: number;
  cursor?: string;
}

/** `auth.set_user_access`: an admin's change to an account (PATCH /admin/users/:id). */
export interface SetUserAccessRpcData extends UpdateUserAccessRequest {
  userId: string;
}

/** `auth.grant_role`: the operator command (`npm run admin -- grant <email> <role>`). */
export interface GrantRoleRpcData {
  email: string;
  role: UserRole;
}

export interface ListAuditRpcData {
  limit: number;
  cursor?: string;
}
