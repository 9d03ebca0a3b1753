import { computePci } from './pci';
import { recommend } from './recommendations';
import type { RoadmapTopic } from './roadmap-topic';
import { estimateTime } from './time-estimate';

const t = (
  topic: string,
  weight: number,
  layer: RoadmapTopic['layer'],
  dependencies: string[] = [],
  estimatedHours: number | null = null,
): RoadmapTopic => ({
  topic,
  weight,
  layer,
  priority: 1,
  completionThreshold: null,
  dependencies,
  estimatedHours,
});

describe('recommendations', () => {
  const topics = [
    t('arrays', 1, 'core'),
    t('strings', 0.8, 'core', ['arrays']),
    t('hashing', 0.8, 'core', ['arrays']),
    t('graphs', 0.9, 'core', ['trees']),
    t('trees', 0.9, 'core'),
    t('greedy', 0.9, 'reinforcement'),
    t('math', 0.2, 'optional'),
  ];
  const masteries = new Map([
    ['arrays', { mastery: 0.7, totalAttempts: 4 }],
    ['hashing', { mastery: 0.4, totalAttempts: 4 }],
    ['strings', { mastery: 0.3, totalAttempts: 4 }],
  ]);
  const pci = computePci(topics, masteries);

  it('only topics whose dependencies are completed; layer, weight desc, mastery desc, slug', () => {
    expect(recommend(topics, pci, 10).map((r) => r.topic)).toEqual([
      'trees',
      'hashing',
      'strings',
      'greedy',
      'math',
    ]);
    expect(recommend(topics, pci).length).toBe(5);
    expect(recommend(topics, pci, 2).map((r) => r.topic)).toEqual(['trees', 'hashing']);
  });

  it('says why', () => {
    expect(recommend(topics, pci, 2)[1].reason).toBe(
      'core topic, prerequisites done (arrays); mastery 0.40 of 0.6 needed',
    );
  });
});

describe('time estimate', () => {
  it('remaining hours of incomplete topics; ceil(days); today + days', () => {
    const topics = [
      t('arrays', 1, 'core', [], 8),
      t('graphs', 1, 'core'),
      t('trees', 1, 'core', [], 3),
    ];
    const pci = computePci(topics, new Map([['arrays', { mastery: 0.9, totalAttempts: 9 }]]));
    const estimate = estimateTime(
      topics,
      pci,
      new Map([['graphs', 12]]),
      2,
      Date.parse('2026-03-01T18:00:00Z'),
    );
    expect(estimate).toEqual({
      totalHours: 23,
      remainingHours: 15,
      estimatedDays: 8,
      completionDate: '2026-03-09',
    });
  });
});
