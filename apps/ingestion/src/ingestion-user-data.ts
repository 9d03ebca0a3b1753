import { Injectable } from '@nestjs/common';
import type { UserDataContributor } from '@prepmate/messaging';
import { IntegrationsService } from './integrations/integrations.service';
import { SubmissionsRepository } from './submissions/submissions.repository';
import { SyncFailureAlerts } from './sync/sync-failure-alerts';
import { SyncLogsRepository } from './sync/sync-logs.repository';
import { SyncStatesRepository, toSyncStateResponse } from './sync/sync-states.repository';

/** Everything ingestion holds about a user, one export part per kind of record. */
@Injectable()
export class IngestionUserData {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly submissions: SubmissionsRepository,
    private readonly states: SyncStatesRepository,
    private readonly logs: SyncLogsRepository,
    private readonly alerts: SyncFailureAlerts,
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
