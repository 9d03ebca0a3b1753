import { ROADMAP_LAYERS, type RoadmapLayer } from '@prepmate/contracts';

export const LAYERS = ROADMAP_LAYERS;
export type Layer = RoadmapLayer;

export const DEFAULT_COMPLETION_THRESHOLD = 0.6;

/** A topic on a roadmap (docs/product.md#roadmaps-and-pci). */
export interface RoadmapTopic {
  topic: string;
  weight: number;
  layer: Layer;
  priority: number;
  /** null → DEFAULT_COMPLETION_THRESHOLD */
  completionThreshold: number | null;
  dependencies: string[];
  /** null → the topic's own estimate */
  estimatedHours: number | null;
}

/** A user's mastery of a topic, from the projection of `topic.aggregated`. */
export interface TopicMastery {
  mastery: number;
  totalAttempts: number;
}

export function thresholdOf(topic: RoadmapTopic, override?: number): number {
  return override ?? topic.completionThreshold ?? DEFAULT_COMPLETION_THRESHOLD;
}
