import { Injectable } from '@nestjs/common';
import type {
  Page,
  RpcCaller,
  SynergyPairResponse,
  SynergySuggestionResponse,
} from '@prepmate/contracts';
import { AppError, encodeKeysetCursor, keysetPage } from '@prepmate/platform';
import { listPosition, SCORE_CURSOR } from '../list-cursors';
import { masteryVector } from '../domain/learner-profile';
import { levelBucket } from '../domain/level';
import { pairKey, partnerOf } from '../domain/pair-key';
import { bucketsByDistance, rankSuggestions, type Learner } from '../domain/suggestions';
import { LearnerProfileStore } from '../profiles/learner-profile.store';
import type { PairDocument } from './pair.schema';
import { PairStore } from './pair.store';

/** Suggestions shown at most. */
const SUGGESTIONS = 10;
/** Learners read per level bucket, and in all, to rank suggestions from (O(shown), not O(users)). */
const CANDIDATES_PER_BUCKET = 50;
const CANDIDATES = 100;

/** Reads of the synergy scores (docs/synergy.md, "Reading synergy"). */
@Injectable()
export class SynergyService {
  constructor(
    private readonly pairs: PairStore,
    private readonly profiles: LearnerProfileStore,
  ) {}

  /** My pairs by score, highest first (ties by pair id). */
  async list(
    caller: RpcCaller,
    query: { limit: number; cursor?: string },
  ): Promise<Page<SynergyPairResponse>> {
    const me = caller.userId;
    const after = listPosition(query.cursor, SCORE_CURSOR);
    const docs = await this.pairs.pageOfUser(me, after, query.limit);
    const page = keysetPage(docs, query.limit, (last) =>
      encodeKeysetCursor({ key: last.score, id: last._id }, SCORE_CURSOR),
    );
    return { items: page.items.map((pair) => view(pair, me)), nextCursor: page.nextCursor };
  }

  /** My pair with one learner, with the four components; 404 before any interaction. */
  async get(caller: RpcCaller, userId: string): Promise<SynergyPairResponse> {
    if (userId === caller.userId)
      throw new AppError('BAD_REQUEST', 'synergy is between two different learners', {
        field: 'userId',
      });
    const pair = await this.pairs.get(pairKey(caller.userId, userId).id);
    if (!pair) throw new AppError('NOT_FOUND', 'no interaction with this learner yet');
    return view(pair, caller.userId);
  }

  /**
   * Up to 10 learners I have not interacted with, ranked by level proximity and topic
   * similarity. Reads at most 100 profiles, from my level bucket outwards, and my pairs.
   */
  async suggestions(caller: RpcCaller): Promise<{ items: SynergySuggestionResponse[] }> {
    const [me, partners] = await Promise.all([
      this.profiles.get(caller.userId),
      this.pairs.keysOf(caller.userId),
    ]);
    const excluded = new Set(partners.map((pair) => partnerOf(pair, caller.userId)));
    const candidates: Learner[] = [];
    for (const bucket of bucketsByDistance(levelBucket(me.level))) {
      if (candidates.length >= CANDIDATES) break;
      const learners = await this.profiles.inBucket(bucket, CANDIDATES_PER_BUCKET);
      for (const learner of learners)
        if (learner.userId !== caller.userId && !excluded.has(learner.userId))
          candidates.push({
            userId: learner.userId,
            level: learner.level,
            masteries: masteryVector(learner.topics),
          });
    }
    const items = rankSuggestions(
      { userId: me.userId, level: me.level, masteries: masteryVector(me.topics) },
      candidates,
      excluded,
      SUGGESTIONS,
    );
    return { items };
  }
}

function view(pair: PairDocument, me: string): SynergyPairResponse {
  const iAmA = pair.userA === me;
  return {
    userId: partnerOf(pair, me),
    score: pair.score,
    mutualScratchWeight: pair.mutualScratchWeight,
    levelProximityScore: pair.levelProximityScore,
    topicSimilarityScore: pair.topicSimilarityScore,
    consistencyFactor: pair.consistencyFactor,
    scratchedByMe: iAmA ? pair.aToB : pair.bToA,
    scratchedByThem: iAmA ? pair.bToA : pair.aToB,
    interactionDays: pair.interactionDays,
    chatUnlocked: pair.chatUnlocked,
    unlockedAt: pair.unlockedAt ? new Date(pair.unlockedAt).toISOString() : null,
    calculatedAt: pair.calculatedAt ? new Date(pair.calculatedAt).toISOString() : null,
  };
}
