import { freePort } from '@prepmate/testing';
import autocannon from 'autocannon';
import { generateKeyPairSync } from 'node:crypto';
import { progress, writeResult } from './bench-output';
import { startBenchSystem, startProcess, waitFor } from './bench-processes';

const SECONDS = Number(process.env.BENCH_GATEWAY_SECONDS ?? 20);
const CONNECTIONS = 64;
const FIXED_RATE = 200;
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
 * production: JWT verification, rate limit in Redis, RPC over RabbitMQ, MongoDB read) against
 * a bare Node HTTP server returning the same JSON, at 64 connections; then a fixed 200 req/s
 * through the gateway for its latency percentiles.
 */
export async function gatewayBenchmark(): Promise<void> {
  const system = await startBenchSystem('bench-gw', ['auth'], {
    NODE_ENV: 'production',
    CORS_ORIGINS: 'https://app.prepmate.example',
    JWT_PRIVATE_KEY: generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    RATE_LIMIT_USER_PER_MINUTE: '100000000',
  });
  const { prefix } = system;
  try {
    const gateway = system.origin;
    const barePort = await freePort();
    const registered = await fetch(`${gateway}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `bench-${prefix}@example.com`,
        password: 'correct horse battery',
        name: 'Bench',
      }),
    });
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
    await waitFor(`http://127.0.0.1:${barePort}/`);

    progress(
      `gateway: ${CONNECTIONS} connections for ${SECONDS} s against a bare server, then through gateway → auth`,
    );
    const bareResult = await run({
      title: 'bare node http',
      url: `http://127.0.0.1:${barePort}/`,
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
    const non2xx = gatewayResult.non2xx + fixed.non2xx;
    if (non2xx > 0) throw new Error(`${non2xx} gateway responses were not 2xx`);
    await writeResult('gateway', {
      seconds: SECONDS,
      connections: CONNECTIONS,
      bareRps: Math.round(bareResult.requests.average),
      gatewayRps: Math.round(gatewayResult.requests.average),
      ratio:
        Math.round((gatewayResult.requests.average / bareResult.requests.average) * 1000) / 1000,
      p50Ms: gatewayResult.latency.p50,
      p99Ms: gatewayResult.latency.p99,
      at200Rps: {
        p50Ms: fixed.latency.p50,
        p99Ms: fixed.latency.p99,
        rps: Math.round(fixed.requests.average),
      },
      goal: { at200RpsP99Ms: 25, ratio: 0.25 },
    });
  } finally {
    await system.stop();
  }
}
