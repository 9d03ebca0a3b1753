import type { ServiceName } from '../services';
import type { EventType } from './event-map';

/**
 * Which service publishes each event. Adding an event to `EventPayloads` without naming its
 * producer here does not compile; `docs/events.md` is generated from this table, the payload
 * types and `EVENT_SUBSCRIPTIONS` (`npm run docs`).
 */
export const EVENT_PRODUCERS: { [T in EventType]: ServiceName } = {
  'user.registered': 'auth',
  'user.deleted': 'auth',
  'user.profile_updated': 'auth',
  'submission.ingested': 'ingestion',
  'submission.normalized': 'normalization',
  'problem.normalization_failed': 'normalization',
  'topic.aggregated': 'aggregation',
  'pci.recomputed': 'roadmap',
  'synergy.chat_unlocked': 'synergy',
  'audit.recorded': 'gateway',
  'chat.message_sent': 'synergy',
  'task.completed': 'roadmap',
  'task.failed': 'roadmap',
  'sync.failing': 'ingestion',
  'goal.reached': 'aggregation',
  'goal.at_risk': 'aggregation',
  'streak.at_risk': 'aggregation',
  'revisions.due': 'aggregation',
  'notification.created': 'auth',
};
