import { problemUrl } from './problem-urls';

describe('problemUrl', () => {
  it('builds each platform link from the id', () => {
    expect(problemUrl('leetcode', 'two-sum')).toBe('https://leetcode.com/problems/two-sum/');
    expect(problemUrl('codeforces', '1459B')).toBe(
      'https://codeforces.com/problemset/problem/1459/B',
    );
    expect(problemUrl('codeforces', '1790F2')).toBe(
      'https://codeforces.com/problemset/problem/1790/F2',
    );
    expect(problemUrl('codeforces', '100001A')).toBe('https://codeforces.com/gym/100001/problem/A');
    expect(problemUrl('hackerrank', 'simple-array-sum')).toBe(
      'https://www.hackerrank.com/challenges/simple-array-sum/problem',
    );
    expect(problemUrl('geeksforgeeks', 'two-sum')).toBe(
      'https://www.geeksforgeeks.org/problems/two-sum/1',
    );
    expect(problemUrl('codechef', 'FLOW001')).toBe('https://www.codechef.com/problems/FLOW001');
    expect(problemUrl('atcoder', 'abc300_a')).toBe(
      'https://atcoder.jp/contests/abc300/tasks/abc300_a',
    );
  });

  it('gives no link for an id that cannot be the platform’s', () => {
    for (const [platform, id] of [
      ['leetcode', '../../evil.example/x'],
      ['leetcode', 'Two Sum'],
      ['leetcode', 'two-sum/?redirect=https://evil.example'],
      ['codeforces', '1459b'],
      ['codeforces', '0A'],
      ['hackerrank', 'a//b'],
      ['codechef', 'flow 001'],
      ['atcoder', 'abc300'],
      ['geeksforgeeks', `${'a'.repeat(101)}`],
    ] as const)
      expect(problemUrl(platform, id)).toBeNull();
  });
});
