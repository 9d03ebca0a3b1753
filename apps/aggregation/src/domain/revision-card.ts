import {
  type Card,
  createEmptyCard,
  fsrs,
  generatorParameters,
  type Grade,
  Rating,
  State,
} from 'ts-fsrs';

/**
 * A problem's spaced-repetition card (FSRS through ts-fsrs) in a form a database stores:
 * dates as epoch milliseconds. Fuzz is off so the schedule is a pure function of the
 * history (incremental = recompute), and so are the minute-long learning steps: a solved
 * problem is next due in days, not ten minutes later.
 */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: number | null;
}

const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

function toCard(card: StoredCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    last_review: card.lastReview === null ? undefined : new Date(card.lastReview),
  };
}

function fromCard(card: Card): StoredCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/** The card after a review at `at`; `null` starts a new card (the first accepted attempt). */
export function reviewCard(card: StoredCard | null, at: number, passed: boolean): StoredCard {
  const current = card ? toCard(card) : createEmptyCard(new Date(at));
  const grade: Grade = passed ? Rating.Good : Rating.Again;
  return fromCard(scheduler.next(current, new Date(at), grade).card);
}

/** Probability of recall now (0..1). */
export function retrievability(card: StoredCard, now: number): number {
  return scheduler.get_retrievability(toCard(card), new Date(now), false);
}

export const CARD_STATE_NAMES = ['new', 'learning', 'review', 'relearning'] as const;
