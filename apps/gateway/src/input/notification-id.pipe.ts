import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AppError } from '@prepmate/platform';

/**
 * A notification id: `<event id>:<user id>`, two UUIDs (docs/product.md, "Notifications").
 * Anything else is 400 VALIDATION_FAILED naming the parameter, before any service is asked.
 */
@Injectable()
export class NotificationIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    const parts = value.split(':');
    if (parts.length === 2 && parts.every((part) => isUUID(part))) return value;
    const field = metadata.data ?? 'id';
    throw AppError.validation([{ field, message: `${field} is not a notification id` }]);
  }
}
