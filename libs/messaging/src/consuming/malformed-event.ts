/**
 * Thrown by a handler whose event breaks its contract (a field missing or of the wrong kind):
 * no retry can fix it, so the delivery dead-letters it at once instead of walking the retry
 * ladder, and it never joins a batch (docs/reliability.md#poison-messages).
 */
export class MalformedEventError extends Error {
  constructor(readonly faults: readonly string[]) {
    super(`malformed event: ${faults.join('; ')}`);
    this.name = 'MalformedEventError';
  }
}
