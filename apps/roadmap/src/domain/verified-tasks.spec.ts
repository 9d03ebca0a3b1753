import {
  countVerifiedTask,
  RECENT_TASK_IDS,
  verifiedOn,
  type VerifiedTasksState,
} from './verified-tasks';

const empty: VerifiedTasksState = { topics: {}, recentTaskIds: [] };
const task = (taskId: string, topic: string | null, minutes: number | null, at: string) => ({
  taskId,
  topic,
  estimatedTimeMinutes: minutes,
  completedAt: at,
});

describe('countVerifiedTask', () => {
  it('counts a task under its topic with its minutes and time', () => {
    const state = countVerifiedTask(empty, task('t1', 'graphs', 45, '2026-12-01T10:00:00.000Z'));
    expect(state).toEqual({
      topics: { graphs: { count: 1, minutes: 45, lastAt: '2026-12-01T10:00:00.000Z' } },
      recentTaskIds: ['t1'],
    });
  });

  it('adds to a topic and keeps the newest completion time whatever the order', () => {
    const first = countVerifiedTask(empty, task('t1', 'graphs', 30, '2026-12-02T00:00:00.000Z'))!;
    const second = countVerifiedTask(
      first,
      task('t2', 'graphs', null, '2026-12-01T00:00:00.000Z'),
    )!;
    expect(second.topics.graphs).toEqual({
      count: 2,
      minutes: 30,
      lastAt: '2026-12-02T00:00:00.000Z',
    });
  });

  it('counts a redelivered task once', () => {
    const once = countVerifiedTask(empty, task('t1', 'graphs', 10, '2026-12-01T00:00:00.000Z'))!;
    expect(
      countVerifiedTask(once, task('t1', 'graphs', 10, '2026-12-01T00:00:00.000Z')),
    ).toBeNull();
  });

  it('changes nothing for a task without a topic', () => {
    expect(countVerifiedTask(empty, task('t1', null, 60, '2026-12-01T00:00:00.000Z'))).toBeNull();
  });

  it('remembers only the newest task ids', () => {
    let state = empty;
    for (let i = 0; i < RECENT_TASK_IDS + 5; i += 1)
      state = countVerifiedTask(state, task(`t${i}`, 'dp', 1, '2026-12-01T00:00:00.000Z'))!;
    expect(state.recentTaskIds).toHaveLength(RECENT_TASK_IDS);
    expect(state.recentTaskIds[0]).toBe('t5');
    expect(state.topics.dp.count).toBe(RECENT_TASK_IDS + 5);
  });
});

describe('verifiedOn', () => {
  it('gives each roadmap topic its count (0 for none) and the total over them only', () => {
    const state: VerifiedTasksState = {
      topics: {
        graphs: { count: 2, minutes: 0, lastAt: '2026-12-01T00:00:00.000Z' },
        dp: { count: 5, minutes: 0, lastAt: '2026-12-01T00:00:00.000Z' },
      },
      recentTaskIds: [],
    };
    const { byTopic, total } = verifiedOn(state, ['graphs', 'arrays']);
    expect([...byTopic]).toEqual([
      ['graphs', 2],
      ['arrays', 0],
    ]);
    expect(total).toBe(2);
    expect(verifiedOn(null, ['graphs']).total).toBe(0);
  });
});
