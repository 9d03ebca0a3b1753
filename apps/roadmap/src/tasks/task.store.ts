import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventEnvelope, Page, TaskStatus } from '@prepmate/contracts';
import { OutboxRelay, withPendingEvents } from '@prepmate/messaging';
import type { FilterQuery, Model } from 'mongoose';
import { afterIdFilter, idPage } from '@prepmate/platform';
import type { TaskAction } from '../domain/task-lifecycle';
import { transition } from '../domain/task-lifecycle';
import {
  TASK_MODEL,
  TASK_WAIT_MODEL,
  type TaskDocument,
  type TaskWaitDocument,
  taskWaitId,
} from './task.schema';

/** Thrown when a transition is not allowed from the task's status. */
export class TransitionRefused extends Error {}

/**
 * Tasks and their waits. Every write is guarded by the version read (`{ _id, version }`):
 * a concurrent write makes it match nothing, and the caller reads again or answers 409.
 */
@Injectable()
export class TaskStore implements OnModuleInit {
  constructor(
    @InjectModel(TASK_MODEL) private readonly model: Model<TaskDocument>,
    @InjectModel(TASK_WAIT_MODEL) private readonly waits: Model<TaskWaitDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Before the relay's first sweep (on bootstrap), so events left by a crash go out at once. */
  onModuleInit(): void {
    this.relay.register(this.model);
  }

  /** Publishes the task's pending events now (the fast path after a write; a failure is left to the outbox sweep). */
  async relayPending(taskId: string): Promise<void> {
    await this.relay.relayOrLeave(this.model, [taskId]);
  }

  /** How many tasks the user holds (for the per-user quota). */
  countOfUser(userId: string): Promise<number> {
    return this.model.countDocuments({ userId });
  }

  async insert(doc: TaskDocument): Promise<void> {
    await this.model.create(doc);
  }

  /**
   * Verifications still open past their deadline by more than a grace: their jobs were lost
   * (a crash between the write and queueing them, Redis data loss). At most `limit`, oldest
   * deadline first; a sweep, not a request path.
   */
  overdueVerifications(
    deadlineBefore: Date,
    limit: number,
  ): Promise<Array<Pick<TaskDocument, '_id' | 'verification'>>> {
    return this.model
      .find(
        { status: 'verifying', 'verification.deadline': { $lt: deadlineBefore } },
        { _id: 1, verification: 1 },
      )
      .sort({ 'verification.deadline': 1 })
      .limit(limit)
      .lean<Array<Pick<TaskDocument, '_id' | 'verification'>>>();
  }

  find(taskId: string): Promise<TaskDocument | null> {
    return this.model.findById(taskId, { pendingEvents: 0 }).lean<TaskDocument | null>();
  }

  /** The user's tasks newest first (ids sort by creation), `cursor` the last id seen. */
  async page(
    userId: string,
    { limit, cursor, status }: { limit: number; cursor?: string; status?: TaskStatus },
  ): Promise<Page<TaskDocument>> {
    const filter: FilterQuery<TaskDocument> = {
      userId,
      ...(status ? { status } : {}),
      ...afterIdFilter(cursor, 'desc'),
    };
    const docs = await this.model
      .find(filter, { pendingEvents: 0 })
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean<TaskDocument[]>();
    return idPage(docs, limit);
  }

  /** Writes `set` over the version read; false when another write came first. */
  async update(task: TaskDocument, set: Partial<TaskDocument>): Promise<TaskDocument | null> {
    const updatedAt = new Date();
    const result = await this.model.updateOne(
      { _id: task._id, version: task.version },
      { $set: { ...set, updatedAt, version: task.version + 1 } },
    );
    if (result.matchedCount === 0) return null;
    return { ...task, ...set, updatedAt, version: task.version + 1 };
  }

  /**
   * Moves the task by `action` (task-lifecycle) with the cause in its state audit, `set`
   * and `events` in the same write. Null when another write came first; TransitionRefused
   * when the action is not allowed from the status read.
   */
  async transition(
    task: TaskDocument,
    action: TaskAction,
    cause: string,
    set: Partial<TaskDocument> = {},
    events: EventEnvelope[] = [],
  ): Promise<TaskDocument | null> {
    const outcome = transition(task.status, action);
    if (!outcome.ok) throw new TransitionRefused(outcome.reason);
    const at = new Date();
    const step = { from: outcome.from, to: outcome.to, at, cause };
    const update = {
      $set: { ...set, status: outcome.to, updatedAt: at, version: task.version + 1 },
      $push: { history: step },
    };
    const result = await this.model.updateOne(
      { _id: task._id, version: task.version },
      events.length > 0 ? withPendingEvents(update, ...events) : update,
    );
    if (result.matchedCount === 0) return null;
    return {
      ...task,
      ...set,
      status: outcome.to,
      updatedAt: at,
      version: task.version + 1,
      history: [...task.history, step],
    };
  }

  async delete(task: TaskDocument): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: task._id, version: task.version });
    return result.deletedCount > 0;
  }

  /** Records that the task waits for a submission of `problemId` by the user. */
  async addWait(userId: string, problemId: string, taskId: string): Promise<void> {
    await this.waits.updateOne(
      { _id: taskWaitId(userId, problemId) },
      { $set: { userId }, $addToSet: { taskIds: taskId } },
      { upsert: true },
    );
  }

  async removeWait(userId: string, problemId: string, taskId: string): Promise<void> {
    await this.waits.updateOne(
      { _id: taskWaitId(userId, problemId) },
      { $pull: { taskIds: taskId } },
    );
  }

  /**
   * The tasks waiting for each of these submissions (user and problem), by `taskWaitId`, in
   * one `_id: { $in }` query; a pair no task waits for is absent.
   */
  async waitingAmong(
    pairs: Array<{ userId: string; problemId: string }>,
  ): Promise<Map<string, string[]>> {
    const ids = [...new Set(pairs.map(({ userId, problemId }) => taskWaitId(userId, problemId)))];
    if (ids.length === 0) return new Map();
    const docs = await this.waits
      .find({ _id: { $in: ids } }, { taskIds: 1 })
      .lean<Array<Pick<TaskWaitDocument, '_id' | 'taskIds'>>>();
    return new Map(docs.map((doc) => [doc._id, doc.taskIds]));
  }

  exportUser(userId: string) {
    return this.model.find({ userId }, { pendingEvents: 0, verification: 0 }).lean();
  }

  async deleteUser(userId: string): Promise<number> {
    const [tasks] = await Promise.all([
      this.model.deleteMany({ userId }),
      this.waits.deleteMany({ userId }),
    ]);
    return tasks.deletedCount;
  }
}
