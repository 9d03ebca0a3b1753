import { isFinalCodeforcesSubmission, isFinalLeetCodeSubmission } from './final-verdict';

describe('final verdicts of adapter reads (docs/product.md#ingestion)', () => {
  it('takes a judged Codeforces submission as final, one being tested or without a verdict not', () => {
    expect(isFinalCodeforcesSubmission({ verdict: 'OK' })).toBe(true);
    expect(isFinalCodeforcesSubmission({ verdict: 'CHALLENGED' })).toBe(true);
    expect(isFinalCodeforcesSubmission({ verdict: 'TESTING' })).toBe(false);
    expect(isFinalCodeforcesSubmission({})).toBe(false);
    expect(isFinalCodeforcesSubmission({ verdict: 7 })).toBe(false);
  });

  it('takes every submission of the accepted list as final', () => {
    expect(isFinalLeetCodeSubmission({ isPending: true }, true)).toBe(true);
    expect(isFinalLeetCodeSubmission({}, true)).toBe(true);
  });

  it('takes a pending LeetCode submission of the full list as not final', () => {
    expect(isFinalLeetCodeSubmission({ isPending: true, statusDisplay: 'Accepted' }, false)).toBe(
      false,
    );
    expect(isFinalLeetCodeSubmission({ isPending: 'true', statusDisplay: 'Accepted' }, false)).toBe(
      false,
    );
    expect(isFinalLeetCodeSubmission({ isPending: false, statusDisplay: 'Pending' }, false)).toBe(
      false,
    );
    expect(isFinalLeetCodeSubmission({}, false)).toBe(false);
  });

  it('takes a judged LeetCode submission of the full list as final', () => {
    expect(
      isFinalLeetCodeSubmission({ isPending: false, statusDisplay: 'Wrong Answer' }, false),
    ).toBe(true);
    expect(isFinalLeetCodeSubmission({ statusDisplay: 'Accepted' }, false)).toBe(true);
  });
});
