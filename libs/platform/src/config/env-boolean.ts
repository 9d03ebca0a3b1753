import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

const TRUE_WORDS = new Set(['true', '1']);
const FALSE_WORDS = new Set(['false', '0']);

/**
 * An environment value as a boolean: exactly `true`/`1` or `false`/`0` (any case, trimmed).
 * Anything else is returned unchanged, so the validator names the variable instead of
 * guessing (`Boolean('false')` is true, which once turned TRUST_PROXY on).
 */
export function parseEnvBoolean(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return value;
}

/** The one way a config class declares a boolean setting: strict parsing, then validation. */
export function EnvBoolean(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => parseEnvBoolean(value)),
    IsBoolean({ message: 'must be true or false (or 1 or 0)' }),
  ) as PropertyDecorator;
}
