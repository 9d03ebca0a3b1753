import { attempt, DAY, T0 } from '../../../../test/support/factories/attempts';
import { DEFAULT_BKT } from './bkt';
import { engagementScore, retentionLevel, topicMetrics } from './topic-metrics';
import { recompute } from './user-aggregate';

describe('engagement and retention, at read time', () => {
  const history = Array.from({ length: 25 }, (_, i) =>
    attempt({ submittedAt: T0 - (40 - i * 2) * DAY, problem: `e${i}` }),
  );
  // attempts at T0-40d … T0+8d, every 2 days; the last one at T0 + 8 days
  const state = recompute(history, DEFAULT_BKT).topics.arrays;
  const last = T0 + 8 * DAY;

  it('100 · exp(−days/14) · min(1, attempts in 30 days / 20)', () => {
    const now = last + 3 * DAY + 5_000;
    const inWindow = history.filter((a) => a.submittedAt > now - 30 * DAY).length;
    expect(inWindow).toBe(14);
    expect(engagementScore(state, now)).toBeCloseTo(100 * Math.exp(-3 / 14) * (inWindow / 20), 10);
  });

  it('days since last activity are whole days', () => {
    expect(topicMetrics(state, {}, last + 2 * DAY - 1).daysSinceLastActivity).toBe(1);
  });

  it.each([
    [0, 'high'],
    [7, 'high'],
    [8, 'medium'],
    [21, 'medium'],
    [22, 'low'],
    [45, 'low'],
    [46, 'critical'],
  ])('%i days → %s', (days, level) => expect(retentionLevel(days)).toBe(level));

  it('no activity → engagement 0', () => {
    expect(engagementScore({ ...state, lastActivity: null }, last)).toBe(0);
  });
});
