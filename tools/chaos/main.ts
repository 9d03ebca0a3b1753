/**
 * `npm run chaos [-- scenario …]`: the fault suite (docs/operations.md "Fault suite"). Needs
 * `npm run build` (it starts the built services) and PostgreSQL on 5432; starts its own
 * RabbitMQ, Redis and FerretDB on other ports, never the shared ones. Progress lines on stdout;
 * bench-results/chaos.json is rewritten after each scenario. Settings: CHAOS_USERS (20),
 * CHAOS_PER_USER (500), CHAOS_DB_OUTAGE_MS (120000), CHAOS_SLOW_FOR_MS (60000),
 * CHAOS_CONVERGE_TIMEOUT_MS (300000).
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runChaos, type ScenarioResult } from './chaos-run';

const ROOT = resolve(__dirname, '..', '..');
const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

function progress(line: string): void {
  process.stdout.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

async function main(only: string[]): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/apps/gateway/src/main.js')))
    throw new Error('run `npm run build` first (the suite starts the built services)');
  const users = number('CHAOS_USERS', 20);
  const perUser = number('CHAOS_PER_USER', 500);
  const scenarios: Record<string, ScenarioResult> = {};
  const file = join(ROOT, 'bench-results', 'chaos.json');
  const started = new Date().toISOString();
  const write = async () => {
    await mkdir(join(ROOT, 'bench-results'), { recursive: true });
    const passed = Object.values(scenarios).filter((s) => s.passed).length;
    await writeFile(
      file,
      `${JSON.stringify(
        {
          benchmark: 'chaos',
          users,
          submissionsPerUser: perUser,
          startedAt: started,
          measuredAt: new Date().toISOString(),
          passed: `${passed}/${Object.keys(scenarios).length}`,
          scenarios,
        },
        null,
        2,
      )}\n`,
    );
  };
  await runChaos({
    users,
    perUser,
    only,
    dbOutageMs: number('CHAOS_DB_OUTAGE_MS', 120_000),
    slowForMs: number('CHAOS_SLOW_FOR_MS', 60_000),
    convergeTimeoutMs: number('CHAOS_CONVERGE_TIMEOUT_MS', 300_000),
    log: progress,
    async onResult(name, result) {
      scenarios[name] = result;
      await write();
    },
  });
  await write();
  progress(`written to ${file}`);
  const failed = Object.entries(scenarios).filter(([, s]) => !s.passed);
  if (failed.length > 0) progress(`failed: ${failed.map(([name]) => name).join(', ')}`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`chaos failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
