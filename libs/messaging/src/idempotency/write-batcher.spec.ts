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
});
