/**
 * Groups concurrent single-item writes into one database round trip ("natural batching"):
 * items that arrive while batches are being written form the next batch, so an idle system
 * adds no latency and a busy one makes one round trip per batch instead of per item. Up to
 * `maxConcurrent` batches are written at once, so the database works while results travel.
 */
export class WriteBatcher<T, R> {
  private queue: Array<{
    item: T;
    resolve: (result: R) => void;
    reject: (error: unknown) => void;
  }> = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 256,
    private readonly maxConcurrent = 2,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running >= this.maxConcurrent || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.running >= this.maxConcurrent || this.queue.length === 0) return;
    this.running += 1;
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      const results = await this.write(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => entry.resolve(results[index]));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      this.running -= 1;
      if (this.queue.length > 0) this.schedule();
    }
  }
}
