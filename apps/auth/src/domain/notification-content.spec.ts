import type { EventEnvelope, EventPayloads, EventType } from '@prepmate/contracts';
import { NOTIFYING_EVENTS, notificationsFor } from './notification-content';

function event<T extends EventType>(type: T, payload: EventPayloads[T]): EventEnvelope {
  return {
    eventId: '0190a4c0-0000-7000-8000-00000000000e',
    type,
    version: 1,
    occurredAt: '2026-03-02T10:00:00.000Z',
    producer: 'aggregation',
    correlationId: 'c',
    payload,
  } as EventEnvelope;
}

const ada = 'user-ada';

describe('what each event becomes', () => {
  it('revision cards due: the count and the topics', () => {
    const [n] = notificationsFor(
      event('revisions.due', {
        userId: ada,
        dueCount: 3,
        topics: ['graphs', 'dynamic-programming'],
        localDate: '2026-03-02',
      }),
    );
    expect(n).toEqual({
      userId: ada,
      kind: 'revisions_due',
      title: '3 revision cards due today',
      body: 'Review them to keep what you learned: graphs, dynamic-programming.',
      data: { dueCount: 3, topics: ['graphs', 'dynamic-programming'], localDate: '2026-03-02' },
    });
    expect(
      notificationsFor(
        event('revisions.due', { userId: ada, dueCount: 1, topics: [], localDate: '2026-03-02' }),
      )[0].title,
    ).toBe('1 revision card due today');
  });

  it('goal reached and at risk: progress against the target', () => {
    const payload = {
      userId: ada,
      goalId: 'g1',
      kind: 'problems' as const,
      topic: null,
      target: 10,
      progress: 10,
      weekStart: '2026-03-02',
    };
    const [reached] = notificationsFor(event('goal.reached', payload));
    expect(reached).toMatchObject({
      kind: 'goal_reached',
      title: 'Weekly goal reached',
      body: 'You reached 10 of 10 problems solved this week.',
      data: { goalId: 'g1', goalKind: 'problems', target: 10, progress: 10 },
    });
    const [atRisk] = notificationsFor(
      event('goal.at_risk', {
        ...payload,
        kind: 'topic_mastery',
        topic: 'graphs',
        progress: 1,
        target: 3,
      }),
    );
    expect(atRisk).toMatchObject({
      kind: 'goal_at_risk',
      title: 'Weekly goal at risk',
      body: '1 of 3 topics mastered (graphs) so far: at this pace the week ends short.',
    });
  });

  it('streak at risk: the streak length', () => {
    expect(
      notificationsFor(
        event('streak.at_risk', { userId: ada, currentStreak: 12, localDate: '2026-03-02' }),
      )[0],
    ).toMatchObject({ kind: 'streak_at_risk', title: 'Your 12 days streak ends tonight' });
  });

  it('task verified and failed: the problem, the platform, the reason', () => {
    const [done] = notificationsFor(
      event('task.completed', {
        taskId: 't1',
        userId: ada,
        topic: 'graphs',
        problemId: 'p-42',
        verificationSource: 'codeforces',
        assignedBy: null,
        estimatedTimeMinutes: 30,
        evidence: { kind: 'submission', ref: 'codeforces:1', at: '2026-03-02T09:00:00.000Z' },
        startedAt: '2026-03-02T08:00:00.000Z',
        completedAt: '2026-03-02T09:01:00.000Z',
      }),
    );
    expect(done).toMatchObject({
      kind: 'task_completed',
      title: 'Task verified',
      body: 'Problem p-42 was verified on Codeforces. Write your reflection while it is fresh.',
      data: { taskId: 't1', problemId: 'p-42' },
    });
    const [failed] = notificationsFor(
      event('task.failed', {
        taskId: 't2',
        userId: ada,
        verificationSource: 'github',
        assignedBy: null,
        reason: 'No commit in the repository since the task started.',
        failedAt: '2026-03-02T09:00:00.000Z',
      }),
    );
    expect(failed).toMatchObject({
      kind: 'task_failed',
      body: 'No commit in the repository since the task started. You can retry it.',
      data: { taskId: 't2' },
    });
  });

  it('chat unlocked: one for each learner, naming the other', () => {
    const drafts = notificationsFor(
      event('synergy.chat_unlocked', {
        userA: ada,
        userB: 'user-bob',
        score: 0.61,
        unlockedAt: '2026-03-02T10:00:00.000Z',
      }),
    );
    expect(drafts.map((d) => [d.userId, d.kind, d.data.partnerId])).toEqual([
      [ada, 'chat_unlocked', 'user-bob'],
      ['user-bob', 'chat_unlocked', ada],
    ]);
  });

  it('sync failing: the platform and the error', () => {
    expect(
      notificationsFor(
        event('sync.failing', {
          userId: ada,
          platform: 'leetcode',
          consecutiveFailures: 3,
          lastError: 'session cookie expired',
          failedAt: '2026-03-02T10:00:00.000Z',
        }),
      )[0],
    ).toMatchObject({
      kind: 'sync_failing',
      title: 'LeetCode sync is failing',
      body: 'The last 3 syncs of your LeetCode account failed (session cookie expired). Check the linked account.',
    });
  });

  it('every notifying event maps to a kind, and other events become nothing', () => {
    expect(Object.values(NOTIFYING_EVENTS).sort()).toEqual(
      [
        'chat_unlocked',
        'goal_at_risk',
        'goal_reached',
        'revisions_due',
        'streak_at_risk',
        'sync_failing',
        'task_completed',
        'task_failed',
      ].sort(),
    );
    expect(notificationsFor(event('user.deleted', { userId: ada }))).toEqual([]);
  });
});
