interface Entry<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Groups concurrent single-item writes into one database round trip ("natural batching"):
 * items that arrive while batches are being written form the next batch, so an idle system
 * adds no latency and a busy one makes one round trip per batch instead of per item. Up to
 * `maxConcurrent` batches are written at once, so the database works while results travel.
 *
 * A failed batch is split in halves, each written again, so one bad item (a poison message)
 * fails alone while its batch-mates are stored: the half that fails is split again, down to
 * the single item. When both halves fail, the cause is taken for systemic (the database is
 * down) and every item of that part fails with it, after three calls instead of one per item;
 * their messages then go through the retry ladder, where they arrive apart. `write` must
 * therefore be idempotent per item (every batch handler keys its effects by the item).
 */
export class WriteBatcher<T, R> {
  private queue: Array<Entry<T, R>> = [];
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

  /** Writes `part`; settles each entry; never throws. */
  private async writeIsolating(part: Entry<T, R>[]): Promise<void> {
    const failure = await this.tryWrite(part);
    if (failure !== undefined) await this.split(part, failure.error);
  }

  /** `part` failed with `error`: writes its halves, and splits again the one that fails. */
  private async split(part: Entry<T, R>[], error: unknown): Promise<void> {
    if (part.length === 1) {
      part[0].reject(error);
      return;
    }
    const middle = Math.ceil(part.length / 2);
    const halves = [part.slice(0, middle), part.slice(middle)];
    const failures = await Promise.all(halves.map((half) => this.tryWrite(half)));
    if (failures[0] && failures[1]) {
      for (const entry of part) entry.reject(failures[0].error);
      return;
    }
    for (const [index, half] of halves.entries()) {
      const halfFailure = failures[index];
      if (halfFailure) await this.split(half, halfFailure.error);
    }
  }

  /** One write of `part`; resolves its entries on success, returns the error otherwise. */
  private async tryWrite(part: Entry<T, R>[]): Promise<{ error: unknown } | undefined> {
    try {
      const results = await this.write(part.map((entry) => entry.item));
      part.forEach((entry, index) => entry.resolve(results[index]));
      return undefined;
    } catch (error) {
      return { error };
    }
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
      await this.writeIsolating(batch);
    } finally {
      this.running -= 1;
      if (this.queue.length > 0) this.schedule();
    }
  }
}
