import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { UserTombstones } from '@prepmate/messaging';
import { TaskVerifier } from './task-verifier';

/** `submission.normalized` → the user's tasks waiting for that problem (one `_id` lookup). */
@Controller()
export class SubmissionNormalizedHandler {
  constructor(
    private readonly verifier: TaskVerifier,
    private readonly tombstones: UserTombstones,
  ) {}

  @EventPattern('submission.normalized')
  async onNormalized(@Payload() event: EventEnvelope<'submission.normalized'>): Promise<void> {
    if (await this.tombstones.isDeleted(event.payload.userId)) return;
    await this.verifier.onSubmission(event.payload);
  }
}
