/**
 * The steps of resolving a normalization failure, in order (docs/reliability.md "Resolving a
 * normalization failure"). The failure stores the next step; each step is idempotent, so a
 * resolution cut short (a crash, a database error) is continued from its stored step by the
 * admin's retry or by the sweep.
 */
export const RESOLUTION_STEPS = ['create', 'map', 'attach', 'close', 'normalize', 'done'] as const;

export type ResolutionStep = (typeof RESOLUTION_STEPS)[number];

/**
 * - `create`: the new canonical problem is inserted with the id chosen when the resolution
 *   began (a duplicate key is a create done before);
 * - `map`: the platform problem's mapping is inserted (an existing one to the same problem is
 *   a map done before);
 * - `attach`: the platform is added to the canonical problem (a no-op when it is there);
 * - `close`: the failure is marked resolved, so nothing more is held in it;
 * - `normalize`: the held submissions are normalized (a stored one is a duplicate key);
 * - `done`.
 */
export function nextResolutionStep(step: ResolutionStep): ResolutionStep {
  const index = RESOLUTION_STEPS.indexOf(step);
  return RESOLUTION_STEPS[Math.min(index + 1, RESOLUTION_STEPS.length - 1)];
}

/** The first step: a resolution to an existing problem has nothing to create. */
export function firstResolutionStep(createsProblem: boolean): ResolutionStep {
  return createsProblem ? 'create' : 'map';
}

/**
 * Whether a request to resolve may continue a resolution already begun: the same target (a
 * retried creation, or the problem's id, also of the problem the creation chose).
 */
export function continuesResolution(
  begun: { canonicalProblemId: string; creates: boolean },
  request: { canonicalProblemId?: string; creates: boolean },
): boolean {
  if (request.creates) return begun.creates;
  return request.canonicalProblemId === begun.canonicalProblemId;
}
