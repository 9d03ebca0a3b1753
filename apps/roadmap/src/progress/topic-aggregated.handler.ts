import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { UserTombstones } from '@prepmate/messaging';
import { ProgressService } from './progress.service';

/** `topic.aggregated` → mastery projection → PCI of the user's roadmaps holding a changed topic. */
@Controller()
export class TopicAggregatedHandler {
  constructor(
    private readonly progress: ProgressService,
    private readonly tombstones: UserTombstones,
  ) {}

  @EventPattern('topic.aggregated')
  async onAggregated(@Payload() event: EventEnvelope<'topic.aggregated'>): Promise<void> {
    // A deleted user's late event must not recreate their mastery snapshot or progress.
    if (await this.tombstones.isDeleted(event.payload.userId)) return;
    await this.progress.onTopicAggregated(event.payload);
    await this.tombstones.eraseIfDeleted([event.payload.userId]);
  }
}
