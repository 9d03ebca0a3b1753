import { Injectable } from '@nestjs/common';
import type { UserDataContributor } from '@prepmate/messaging';
import { AggregateStore } from './aggregates/aggregate.store';
import { MasteryPopulationStore } from './aggregates/mastery-population.store';
import { AttemptStore } from './attempts/attempt.store';
import { LearnerProfileStore } from './engage/learner-profile.store';

/** Everything aggregation holds about a user. */
@Injectable()
export class AggregationUserData {
  constructor(
    private readonly attempts: AttemptStore,
    private readonly aggregates: AggregateStore,
    private readonly population: MasteryPopulationStore,
    private readonly profiles: LearnerProfileStore,
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
        // The user leaves every topic's percentile population, then the aggregate goes.
        deleteUser: async (userId) =>
          (await this.population.removeUser(userId)) + (await this.aggregates.deleteUser(userId)),
      },
      {
        // Time zone and target date (projected from auth), counted days, streak, goals,
        // readiness samples and reminder state (docs/product.md#goals-and-streaks).
        name: 'learnerProfile',
        exportUser: (userId) => this.profiles.exportUser(userId),
        deleteUser: (userId) => this.profiles.deleteUser(userId),
      },
    ];
  }
}
