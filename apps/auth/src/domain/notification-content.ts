import type { EventEnvelope, EventType, NotificationKind } from '@prepmate/contracts';

/** What one source event becomes for one learner, before it is stored. */
export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

/** The events that become notifications, and the kind each becomes (docs/product.md). */
export const NOTIFYING_EVENTS = {
  'revisions.due': 'revisions_due',
  'goal.reached': 'goal_reached',
  'goal.at_risk': 'goal_at_risk',
  'streak.at_risk': 'streak_at_risk',
  'task.completed': 'task_completed',
  'task.failed': 'task_failed',
  'synergy.chat_unlocked': 'chat_unlocked',
  'sync.failing': 'sync_failing',
} as const satisfies Partial<Record<EventType, NotificationKind>>;
export type NotifyingEventType = keyof typeof NOTIFYING_EVENTS;

const PLATFORM_NAMES: Record<string, string> = {
  codeforces: 'Codeforces',
  leetcode: 'LeetCode',
  github: 'GitHub',
};

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function goalWhat(kind: string, topic: string | null): string {
  if (kind === 'problems') return 'problems solved';
  if (kind === 'minutes') return 'minutes of practice';
  return `topics mastered${topic ? ` (${topic})` : ''}`;
}

function taskWhat(payload: { problemId?: string | null; topic?: string | null }): string {
  if (payload.problemId) return `problem ${payload.problemId}`;
  if (payload.topic) return `your ${payload.topic} task`;
  return 'your task';
}

/**
 * The notifications an event becomes: one per learner it concerns (two for an unlocked chat,
 * one each otherwise). Titles and bodies are plain text, used in the list, the live stream
 * and the emails alike; `data` carries the ids a client links to.
 */
export function notificationsFor(event: EventEnvelope): NotificationDraft[] {
  switch (event.type) {
    case 'revisions.due': {
      const p = (event as EventEnvelope<'revisions.due'>).payload;
      const topics = p.topics.length > 0 ? `: ${p.topics.join(', ')}` : '';
      return [
        {
          userId: p.userId,
          kind: 'revisions_due',
          title: `${plural(p.dueCount, 'revision card')} due today`,
          body: `Review them to keep what you learned${topics}.`,
          data: { dueCount: p.dueCount, topics: p.topics, localDate: p.localDate },
        },
      ];
    }
    case 'goal.reached':
    case 'goal.at_risk': {
      const p = (event as EventEnvelope<'goal.reached'>).payload;
      const what = goalWhat(p.kind, p.topic);
      const reached = event.type === 'goal.reached';
      return [
        {
          userId: p.userId,
          kind: reached ? 'goal_reached' : 'goal_at_risk',
          title: reached ? 'Weekly goal reached' : 'Weekly goal at risk',
          body: reached
            ? `You reached ${p.progress} of ${p.target} ${what} this week.`
            : `${p.progress} of ${p.target} ${what} so far: at this pace the week ends short.`,
          data: {
            goalId: p.goalId,
            goalKind: p.kind,
            topic: p.topic,
            target: p.target,
            progress: p.progress,
            weekStart: p.weekStart,
          },
        },
      ];
    }
    case 'streak.at_risk': {
      const p = (event as EventEnvelope<'streak.at_risk'>).payload;
      return [
        {
          userId: p.userId,
          kind: 'streak_at_risk',
          title: `Your ${plural(p.currentStreak, 'day')} streak ends tonight`,
          body: 'Nothing counted today yet: an accepted submission or a verified task keeps it.',
          data: { currentStreak: p.currentStreak, localDate: p.localDate },
        },
      ];
    }
    case 'task.completed': {
      const p = (event as EventEnvelope<'task.completed'>).payload;
      return [
        {
          userId: p.userId,
          kind: 'task_completed',
          title: 'Task verified',
          body: `${capitalize(taskWhat(p))} was verified on ${PLATFORM_NAMES[p.verificationSource] ?? p.verificationSource}. Write your reflection while it is fresh.`,
          data: {
            taskId: p.taskId,
            topic: p.topic,
            problemId: p.problemId,
            verificationSource: p.verificationSource,
          },
        },
      ];
    }
    case 'task.failed': {
      const p = (event as EventEnvelope<'task.failed'>).payload;
      return [
        {
          userId: p.userId,
          kind: 'task_failed',
          title: 'Task not verified',
          body: `${p.reason} You can retry it.`,
          data: { taskId: p.taskId, verificationSource: p.verificationSource },
        },
      ];
    }
    case 'synergy.chat_unlocked': {
      const p = (event as EventEnvelope<'synergy.chat_unlocked'>).payload;
      const draft = (userId: string, partnerId: string): NotificationDraft => ({
        userId,
        kind: 'chat_unlocked',
        title: 'Chat unlocked',
        body: 'You and a fellow learner unlocked a chat: say hello.',
        data: { partnerId, score: p.score },
      });
      return [draft(p.userA, p.userB), draft(p.userB, p.userA)];
    }
    case 'sync.failing': {
      const p = (event as EventEnvelope<'sync.failing'>).payload;
      const platform = PLATFORM_NAMES[p.platform] ?? p.platform;
      return [
        {
          userId: p.userId,
          kind: 'sync_failing',
          title: `${platform} sync is failing`,
          body: `The last ${plural(p.consecutiveFailures, 'sync')} of your ${platform} account failed (${p.lastError}). Check the linked account.`,
          data: { platform: p.platform, consecutiveFailures: p.consecutiveFailures },
        },
      ];
    }
    default:
      return [];
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
