import type {
  PciRecomputedPayload,
  SynergyChatUnlockedPayload,
  TopicAggregatedPayload,
} from './progress.events';
import type {
  ProblemNormalizationFailedPayload,
  SubmissionIngestedPayload,
  SubmissionNormalizedPayload,
} from './submission.events';
import type { GoalProgressPayload, RevisionsDuePayload, StreakAtRiskPayload } from './goal.events';
import type { NotificationCreatedPayload } from './notification.events';
import type { SyncFailingPayload } from './sync.events';
import type { ChatMessageSentPayload } from './synergy.events';
import type { TaskCompletedPayload, TaskFailedPayload } from './task.events';
import type {
  AuditRecordedPayload,
  UserDeletedPayload,
  UserProfileUpdatedPayload,
  UserRegisteredPayload,
} from './user.events';

/**
 * Event type → payload. The routing key of an event is its type. Adding an event here
 * without a version below, its subscriptions and its producer (`producers.ts`) does not
 * compile. `docs/events.md` is generated from these types (`npm run docs`).
 */
export interface EventPayloads {
  /** An account was created (auth). Nobody consumes it yet; it is kept for audit and future welcome flows. */
  'user.registered': UserRegisteredPayload;
  /** An account was deleted: every service that holds data of the user deletes it and refuses to recreate it. */
  'user.deleted': UserDeletedPayload;
  /** The learner changed their profile (time zone, target date): aggregation keeps its projection for local days. */
  'user.profile_updated': UserProfileUpdatedPayload;
  /** A submission was stored for the first time (import or sync); compilation errors are not announced. */
  'submission.ingested': SubmissionIngestedPayload;
  /** A submission's problem was matched to its canonical problem: the attempt aggregation counts. */
  'submission.normalized': SubmissionNormalizedPayload;
  /** A submission's problem could not be normalized; it is held until an admin resolves it. */
  'problem.normalization_failed': ProblemNormalizationFailedPayload;
  /** A user's topic statistics changed: one event per aggregation job with every changed topic. */
  'topic.aggregated': TopicAggregatedPayload;
  /** The PCI of one of a user's roadmaps changed. */
  'pci.recomputed': PciRecomputedPayload;
  /** A pair's synergy score reached the unlock threshold: published once per pair, ever. */
  'synergy.chat_unlocked': SynergyChatUnlockedPayload;
  /** An admin changed something through the gateway (another service's data): auth appends it to the audit log. */
  'audit.recorded': AuditRecordedPayload;
  /** A chat message was stored: the gateway's replicas push it to the recipient's open streams. */
  'chat.message_sent': ChatMessageSentPayload;
  /** A task was verified: streaks, goals, levels, roadmap progress and reflection drafts listen to it. */
  'task.completed': TaskCompletedPayload;
  /** A task's verification ended without proof; the learner can retry it. */
  'task.failed': TaskFailedPayload;
  /** A linked account's automatic sync failed 3 times in a row: the learner is told. */
  'sync.failing': SyncFailingPayload;
  /** A weekly goal reached its target. */
  'goal.reached': GoalProgressPayload;
  /** A weekly goal is behind the pace that would reach it by the end of the week. */
  'goal.at_risk': GoalProgressPayload;
  /** 20:00 in the learner's time zone, a streak running and nothing counted today. */
  'streak.at_risk': StreakAtRiskPayload;
  /** Revision cards fell due today: once per learner and local day. */
  'revisions.due': RevisionsDuePayload;
  /** A notification was stored for a learner (auth): the gateway pushes it to their open streams. */
  'notification.created': NotificationCreatedPayload;
}

export type EventType = keyof EventPayloads;

/** Current version produced for each event type. */
export const EVENT_VERSIONS: { [T in EventType]: number } = {
  'user.registered': 1,
  'user.deleted': 1,
  'user.profile_updated': 1,
  'submission.ingested': 1,
  'submission.normalized': 1,
  'problem.normalization_failed': 1,
  'topic.aggregated': 1,
  'pci.recomputed': 1,
  'synergy.chat_unlocked': 1,
  'audit.recorded': 1,
  'chat.message_sent': 1,
  'task.completed': 1,
  'task.failed': 1,
  'sync.failing': 1,
  'goal.reached': 1,
  'goal.at_risk': 1,
  'streak.at_risk': 1,
  'revisions.due': 1,
  'notification.created': 1,
};

export const EVENT_TYPES = Object.keys(EVENT_VERSIONS) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_VERSIONS, value);
}
