import type { Connection } from 'mongoose';
import type { ProbeBehaviour } from './probe.module';

/**
 * Counts each run of the handler (`handler_runs`), waits `delayMs`, then stores the effect
 * (`effects`, one document per event, keyed by eventId like a stored attempt).
 */
export function recordingBehaviour(connection: () => Connection, delayMs = 0): ProbeBehaviour {
  return {
    async onEvent(event) {
      const db = connection().db!;
      await db
        .collection<{ _id: string; runs: number }>('handler_runs')
        .updateOne({ _id: event.eventId }, { $inc: { runs: 1 } }, { upsert: true });
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      try {
        await db
          .collection<{ _id: string; n: string }>('effects')
          .insertOne({ _id: event.eventId, n: event.payload.platformSubmissionId });
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
    },
  };
}
