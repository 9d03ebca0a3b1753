import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '@prepmate/contracts';
import { createEvent, EventPublisher } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { type Observable, tap } from 'rxjs';
import { type AuthenticatedRequest, REQUIRED_ROLES } from '../auth/access.decorators';

const AUDITED_BY_SERVICE = 'prepmate:audited-by-service';

/** An admin route whose service writes its own, richer audit entry (auth's role changes). */
export const AuditedByService = () => SetMetadata(AUDITED_BY_SERVICE, true);

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every admin action through the gateway reaches auth's audit log: after an admin-only
 * route that changes something (not a read) succeeded, an `audit.recorded` event (actor,
 * route, path, status) is published — confirmed by the broker, queued durably for auth.
 * New admin routes are audited without anything to add. A publish that fails is logged;
 * the action itself already happened and its answer is not changed.
 */
@Injectable()
export class AdminAuditInterceptor implements NestInterceptor {
  private readonly log: Logger;

  constructor(
    private readonly reflector: Reflector,
    private readonly publisher: EventPublisher,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'admin-audit' });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(REQUIRED_ROLES, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & Request>();
    if (
      !roles?.includes('admin') ||
      READS.has(request.method) ||
      this.reflector.getAllAndOverride<boolean>(AUDITED_BY_SERVICE, targets)
    ) {
      return next.handle();
    }
    return next.handle().pipe(
      tap(() => {
        const response = context.switchToHttp().getResponse<Response>();
        const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
        const event = createEvent(
          'audit.recorded',
          {
            actorId: request.caller!.userId,
            action: `${request.method} ${route}`,
            path: request.originalUrl.split('?')[0],
            status: response.statusCode,
          },
          'gateway',
        );
        this.publisher
          .publish(event)
          .catch((error: Error) =>
            this.log.error(
              { err: error.message, action: event.payload.action, actorId: event.payload.actorId },
              'admin action not audited: publish failed',
            ),
          );
      }),
    );
  }
}
