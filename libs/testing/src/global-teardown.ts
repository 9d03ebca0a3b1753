/** Stops what the global setup started (servers it found running are left alone). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__PREPMATE_INFRA__?.stop();
  reportOpenResources();
}

/**
 * Jest ends the run with `forceExit`; this line says what would otherwise have kept it alive
 * (sockets, timers a test or service left behind), so a leak is visible in every run's log.
 */
function reportOpenResources(): void {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) {
    if (kind === 'TTYWrap' || kind === 'PipeWrap') continue; // jest's own output streams
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const open = [...counts].map(([kind, count]) => `${count} × ${kind}`).join(', ');
  process.stdout.write(
    `[test-infra] resources still open after the last test: ${open || 'none'}\n`,
  );
}
