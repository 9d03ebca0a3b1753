import { localDate, safeTimeZone } from '../domain/local-time';
import { readiness, type Readiness } from '../domain/readiness';
import { retrievability } from '../domain/revision-card';
import type { UserAggregate } from '../domain/user-aggregate';
import type { LearnerProfile } from './learner-profile';

export type RoadmapPciScore = { roadmapId: string; pciScore: number };

export interface ReadinessNow {
  /** The learner's local day at `now`. */
  today: string;
  cards: number;
  dueCards: number;
  result: Readiness;
}

/**
 * Readiness at `now` from the PCI of the learner's roadmaps, the revision cards of the
 * aggregate and the stored samples (docs/product.md#readiness): what GET /me/readiness answers
 * and what the morning check keeps as the day's sample.
 */
export function readinessNow(
  profile: LearnerProfile,
  aggregate: UserAggregate,
  roadmaps: RoadmapPciScore[],
  now: number,
): ReadinessNow {
  const today = localDate(now, safeTimeZone(profile.timeZone));
  const cards = Object.values(aggregate.problems).flatMap((problem) =>
    problem.card ? [problem.card] : [],
  );
  const dueCards = cards.filter((card) => card.due <= now).length;
  const result = readiness({
    roadmaps,
    retrievabilities: cards.map((card) => retrievability(card, now)),
    dueCards,
    history: profile.readinessHistory,
    today,
    targetDate: profile.preparationTargetDate,
  });
  return { today, cards: cards.length, dueCards, result };
}
