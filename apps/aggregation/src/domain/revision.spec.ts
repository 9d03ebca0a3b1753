import { attempt, DAY, T0 } from '../../../../test/support/factories/attempts';
import { DEFAULT_BKT } from './bkt';
import { retrievability, reviewCard } from './revision-card';
import { topicMetrics } from './topic-metrics';
import { recompute } from './user-aggregate';

describe('revision cards (FSRS through ts-fsrs)', () => {
  it('only solved problems get a card; first accepted → Good', () => {
    const aggregate = recompute(
      [attempt({ problem: 'x', ok: false, at: 1 }), attempt({ problem: 'y', ok: true, at: 2 })],
      DEFAULT_BKT,
    );
    expect(aggregate.problems.x.card).toBeNull();
    const card = aggregate.problems.y.card!;
    expect(card).toEqual(reviewCard(null, aggregate.problems.y.card!.lastReview!, true));
    expect(card.reps).toBe(1);
    expect(card.due).toBeGreaterThan(card.lastReview! + DAY - 1);
  });

  it('a failed attempt on a solved problem is Again (a lapse); later accepted is Good', () => {
    const aggregate = recompute(
      [
        attempt({ problem: 'z', ok: true, submittedAt: T0 }),
        attempt({ problem: 'z', ok: false, submittedAt: T0 + 10 * DAY }),
        attempt({ problem: 'z', ok: true, submittedAt: T0 + 11 * DAY }),
      ],
      DEFAULT_BKT,
    );
    const expected = reviewCard(
      reviewCard(reviewCard(null, T0, true), T0 + 10 * DAY, false),
      T0 + 11 * DAY,
      true,
    );
    expect(aggregate.problems.z.card).toEqual(expected);
    expect(expected.lapses).toBe(1);
  });

  it('due and critical counts per topic, at read time', () => {
    const aggregate = recompute([attempt({ problem: 'a', submittedAt: T0 })], DEFAULT_BKT);
    const card = aggregate.problems.a.card!;
    const state = aggregate.topics.arrays;
    expect(topicMetrics(state, aggregate.problems, card.due - 1).problemsDueForRevision).toBe(0);
    expect(topicMetrics(state, aggregate.problems, card.due).problemsDueForRevision).toBe(1);
    let later = card.due;
    while (retrievability(card, later) >= 0.5) later += DAY;
    expect(topicMetrics(state, aggregate.problems, later - DAY).problemsInCriticalState).toBe(0);
    expect(topicMetrics(state, aggregate.problems, later).problemsInCriticalState).toBe(1);
  });
});
