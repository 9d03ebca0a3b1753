import { Inject, Injectable } from '@nestjs/common';
import { RPC_PATTERNS } from '@prepmate/contracts';
import { RpcClient } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import type { RoadmapPciScore } from './readiness-now';

/** Roadmaps read per learner, at most (pages of 100), as GET /me/readiness reads them. */
const PAGES = 5;
const PAGE_SIZE = 100;
/** Time limit of one page: the reminder checks of a batch run one learner after another. */
const TIMEOUT_MS = 5_000;
/** After roadmap did not answer, the checks skip asking it for this long. */
const PAUSE_AFTER_FAILURE_MS = 60_000;

/**
 * The PCI of a learner's owned and followed roadmaps, asked of roadmap (`roadmap.all_pci`)
 * for the morning check's readiness sample. When roadmap cannot be reached the answer is
 * null (that day has no sample from the check; docs/product.md#readiness), and for a minute
 * the next learners' checks do not wait on it.
 */
@Injectable()
export class RoadmapPci {
  private readonly log: Logger;
  private pausedUntil = 0;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'roadmap-pci' });
  }

  async of(userId: string): Promise<RoadmapPciScore[] | null> {
    if (Date.now() < this.pausedUntil) return null;
    const roadmaps: RoadmapPciScore[] = [];
    let cursor: string | undefined;
    try {
      for (let page = 0; page < PAGES; page += 1) {
        const pci = await this.rpc.call(
          RPC_PATTERNS.roadmapsAllPci,
          { limit: PAGE_SIZE, cursor },
          { caller: { userId, role: 'student' }, timeoutMs: TIMEOUT_MS },
        );
        roadmaps.push(
          ...pci.items.map((item) => ({ roadmapId: item.roadmapId, pciScore: item.pciScore })),
        );
        if (!pci.nextCursor) break;
        cursor = pci.nextCursor;
      }
      return roadmaps;
    } catch (error) {
      this.pausedUntil = Date.now() + PAUSE_AFTER_FAILURE_MS;
      this.log.warn(
        { userId, err: (error as Error).message },
        'roadmap PCI unavailable; no readiness sample from this check',
      );
      return null;
    }
  }
}
