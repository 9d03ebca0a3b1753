import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { AttemptIntake } from './attempt-intake';

/**
 * `submission.normalized`: the attempt is handed to the intake, which stores the deliveries
 * in flight together and schedules their users' aggregation; the message is acknowledged
 * after both.
 */
@Controller()
export class SubmissionNormalizedHandler {
  constructor(private readonly intake: AttemptIntake) {}

  @EventPattern('submission.normalized')
  async onNormalized(@Payload() event: EventEnvelope<'submission.normalized'>): Promise<void> {
    await this.intake.take(event.payload);
  }
}
