import { NOTIFICATION_KINDS } from '@prepmate/contracts';
import {
  applyPreferenceChanges,
  effectivePreferences,
  preferenceList,
} from './notification-preferences';

describe('notification preferences', () => {
  it('defaults: every kind in the app; streak and sync by immediate email, the rest in the digest', () => {
    const defaults = effectivePreferences(undefined);
    expect(Object.keys(defaults)).toEqual([...NOTIFICATION_KINDS]);
    for (const kind of NOTIFICATION_KINDS) expect(defaults[kind].inApp).toBe(true);
    expect(defaults.streak_at_risk.email).toBe('immediate');
    expect(defaults.sync_failing.email).toBe('immediate');
    expect(defaults.goal_reached.email).toBe('digest');
    expect(defaults.revisions_due.email).toBe('digest');
  });

  it('completes stored settings with the defaults, field by field', () => {
    const map = effectivePreferences({
      goal_reached: { inApp: false },
      task_failed: { email: 'off' },
    });
    expect(map.goal_reached).toEqual({ inApp: false, email: 'digest' });
    expect(map.task_failed).toEqual({ inApp: true, email: 'off' });
  });

  it('applies changes to the kinds named only, keeping fields not given', () => {
    const next = applyPreferenceChanges(effectivePreferences(undefined), [
      { kind: 'chat_unlocked', email: 'immediate' },
      { kind: 'revisions_due', inApp: false },
    ]);
    expect(next.chat_unlocked).toEqual({ inApp: true, email: 'immediate' });
    expect(next.revisions_due).toEqual({ inApp: false, email: 'digest' });
    expect(next.goal_at_risk).toEqual({ inApp: true, email: 'digest' });
    expect(preferenceList(next)).toHaveLength(NOTIFICATION_KINDS.length);
    expect(preferenceList(next)[0]).toEqual({
      kind: 'revisions_due',
      inApp: false,
      email: 'digest',
    });
  });
});
