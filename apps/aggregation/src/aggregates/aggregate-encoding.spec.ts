import { DEFAULT_BKT } from '../domain/bkt';
import { emptyAggregate, recompute } from '../domain/user-aggregate';
import { decodeAggregate, encodeAggregate } from './aggregate-encoding';

const HOUR = 3_600_000;
const aggregate = recompute(
  [
    {
      submissionId: 's1',
      platformSubmissionId: '100',
      canonicalProblemId: 'p1',
      topics: ['arrays', 'hashing'],
      difficulty: 'easy',
      accepted: false,
      submittedAt: Date.UTC(2026, 10, 1),
      solveTimeSeconds: null,
    },
    {
      submissionId: 's2',
      platformSubmissionId: '200',
      canonicalProblemId: 'p1',
      topics: ['arrays', 'hashing'],
      difficulty: 'easy',
      accepted: true,
      submittedAt: Date.UTC(2026, 10, 1) + HOUR,
      solveTimeSeconds: 420,
    },
    {
      submissionId: 's3',
      platformSubmissionId: '300',
      canonicalProblemId: 'p2',
      topics: ['dynamic-programming'],
      difficulty: 'hard',
      accepted: true,
      submittedAt: Date.UTC(2026, 10, 3),
      solveTimeSeconds: 1800,
    },
  ],
  DEFAULT_BKT,
);

describe('aggregate encoding', () => {
  it('stores topics, problems and days as one string and reads back the same aggregate', () => {
    const { set, unset } = encodeAggregate(aggregate);
    expect(typeof set.state).toBe('string');
    expect(set).toEqual({
      lastKey: aggregate.lastKey,
      attemptCount: 3,
      state: expect.any(String),
    });
    expect(unset).toEqual({ topics: 1, problems: 1, days: 1 });
    // Through BSON-like plain objects: what the driver hands back is these fields as stored.
    const stored = JSON.parse(JSON.stringify(set));
    expect(decodeAggregate(stored)).toEqual(aggregate);
  });

  it('reads a document in the earlier format (subdocuments) as the same aggregate', () => {
    const { lastKey, attemptCount, topics, problems, days } = aggregate;
    const legacy = JSON.parse(JSON.stringify({ lastKey, attemptCount, topics, problems, days }));
    expect(decodeAggregate(legacy)).toEqual(aggregate);
  });

  it('prefers the string when a document somehow holds both', () => {
    const { set } = encodeAggregate(aggregate);
    const both = { ...set, topics: {}, problems: {}, days: {} };
    expect(decodeAggregate(both)).toEqual(aggregate);
  });

  it('reads a document with neither as the empty aggregate', () => {
    expect(decodeAggregate({})).toEqual(emptyAggregate());
    expect(decodeAggregate({ attemptCount: 0, lastKey: null })).toEqual(emptyAggregate());
  });

  it('keeps the empty aggregate empty through a round trip', () => {
    const { set } = encodeAggregate(emptyAggregate());
    expect(decodeAggregate(set)).toEqual(emptyAggregate());
  });
});
