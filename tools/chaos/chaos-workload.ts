import { EVENT_SUBSCRIPTIONS, type ServiceName } from '@prepmate/contracts';
import { deadLetterQueueName, eventQueueName } from '@prepmate/messaging';
import amqp from 'amqplib';
import { mongo } from 'mongoose';

type MongoClient = mongo.MongoClient;

const TAGS = [
  ['Array', 'Hash Table'],
  ['Dynamic Programming'],
  ['Graph', 'Breadth-First Search'],
  ['String', 'Two Pointers'],
  ['Greedy', 'Sorting'],
  ['Tree', 'Depth-First Search'],
  ['Math'],
  ['Binary Search'],
  ['Stack', 'Monotonic Stack'],
  ['Linked List'],
];
const DIFFICULTIES = ['easy', 'medium', 'hard'];
const PROBLEMS = 120;
const CHUNK = 100;

/**
 * User `user`'s import: the same submissions in every scenario (so its final state can be
 * compared with the clean run's), with ids of that scenario (ingestion keys them).
 */
export function importChunks(scenario: number, user: number, perUser: number): unknown[] {
  const start = Date.UTC(2026, 8, 1);
  const submissions = Array.from({ length: perUser }, (_, i) => {
    const p = (user * 7 + i * 3) % PROBLEMS;
    return {
      platformSubmissionId: `${scenario}${String(user).padStart(3, '0')}${String(i).padStart(5, '0')}`,
      problem: {
        platformProblemId: `chaos-problem-${p}`,
        title: `Chaos Problem ${p} ${['Paths', 'Intervals', 'Subarrays', 'Islands'][p % 4]}`,
        difficulty: DIFFICULTIES[p % 3],
        tags: TAGS[p % TAGS.length],
      },
      verdict: (i + user) % 4 === 0 ? 'wrong_answer' : 'accepted',
      submittedAt: new Date(start + i * 600_000 + user * 7_000).toISOString(),
      language: 'python3',
      solveTimeSeconds: 300 + ((i * 37) % 1500),
    };
  });
  const chunks: unknown[] = [];
  for (let i = 0; i < submissions.length; i += CHUNK)
    chunks.push({ platform: 'leetcode', submissions: submissions.slice(i, i + CHUNK) });
  return chunks;
}

