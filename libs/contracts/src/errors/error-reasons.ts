import type { ErrorCode } from './error-codes';

/**
 * Why a request failed, where one status covers several situations a client must tell
 * apart (409 above all): `error.reason` in the one error shape, stable once published.
 * Each reason names the code (and so the status) it travels with; `docs/errors.md` is
 * generated from this table (`npm run docs`).
 */
export const ERROR_REASONS = {
  EMAIL_TAKEN: { code: 'CONFLICT', when: 'an account with this email already exists' },
  ACCOUNT_CHANGED: {
    code: 'CONFLICT',
    when: "another admin changed the account's role or lock meanwhile: read it again and retry",
  },
  LAST_ADMIN: {
    code: 'CONFLICT',
    when: 'the change would leave no active admin: promote another admin first',
  },
  ALREADY_RESOLVED: { code: 'CONFLICT', when: 'the normalization failure is already resolved' },
  PLATFORM_ALREADY_MAPPED: {
    code: 'CONFLICT',
    when: 'the canonical problem already has a problem of that platform, or the platform problem was mapped meanwhile',
  },
  RESOLUTION_IN_PROGRESS: {
    code: 'CONFLICT',
    when: 'the normalization failure is being resolved to another problem: retry with that one',
  },
  FAILURE_CHANGED: {
    code: 'CONFLICT',
    when: 'the normalization failure changed meanwhile: read it again and retry',
  },
  TOPIC_EXISTS: { code: 'CONFLICT', when: 'a topic with this slug exists' },
  ALIAS_TAKEN: { code: 'CONFLICT', when: 'the platform tag is already mapped to a topic' },
  ROADMAP_VERSION_CONFLICT: {
    code: 'CONFLICT',
    when: 'the roadmap was changed by another request: read it again and retry',
  },
  POST_VERSION_CONFLICT: {
    code: 'CONFLICT',
    when: 'the post was changed by another request: read it again and retry',
  },
  SYNC_STATE_CHANGED: {
    code: 'CONFLICT',
    when: 'the sync state of the account changed meanwhile: try again',
  },
  TASK_VERSION_CONFLICT: {
    code: 'CONFLICT',
    when: 'the task was changed by another request: read it again and retry',
  },
  TASK_STATE: {
    code: 'CONFLICT',
    when: "the task's status does not allow this (e.g. completing a pending task, editing a verified one, reflecting on an unverified one)",
  },
  TASK_ASSIGNED: {
    code: 'FORBIDDEN',
    when: 'the task was assigned by a mentor: what verifies it (problem, topic, source, repository) cannot be changed',
  },
  REFLECTION_IN_PROGRESS: {
    code: 'CONFLICT',
    when: "another request is posting the task's reflection",
  },
  REFLECTION_POSTED: { code: 'CONFLICT', when: "the task's reflection is posted already" },
  ALREADY_MENTOR: { code: 'CONFLICT', when: 'this mentor is the student’s mentor already' },
  ALREADY_INVITED: { code: 'CONFLICT', when: 'this mentor has a pending invitation already' },
  INVITATION_CHANGED: {
    code: 'CONFLICT',
    when: 'the mentor invitation changed meanwhile: try again',
  },
  MENTOR_INVITATIONS_FULL: {
    code: 'CONFLICT',
    when: 'the mentor has as many pending invitations as they may hold: try again once they answered some',
  },
  INVITATION_ANSWERED: {
    code: 'CONFLICT',
    when: 'the mentor invitation was already accepted or declined',
  },
  PREFERENCES_CHANGED: {
    code: 'CONFLICT',
    when: 'the notification preferences changed meanwhile: try again',
  },
  ROADMAP_QUOTA: {
    code: 'QUOTA_EXCEEDED',
    when: 'the per-user limit of custom roadmaps is reached',
  },
} as const satisfies Record<string, { code: ErrorCode; when: string }>;

export type ErrorReason = keyof typeof ERROR_REASONS;

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_REASONS, value);
}
