import { mergeTopics, type ProjectedTopic } from './mastery-snapshot';

function topic(mastery: number, aggregatedAt: string): ProjectedTopic {
  return {
    mastery,
    totalAttempts: 3,
    successfulAttempts: 2,
    successRate: 0.6667,
    lastActivity: '2026-11-01T10:00:00.000Z',
    aggregatedAt,
  };
}

describe('mergeTopics', () => {
  it('adds new topics and keeps the others', () => {
    const stored = { arrays: topic(0.4, '2026-11-01T10:00:00.000Z') };
    const merged = mergeTopics(stored, { graphs: topic(0.2, '2026-11-02T10:00:00.000Z') });
    expect(merged).toEqual({ ...stored, graphs: topic(0.2, '2026-11-02T10:00:00.000Z') });
  });

  it('takes a newer report of a topic', () => {
    const merged = mergeTopics(
      { arrays: topic(0.4, '2026-11-01T10:00:00.000Z') },
      { arrays: topic(0.7, '2026-11-02T10:00:00.000Z') },
    );
    expect(merged?.arrays.mastery).toBe(0.7);
  });

  it('ignores a report older than the stored one, per topic', () => {
    const stored = {
      arrays: topic(0.7, '2026-11-03T10:00:00.000Z'),
      graphs: topic(0.1, '2026-11-01T10:00:00.000Z'),
    };
    const merged = mergeTopics(stored, {
      arrays: topic(0.4, '2026-11-02T10:00:00.000Z'),
      graphs: topic(0.3, '2026-11-02T10:00:00.000Z'),
    });
    expect(merged).toEqual({
      arrays: stored.arrays,
      graphs: topic(0.3, '2026-11-02T10:00:00.000Z'),
    });
  });

  it('says nothing changed for an old or repeated report', () => {
    const stored = { arrays: topic(0.7, '2026-11-03T10:00:00.000Z') };
    expect(mergeTopics(stored, { arrays: topic(0.4, '2026-11-02T10:00:00.000Z') })).toBeNull();
    expect(mergeTopics(stored, { arrays: topic(0.7, '2026-11-03T10:00:00.000Z') })).toBeNull();
  });
});
