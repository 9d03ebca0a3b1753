import { Injectable } from '@nestjs/common';
import type { UserDataContributor } from '@prepmate/messaging';
import { AggregateStore } from './aggregates/aggregate-store';
import { AttemptStore } from './attempts/attempt-store';

/** Everything aggregation holds about a user. */
@Injectable()
export class AggregationUserData {
  constructor(
    private readonly attempts: AttemptStore,
    private readonly aggregates: AggregateStore,
  ) {}

  get contributors(): UserDataContributor[] {
    return [
      {
        name: 'attempts',
        exportUser: (userId) => this.attempts.exportUser(userId),
        deleteUser: (userId) => this.attempts.deleteUser(userId),
      },
      {
        name: 'topicStats',
        exportUser: (userId) => this.aggregates.exportUser(userId),
        deleteUser: (userId) => this.aggregates.deleteUser(userId),
      },
    ];
  }
}
