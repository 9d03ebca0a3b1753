import { Injectable } from '@nestjs/common';
import type { SubmissionNormalizedPayload } from '@prepmate/contracts';
import { UserTombstones, WriteBatcher } from '@prepmate/messaging';
import { taskWaitId } from './task.schema';
import { TaskStore } from './task.store';
import { TaskVerifier } from './task-verifier';

const MAX_BATCH = 500;
const CONCURRENT_BATCHES = 2;

/**
 * Takes `submission.normalized` in for the tasks waiting for a submission: the events that
 * arrive together are looked up together — one tombstone query and one `_id: { $in }` query
 * of the waits per batch, instead of two lookups per event (a sync of 10 000 submissions
 * made 20 000 queries, nearly all finding nothing). Only the submissions that some task
 * waits for go on to the verifier, one after the other per batch. A redelivered batch item
 * is recorded again, which changes nothing (the verifier keys what it saw by submission).
 */
@Injectable()
export class TaskSubmissionIntake {
  private readonly batcher: WriteBatcher<SubmissionNormalizedPayload, true>;

  constructor(
    private readonly store: TaskStore,
    private readonly verifier: TaskVerifier,
    private readonly tombstones: UserTombstones,
  ) {
    this.batcher = new WriteBatcher(
      async (items) => {
        await this.takeBatch(items);
        return items.map(() => true as const);
      },
      MAX_BATCH,
      CONCURRENT_BATCHES,
    );
  }

  /** Resolves once every task waiting for this submission has taken it in. */
  async take(submission: SubmissionNormalizedPayload): Promise<void> {
    await this.batcher.add(submission);
  }

  private async takeBatch(items: SubmissionNormalizedPayload[]): Promise<void> {
    const live = await this.tombstones.keepLive(items);
    if (live.length === 0) return;
    const waits = await this.store.waitingAmong(
      live.map((item) => ({ userId: item.userId, problemId: item.canonicalProblemId })),
    );
    for (const item of live) {
      const taskIds = waits.get(taskWaitId(item.userId, item.canonicalProblemId));
      if (taskIds && taskIds.length > 0) await this.verifier.onSubmission(item, taskIds);
    }
  }
}
