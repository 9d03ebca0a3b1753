import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { NotificationCenter } from './notification-center';

/** The daily loop's events, each of which becomes a notification (EVENT_SUBSCRIPTIONS.auth). */
@Controller()
export class NotificationEventsHandler {
  constructor(private readonly center: NotificationCenter) {}

  @EventPattern('revisions.due')
  onRevisionsDue(@Payload() event: EventEnvelope<'revisions.due'>): Promise<void> {
    return this.center.onEvent(event);
  }

  @EventPattern('goal.reached')
  onGoalReached(@Payload() event: EventEnvelope<'goal.reached'>): Promise<void> {
    return this.center.onEvent(event);
  }

  @EventPattern('goal.at_risk')
  onGoalAtRisk(@Payload() event: EventEnvelope<'goal.at_risk'>): Promise<void> {
    return this.center.onEvent(event);
  }

  @EventPattern('streak.at_risk')
  onStreakAtRisk(@Payload() event: EventEnvelope<'streak.at_risk'>): Promise<void> {
    return this.center.onEvent(event);
  }

  @EventPattern('task.completed')
  onTaskCompleted(@Payload() event: EventEnvelope<'task.completed'>): Promise<void> {
    return this.center.onEvent(event);
  }

  @EventPattern('task.failed')
  onTaskFailed(@Payload() event: EventEnvelope<'task.failed'>): Promise<void> {
    return this.center.onEvent(event);
  }

  @EventPattern('synergy.chat_unlocked')
  onChatUnlocked(@Payload() event: EventEnvelope<'synergy.chat_unlocked'>): Promise<void> {
    return this.center.onEvent(event);
  }

  @EventPattern('sync.failing')
  onSyncFailing(@Payload() event: EventEnvelope<'sync.failing'>): Promise<void> {
    return this.center.onEvent(event);
  }
}
