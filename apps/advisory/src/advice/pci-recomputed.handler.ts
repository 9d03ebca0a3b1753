import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { AdviceQueue } from '../jobs/advice-queue';

/** `pci.recomputed` → the user's advice is refreshed once their PCI has settled (debounced job). */
@Controller()
export class PciRecomputedHandler {
  constructor(private readonly queue: AdviceQueue) {}

  @EventPattern('pci.recomputed')
  async onPciRecomputed(@Payload() event: EventEnvelope<'pci.recomputed'>): Promise<void> {
    const { userId, roadmapId, computedAt } = event.payload;
    await this.queue.schedule({
      userId,
      roadmapId,
      trigger: 'pci.recomputed',
      requestedAt: computedAt,
    });
  }
}
