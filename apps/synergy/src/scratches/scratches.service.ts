import { Injectable } from '@nestjs/common';
import type { RpcCaller, ScratchRequest, ScratchResponse } from '@prepmate/contracts';
import { UserTombstones } from '@prepmate/messaging';
import { AppError } from '@prepmate/platform';
import { v7 as uuidv7 } from 'uuid';
import { utcDay } from '../domain/interaction-days';
import { isRevealed } from '../domain/scratch-coverage';
import { HourlyLimiter } from '../limits/hourly-limiter';
import { PairQueue } from '../pairs/pair-queue';
import { PairStore } from '../pairs/pair.store';
import { PostsService } from '../posts/posts.service';
import type { ScratchEventDocument } from './scratch.schema';
import { ScratchEventStore } from './scratch-event.store';
import { ScratchStateStore } from './scratch-state.store';

/** Scratching a masked post (docs/synergy.md, "Scratch"). */
@Injectable()
export class ScratchesService {
  constructor(
    private readonly events: ScratchEventStore,
    private readonly states: ScratchStateStore,
    private readonly posts: PostsService,
    private readonly pairs: PairStore,
    private readonly queue: PairQueue,
    private readonly limiter: HourlyLimiter,
    private readonly tombstones: UserTombstones,
  ) {}

  /**
   * Checks, then records the interaction day on the pair (creating it at the first scratch)
   * and schedules the pair's recompute, then stores the scratch: the job waits the debounce
   * window, so it reads what this request stores; a process dying after the schedule leaves a
   * job that finds the pair as it was (nothing lost, nothing counted twice).
   */
  async scratch(
    caller: RpcCaller,
    postId: string,
    request: ScratchRequest,
  ): Promise<ScratchResponse> {
    const post = await this.posts.find(postId);
    if (post.authorId === caller.userId)
      throw new AppError('BAD_REQUEST', 'one cannot scratch one’s own post', { field: 'postId' });
    await this.tombstones.assertActive(caller.userId);
    await this.limiter.scratches(caller.userId);
    const at = new Date();
    const pair = await this.pairs.touch(caller.userId, post.authorId, utcDay(at));
    await this.queue.schedule(pair);
    const event: ScratchEventDocument = {
      _id: uuidv7(),
      scratcherId: caller.userId,
      postId,
      authorId: post.authorId,
      at,
      day: utcDay(at),
      coverage: request.coverage,
      points: request.points.map(({ x, y }) => ({ x, y })),
    };
    const [, coverage] = await Promise.all([
      this.events.insert(event),
      this.states.raise(caller.userId, postId, post.authorId, request.coverage, at),
    ]);
    // Either learner deleted meanwhile: what was just stored about them goes again
    // (the pair, the scratch, the scratch record; docs/security.md).
    await this.tombstones.eraseIfDeleted([caller.userId, post.authorId]);
    await this.tombstones.assertActive(caller.userId);
    return { revealed: isRevealed(coverage), coverage };
  }
}
