import type { RoadmapTopic } from './roadmap-topic';
import { applyTopicChange, changeTopic } from './topic-change';

const graphs: RoadmapTopic = {
  topic: 'graphs',
  weight: 2,
  layer: 'core',
  priority: 1,
  completionThreshold: null,
  dependencies: ['arrays'],
  estimatedHours: null,
};
const trees: RoadmapTopic = { ...graphs, topic: 'trees', priority: 2, dependencies: [] };

describe('topic change', () => {
  it('replaces only the fields given', () => {
    expect(applyTopicChange(graphs, { weight: 5 })).toEqual({ ...graphs, weight: 5 });
    expect(applyTopicChange(graphs, {})).toEqual(graphs);
  });

  it('replaces every field it gives, dependencies without repeats', () => {
    expect(
      applyTopicChange(graphs, {
        weight: 3,
        layer: 'advanced',
        priority: 4,
        dependencies: ['trees', 'trees', 'arrays'],
        completionThreshold: 0.8,
        estimatedHours: 12,
      }),
    ).toEqual({
      topic: 'graphs',
      weight: 3,
      layer: 'advanced',
      priority: 4,
      completionThreshold: 0.8,
      dependencies: ['trees', 'arrays'],
      estimatedHours: 12,
    });
  });

  it('changes the one topic of a roadmap and keeps the others in their order', () => {
    expect(changeTopic([graphs, trees], 'trees', { weight: 9 })).toEqual([
      graphs,
      { ...trees, weight: 9 },
    ]);
  });

  it('tells a topic that is not on the roadmap', () => {
    expect(changeTopic([graphs], 'trees', { weight: 9 })).toBeNull();
  });
});
