import type { Queue } from 'bullmq';

/**
 * The ids of a queue's job schedulers. BullMQ lists a scheduler from its sorted set and reads
 * its data from a separate hash, in two round trips: right after Redis lost its data, a due
 * iteration can put the id back in the set before the service's re-assertion restores the
 * hash, and BullMQ then lists `undefined` for it. Such an entry is not (yet) a scheduler.
 */
export async function schedulerKeys(queue: Queue): Promise<string[]> {
  const schedulers = await queue.getJobSchedulers();
  return schedulers.flatMap((scheduler) => (scheduler ? [scheduler.key] : []));
}
