import mongoose from 'mongoose';
import { progress, writeResult } from './bench-output';
import { startBenchSystem } from './bench-processes';

/** The scale; each can be lowered for a small machine (the result says what ran). */
const USERS = Number(process.env.BENCH_SYNERGY_USERS ?? 200);
const POSTS = Number(process.env.BENCH_SYNERGY_POSTS ?? 2_000);
const SCRATCHES = Number(process.env.BENCH_SYNERGY_SCRATCHES ?? 20_000);
/** Offered scratch rate (the goal: ≤ 50 ms p99 at 200/s). */
const RATE = Number(process.env.BENCH_SYNERGY_RATE ?? 200);
/** The production debounce (one minute) unless overridden. */
const DEBOUNCE_MS = Number(process.env.BENCH_SYNERGY_DEBOUNCE_MS ?? 60_000);
const MAX_IN_FLIGHT = 256;
const FEED_REQUESTS = 1_000;
const FEED_CONCURRENCY = 4;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

interface BenchUser {
  userId: string;
  token: string;
  posts: string[];
}

/**
 * Synergy through the gateway with the built gateway, auth and synergy processes: USERS learners
 * publish POSTS posts, then SCRATCHES scratches are offered at RATE per second (each learner
 * scratches every post of the next few learners, so every learner interacts with a handful of
 * peers, as in a real community). Measures the scratch answer (rate reached, p50/p99), then how
 * long after its last scratch every affected pair is recomputed (the debounce window plus the
 * job), then the feed's first page for random readers.
 */
