import type { Platform } from '@prepmate/contracts';

/**
 * How long a consumer may take between inserting a platform problem's mapping and writing its
 * canonical problem. It takes milliseconds; a mapping this old whose problem is still missing
 * (or lacks the platform) was left by a consumer that died in between.
 */
export const MAPPING_SETTLE_MS = 20_000;

/**
 * What to do about a mapping another consumer inserted first:
 * - `complete`: its canonical problem lists the platform problem; reuse the mapping;
 * - `wait`: it does not yet, but the other consumer may still be writing it (retry later);
 * - `create-problem` / `add-platform`: the other consumer died before writing the problem, or
 *   before adding the platform to an existing one; finish its work.
 */
export type TheirMappingAction = 'complete' | 'wait' | 'create-problem' | 'add-platform';

export function settleTheirMapping(input: {
  platform: Platform;
  platformProblemId: string;
  mappingAgeMs: number;
  /** The canonical problem the mapping points to, or null when it does not exist. */
  problem: {
    platforms: ReadonlyArray<{ platform: Platform; platformProblemId: string }>;
  } | null;
}): TheirMappingAction {
  const listed = input.problem?.platforms.some(
    (entry) =>
      entry.platform === input.platform && entry.platformProblemId === input.platformProblemId,
  );
  if (listed) return 'complete';
  if (input.mappingAgeMs < MAPPING_SETTLE_MS) return 'wait';
  return input.problem ? 'add-platform' : 'create-problem';
}
