import {
  NOTIFICATION_KINDS,
  type EmailMode,
  type NotificationKind,
  type NotificationPreference,
  type NotificationPreferenceChange,
} from '@prepmate/contracts';

export type PreferenceMap = Record<NotificationKind, { inApp: boolean; email: EmailMode }>;

/**
 * Defaults (docs/product.md): every kind in the app; by email, what cannot wait for the
 * morning comes at once (the streak at risk is announced at 20:00 for that evening, a failing
 * sync needs the learner to act) and the rest in the daily digest.
 */
export const DEFAULT_EMAIL: Record<NotificationKind, EmailMode> = {
  revisions_due: 'digest',
  goal_reached: 'digest',
  goal_at_risk: 'digest',
  streak_at_risk: 'immediate',
  task_completed: 'digest',
  task_failed: 'digest',
  chat_unlocked: 'digest',
  sync_failing: 'immediate',
};

/** The stored settings (possibly partial, from an older version) completed with the defaults. */
export function effectivePreferences(
  stored: Partial<Record<string, { inApp?: boolean; email?: EmailMode }>> | undefined,
): PreferenceMap {
  const result = {} as PreferenceMap;
  for (const kind of NOTIFICATION_KINDS) {
    const own = stored?.[kind];
    result[kind] = {
      inApp: own?.inApp ?? true,
      email: own?.email ?? DEFAULT_EMAIL[kind],
    };
  }
  return result;
}

/** The changes applied on top; a kind not named keeps its setting, a field not given too. */
export function applyPreferenceChanges(
  current: PreferenceMap,
  changes: readonly NotificationPreferenceChange[],
): PreferenceMap {
  const next = { ...current };
  for (const change of changes) {
    next[change.kind] = {
      inApp: change.inApp ?? next[change.kind].inApp,
      email: change.email ?? next[change.kind].email,
    };
  }
  return next;
}

export function preferenceList(map: PreferenceMap): NotificationPreference[] {
  return NOTIFICATION_KINDS.map((kind) => ({ kind, ...map[kind] }));
}
