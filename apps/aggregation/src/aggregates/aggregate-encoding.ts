import { emptyAggregate, type UserAggregate } from '../domain/user-aggregate';

/** The parts of a user's aggregate stored as one JSON string (`state`). */
type AggregateState = Pick<UserAggregate, 'topics' | 'problems' | 'days'>;

/** What a stored `user_aggregates` document holds of the aggregate, in either format. */
export interface StoredAggregateFields {
  lastKey?: UserAggregate['lastKey'];
  attemptCount?: number;
  /** `{ topics, problems, days }` as JSON: the format every save writes. */
  state?: string;
  /** The earlier format: the same three as subdocuments (read until the user's next save). */
  topics?: UserAggregate['topics'];
  problems?: UserAggregate['problems'];
  days?: UserAggregate['days'];
}

/**
 * The fields a save writes (`$set`) and the earlier format's fields it removes (`$unset`).
 *
 * Topics, problems and days go as one string: thousands of keys (problem ids, days, timestamp
 * lists) that only this service reads, always whole. Stored as subdocuments, FerretDB kept a
 * type schema beside every value, larger than the data itself (80 KB beside 46 KB for a user
 * with 100 problems), and decoded both on every read; a string is one value either way, and
 * MongoDB reads it without walking every key (docs/architecture.md "Hot paths").
 */
export function encodeAggregate(aggregate: UserAggregate): {
  set: { lastKey: UserAggregate['lastKey']; attemptCount: number; state: string };
  unset: { topics: 1; problems: 1; days: 1 };
} {
  const { lastKey, attemptCount, topics, problems, days } = aggregate;
  const state: AggregateState = { topics, problems, days };
  return {
    set: { lastKey, attemptCount, state: JSON.stringify(state) },
    unset: { topics: 1, problems: 1, days: 1 },
  };
}

/** The aggregate a stored document holds (either format); a document with neither is empty. */
export function decodeAggregate(doc: StoredAggregateFields): UserAggregate {
  const empty = emptyAggregate();
  const state: Partial<AggregateState> =
    typeof doc.state === 'string' ? (JSON.parse(doc.state) as AggregateState) : doc;
  return {
    lastKey: doc.lastKey ?? empty.lastKey,
    attemptCount: doc.attemptCount ?? empty.attemptCount,
    topics: state.topics ?? empty.topics,
    problems: state.problems ?? empty.problems,
    days: state.days ?? empty.days,
  };
}
