import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorDetail } from '@prepmate/contracts';
import { AppError } from './app-error';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
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
    exceptionFactory: (errors) => AppError.validation(flatten(errors)),
  });
}
