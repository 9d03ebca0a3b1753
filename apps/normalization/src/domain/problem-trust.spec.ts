import {
  canSee,
  firstVouchers,
  isConfirmed,
  visiblePlatforms,
  vouchersToAdd,
} from './problem-trust';

const student = { userId: 'u1', role: 'student' as const };
const other = { userId: 'u2', role: 'student' as const };
const admin = { userId: 'a', role: 'admin' as const };

describe('problem trust', () => {
  it('shows confirmed problems to everyone, unconfirmed ones to their vouchers and admins', () => {
    const junk = { verified: false, vouchedBy: ['u1'] };
    expect(canSee(junk, student)).toBe(true);
    expect(canSee(junk, other)).toBe(false);
    expect(canSee(junk, admin)).toBe(true);
    expect(canSee({ verified: true, vouchedBy: [] }, other)).toBe(true);
  });

  it('counts problems stored before confirmation existed as confirmed', () => {
    expect(isConfirmed({})).toBe(true);
    expect(canSee({}, other)).toBe(true);
  });

  it('hides the unconfirmed platform problems of a confirmed problem from non-vouchers', () => {
    const problem = {
      verified: true,
      vouchedBy: ['u1'],
      platforms: [
        { platform: 'leetcode', verified: true },
        { platform: 'hackerrank', verified: false },
        { platform: 'codeforces' },
      ],
    };
    expect(visiblePlatforms(problem, other).map((entry) => entry.platform)).toEqual([
      'leetcode',
      'codeforces',
    ]);
    expect(visiblePlatforms(problem, student)).toHaveLength(3);
    expect(visiblePlatforms(problem, admin)).toHaveLength(3);
  });

  it('keeps at most max distinct vouchers', () => {
    expect(firstVouchers(['a', 'b', 'a', 'c'], 2)).toEqual(['a', 'b']);
  });

  it('adds only new vouchers, and only as many as still fit', () => {
    expect(vouchersToAdd(['a', 'b'], ['b', 'c', 'c', 'd'], 5)).toEqual(['c', 'd']);
    expect(vouchersToAdd(['a', 'b'], ['c', 'd', 'e', 'f'], 4)).toEqual(['c', 'd']);
    expect(vouchersToAdd(['a', 'b'], ['c'], 2)).toEqual([]);
    expect(vouchersToAdd(['a', 'b', 'c'], ['d'], 2)).toEqual([]);
  });
});
