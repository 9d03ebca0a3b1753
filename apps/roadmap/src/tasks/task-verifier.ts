import { Inject, Injectable } from '@nestjs/common';
import {
  type Platform,
  type ProblemAttemptsRpcData,
  RPC_PATTERNS,
  type SubmissionNormalizedPayload,
} from '@prepmate/contracts';
import { createEvent, RpcClient } from '@prepmate/messaging';
import { AppError, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import {
  judgeCommits,
  judgeSubmissions,
  type Judgement,
  type SubmissionSeen,
} from '../domain/task-evidence';
import { GithubRefusedError } from '../github/github-errors';
import { GithubClient } from '../github/github.client';
import type { TaskDocument, TaskVerification } from './task.schema';
import { TaskStore } from './task.store';

/** Guarded writes retried after a concurrent one before giving up (the job is retried). */
const MAX_WRITE_RACES = 8;
/** RPC errors that no retry changes: the task fails with their message. */
const PERMANENT = new Set(['NOT_FOUND', 'VALIDATION_FAILED', 'BAD_REQUEST', 'FORBIDDEN']);

/**
 * Verifies tasks (docs/product.md#tasks). A coding task: the learner's ingested attempts of
 * the problem on the task's platform (aggregation), else a sync of that account and the
 * `submission.normalized` events it brings, until the deadline. A GitHub task: the commits of
 * the repository since the start. Settling writes the status, its audit step and
 * `task.completed` / `task.failed` in one guarded write (outbox).
 */
@Injectable()
export class TaskVerifier {
  private readonly log: Logger;

  constructor(
    private readonly store: TaskStore,
    private readonly rpc: RpcClient,
    private readonly github: GithubClient,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'task-verification' });
  }

  /** The first look: the evidence at hand, else (coding tasks) a sync is started. */
  async verify(taskId: string, attempt: number): Promise<string> {
    const task = await this.current(taskId, attempt);
    if (!task) return 'stale';
    if (task.verificationSource === 'github') return this.verifyGithub(task, attempt);
    const problemId = task.problemId!;
    const platform = task.verificationSource as Platform;
    // Registered before reading, so a submission normalized meanwhile is not missed.
    await this.store.addWait(task.userId, problemId, task._id);
    const caller = { userId: task.userId, role: 'student' as const };
    const { items } = await this.rpc.call(
      RPC_PATTERNS.telemetryProblemAttempts,
      { canonicalProblemId: problemId } satisfies ProblemAttemptsRpcData,
      { caller },
    );
    const seen = items
      .filter((item) => item.platform === platform)
      .map((item) => ({
        ref: `${item.platform}:${item.platformSubmissionId}`,
        verdict: item.verdict,
        submittedAt: new Date(item.submittedAt),
      }));
    const outcome = await this.record(taskId, attempt, seen, 'already ingested');
    if (outcome !== 'waiting') return outcome;
    try {
      const started = await this.rpc.call(
        RPC_PATTERNS.ingestionStartSync,
        { platform },
        { caller },
      );
      this.log.info(
        { taskId, userId: task.userId, platform, syncBatchId: started.syncBatchId },
        'no accepted submission yet: the task waits for a sync',
      );
      await this.mark(taskId, attempt, { syncRequested: true });
      return 'waiting for a sync';
    } catch (error) {
      if (error instanceof AppError && PERMANENT.has(error.code)) {
        const last = judgeSubmissions(task.startedAt!, seen);
        const reason = last.verified
          ? error.message
          : `${last.reason}; a sync could not start: ${error.message}`;
        return this.settle(taskId, attempt, { verified: false, reason });
      }
      throw error;
    }
  }

  /**
   * `submission.normalized`: the tasks waiting for that problem (`taskIds`, from the waits;
   * TaskSubmissionIntake) take the submission in.
   */
  async onSubmission(payload: SubmissionNormalizedPayload, taskIds: string[]): Promise<void> {
    for (const taskId of taskIds) {
      const task = await this.store.find(taskId);
      if (!task || task.status !== 'verifying' || !task.verification) {
        if (task?.problemId) await this.store.removeWait(task.userId, task.problemId, taskId);
        continue;
      }
      if (task.verificationSource !== payload.platform) continue;
      await this.record(
        taskId,
        task.verification.attempt,
        [
          {
            ref: `${payload.platform}:${payload.platformSubmissionId}`,
            verdict: payload.verdict,
            submittedAt: new Date(payload.submittedAt),
          },
        ],
        'brought by a sync',
      );
    }
  }

  /** The deadline: a verification still waiting fails with what it saw. */
  async deadline(taskId: string, attempt: number): Promise<string> {
    const task = await this.current(taskId, attempt);
    if (!task) return 'stale';
    const verification = task.verification!;
    if (task.verificationSource === 'github')
      return this.settle(taskId, attempt, {
        verified: false,
        reason: 'GitHub could not be asked before the deadline; retry later',
      });
    const judgement = judgeSubmissions(task.startedAt!, verification.seen.map(asSeen));
    const waited =
      new Date(verification.deadline).getTime() - new Date(verification.startedAt).getTime();
    const bound =
      waited < 120_000 ? `${Math.round(waited / 1000)} s` : `${Math.round(waited / 60_000)} min`;
    return this.settle(
      taskId,
      attempt,
      judgement.verified
        ? judgement
        : { verified: false, reason: `not verified within ${bound}: ${judgement.reason}` },
    );
  }

  private async verifyGithub(task: TaskDocument, attempt: number): Promise<string> {
    const { repository, path } = task.verificationRequirements;
    let judgement: Judgement;
    try {
      const commits = await this.github.commits(repository!, task.startedAt!, path);
      judgement = judgeCommits(task.startedAt!, repository!, path, commits);
    } catch (error) {
      if (!(error instanceof GithubRefusedError)) throw error;
      judgement = { verified: false, reason: error.message };
    }
    return this.settle(task._id, attempt, judgement);
  }

  /**
   * Adds submissions to what the verification saw; settles the task when one verifies it.
   * 'waiting' when it still waits.
   */
  private async record(
    taskId: string,
    attempt: number,
    fresh: SubmissionSeen[],
    how: string,
  ): Promise<string> {
    for (let race = 0; race < MAX_WRITE_RACES; race += 1) {
      const task = await this.current(taskId, attempt);
      if (!task) return 'stale';
      const verification = task.verification!;
      const known = new Set(verification.seen.map((s) => s.ref));
      const merged = [...verification.seen.map(asSeen), ...fresh.filter((s) => !known.has(s.ref))];
      const judgement = judgeSubmissions(task.startedAt!, merged);
      if (judgement.verified) {
        this.log.info(
          { taskId, evidence: judgement.evidence.ref, how },
          'accepted submission found',
        );
        return this.settle(taskId, attempt, judgement);
      }
      if (merged.length === verification.seen.length) return 'waiting';
      const written = await this.store.update(task, {
        verification: { ...verification, seen: merged },
      });
      if (written) return 'waiting';
    }
    throw new Error(`task ${taskId}: too many concurrent writes`);
  }

  private async mark(taskId: string, attempt: number, change: Partial<TaskVerification>) {
    for (let race = 0; race < MAX_WRITE_RACES; race += 1) {
      const task = await this.current(taskId, attempt);
      if (!task) return;
      if (await this.store.update(task, { verification: { ...task.verification!, ...change } }))
        return;
    }
  }

  /** verifying → completed | failed with its event, in one guarded write. */
  private async settle(taskId: string, attempt: number, judgement: Judgement): Promise<string> {
    for (let race = 0; race < MAX_WRITE_RACES; race += 1) {
      const task = await this.current(taskId, attempt);
      if (!task) return 'stale';
      const now = new Date();
      const written = judgement.verified
        ? await this.store.transition(
            task,
            'verified',
            `verified by ${judgement.evidence.ref}`,
            {
              completedAt: now,
              failureReason: null,
              evidence: {
                kind: task.verificationSource === 'github' ? 'commit' : 'submission',
                ref: judgement.evidence.ref,
                at: judgement.evidence.at,
              },
            },
            [
              createEvent(
                'task.completed',
                {
                  taskId,
                  userId: task.userId,
                  topic: task.topic,
                  problemId: task.problemId,
                  verificationSource: task.verificationSource,
                  assignedBy: task.assignedBy,
                  estimatedTimeMinutes: task.estimatedTimeMinutes,
                  evidence: {
                    kind: task.verificationSource === 'github' ? 'commit' : 'submission',
                    ref: judgement.evidence.ref,
                    at: judgement.evidence.at.toISOString(),
                  },
                  startedAt: task.startedAt!.toISOString(),
                  completedAt: now.toISOString(),
                },
                'roadmap',
              ),
            ],
          )
        : await this.store.transition(
            task,
            'not_verified',
            judgement.reason,
            { failureReason: judgement.reason },
            [
              createEvent(
                'task.failed',
                {
                  taskId,
                  userId: task.userId,
                  verificationSource: task.verificationSource,
                  assignedBy: task.assignedBy,
                  reason: judgement.reason,
                  failedAt: now.toISOString(),
                },
                'roadmap',
              ),
            ],
          );
      if (!written) continue;
      if (task.problemId) await this.store.removeWait(task.userId, task.problemId, taskId);
      await this.store.relayPending(taskId);
      this.log.info(
        { taskId, userId: task.userId, status: written.status },
        judgement.verified ? 'task verified' : 'task not verified',
      );
      return written.status;
    }
    throw new Error(`task ${taskId}: too many concurrent writes`);
  }

  /** The task while this verification attempt runs, else null (a stale job or event). */
  private async current(taskId: string, attempt: number): Promise<TaskDocument | null> {
    const task = await this.store.find(taskId);
    if (!task || task.status !== 'verifying' || task.verification?.attempt !== attempt) return null;
    return task;
  }
}

function asSeen(stored: TaskVerification['seen'][number]): SubmissionSeen {
  return { ref: stored.ref, verdict: stored.verdict, submittedAt: new Date(stored.submittedAt) };
}
