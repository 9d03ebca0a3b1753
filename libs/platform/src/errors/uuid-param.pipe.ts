import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AppError } from './app-error';

/**
 * A path parameter that must be a UUID. Unlike Nest's ParseUUIDPipe it fails in the one
 * validation shape (400 VALIDATION_FAILED naming the parameter), like every other bad input.
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    throw AppError.validation([{ field, message: `${field} must be a UUID` }]);
  }
}
