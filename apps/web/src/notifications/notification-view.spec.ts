import { kindLabel, notificationLink, unreadBadge } from './notification-view';

describe('unreadBadge', () => {
  it('hides at zero and caps at 999+', () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(7)).toBe('7');
    expect(unreadBadge(999)).toBe('999');
    expect(unreadBadge(1000)).toBe('999+');
  });
});

describe('notificationLink', () => {
  it('leads to the task, the chat or the screen of the kind', () => {
    expect(notificationLink({ kind: 'task_completed', data: { taskId: 'a b' } })).toBe(
      '/tasks/a%20b',
    );
    expect(notificationLink({ kind: 'task_failed', data: {} })).toBe('/tasks');
    expect(notificationLink({ kind: 'chat_unlocked', data: { partnerId: 'u1' } })).toBe('/chat/u1');
    expect(notificationLink({ kind: 'goal_at_risk', data: { goalId: 'g' } })).toBe('/goals');
    expect(notificationLink({ kind: 'sync_failing', data: { platform: 'leetcode' } })).toBe(
      '/connect',
    );
  });

  it('names every kind', () => {
    expect(kindLabel('streak_at_risk')).toBe('Streak at risk');
  });
});
