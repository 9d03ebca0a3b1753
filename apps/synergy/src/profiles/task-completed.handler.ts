import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { ProfilesService } from './profiles.service';

/** `task.completed` → the learner's level (task points) → their pairs' recompute. */
@Controller()
export class TaskCompletedHandler {
  constructor(private readonly profiles: ProfilesService) {}

  @EventPattern('task.completed')
  async onCompleted(@Payload() event: EventEnvelope<'task.completed'>): Promise<void> {
    await this.profiles.onTaskCompleted(event.payload);
  }
}
