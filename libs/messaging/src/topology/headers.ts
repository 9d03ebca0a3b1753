/** Headers the broker writes when it dead-letters a message (x-death and friends). */
function isBrokerBookkeeping(key: string): boolean {
  return (
    key === 'x-death' ||
    key === 'x-delivery-count' ||
    key.startsWith('x-first-death') ||
    key.startsWith('x-last-death')
  );
}

/** A copy of a message's headers without the broker's dead-lettering bookkeeping and `drop`. */
export function withoutBrokerBookkeeping(
  headers: Record<string, unknown> | undefined,
  drop: readonly string[] = [],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).filter(
      ([key]) => !isBrokerBookkeeping(key) && !drop.includes(key),
    ),
  );
}
