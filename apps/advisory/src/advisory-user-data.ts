import { Injectable } from '@nestjs/common';
import type { UserDataContributor } from '@prepmate/messaging';
import { AdviceStore } from './advice/advice.store';
import { TokenBudget } from './budget/token-budget';
import { InferenceLogStore } from './inference/inference-log.store';
import { ReflectionDraftStore } from './reflections/reflection-draft.store';

/**
 * Everything advisory holds about a user: inference logs, the latest advice, today's token
 * usage, reflection drafts of verified tasks. The `user.delete` RPC and `user.deleted` write the user's tombstone (UserTombstones)
 * before calling these, so nothing is written for them afterwards.
 */
@Injectable()
export class AdvisoryUserData {
  constructor(
    private readonly logs: InferenceLogStore,
    private readonly advice: AdviceStore,
    private readonly budget: TokenBudget,
    private readonly drafts: ReflectionDraftStore,
  ) {}

  get contributors(): UserDataContributor[] {
    return [
      {
        name: 'inferenceLogs',
        exportUser: (userId) => this.logs.exportUser(userId),
        deleteUser: (userId) => this.logs.deleteUser(userId),
      },
      {
        name: 'advice',
        exportUser: (userId) => this.advice.exportUser(userId),
        deleteUser: (userId) => this.advice.deleteUser(userId),
      },
      {
        name: 'tokenUsage',
        exportUser: (userId) => this.budget.exportUser(userId),
        deleteUser: (userId) => this.budget.deleteUser(userId),
      },
      {
        name: 'reflectionDrafts',
        exportUser: (userId) => this.drafts.exportUser(userId),
        deleteUser: (userId) => this.drafts.deleteUser(userId),
      },
    ];
  }
}
