import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const RESULTS_DIR = resolve(__dirname, '..', '..', 'bench-results');

export function progress(line: string): void {
  process.stdout.write(`[bench] ${line}\n`);
}

/** Writes `bench-results/<name>.json` with the machine it ran on, and prints it. */
export async function writeResult(name: string, result: Record<string, unknown>): Promise<void> {
  const os = await import('node:os');
  const record = {
    benchmark: name,
    ...result,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    measuredAt: new Date().toISOString(),
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
  progress(`${name}: ${JSON.stringify(result)}`);
  progress(`written to ${file}`);
}
