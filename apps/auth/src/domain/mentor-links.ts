import type { MentorLinkStatus, UserRole } from '@prepmate/contracts';

/** docs/product.md#mentors: who may invite whom, and what an answer may change. */

export interface InvitedAccount {
  id: string;
  role: UserRole;
}

export type InvitationDecision =
  | { ok: true }
  | {
      ok: false;
      code: 'NOT_FOUND' | 'VALIDATION_FAILED' | 'CONFLICT';
      reason?: 'ALREADY_MENTOR' | 'ALREADY_INVITED';
      message: string;
    };

/**
 * A student's invitation of the account behind an e-mail address: it must be an active
 * mentor (an admin appointed them), not the student, and not already their mentor or
 * invited. A declined invitation may be sent again.
 */
export function decideInvitation(
  studentId: string,
  mentor: InvitedAccount | null,
  existing: MentorLinkStatus | null,
): InvitationDecision {
  if (!mentor || mentor.role !== 'mentor')
    return { ok: false, code: 'NOT_FOUND', message: 'no mentor has this e-mail address' };
  if (mentor.id === studentId)
    return { ok: false, code: 'VALIDATION_FAILED', message: 'you cannot be your own mentor' };
  if (existing === 'accepted')
    return {
      ok: false,
      code: 'CONFLICT',
      reason: 'ALREADY_MENTOR',
      message: 'this mentor is your mentor already',
    };
  if (existing === 'pending')
    return {
      ok: false,
      code: 'CONFLICT',
      reason: 'ALREADY_INVITED',
      message: 'this mentor has been invited already',
    };
  return { ok: true };
}

/** A mentor answers only a pending invitation: accepting makes the link, declining ends it. */
export function answeredStatus(
  current: MentorLinkStatus,
  accept: boolean,
): MentorLinkStatus | null {
  if (current !== 'pending') return null;
  return accept ? 'accepted' : 'declined';
}

/** A mentor reads a user's data only through an accepted link, and only while a mentor. */
export function grantsMentorScope(role: UserRole, link: MentorLinkStatus | null): boolean {
  return role === 'mentor' && link === 'accepted';
}
