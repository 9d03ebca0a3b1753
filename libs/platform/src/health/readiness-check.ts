/**
 * One dependency that must be reachable for the service to take traffic. Each check
 * answers quickly (well under the probe's 100 ms budget) and never throws.
 */
export interface ReadinessCheck {
  readonly name: string;
  /** `timeoutMs`: how long the probe may take (the readiness probe's default is 80 ms). */
  isReady(timeoutMs?: number): Promise<boolean>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** Resolves false when `probe` has not answered true within `timeoutMs`. */
export async function withinTimeout(
  probe: () => Promise<unknown>,
  timeoutMs: number,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      probe().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
