import {
  BULK_WRITE_CHUNK,
  BULK_WRITES_IN_FLIGHT,
  chunkedBulkWrite,
  Slots,
} from './chunked-bulk-write';

describe('Slots', () => {
  it('runs at most `limit` at once and the rest in arrival order', async () => {
    const slots = new Slots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const runs = [0, 1, 2, 3, 4].map((n) =>
      slots.run(async () => {
        running += 1;
        most = Math.max(most, running);
        order.push(n);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
      }),
    );
    while (order.length < 5) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    releases.forEach((release) => release());
    await Promise.all(runs);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(slots.inUse).toBe(0);
  });

  it('gives the slot back when the work fails', async () => {
    const slots = new Slots(1);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run(() => Promise.resolve('next'))).resolves.toBe('next');
    expect(slots.inUse).toBe(0);
  });
});

describe('chunkedBulkWrite', () => {
  it('sends chunks of BULK_WRITE_CHUNK, never more than BULK_WRITES_IN_FLIGHT at once across callers', async () => {
    let inFlight = 0;
    let most = 0;
    const sizes: number[] = [];
    const collection = {
      bulkWrite: async (operations: never[]) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        sizes.push(operations.length);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight -= 1;
        return { matchedCount: operations.length, modifiedCount: 1, upsertedCount: 0 } as never;
      },
    };
    const operations = Array.from({ length: BULK_WRITE_CHUNK * 2 + 3 }, (_, i) => ({ i }));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => chunkedBulkWrite(collection, operations)),
    );
    expect(most).toBe(BULK_WRITES_IN_FLIGHT);
    expect(Math.max(...sizes)).toBe(BULK_WRITE_CHUNK);
    expect(results[0]).toEqual({ matched: operations.length, modified: 3, upserted: 0 });
  });
});
