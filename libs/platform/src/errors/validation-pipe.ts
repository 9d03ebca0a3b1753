import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorDetail } from '@prepmate/contracts';
import { AppError } from './app-error';

/** `topics[2].layer`: array items by index in brackets, object fields after a dot. */
function path(prefix: string, property: string): string {
  if (!prefix) return property;
  return /^\d+$/.test(property) ? `${prefix}[${property}]` : `${prefix}.${property}`;
}

/** class-validator's error tree as one detail per failed constraint, each with its field path. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = path(prefix, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Whitelist, forbid unknown fields, transform; failures become VALIDATION_FAILED with details. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => AppError.validation(flattenValidationErrors(errors)),
  });
}
