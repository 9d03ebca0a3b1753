import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { AuditEventStore } from './audit-event.store';

/** `audit.recorded`: an admin action the gateway forwarded to another service, logged here. */
@Controller()
export class AuditRecordedHandler {
  constructor(private readonly audit: AuditEventStore) {}

  @EventPattern('audit.recorded')
  async onAuditRecorded(@Payload() event: EventEnvelope<'audit.recorded'>): Promise<void> {
    const { actorId, action, path, status } = event.payload;
    await this.audit.record({
      id: event.eventId,
      at: new Date(event.occurredAt),
      type: 'admin.action',
      actorId,
      details: { action, path, status },
    });
  }
}
