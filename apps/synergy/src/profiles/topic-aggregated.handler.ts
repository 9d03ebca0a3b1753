import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { ProfilesService } from './profiles.service';

/** `topic.aggregated` → the learner's level and mastery vector → their pairs' recompute. */
@Controller()
export class TopicAggregatedHandler {
  constructor(private readonly profiles: ProfilesService) {}

  @EventPattern('topic.aggregated')
  async onAggregated(@Payload() event: EventEnvelope<'topic.aggregated'>): Promise<void> {
    await this.profiles.onTopicAggregated(event.payload);
  }
}
