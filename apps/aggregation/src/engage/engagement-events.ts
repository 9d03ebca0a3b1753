import type { EventEnvelope, GoalProgressPayload } from '@prepmate/contracts';
import { createEvent } from '@prepmate/messaging';
import type { Goal } from '../domain/goals';

/** The `goal.reached` / `goal.at_risk` event of a goal in a week. */
export function goalEvent(
  type: 'goal.reached' | 'goal.at_risk',
  userId: string,
  goal: Goal,
  progress: number,
  weekStart: string,
): EventEnvelope {
  const payload: GoalProgressPayload = {
    userId,
    goalId: goal.id,
    kind: goal.kind,
    topic: goal.topic,
    target: goal.target,
    progress,
    weekStart,
  };
  return createEvent(type, payload, 'aggregation');
}
