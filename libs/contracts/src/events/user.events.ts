export type UserRole = 'student' | 'mentor' | 'admin';

export interface UserRegisteredPayload {
  userId: string;
  email: string;
  name: string;
  role: UserRole;
}

export interface UserDeletedPayload {
  userId: string;
}

/**
 * An admin action taken through the gateway on another service (resolving a normalization
 * failure, adding a topic …), for auth's audit log. Published by the gateway after the
 * action succeeded.
 */
export interface AuditRecordedPayload {
  actorId: string;
  /** `<METHOD> <route>`, e.g. `POST /admin/normalization/failures/:failureId/resolve`. */
  action: string;
  /** The path as called, with its ids. */
  path: string;
  status: number;
}
