import { codeforcesVerdict, isAttempt, leetcodeVerdict, NOT_FINAL } from './verdicts';

describe('verdict mapping (docs/product.md#ingestion)', () => {
  it.each([
    ['OK', 'accepted'],
    ['WRONG_ANSWER', 'wrong_answer'],
    ['TIME_LIMIT_EXCEEDED', 'time_limit_exceeded'],
    ['MEMORY_LIMIT_EXCEEDED', 'memory_limit_exceeded'],
    ['RUNTIME_ERROR', 'runtime_error'],
    ['COMPILATION_ERROR', 'compilation_error'],
    ['IDLENESS_LIMIT_EXCEEDED', 'other'],
    ['CHALLENGED', 'other'],
    ['SKIPPED', 'other'],
    ['PARTIAL', 'other'],
  ])('Codeforces %s → %s', (raw, expected) => {
    expect(codeforcesVerdict(raw)).toBe(expected);
  });

  it('treats TESTING and a missing verdict as not final', () => {
    expect(codeforcesVerdict('TESTING')).toBe(NOT_FINAL);
    expect(codeforcesVerdict(undefined)).toBe(NOT_FINAL);
  });

  it.each([
    ['Accepted', 'accepted'],
    ['Wrong Answer', 'wrong_answer'],
    ['Time Limit Exceeded', 'time_limit_exceeded'],
    ['Memory Limit Exceeded', 'memory_limit_exceeded'],
    ['Runtime Error', 'runtime_error'],
    ['Compile Error', 'compilation_error'],
    ['Output Limit Exceeded', 'other'],
    ['Pending', NOT_FINAL],
  ])('LeetCode %s → %s', (raw, expected) => {
    expect(leetcodeVerdict(raw)).toBe(expected);
  });

  it('counts every verdict but compilation errors as an attempt', () => {
    expect(isAttempt('compilation_error')).toBe(false);
    expect(isAttempt('wrong_answer')).toBe(true);
    expect(isAttempt('other')).toBe(true);
  });
});
