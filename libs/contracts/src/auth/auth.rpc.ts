import type {
  LoginRequest,
  RefreshTokenRequest,
  RegisterRequest,
  UpdateMeRequest,
} from './auth.requests';

/** What the gateway adds to a login: where it came from, for throttling. */
export interface LoginRpcData extends LoginRequest {
  ip: string;
}

export type RegisterRpcData = RegisterRequest;
export type RefreshRpcData = RefreshTokenRequest;
export type UpdateMeRpcData = UpdateMeRequest;

export interface ListUsersRpcData {
  limit: number;
  cursor?: string;
}
