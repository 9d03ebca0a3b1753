import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { UserTombstones } from '@prepmate/messaging';
import { VerifiedTasksStore } from './verified-tasks.store';

/** `task.completed` → the learner's verified tasks per topic, shown beside PCI. */
@Controller()
export class TaskCompletedHandler {
  constructor(
    private readonly verified: VerifiedTasksStore,
    private readonly tombstones: UserTombstones,
  ) {}

  @EventPattern('task.completed')
  async onCompleted(@Payload() event: EventEnvelope<'task.completed'>): Promise<void> {
    // A deleted user's late event must not recreate their counts.
    if (await this.tombstones.isDeleted(event.payload.userId)) return;
    await this.verified.count(event.payload);
    await this.tombstones.eraseIfDeleted([event.payload.userId]);
  }
}
