import { RecordError } from './import-record';

/** Small readers for untrusted JSON: each throws a RecordError naming the field. */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, field: string): Record<string, unknown> {
  if (!isObject(value)) throw new RecordError(field, 'must be an object');
  return value;
}

export function requiredString(value: unknown, field: string, max = 200): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '')
    throw new RecordError(field, 'must be a non-empty string');
  if (value.length > max) throw new RecordError(field, `must be at most ${max} characters`);
  return value.trim();
}

export function optionalString(value: unknown, field: string, max = 300): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new RecordError(field, 'must be a string');
  if (value.length > max) throw new RecordError(field, `must be at most ${max} characters`);
  return value.trim();
}

export function optionalNumber(
  value: unknown,
  field: string,
  { min = 0, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {},
): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new RecordError(field, 'must be a number');
  if (value < min || value > max) throw new RecordError(field, `must be between ${min} and ${max}`);
  return value;
}

export function stringList(value: unknown, field: string, maxItems = 50): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new RecordError(field, 'must be an array of strings');
  if (value.length > maxItems) throw new RecordError(field, `must have at most ${maxItems} items`);
  return value.map((item, i) => requiredString(item, `${field}[${i}]`, 100));
}

const EARLIEST = Date.UTC(2000, 0, 1);
/** Clock skew tolerated for "now" (a client's clock may run a little ahead). */
const FUTURE_SKEW_MS = 24 * 3600 * 1000;

export function pastDate(value: Date, field: string, now = Date.now()): Date {
  const time = value.getTime();
  if (Number.isNaN(time)) throw new RecordError(field, 'must be an ISO 8601 date-time');
  if (time < EARLIEST || time > now + FUTURE_SKEW_MS)
    throw new RecordError(field, 'must be a date between 2000 and now');
  return value;
}

export function isoDate(value: unknown, field: string): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value))
    throw new RecordError(field, 'must be an ISO 8601 date-time');
  return pastDate(new Date(value), field);
}

export function epochSeconds(value: unknown, field: string): Date {
  const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds <= 0)
    throw new RecordError(field, 'must be a Unix time in seconds');
  return pastDate(new Date(seconds * 1000), field);
}
