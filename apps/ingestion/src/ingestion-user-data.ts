import { Injectable } from '@nestjs/common';
import type { UserDataContributor } from '@prepmate/messaging';
import { IntegrationsService } from './integrations/integrations.service';
import { SubmissionStore } from './submissions/submission.store';
import { SyncFailureAlertStore } from './sync/sync-failure-alert.store';
import { SyncLogStore } from './sync/sync-log.store';
import { SyncStateStore, toSyncStateResponse } from './sync/sync-state.store';

/** Everything ingestion holds about a user, one export part per kind of record. */
@Injectable()
export class IngestionUserData {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly submissions: SubmissionStore,
    private readonly states: SyncStateStore,
    private readonly logs: SyncLogStore,
    private readonly alerts: SyncFailureAlertStore,
  ) {}

  get contributors(): UserDataContributor[] {
    return [
      {
        name: 'integrations',
        exportUser: (userId) => this.integrations.exportUser(userId),
        deleteUser: (userId) => this.integrations.deleteUser(userId),
      },
      {
        name: 'syncStates',
        exportUser: async (userId) =>
          (await this.states.listForUser(userId)).map((state) => toSyncStateResponse(state)),
        deleteUser: (userId) => this.states.deleteUser(userId),
      },
      {
        name: 'syncLogs',
        exportUser: (userId) => this.logs.exportUser(userId),
        deleteUser: (userId) => this.logs.deleteUser(userId),
      },
      {
        name: 'syncFailureAlerts',
        exportUser: (userId) => this.alerts.exportUser(userId),
        deleteUser: (userId) => this.alerts.deleteUser(userId),
      },
      {
        name: 'submissions',
        exportUser: (userId) => this.submissions.exportUser(userId),
        deleteUser: (userId) => this.submissions.deleteUser(userId),
      },
    ];
  }
}
