import type { TopicStats } from '../api/types';

export type SortKey = 'topicName' | 'estimatedMastery' | 'successRate' | 'totalAttempts';

/** The topics table's order: by one column, ties broken by slug so the order is stable. */
export function sortTopics(rows: TopicStats[], key: SortKey, descending: boolean): TopicStats[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return order * sign || a.topic.localeCompare(b.topic);
  });
}
