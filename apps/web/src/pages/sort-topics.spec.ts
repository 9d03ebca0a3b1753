import type { TopicStats } from '../api/types';
import { sortTopics } from './sort-topics';

const topic = (slug: string, name: string, mastery: number, attempts: number) =>
  ({
    topic: slug,
    topicName: name,
    estimatedMastery: mastery,
    successRate: 0.5,
    totalAttempts: attempts,
  }) as TopicStats;

describe('sortTopics', () => {
  const rows = [
    topic('graphs', 'Graphs', 0.4, 9),
    topic('arrays', 'Arrays', 0.8, 3),
    topic('dp', 'Dynamic Programming', 0.4, 5),
  ];

  it('orders by a number column either way, ties by slug', () => {
    expect(sortTopics(rows, 'estimatedMastery', true).map((r) => r.topic)).toEqual([
      'arrays',
      'dp',
      'graphs',
    ]);
    expect(sortTopics(rows, 'estimatedMastery', false).map((r) => r.topic)).toEqual([
      'dp',
      'graphs',
      'arrays',
    ]);
    expect(sortTopics(rows, 'totalAttempts', true).map((r) => r.topic)).toEqual([
      'graphs',
      'dp',
      'arrays',
    ]);
  });

  it('orders names alphabetically and leaves its input alone', () => {
    expect(sortTopics(rows, 'topicName', false).map((r) => r.topicName)).toEqual([
      'Arrays',
      'Dynamic Programming',
      'Graphs',
    ]);
    expect(rows.map((r) => r.topic)).toEqual(['graphs', 'arrays', 'dp']);
  });
});
