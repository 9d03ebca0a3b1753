import { attempt, T0 } from '../../../../test/support/factories/attempts';
import { compareAttempts, comparePlatformIds } from './attempt';

describe('attempt order: submittedAt, then platformSubmissionId', () => {
  it('numeric ids compare as numbers, others as strings', () => {
    expect(comparePlatformIds('99', '100')).toBeLessThan(0);
    expect(comparePlatformIds('0100', '99')).toBeGreaterThan(0);
    expect(comparePlatformIds('12345678901234567890', '12345678901234567891')).toBeLessThan(0);
    expect(comparePlatformIds('b', 'a10')).toBeGreaterThan(0);
    expect(comparePlatformIds('9', 'a')).toBeLessThan(0);
  });

  it('ties on time fall back to the platform id', () => {
    const later = attempt({ submittedAt: T0, platformSubmissionId: '100' });
    const earlier = attempt({ submittedAt: T0, platformSubmissionId: '99' });
    expect([later, earlier].sort(compareAttempts)).toEqual([earlier, later]);
  });
});
