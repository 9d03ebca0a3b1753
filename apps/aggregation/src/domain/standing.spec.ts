import { standing, weakTopics } from './topic-metrics';

describe('percentile rank and comparison with the average', () => {
  it('share of users at or below, and the distance from the mean', () => {
    expect(standing(0.5, [0.2, 0.5, 0.8, 0.9])).toEqual({
      percentileRank: 50,
      comparisonVsAverage: 0.5 - 0.6,
    });
  });
  it('the only user is at 100 and at the average', () => {
    expect(standing(0.3, [0.3])).toEqual({ percentileRank: 100, comparisonVsAverage: 0 });
  });
});

describe('weak topics', () => {
  it('≥ 3 attempts; lowest mastery, then lower success rate, then slug', () => {
    const items = [
      { topic: 'graphs', totalAttempts: 5, estimatedMastery: 0.3, successRate: 0.5 },
      { topic: 'arrays', totalAttempts: 5, estimatedMastery: 0.3, successRate: 0.5 },
      { topic: 'trees', totalAttempts: 9, estimatedMastery: 0.3, successRate: 0.2 },
      { topic: 'dp', totalAttempts: 2, estimatedMastery: 0.01, successRate: 0 },
      { topic: 'strings', totalAttempts: 3, estimatedMastery: 0.9, successRate: 1 },
    ];
    expect(weakTopics(items).map((item) => item.topic)).toEqual([
      'trees',
      'arrays',
      'graphs',
      'strings',
    ]);
  });
});
