import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { NormalizationConfig } from '../normalization.config';
import type { AggregateTelemetry } from '../problems/canonical-problem.schema';
import { ProblemTelemetryStore } from '../problems/problem-telemetry.store';
import { type Attempt, NormalizedSubmissionStore } from './normalized-submission.store';

/** Total, accepted, success rate and mean solve time (over accepted attempts with a time). */
export function computeTelemetry(attempts: readonly Attempt[]): AggregateTelemetry {
  let accepted = 0;
  let solveSum = 0;
  let solveCount = 0;
  for (const attempt of attempts) {
    if (attempt.verdict !== 'accepted') continue;
    accepted += 1;
    if (typeof attempt.solveTimeSeconds === 'number') {
      solveSum += attempt.solveTimeSeconds;
      solveCount += 1;
    }
  }
  const total = attempts.length;
  return {
    totalSubmissions: total,
    acceptedSubmissions: accepted,
    successRate: total === 0 ? 0 : Math.round((accepted / total) * 10_000) / 10_000,
    meanSolveTimeSeconds: solveCount === 0 ? null : Math.round((solveSum / solveCount) * 10) / 10,
  };
}

/**
 * Aggregate telemetry of canonical problems, recomputed from the stored normalized submissions
 * (never incremented, so redeliveries, replays and replicas cannot skew it) for the problems
 * touched since the last flush, every PROBLEM_TELEMETRY_INTERVAL_MS (60 s); only values that changed are written (each write
 * is a document update, the expensive part on FerretDB).
 */
@Injectable()
export class ProblemTelemetry implements OnModuleInit, OnModuleDestroy {
  private dirty = new Set<string>();
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private readonly log: Logger;

  constructor(
    private readonly records: NormalizedSubmissionStore,
    private readonly telemetry: ProblemTelemetryStore,
    private readonly config: NormalizationConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'problem-telemetry' });
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.config.PROBLEM_TELEMETRY_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  markDirty(ids: Iterable<string>): void {
    for (const id of ids) this.dirty.add(id);
  }

  /** The stored telemetry of these problems (a problem not flushed yet is left out). */
  ofProblems(ids: string[]): Promise<Map<string, AggregateTelemetry>> {
    return this.telemetry.ofProblems(ids);
  }

  /** Recomputes the dirty problems now (concurrent calls share one pass). */
  flush(): Promise<void> {
    this.flushing ??= this.flushDirty().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async flushDirty(): Promise<void> {
    if (this.dirty.size === 0) return;
    const ids = [...this.dirty];
    this.dirty = new Set();
    try {
      const byProblem = await this.records.attemptsOf(ids);
      const current = new Map(
        [...(await this.telemetry.ofProblems(ids))].map(([id, stored]) => [
          id,
          JSON.stringify(stored),
        ]),
      );
      const changed = [...byProblem]
        .map(([id, list]) => ({ id, telemetry: computeTelemetry(list) }))
        .filter(({ id, telemetry }) => current.get(id) !== JSON.stringify(telemetry));
      await this.telemetry.write(changed, new Date());
    } catch (error) {
      for (const id of ids) this.dirty.add(id);
      this.log.warn(
        { err: (error as Error).message, problems: ids.length },
        'telemetry flush failed; will retry',
      );
    }
  }
}
