/**
 * Verified tasks per topic: what `task.completed` adds to a learner's roadmap progress
 * (docs/product.md#after-verification). PCI stays a function of mastery; these counts sit
 * beside it, per topic, on every roadmap holding the topic.
 */

/** Verified tasks of one topic. */
export interface VerifiedTopicTasks {
  count: number;
  /** Sum of the tasks' estimated minutes (a task without an estimate adds 0). */
  minutes: number;
  /** Completion time of the newest one (ISO). */
  lastAt: string;
}

export interface VerifiedTasksState {
  topics: Record<string, VerifiedTopicTasks>;
  /**
   * Ids of the newest tasks counted, so a redelivered `task.completed` counts once. A task
   * completes once (a terminal state), so only a redelivery repeats one, minutes later at
   * most; the consumer's idempotency claim stands in front of this too.
   */
  recentTaskIds: string[];
}

/** How many task ids a state remembers. */
export const RECENT_TASK_IDS = 200;

export interface CompletedTask {
  taskId: string;
  topic: string | null;
  estimatedTimeMinutes: number | null;
  completedAt: string;
}

/**
 * The state with the task counted, or null when nothing changes: a task without a topic
 * (it moves no roadmap topic) or one already counted.
 */
export function countVerifiedTask(
  state: VerifiedTasksState,
  task: CompletedTask,
): VerifiedTasksState | null {
  if (!task.topic || state.recentTaskIds.includes(task.taskId)) return null;
  const before = state.topics[task.topic];
  const lastAt = before && before.lastAt > task.completedAt ? before.lastAt : task.completedAt;
  return {
    topics: {
      ...state.topics,
      [task.topic]: {
        count: (before?.count ?? 0) + 1,
        minutes: (before?.minutes ?? 0) + Math.max(0, task.estimatedTimeMinutes ?? 0),
        lastAt,
      },
    },
    recentTaskIds: [...state.recentTaskIds, task.taskId].slice(-RECENT_TASK_IDS),
  };
}

/** Verified tasks of each of `topics` (0 for a topic with none) and their total. */
export function verifiedOn(
  state: VerifiedTasksState | null,
  topics: readonly string[],
): { byTopic: Map<string, number>; total: number } {
  const byTopic = new Map(topics.map((topic) => [topic, state?.topics[topic]?.count ?? 0]));
  return { byTopic, total: [...byTopic.values()].reduce((sum, n) => sum + n, 0) };
}
