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
import type { ChatMessageSentPayload } from './synergy.events';
import type { UserDeletedPayload, UserRegisteredPayload } from './user.events';

/**
 * Event type → payload. The routing key of an event is its type. Adding an event here
 * without a version and subscriptions below does not compile.
 */
export interface EventPayloads {
  'user.registered': UserRegisteredPayload;
  'user.deleted': UserDeletedPayload;
  'submission.ingested': SubmissionIngestedPayload;
  'submission.normalized': SubmissionNormalizedPayload;
  'problem.normalization_failed': ProblemNormalizationFailedPayload;
  'topic.aggregated': TopicAggregatedPayload;
  'pci.recomputed': PciRecomputedPayload;
  'synergy.chat_unlocked': SynergyChatUnlockedPayload;
  'chat.message_sent': ChatMessageSentPayload;
}

export type EventType = keyof EventPayloads;

/** Current version produced for each event type. */
export const EVENT_VERSIONS: { [T in EventType]: number } = {
  'user.registered': 1,
  'user.deleted': 1,
  'submission.ingested': 1,
  'submission.normalized': 1,
  'problem.normalization_failed': 1,
  'topic.aggregated': 1,
  'pci.recomputed': 1,
  'synergy.chat_unlocked': 1,
  'chat.message_sent': 1,
};

export const EVENT_TYPES = Object.keys(EVENT_VERSIONS) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_VERSIONS, value);
}
