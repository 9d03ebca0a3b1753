import type { PciResult, TopicProgress } from './pci';
import { type Layer, LAYERS, type RoadmapTopic } from './roadmap-topic';

export interface Recommendation {
  topic: string;
  layer: Layer;
  weight: number;
  estimatedMastery: number;
  reason: string;
}

const LAYER_RANK = new Map(LAYERS.map((layer, rank) => [layer, rank]));

/**
 * Incomplete topics whose dependencies are all completed, by layer (core first), then
 * weight desc, mastery desc, slug.
 */
export function recommend(topics: RoadmapTopic[], pci: PciResult, limit = 5): Recommendation[] {
  const progress = new Map(pci.topicProgresses.map((p) => [p.topic, p]));
  const ready = topics.filter(
    (t) =>
      !progress.get(t.topic)!.isCompleted &&
      t.dependencies.every((d) => progress.get(d)?.isCompleted),
  );
  return ready
    .map((t) => progress.get(t.topic)!)
    .sort(
      (a, b) =>
        LAYER_RANK.get(a.layer)! - LAYER_RANK.get(b.layer)! ||
        b.weight - a.weight ||
        b.estimatedMastery - a.estimatedMastery ||
        (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0),
    )
    .slice(0, limit)
    .map((p) => ({
      topic: p.topic,
      layer: p.layer,
      weight: p.weight,
      estimatedMastery: p.estimatedMastery,
      reason: reasonFor(
        p,
        topics.find((t) => t.topic === p.topic)!,
      ),
    }));
}

function reasonFor(p: TopicProgress, topic: RoadmapTopic): string {
  const prerequisites =
    topic.dependencies.length === 0
      ? 'no prerequisites'
      : `prerequisites done (${topic.dependencies.join(', ')})`;
  return `${p.layer} topic, ${prerequisites}; mastery ${p.estimatedMastery.toFixed(2)} of ${p.threshold} needed`;
}
