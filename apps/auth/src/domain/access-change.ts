import type { AuditType, UserRole } from '@prepmate/contracts';

export interface AccountAccess {
  role: UserRole;
  isActive: boolean;
}

export type AccessChange = Partial<AccountAccess>;

export interface AccessDecision {
  next: AccountAccess;
  changed: boolean;
  /** The account stops being an active admin: refused if it is the last one. */
  removesAdmin: boolean;
  /** Tokens already issued carry more than the account may now do: refuse them at once. */
  revokesTokens: boolean;
  /** What the audit log records. */
  audit: Array<{ type: AuditType; details: Record<string, unknown> }>;
}

const RANK: Record<UserRole, number> = { student: 0, mentor: 1, admin: 2 };

/**
 * What changing an account's role or active flag does (PATCH /admin/users/:id and the
 * operator command share it): a lock or a demotion revokes the tokens already issued (a
 * promotion does not need to: the old tokens carry less); an admin who stops being an
 * active admin is checked against the last-admin rule.
 */
export function decideAccessChange(current: AccountAccess, change: AccessChange): AccessDecision {
  const next: AccountAccess = {
    role: change.role ?? current.role,
    isActive: change.isActive ?? current.isActive,
  };
  const audit: AccessDecision['audit'] = [];
  if (next.role !== current.role) {
    audit.push({ type: 'user.role_changed', details: { from: current.role, to: next.role } });
  }
  if (next.isActive !== current.isActive) {
    audit.push({ type: next.isActive ? 'user.reactivated' : 'user.deactivated', details: {} });
  }
  const wasAdmin = current.role === 'admin' && current.isActive;
  const isAdmin = next.role === 'admin' && next.isActive;
  return {
    next,
    changed: audit.length > 0,
    removesAdmin: wasAdmin && !isAdmin,
    revokesTokens: (current.isActive && !next.isActive) || RANK[next.role] < RANK[current.role],
    audit,
  };
}
