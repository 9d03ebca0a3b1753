import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { TaskSubmissionIntake } from './submission-intake';

/** `submission.normalized` → the user's tasks waiting for that problem (batched lookups). */
@Controller()
export class SubmissionNormalizedHandler {
  constructor(private readonly intake: TaskSubmissionIntake) {}

  @EventPattern('submission.normalized')
  async onNormalized(@Payload() event: EventEnvelope<'submission.normalized'>): Promise<void> {
    await this.intake.take(event.payload);
  }
}