/** A gateway call; network errors and 5xx (a service being killed) are retried until `deadline`. */
export async function call(
  origin: string,
  method: string,
  path: string,
  {
    token,
    body,
    deadline = Date.now() + 300_000,
  }: { token?: string; body?: unknown; deadline?: number } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer, read by field
): Promise<any> {
  for (;;) {
    let failure: string;
    try {
      const response = await fetch(`${origin}/api/v1${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      const json: unknown = await response.json().catch(() => null);
      if (response.status < 300) return json;
      failure = `${response.status} ${JSON.stringify(json).slice(0, 300)}`;
      if (response.status < 500 && response.status !== 429)
        throw new Error(`${method} ${path} → ${failure}`);
    } catch (error) {
      if ((error as Error).message.startsWith(`${method} ${path} →`)) throw error;
      failure = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${method} ${path} kept failing: ${failure}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Runs `work` until it succeeds (the suite's broker or database may be down: the fault, or our
 * broker killed from outside and being started again), for at most `timeoutMs`.
 */
export async function persistently<T>(work: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

/** What a user's import ended as: the comparison of a scenario with the clean run. */
export interface UserState {
  attemptCount: number;
  /** Σ totalAttempts over the user's topics. */
  topicAttempts: number;
  topics: unknown;
  pci: unknown;
  pciScore: number | null;
}

/** Numbers rounded (float sums in another order), timestamps dropped. */
function comparable(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6;
  if (value instanceof Date) return undefined;
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !/(At|Updated|computed)$/i.test(key))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, comparable(inner)]),
    );
  return value;
}

type StoredTopics = Record<string, { totalAttempts?: number }>;

interface StoredAggregate {
  _id: string;
  attemptCount?: number;
  /** `{ topics, problems, days }` as JSON (apps/aggregation/src/aggregates/aggregate-encoding.ts). */
  state?: string;
  /** The earlier format's topics, until the user's next save. */
  topics?: StoredTopics;
}

function storedTopics(aggregate: StoredAggregate | undefined): StoredTopics {
  if (typeof aggregate?.state === 'string')
    return (JSON.parse(aggregate.state) as { topics?: StoredTopics }).topics ?? {};
  return aggregate?.topics ?? {};
}

interface StoredProgress {
  _id: string;
  userId: string;
  result?: { pciScore?: number };
}

export async function readStates(
  mongo: MongoClient,
  prefix: string,
  userIds: string[],
  roadmapId: string,
): Promise<Map<string, UserState>> {
  const aggregates = await mongo
    .db(`${prefix}_aggregation`)
    .collection<StoredAggregate>('user_aggregates')
    .find({ _id: { $in: userIds } }, { projection: { attemptCount: 1, state: 1, topics: 1 } })
    .toArray();
  const progress = await mongo
    .db(`${prefix}_roadmap`)
    .collection<StoredProgress>('roadmap_progress')
    .find({ userId: { $in: userIds }, roadmapId })
    .toArray();
  const states = new Map<string, UserState>();
  for (const userId of userIds) {
    const aggregate = aggregates.find((doc) => doc._id === userId);
    const stored = progress.find((doc) => doc.userId === userId);
    const topics = storedTopics(aggregate);
    states.set(userId, {
      attemptCount: aggregate?.attemptCount ?? 0,
      topicAttempts: Object.values(topics).reduce((sum, t) => sum + (t.totalAttempts ?? 0), 0),
      topics: comparable(topics),
      pci: comparable(stored?.result ?? null),
      pciScore: stored?.result?.pciScore ?? null,
    });
  }
  return states;
}

export function sameState(a: UserState, b: UserState): boolean {
  return (
    a.attemptCount === b.attemptCount &&
    JSON.stringify(a.topics) === JSON.stringify(b.topics) &&
    JSON.stringify(a.pci) === JSON.stringify(b.pci)
  );
}

/** Every dead-letter queue of the system and how many messages each holds. */
export async function deadLetters(
  amqpUrl: string,
  queuePrefix: string,
): Promise<Map<string, number>> {
  const connection = await amqp.connect(amqpUrl);
  const counts = new Map<string, number>();
  try {
    for (const [service, types] of Object.entries(EVENT_SUBSCRIPTIONS))
      for (const type of types) {
        const dlq = deadLetterQueueName(eventQueueName(service as ServiceName, type, queuePrefix));
        const channel = await connection.createChannel();
        channel.on('error', () => undefined);
        try {
          counts.set(dlq, (await channel.checkQueue(dlq)).messageCount);
          await channel.close();
        } catch {
          counts.set(dlq, 0); // not declared (yet): nothing in it
        }
      }
  } finally {
    await connection.close().catch(() => undefined);
  }
  return counts;
}

/** Empties the dead-letter queues (after a scenario counted them). */
export async function purgeDeadLetters(amqpUrl: string, queues: string[]): Promise<void> {
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    for (const queue of queues) await channel.purgeQueue(queue).catch(() => undefined);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/**
 * A durable queue of our own bound to `pci.recomputed`: it survives a broker restart, so
 * after a scenario it holds every PCI event the roadmap service published meanwhile.
 */
export async function pciWatch(amqpUrl: string, exchange: string, queue: string) {
  const connection = await amqp.connect(amqpUrl);
  const channel = await connection.createChannel();
  await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.bindQueue(queue, exchange, 'pci.recomputed');
  await connection.close();
  return {
    /** The latest PCI score each user's events carry (by computedAt), draining the queue. */
    async drain(): Promise<Map<string, { score: number; at: string }>> {
      const latest = new Map<string, { score: number; at: string }>();
      const conn = await amqp.connect(amqpUrl);
      try {
        const ch = await conn.createChannel();
        for (;;) {
          const message = await ch.get(queue, { noAck: true });
          if (!message) break;
          const event = JSON.parse(message.content.toString()) as {
            payload: { userId: string; pciScore: number; computedAt: string };
          };
          const seen = latest.get(event.payload.userId);
          if (!seen || seen.at <= event.payload.computedAt)
            latest.set(event.payload.userId, {
              score: event.payload.pciScore,
              at: event.payload.computedAt,
            });
        }
      } finally {
        await conn.close().catch(() => undefined);
      }
      return latest;
    },
  };
}
