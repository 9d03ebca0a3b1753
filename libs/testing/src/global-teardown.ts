/** Stops what the global setup started (servers it found running are left alone). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__PREPMATE_INFRA__?.stop();
}
