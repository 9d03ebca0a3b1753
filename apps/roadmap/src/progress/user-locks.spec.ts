import { UserLocks } from './user-locks';

describe('UserLocks', () => {
  it('runs one user’s tasks in order and other users’ alongside', async () => {
    const locks = new UserLocks();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      locks.run('a', task('a1', 30)),
      locks.run('a', task('a2', 1)),
      locks.run('b', task('b1', 5)),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a1 end')).toBeLessThan(log.indexOf('a2 start'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('a failed task does not block the next one', async () => {
    const locks = new UserLocks();
    await expect(locks.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(locks.run('a', async () => 'ok')).resolves.toBe('ok');
  });
});
