import { WriteBatcher } from './write-batcher';

describe('WriteBatcher', () => {
  it('writes items that arrive together in one call and answers each', async () => {
    const calls: number[][] = [];
    const batcher = new WriteBatcher<number, number>(async (items) => {
      calls.push(items);
      return items.map((item) => item * 10);
    });
    const results = await Promise.all([1, 2, 3].map((item) => batcher.add(item)));
    expect(results).toEqual([10, 20, 30]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('collects what arrives during a write into the next batch, within the size limit', async () => {
    const calls: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = new WriteBatcher<number, number>(
      async (items) => {
        calls.push(items);
        if (calls.length === 1) await gate;
        return items;
      },
      2,
      1,
    );
    const first = batcher.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((item) => batcher.add(item));
    release();
    await Promise.all([first, ...later]);
    expect(calls).toEqual([[1], [2, 3], [4]]);
  });

  it('rejects every item of a failed batch and keeps working', async () => {
    let fail = true;
    const batcher = new WriteBatcher<number, number>(async (items) => {
      if (fail) throw new Error('database down');
      return items;
    });
    await expect(Promise.all([batcher.add(1), batcher.add(2)])).rejects.toThrow('database down');
    fail = false;
    await expect(batcher.add(3)).resolves.toBe(3);
  });

  it('fails a poison item alone while its batch-mates are written', async () => {
    const stored: number[] = [];
    let calls = 0;
    const batcher = new WriteBatcher<number, number>(async (items) => {
      calls += 1;
      if (items.includes(13)) throw new Error('cannot store 13');
      stored.push(...items);
      return items;
    });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => batcher.add(n)));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([
      { status: 'rejected', reason: new Error('cannot store 13') },
    ]);
    expect((results[13] as PromiseRejectedResult).reason.message).toBe('cannot store 13');
    expect(stored.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, n) => n).filter((n) => n !== 13),
    );
    expect(calls).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(20)));
  });

  it('fails the whole batch after three calls when every part fails (the database is down)', async () => {
    let calls = 0;
    const batcher = new WriteBatcher<number, number>(async () => {
      calls += 1;
      throw new Error('connection refused');
    });
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, n) => batcher.add(n)));
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(calls).toBe(3);
  });
});
