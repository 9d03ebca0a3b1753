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
 * The learner changed their profile (PATCH /me): what other services keep of it. Each change
 * carries the next `profileVersion` of the user, so a consumer keeps the highest it saw and
 * ignores an older one delivered late.
 */
export interface UserProfileUpdatedPayload {
  userId: string;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** YYYY-MM-DD, or null when the learner set none. */
  preparationTargetDate: string | null;
  /** 1 for the first change, then one more per change (the consumers' high-water mark). */
  profileVersion: number;
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