export async function synergyBenchmark(): Promise<void> {
  const perUserScratches = Math.ceil(SCRATCHES / USERS);
  const postsPerUser = Math.ceil(POSTS / USERS);
  const peers = Math.ceil(perUserScratches / postsPerUser);
  const system = await startBenchSystem('bench-synergy', ['auth', 'synergy'], {
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000',
    SYNERGY_PAIR_DEBOUNCE_MS: String(DEBOUNCE_MS),
    SYNERGY_POSTS_PER_HOUR: String(postsPerUser + 10),
    SYNERGY_SCRATCHES_PER_HOUR: String(perUserScratches + 10),
  });
  const { prefix } = system;
  const db = await mongoose
    .createConnection(process.env.MONGO_URL!, { dbName: `${prefix}_synergy` })
    .asPromise();
  try {
    const gateway = `${system.origin}/api/v1`;
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const response = await fetch(`${gateway}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json().catch(() => null)) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (response.status >= 300)
        throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
      return json;
    };

    progress(`synergy: registering ${USERS} learners`);
    const users: BenchUser[] = [];
    for (let i = 0; i < USERS; i += 1) {
      const registered = await call('POST', '/auth/register', undefined, {
        email: `bench-${i}-${prefix}@example.com`,
        password: 'correct horse battery',
        name: `Bench ${i}`,
      });
      users.push({ userId: registered.user.id, token: registered.accessToken, posts: [] });
      if ((i + 1) % 50 === 0) progress(`  ${i + 1} / ${USERS} learners`);
    }

    progress(`synergy: ${USERS * postsPerUser} posts, ${postsPerUser} per learner`);
    await inParallel(users, 8, async (user, i) => {
      for (let p = 0; p < postsPerUser; p += 1) {
        const post = await call('POST', '/posts', user.token, {
          content: `Reflection ${p} of learner ${i}: ${'what I learned today. '.repeat(1 + (p % 8))}`,
        });
        user.posts.push(post.id);
      }
    });

    // Learner i scratches every post of learners i+1 … i+peers.
    const scratches: Array<{ user: BenchUser; author: BenchUser; postId: string }> = [];
    for (let i = 0; i < USERS; i += 1)
      for (let k = 1; k <= peers; k += 1) {
        const author = users[(i + k) % USERS];
        for (const postId of author.posts) scratches.push({ user: users[i], author, postId });
      }
    scratches.splice(SCRATCHES);
    // Interleaved, so the learners scratch side by side as they would.
    scratches.sort((a, b) => a.postId.localeCompare(b.postId));

    progress(`synergy: ${scratches.length} scratches offered at ${RATE}/s`);
    const latencies: number[] = [];
    const lastScratchAt = new Map<string, number>();
    const failures = new Map<string, number>();
    let inFlight = 0;
    const started = performance.now();
    const startedAt = Date.now();
    let done = 0;
    await new Promise<void>((resolve) => {
      let next = 0;
      const tick = setInterval(() => {
        const due = Math.min(
          scratches.length,
          Math.floor(((performance.now() - started) / 1000) * RATE) + 1,
        );
        while (next < due && inFlight < MAX_IN_FLIGHT) {
          const { user, author, postId } = scratches[next];
          next += 1;
          inFlight += 1;
          const sentAt = performance.now();
          void call('POST', `/posts/${postId}/scratch`, user.token, {
            points: [
              { x: 0.2, y: 0.3 },
              { x: 0.6, y: 0.4 },
            ],
            coverage: 0.7,
          })
            .then(() => {
              latencies.push(performance.now() - sentAt);
              const pairId =
                user.userId < author.userId
                  ? `${user.userId}:${author.userId}`
                  : `${author.userId}:${user.userId}`;
              lastScratchAt.set(pairId, Date.now());
            })
            .catch((error: Error) => {
              const reason = error.message.replace(/^POST \S+ → /, '').slice(0, 60);
              failures.set(reason, (failures.get(reason) ?? 0) + 1);
            })
            .finally(() => {
              inFlight -= 1;
              done += 1;
              if (done % 2_000 === 0)
                progress(
                  `  ${done} / ${scratches.length} scratches in ${Math.round((performance.now() - started) / 1000)} s`,
                );
              if (done === scratches.length) {
                clearInterval(tick);
                resolve();
              }
            });
        }
      }, 5);
    });
    const scratchSeconds = (performance.now() - started) / 1000;
    const failed = [...failures.values()].reduce((sum, n) => sum + n, 0);
    if (failed > 0)
      progress(`  ${failed} scratches failed: ${JSON.stringify(Object.fromEntries(failures))}`);
    latencies.sort((a, b) => a - b);

    progress(
      `synergy: waiting for ${lastScratchAt.size} pairs to be recomputed (debounce ${DEBOUNCE_MS} ms)`,
    );
    const pairs = db.collection<{ _id: string; calculatedAt: Date | null }>('synergy_pairs');
    const lags = new Map<string, number>();
    const deadline = Date.now() + DEBOUNCE_MS + 600_000;
    while (lags.size < lastScratchAt.size) {
      if (Date.now() > deadline)
        throw new Error(`${lastScratchAt.size - lags.size} pairs were never recomputed`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const docs = await pairs
        .find({ calculatedAt: { $gte: new Date(startedAt) } }, { projection: { calculatedAt: 1 } })
        .toArray();
      for (const doc of docs) {
        const last = lastScratchAt.get(doc._id);
        if (last !== undefined && doc.calculatedAt && doc.calculatedAt.getTime() >= last)
          lags.set(doc._id, doc.calculatedAt.getTime() - last);
      }
      progress(`  ${lags.size} / ${lastScratchAt.size} pairs recomputed`);
    }
    const recompute = [...lags.values()].sort((a, b) => a - b);

    progress(`synergy: ${FEED_REQUESTS} feed pages, ${FEED_CONCURRENCY} at a time`);
    const feed: number[] = [];
    await inParallel(
      Array.from({ length: FEED_REQUESTS }, (_, i) => users[(i * 7919) % USERS]),
      FEED_CONCURRENCY,
      async (user) => {
        const sentAt = performance.now();
        await call('GET', '/posts?limit=20', user.token);
        feed.push(performance.now() - sentAt);
      },
    );
    feed.sort((a, b) => a - b);

    await writeResult('synergy', {
      users: USERS,
      posts: USERS * postsPerUser,
      scratches: scratches.length,
      pairs: lastScratchAt.size,
      offeredRate: RATE,
      debounceMs: DEBOUNCE_MS,
      scratchesPerSec: Math.round((latencies.length / scratchSeconds) * 10) / 10,
      scratchErrors: Object.fromEntries(failures),
      scratchP50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
      scratchP99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
      pairRecomputeP50Ms: percentile(recompute, 50),
      pairRecomputeP99Ms: percentile(recompute, 99),
      pairRecomputeMaxMs: recompute[recompute.length - 1],
      feedP50Ms: Math.round(percentile(feed, 50) * 10) / 10,
      feedP99Ms: Math.round(percentile(feed, 99) * 10) / 10,
      goal: { scratchP99MsAt200PerSec: 50, pairRecomputeMs: DEBOUNCE_MS + 5_000, feedP99Ms: 50 },
    });
  } catch (error) {
    progress(`synergy: failed: ${(error as Error).stack ?? String(error)}`);
    throw error;
  } finally {
    await db.close().catch(() => undefined);
    await system
      .stop()
      .catch((error: Error) => progress(`synergy: cleanup failed: ${error.message}`));
  }
}

/** Runs `work` over the items, `concurrency` at a time. */
async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        await work(items[index], index);
      }
    }),
  );
}
