import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { chunkedBulkWrite } from '@prepmate/platform';
import type { Model } from 'mongoose';
import {
  type AggregateTelemetry,
  PROBLEM_TELEMETRY_MODEL,
  type ProblemTelemetryDocument,
} from './canonical-problem.schema';

/** The `problem_telemetry` collection; `ProblemTelemetry` decides when and what to write. */
@Injectable()
export class ProblemTelemetryStore {
  constructor(
    @InjectModel(PROBLEM_TELEMETRY_MODEL)
    private readonly model: Model<ProblemTelemetryDocument>,
  ) {}

  /** The stored telemetry of these problems (a problem never written is left out). */
  async ofProblems(ids: string[]): Promise<Map<string, AggregateTelemetry>> {
    if (ids.length === 0) return new Map();
    const stored = await this.model.find({ _id: { $in: ids } }).lean<ProblemTelemetryDocument[]>();
    return new Map(
      stored.map(
        ({ totalSubmissions, acceptedSubmissions, successRate, meanSolveTimeSeconds, _id }) => [
          _id,
          { totalSubmissions, acceptedSubmissions, successRate, meanSolveTimeSeconds },
        ],
      ),
    );
  }

  /** Writes (or creates) the telemetry of each problem, a few updates at a time. */
  async write(
    entries: Array<{ id: string; telemetry: AggregateTelemetry }>,
    now: Date,
  ): Promise<void> {
    await chunkedBulkWrite(
      this.model.collection,
      entries.map(({ id, telemetry }) => ({
        updateOne: {
          filter: { _id: id },
          update: { $set: { ...telemetry, updatedAt: now } },
          upsert: true,
        },
      })),
    );
  }
}
