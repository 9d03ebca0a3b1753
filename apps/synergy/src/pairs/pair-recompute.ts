import { Inject, Injectable } from '@nestjs/common';
import { createEvent, withPendingEvents } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { consistencyWindowStart, interactionDays, utcDay } from '../domain/interaction-days';
import { masteryVector } from '../domain/learner-profile';
import type { PairKey } from '../domain/pair-key';
import {
  chatUnlocked,
  consistencyFactor,
  levelProximity,
  mutualScratchWeight,
  synergyScore,
  topicSimilarity,
} from '../domain/synergy-score';
import { LearnerProfileStore } from '../profiles/learner-profile.store';
import { ScratchStateStore } from '../scratches/scratch-state.store';
import { SynergyConfig } from '../synergy.config';
import { PairStore } from './pair.store';

/** Writers racing on one pair (a job taken over from a replica thought dead) retry this often. */
const MAX_ATTEMPTS = 5;

export interface PairOutcome {
  score: number;
  chatUnlocked: boolean;
  unlockedNow: boolean;
}

/**
 * One pair's recompute: reads the pair's inputs from what is stored (both learners' levels and
 * mastery vectors, distinct posts scratched each way, the pair's interaction days), scores it, and stores
 * the score with a version compare. The write that first sets `chatUnlocked` carries
 * `synergy.chat_unlocked` (outbox), so the event is published exactly once per pair.
 */
@Injectable()
export class PairRecompute {
  private readonly log: Logger;

  constructor(
    private readonly pairs: PairStore,
    private readonly profiles: LearnerProfileStore,
    private readonly states: ScratchStateStore,
    private readonly config: SynergyConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'pair-recompute' });
  }

  async run(key: PairKey): Promise<PairOutcome | null> {
    const started = Date.now();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const pair = await this.pairs.get(key.id);
      if (!pair) {
        // A scratch that died between inserting its day and the pair: the days tell the two
        // interacted, so the pair is created now. Without days a learner was deleted.
        if ((await this.pairs.daysSince(key.id, '')).length === 0) return null;
        await this.pairs.create(key);
        continue;
      }
      const now = new Date();
      const firstDay = utcDay(consistencyWindowStart(now));
      const [profileA, profileB, aToB, bToA, scratchDays] = await Promise.all([
        this.profiles.get(key.userA),
        this.profiles.get(key.userB),
        this.states.distinctPostsOf(key.userA, key.userB),
        this.states.distinctPostsOf(key.userB, key.userA),
        this.pairs.daysSince(key.id, firstDay),
      ]);
      this.failpoint();
      const days = interactionDays(scratchDays, now);
      const components = {
        mutualScratchWeight: mutualScratchWeight(aToB, bToA),
        levelProximityScore: levelProximity(profileA.level, profileB.level),
        topicSimilarityScore: topicSimilarity(
          masteryVector(profileA.topics),
          masteryVector(profileB.topics),
        ),
        consistencyFactor: consistencyFactor(days),
      };
      const score = synergyScore(components);
      const unlocked = chatUnlocked(pair.chatUnlocked, score);
      const unlockedNow = unlocked && !pair.chatUnlocked;
      const update = {
        $set: {
          aToB,
          bToA,
          interactionDays: days,
          ...components,
          score,
          chatUnlocked: unlocked,
          unlockedAt: unlockedNow ? now : pair.unlockedAt,
          calculatedAt: now,
        },
        $inc: { version: 1 },
      };
      const written = await this.pairs.updateAtVersion(
        key.id,
        pair.version,
        unlockedNow
          ? withPendingEvents(
              update,
              createEvent(
                'synergy.chat_unlocked',
                { userA: key.userA, userB: key.userB, score, unlockedAt: now.toISOString() },
                'synergy',
              ),
            )
          : update,
      );
      if (!written) continue;
      await this.pairs.pruneDays(key.id, firstDay);
      if (unlockedNow) await this.pairs.relayOrLeave(key.id);
      this.log.info(
        {
          pairId: key.id,
          score,
          aToB,
          bToA,
          interactionDays: days,
          unlockedNow,
          durationMs: Date.now() - started,
        },
        'pair recomputed',
      );
      return { score, chatUnlocked: unlocked, unlockedNow };
    }
    throw new Error(`pair ${key.id} kept changing while it was recomputed`);
  }

  /** The crash test's kill switch (never in production; see SynergyConfig). */
  private failpoint(): void {
    if (
      this.config.SYNERGY_FAILPOINT === 'kill-in-pair-job' &&
      this.config.NODE_ENV !== 'production'
    ) {
      this.log.warn('failpoint: killing the process in the middle of a pair job');
      process.kill(process.pid, 'SIGKILL');
    }
  }
}
