import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { UserTombstones } from '@prepmate/messaging';
import { Engagement } from './engagement';

/**
 * `task.completed`: the day the task was verified counts for the streak, its estimated
 * minutes for the week's minutes goals (a redelivery sets the same task's minutes again).
 */
@Controller()
export class TaskCompletedHandler {
  constructor(
    private readonly engagement: Engagement,
    private readonly tombstones: UserTombstones,
  ) {}

  @EventPattern('task.completed')
  async onTaskCompleted(@Payload() event: EventEnvelope<'task.completed'>): Promise<void> {
    if (await this.tombstones.isDeleted(event.payload.userId)) return;
    await this.engagement.recordTask(event.payload);
    await this.tombstones.eraseIfDeleted([event.payload.userId]);
  }
}
