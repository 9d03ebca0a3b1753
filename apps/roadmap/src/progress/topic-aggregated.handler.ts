import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { ProgressService } from './progress.service';

/** `topic.aggregated` → mastery projection → PCI of the user's roadmaps holding a changed topic. */
@Controller()
export class TopicAggregatedHandler {
  constructor(private readonly progress: ProgressService) {}

  @EventPattern('topic.aggregated')
  async onAggregated(@Payload() event: EventEnvelope<'topic.aggregated'>): Promise<void> {
    await this.progress.onTopicAggregated(event.payload);
  }
}
