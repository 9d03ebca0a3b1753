import type { RoadmapTopic } from './roadmap-topic';

/** An edit of one topic of a custom roadmap: the fields given replace the topic's. */
export interface TopicChange {
  weight?: number;
  layer?: RoadmapTopic['layer'];
  priority?: number;
  dependencies?: string[];
  completionThreshold?: number;
  estimatedHours?: number;
}

/** The topic with the change applied (dependencies without repeats); fields not given stay. */
export function applyTopicChange(topic: RoadmapTopic, change: TopicChange): RoadmapTopic {
  return {
    ...topic,
    ...(change.weight !== undefined ? { weight: change.weight } : {}),
    ...(change.layer !== undefined ? { layer: change.layer } : {}),
    ...(change.priority !== undefined ? { priority: change.priority } : {}),
    ...(change.dependencies !== undefined
      ? { dependencies: [...new Set(change.dependencies)] }
      : {}),
    ...(change.completionThreshold !== undefined
      ? { completionThreshold: change.completionThreshold }
      : {}),
    ...(change.estimatedHours !== undefined ? { estimatedHours: change.estimatedHours } : {}),
  };
}

/**
 * The roadmap's topics with the topic `slug` changed (the others and the order as they are),
 * or null when the roadmap does not have that topic.
 */
export function changeTopic(
  topics: RoadmapTopic[],
  slug: string,
  change: TopicChange,
): RoadmapTopic[] | null {
  if (!topics.some((topic) => topic.topic === slug)) return null;
  return topics.map((topic) => (topic.topic === slug ? applyTopicChange(topic, change) : topic));
}
