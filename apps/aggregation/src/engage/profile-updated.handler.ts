import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { UserTombstones } from '@prepmate/messaging';
import { Engagement } from './engagement';

/** `user.profile_updated`: the learner's time zone and target date, kept in their profile. */
@Controller()
export class ProfileUpdatedHandler {
  constructor(
    private readonly engagement: Engagement,
    private readonly tombstones: UserTombstones,
  ) {}

  @EventPattern('user.profile_updated')
  async onProfileUpdated(@Payload() event: EventEnvelope<'user.profile_updated'>): Promise<void> {
    if (await this.tombstones.isDeleted(event.payload.userId)) return;
    await this.engagement.applyProfile(event.payload);
    await this.tombstones.eraseIfDeleted([event.payload.userId]);
  }
}
