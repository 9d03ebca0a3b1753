import { freePort } from '@prepmate/testing';
import autocannon from 'autocannon';
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { progress, writeResult } from './bench-output';
import { startBenchSystem, startProcess, waitFor } from './bench-processes';

const SECONDS = Number(process.env.BENCH_GATEWAY_SECONDS ?? 20);
const CONNECTIONS = 64;
const FIXED_RATE = 500;
/** Few connections: autocannon paces a rate per tick, and many connections turn it into bursts. */
const FIXED_RATE_CONNECTIONS = 4;

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    let elapsed = 0;
    const timer = setInterval(() => progress(`  ${options.title}: ${(elapsed += 5)} s`), 5000);
    instance.on('done', () => clearInterval(timer));
  });
}

/**
 * Authenticated `GET /api/v1/auth/me` through gateway → auth (each its own process, as in
 * production: JWT verification, revocation check and rate limit in Redis, RPC over RabbitMQ,
 * MongoDB read) against one Nest process doing the same work in-process (in-process-me.ts:
 * the same verification, limiter, database read and mapper), at 64 connections each: their
 * ratio is the price of the microservice path. Then a fixed 500 req/s through the gateway for
 * its latency percentiles. A bare Node HTTP server returning the same JSON shows the ceiling.
 */
export async function gatewayBenchmark(): Promise<void> {
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const system = await startBenchSystem('bench-gw', ['auth'], {
    NODE_ENV: 'production',
    CORS_ORIGINS: 'https://app.prepmate.example',
    JWT_PRIVATE_KEY: privateKey,
    MESSAGE_SIGNING_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_USER_PER_MINUTE: '100000000',
  });
  const { prefix } = system;
  try {
    const gateway = system.origin;
    const barePort = await freePort();
    // Auth reports ready once connected to the broker, a moment before its RPC consumer is
    // attached (docs/operations.md "Is it healthy?"): a 503 then is retried for a while.
    const register = () =>
      fetch(`${gateway}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `bench-${prefix}@example.com`,
          password: 'correct horse battery',
          name: 'Bench',
        }),
      });
    let registered = await register();
    for (let tries = 0; registered.status === 503 && tries < 30; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      registered = await register();
    }
    if (registered.status !== 201)
      throw new Error(`registration answered ${registered.status}: ${await registered.text()}`);
    const { accessToken } = (await registered.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };
    const body = await (await fetch(`${gateway}/api/v1/auth/me`, { headers })).text();

    const bare = startProcess(
      'bare',
      [
        '-e',
        `require('node:http').createServer((q,s)=>{s.writeHead(200,{'content-type':'application/json'});s.end(${JSON.stringify(body)})}).listen(${barePort},'127.0.0.1')`,
      ],
      {},
    );
    system.children.push(bare);
    const inProcessPort = await freePort();
    const inProcess = startProcess('in-process-me', ['dist/tools/bench/in-process-me.js'], {
      HTTP_PORT: String(inProcessPort),
      MONGO_DB: `${prefix}_auth`,
      REDIS_KEY_PREFIX: `${prefix}:`,
      JWT_PUBLIC_KEY: createPublicKey(privateKey)
        .export({ type: 'spki', format: 'pem' })
        .toString(),
      RATE_LIMIT_USER_PER_MINUTE: '100000000',
    });
    system.children.push(inProcess);
    await waitFor(`http://127.0.0.1:${barePort}/`);
    const inProcessUrl = `http://127.0.0.1:${inProcessPort}/api/v1/auth/me`;
    await waitFor(`http://127.0.0.1:${inProcessPort}/health`);
    const same = await (await fetch(inProcessUrl, { headers })).text();
    if (same !== body)
      throw new Error(`the in-process app answers differently: ${same} instead of ${body}`);

    progress(
      `gateway: ${CONNECTIONS} connections for ${SECONDS} s each: a bare server, one in-process Nest app, then gateway → auth`,
    );
    const bareResult = await run({
      title: 'bare node http',
      url: `http://127.0.0.1:${barePort}/`,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers,
    });
    const inProcessResult = await run({
      title: 'in-process Nest app',
      url: inProcessUrl,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers,
    });
    const gatewayResult = await run({
      title: 'gateway → auth',
      url: `${gateway}/api/v1/auth/me`,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers,
    });
    const fixed = await run({
      title: `gateway at ${FIXED_RATE} req/s`,
      url: `${gateway}/api/v1/auth/me`,
      connections: FIXED_RATE_CONNECTIONS,
      overallRate: FIXED_RATE,
      duration: Math.max(5, Math.round(SECONDS / 2)),
      headers,
    });
    const non2xx = gatewayResult.non2xx + fixed.non2xx + inProcessResult.non2xx;
    if (non2xx > 0) throw new Error(`${non2xx} gateway responses were not 2xx`);
    await writeResult('gateway', {
      seconds: SECONDS,
      connections: CONNECTIONS,
      bareRps: Math.round(bareResult.requests.average),
      inProcessRps: Math.round(inProcessResult.requests.average),
      inProcessP99Ms: inProcessResult.latency.p99,
      gatewayRps: Math.round(gatewayResult.requests.average),
      ratio: ratio(gatewayResult, inProcessResult),
      bareRatio: ratio(gatewayResult, bareResult),
      p50Ms: gatewayResult.latency.p50,
      p99Ms: gatewayResult.latency.p99,
      [`at${FIXED_RATE}Rps`]: {
        p50Ms: fixed.latency.p50,
        p99Ms: fixed.latency.p99,
        rps: Math.round(fixed.requests.average),
      },
      goal: { [`at${FIXED_RATE}RpsP99Ms`]: 25, ratio: 0.5, ratioAgainst: 'in-process Nest app' },
    });
  } finally {
    await system.stop();
  }
}

/** Requests per second of `a` over `b`, to three decimals. */
function ratio(a: autocannon.Result, b: autocannon.Result): number {
  return Math.round((a.requests.average / b.requests.average) * 1000) / 1000;
}
