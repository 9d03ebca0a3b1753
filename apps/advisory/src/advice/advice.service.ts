import { Injectable } from '@nestjs/common';
import type { AdviceResponse, RpcCaller } from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';
import { adviceMessage } from '../domain/advice';
import { checkTask } from '../domain/guardrails';
import { LearnerContext } from '../context/learner-context';
import { AdvisoryRunner } from '../operations/advisory-runner';
import { type TaskContext, TaskContextBuilder } from '../operations/task-context';
import { TasksService, taskView } from '../operations/tasks.service';
import { DeletedUsers } from '../users/deleted-users';
import { AdviceStore } from './advice.store';

/** What asked for a refresh. */
export interface AdviceSource {
  userId: string;
  roadmapId: string | null;
  trigger: AdviceResponse['trigger'];
  /** The `pci.recomputed` time, or the request time (logged with the refresh). */
  requestedAt: string;
}

/**
 * The next-step advice: the roadmap position, the next recommended topic and a `rules` task
 * on it, revisions first. Recomputed (debounced) after the learner's PCI changes, and on a
 * read that finds none; models are never called for it.
 */
@Injectable()
export class AdviceService {
  constructor(
    private readonly store: AdviceStore,
    private readonly contexts: TaskContextBuilder,
    private readonly tasks: TasksService,
    private readonly learner: LearnerContext,
    private readonly runner: AdvisoryRunner,
    private readonly deletedUsers: DeletedUsers,
  ) {}

  /** The stored advice, or advice computed (and stored) now when there is none yet. */
  async latest(caller: RpcCaller): Promise<AdviceResponse> {
    const stored = await this.store.get(caller.userId);
    if (stored) return stored;
    const fresh = await this.refresh({
      userId: caller.userId,
      roadmapId: null,
      trigger: 'request',
      requestedAt: new Date().toISOString(),
    });
    if (!fresh) throw new AppError('UNAUTHENTICATED', 'this account was deleted');
    return fresh;
  }

  /**
   * Reads the learner's current data and stores the advice, unless a refresh that started
   * later has stored its own already (the start time is the high-water mark: a later start
   * read newer data).
   */
  async refresh(source: AdviceSource): Promise<AdviceResponse | null> {
    // a late event about a deleted user reads and writes nothing
    if (await this.deletedUsers.has(source.userId)) return null;
    const startedAt = new Date();
    // The learner's own reads, as the gateway would forward them for this user.
    const caller: RpcCaller = { userId: source.userId, role: 'student' };
    const context = await this.contexts.build(caller, { roadmapId: source.roadmapId ?? undefined });
    const progress = await this.learner.progress(caller, context.roadmapId);
    const result = await this.runner.run<AdviceResponse>({
      operation: 'advice',
      userId: source.userId,
      request: source,
      rules: () => this.rules(context, progress, source),
      check: (advice) =>
        advice.task === null || !hasCandidates(context)
          ? { passed: true, violations: [] }
          : checkTask(
              { ...advice.task, problemId: advice.task.problem.id },
              {
                roundedLevel: context.level.roundedLevel,
                candidateProblemIds: new Set(context.candidates.map((problem) => problem.id)),
                knownSkills: context.knownSkills,
              },
            ),
    });
    await this.store.save(source.userId, result.output, startedAt);
    return result.output;
  }

  private rules(
    context: TaskContext,
    progress: { roadmapName: string; pciScore: number; completionPercentage: number },
    source: AdviceSource,
  ): AdviceResponse {
    const task = hasCandidates(context) ? taskView(this.tasks.rules(context), context) : null;
    const top = context.recommendations[0] ?? null;
    const nextTopic = top && { topic: top.topic, topicName: top.topicName, reason: top.reason };
    return {
      roadmapId: context.roadmapId,
      roadmapName: progress.roadmapName,
      pciScore: progress.pciScore,
      completionPercentage: progress.completionPercentage,
      nextTopic,
      task,
      level: context.level,
      message: adviceMessage({
        roadmapName: progress.roadmapName,
        completionPercentage: progress.completionPercentage,
        nextTopic,
        task,
        revisions: context.revisionsFirst.length,
      }),
      trigger: source.trigger,
      computedAt: new Date().toISOString(),
    };
  }
}

function hasCandidates(
  context: TaskContext,
): context is TaskContext & { step: NonNullable<TaskContext['step']> } {
  return context.step !== null && context.candidates.length > 0;
}
