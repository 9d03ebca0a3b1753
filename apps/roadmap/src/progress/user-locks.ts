/** Runs tasks of the same user one after another (tasks of different users run freely). */
export class UserLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(userId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(userId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.tails.set(userId, next);
    void next
      .catch(() => undefined)
      .finally(() => {
        if (this.tails.get(userId) === next) this.tails.delete(userId);
      });
    return next;
  }
}
