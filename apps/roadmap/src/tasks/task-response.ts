import type { TaskResponse } from '@prepmate/contracts';
import type { TaskDocument } from './task.schema';

const iso = (date: Date | null | undefined) => (date ? new Date(date).toISOString() : null);

/** A stored task as the API shows it (the running verification's internals stay inside). */
export function toTaskResponse(task: TaskDocument): TaskResponse {
  return {
    id: task._id,
    userId: task.userId,
    assignedBy: task.assignedBy,
    description: task.description,
    topic: task.topic,
    problemId: task.problemId,
    verificationSource: task.verificationSource,
    verificationRequirements: task.verificationRequirements ?? {},
    estimatedTimeMinutes: task.estimatedTimeMinutes,
    dueAt: iso(task.dueAt),
    status: task.status,
    startedAt: iso(task.startedAt),
    completedAt: iso(task.completedAt),
    failureReason: task.failureReason,
    evidence: task.evidence
      ? { kind: task.evidence.kind, ref: task.evidence.ref, at: iso(task.evidence.at)! }
      : null,
    reflectionPostId: task.reflectionPostId ?? null,
    history: task.history.map((step) => ({
      from: step.from,
      to: step.to,
      at: iso(step.at)!,
      cause: step.cause,
    })),
    version: task.version,
    createdAt: iso(task.createdAt)!,
    updatedAt: iso(task.updatedAt)!,
  };
}
