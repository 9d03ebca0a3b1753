import type { Notification } from '../api/types';

/** The unread badge: the count, "999+" past what the API counts (docs/product.md). */
export function unreadBadge(count: number): string | null {
  if (count <= 0) return null;
  return count > 999 ? '999+' : String(count);
}

/** Where a notification leads, from the ids in its `data`; null when nowhere. */
export function notificationLink(n: Pick<Notification, 'kind' | 'data'>): string | null {
  const data = n.data as Record<string, unknown>;
  const id = (key: string) =>
    typeof data[key] === 'string' ? encodeURIComponent(data[key]) : null;
  switch (n.kind) {
    case 'task_completed':
    case 'task_failed':
      return id('taskId') ? `/tasks/${id('taskId')}` : '/tasks';
    case 'goal_reached':
    case 'goal_at_risk':
    case 'streak_at_risk':
      return '/goals';
    case 'chat_unlocked':
      return id('partnerId') ? `/chat/${id('partnerId')}` : '/synergy';
    case 'sync_failing':
      return '/connect';
    case 'revisions_due':
      return '/';
    default:
      return null;
  }
}

const KIND_LABELS: Record<Notification['kind'], string> = {
  revisions_due: 'Revisions due',
  goal_reached: 'Goal reached',
  goal_at_risk: 'Goal at risk',
  streak_at_risk: 'Streak at risk',
  task_completed: 'Task verified',
  task_failed: 'Task not verified',
  chat_unlocked: 'Chat unlocked',
  sync_failing: 'Sync failing',
};

export function kindLabel(kind: Notification['kind']): string {
  return KIND_LABELS[kind];
}
