import { bucketsFor } from './rate-limit-policy';

const limits = { userPerMinute: 100, anonymousPerMinute: 10, advisoryPerMinute: 10 };
const student = { userId: 'u1', role: 'student' as const };

describe('bucketsFor', () => {
  it('limits anonymous callers by IP', () => {
    expect(bucketsFor('/api/v1/auth/login', undefined, '10.0.0.7', limits)).toEqual([
      { key: 'ip:10.0.0.7', limit: 10, windowSeconds: 60 },
    ]);
  });

  it('limits a user by their id, wherever they call from', () => {
    expect(bucketsFor('/api/v1/auth/me', student, '10.0.0.7', limits)).toEqual([
      { key: 'user:u1', limit: 100, windowSeconds: 60 },
    ]);
  });

  it('adds the advisory limit on /advisory routes only', () => {
    expect(
      bucketsFor('/api/v1/advisory/tasks/generate', student, 'ip', limits).map(
        (bucket) => bucket.key,
      ),
    ).toEqual(['user:u1', 'advisory:u1']);
    expect(
      bucketsFor('/api/v1/advisoryx', student, 'ip', limits).map((bucket) => bucket.key),
    ).toEqual(['user:u1']);
  });
});
