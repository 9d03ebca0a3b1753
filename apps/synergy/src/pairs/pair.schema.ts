import { type OutboxFields, outboxPlugin } from '@prepmate/messaging';
import { Schema } from 'mongoose';

/**
 * Two learners who interacted (a scratch in either direction), stored once with A < B. The
 * score and its components are written by the pair job only, guarded by `version`;
 * `synergy.chat_unlocked` rides in the write that first sets `chatUnlocked` (outbox).
 */
export interface PairDocument extends OutboxFields {
  _id: string;
  userA: string;
  userB: string;
  /** Distinct posts of B that A scratched, and the other way round. */
  aToB: number;
  bToA: number;
  interactionDays: number;
  mutualScratchWeight: number;
  levelProximityScore: number;
  topicSimilarityScore: number;
  consistencyFactor: number;
  score: number;
  chatUnlocked: boolean;
  unlockedAt: Date | null;
  /** null until the first job computed the pair. */
  calculatedAt: Date | null;
  createdAt: Date;
  version: number;
}

export const PAIR_MODEL = 'SynergyPair';

export const PairSchema = new Schema<PairDocument>(
  {
    _id: { type: String, required: true },
    userA: { type: String, required: true },
    userB: { type: String, required: true },
    aToB: { type: Number, required: true },
    bToA: { type: Number, required: true },
    interactionDays: { type: Number, required: true },
    mutualScratchWeight: { type: Number, required: true },
    levelProximityScore: { type: Number, required: true },
    topicSimilarityScore: { type: Number, required: true },
    consistencyFactor: { type: Number, required: true },
    score: { type: Number, required: true },
    chatUnlocked: { type: Boolean, required: true },
    unlockedAt: { type: Date, default: null },
    calculatedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'synergy_pairs', versionKey: false },
);
PairSchema.plugin(outboxPlugin);
PairSchema.index({ userA: 1, score: -1, _id: 1 });
PairSchema.index({ userB: 1, score: -1, _id: 1 });

/**
 * A UTC day with a scratch between the two learners of a pair, one document per pair and day
 * (`<pairId>:<YYYY-MM-DD>`): the first scratch of the day inserts it, later ones find it (a
 * unique id, so concurrent scratches never lose a day). The consistency factor counts them;
 * the pair job removes those older than its window.
 */
export interface PairDayDocument {
  _id: string;
  pairId: string;
  day: string;
}

export const PAIR_DAY_MODEL = 'SynergyPairDay';

export const PairDaySchema = new Schema<PairDayDocument>(
  {
    _id: { type: String, required: true },
    pairId: { type: String, required: true },
    day: { type: String, required: true },
  },
  { collection: 'synergy_pair_days', versionKey: false },
);
PairDaySchema.index({ pairId: 1, day: 1 });
