/** MongoDB's (and FerretDB's) error code for a write that would break a unique index. */
export const DUPLICATE_KEY_CODE = 11000;

/**
 * A write refused only because a document with that unique key exists: the expected outcome
 * of a race with another replica or of a redelivery, which each caller turns into its answer
 * (false, a retry, a 409), never an error to report.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === DUPLICATE_KEY_CODE
  );
}
