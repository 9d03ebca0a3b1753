import { Inject, Injectable } from '@nestjs/common';
import { UserTombstones } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { AggregationConfig } from '../aggregation.config';
import { Engagement } from './engagement';
import { LearnerProfileStore } from './learner-profile.store';

/**
 * One run of the reminder checks (the `engage-checks` job scheduler, re-asserted by the
 * pending sweep): the learners whose `nextCheckAt` has come, through its index — never a
 * scan of every learner — each checked once and moved to its next check.
 */
@Injectable()
export class ReminderChecks {
  private readonly log: Logger;

  constructor(
    private readonly profiles: LearnerProfileStore,
    private readonly engagement: Engagement,
    private readonly tombstones: UserTombstones,
    private readonly config: AggregationConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'reminder-checks' });
  }

  async runDue(now = Date.now()): Promise<{ checked: number; events: number }> {
    const due = await this.profiles.dueForCheck(new Date(now), this.config.ENGAGE_CHECK_BATCH);
    let events = 0;
    for (const userId of due) {
      if (await this.tombstones.isDeleted(userId)) {
        await this.tombstones.eraseIfDeleted([userId]);
        continue;
      }
      try {
        events += (await this.engagement.check(userId, now)).length;
      } catch (error) {
        this.log.warn(
          { userId, err: (error as Error).message },
          'reminder check failed; next run retries',
        );
      }
    }
    if (due.length > 0) this.log.info({ checked: due.length, events }, 'reminder checks ran');
    return { checked: due.length, events };
  }
}
