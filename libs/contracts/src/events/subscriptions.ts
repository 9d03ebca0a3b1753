import type { ServiceName } from '../services';
import type { EventType } from './event-map';

/**
 * Which service consumes which events, in one place. The messaging topology declares one
 * queue `<service>.<event type>` per entry, and a service's transport refuses to start when
 * its `@EventPattern` handlers and this table disagree. An entry is added together with its
 * handler; docs/product.md lists where the system is going:
 * ingestion ← user.deleted; normalization ← submission.ingested, user.deleted;
 * aggregation ← submission.normalized, user.deleted, user.profile_updated, task.completed;
 * roadmap ← topic.aggregated, submission.normalized (tasks waiting for a sync), task.completed
 * (verified tasks per topic beside PCI), user.deleted;
 * synergy ← topic.aggregated, pci.recomputed, task.completed (task points), user.deleted;
 * advisory ← pci.recomputed, task.completed (reflection drafts), user.deleted; auth ←
 * audit.recorded (admin actions the gateway saw, for the audit log) and the daily loop's
 * task.*, goal.*, streak.at_risk, revisions.due, sync.failing and synergy.chat_unlocked (each
 * becomes a notification). The gateway's live streams are not subscriptions:
 * each replica binds a private queue to LIVE_EVENT_TYPES (synergy.events.ts).
 */
export const EVENT_SUBSCRIPTIONS: Record<ServiceName, readonly EventType[]> = {
  gateway: [],
  auth: [
    'audit.recorded',
    'task.completed',
    'task.failed',
    'synergy.chat_unlocked',
    'sync.failing',
    'goal.reached',
    'goal.at_risk',
    'streak.at_risk',
    'revisions.due',
  ],
  ingestion: ['user.deleted'],
  normalization: ['submission.ingested', 'user.deleted'],
  aggregation: ['submission.normalized', 'user.deleted', 'user.profile_updated', 'task.completed'],
  roadmap: ['topic.aggregated', 'submission.normalized', 'task.completed', 'user.deleted'],
  synergy: ['topic.aggregated', 'task.completed', 'user.deleted'],
  advisory: ['pci.recomputed', 'task.completed', 'user.deleted'],
};
