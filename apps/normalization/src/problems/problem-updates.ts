import type { ProblemPlatformEntry } from './canonical-problem.schema';
import type { PlatformAddition } from './problem-documents';

/** One guarded update of a canonical problem, as a bulk write takes it. */
export interface ProblemUpdate {
  updateOne: { filter: Record<string, unknown>; update: Record<string, unknown> };
}

/**
 * The guarded updates the catalog writes to canonical problems (bulk operations), built here
 * so that `ProblemCatalog` only decides when to write them.
 */

/** Confirms an unconfirmed problem, giving it the platform's title. */
export function confirmProblemUpdate(
  canonicalId: string,
  { title, normalizedTitle }: { title: string; normalizedTitle: string },
): ProblemUpdate {
  return {
    updateOne: {
      filter: { _id: canonicalId, verified: false },
      update: { $set: { verified: true, title, normalizedTitle } },
    },
  };
}

/**
 * Adds vouchers only while the list has room for all of them (at most `maxVouchers` after the
 * write, whoever else vouched meanwhile; a full list stays as it is): past the bound FerretDB
 * refuses the write (docs/operations.md#catalog-vouchers).
 */
export function vouchUpdate(
  canonicalId: string,
  users: string[],
  maxVouchers: number,
): ProblemUpdate {
  const adding = users.slice(0, maxVouchers);
  const room = maxVouchers - adding.length;
  return {
    updateOne: {
      filter: { _id: canonicalId, [`vouchedBy.${room}`]: { $exists: false } },
      update: { $addToSet: { vouchedBy: { $each: adding } } },
    },
  };
}

/**
 * A platform problem joining a canonical problem: confirming it first when the entry confirms
 * it, then the entry (with its topics and tags when confirmed) unless the problem lists the
 * platform already — so a replayed addition changes nothing (`$nor`: on FerretDB 1.24 a `$ne`
 * on an array field matches when any element differs) — then its vouchers.
 */
export function platformAdditionUpdates(
  addition: PlatformAddition,
  maxVouchers: number,
): ProblemUpdate[] {
  return [
    ...(addition.confirmTitle
      ? [confirmProblemUpdate(addition.canonicalId, addition.confirmTitle)]
      : []),
    {
      updateOne: {
        filter: {
          _id: addition.canonicalId,
          $nor: [{ 'platforms.platform': addition.entry.platform }],
        },
        update:
          addition.entry.verified === false
            ? { $push: { platforms: addition.entry } }
            : {
                $push: { platforms: addition.entry },
                $addToSet: {
                  topics: { $each: addition.topics },
                  normalizedTags: { $each: addition.tags },
                },
              },
      },
    },
    ...(addition.vouchers.length > 0
      ? [vouchUpdate(addition.canonicalId, addition.vouchers, maxVouchers)]
      : []),
  ];
}

/** Confirms the entry `index` of a problem, guarded by its identity (entries never move). */
export function confirmEntryUpdate(
  canonicalId: string,
  index: number,
  entry: Pick<ProblemPlatformEntry, 'platform' | 'platformProblemId'>,
): ProblemUpdate {
  return {
    updateOne: {
      filter: {
        _id: canonicalId,
        [`platforms.${index}.platform`]: entry.platform,
        [`platforms.${index}.platformProblemId`]: entry.platformProblemId,
      },
      update: { $set: { [`platforms.${index}.verified`]: true } },
    },
  };
}
