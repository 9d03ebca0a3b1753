/** Where infrastructure steps report what they do, one line at a time. */
export type ProgressLog = (line: string) => void;

/**
 * Awaits `work`, printing `label… Ns` every `everyMs` while it runs, so a long build or
 * start never looks hung; then prints how long it took.
 */
export async function withProgress<T>(
  log: ProgressLog,
  label: string,
  work: Promise<T>,
  everyMs = 5000,
): Promise<T> {
  const started = Date.now();
  log(`${label}…`);
  const timer = setInterval(
    () => log(`${label}… ${Math.round((Date.now() - started) / 1000)} s`),
    everyMs,
  );
  try {
    const result = await work;
    log(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } finally {
    clearInterval(timer);
  }
}
