/** What `topic.aggregated` last said about one of a user's topics. */
export interface ProjectedTopic {
  mastery: number;
  totalAttempts: number;
  successfulAttempts: number;
  successRate: number;
  /** ISO time of the last attempt, or null. */
  lastActivity: string | null;
  /** ISO time of the aggregation that reported it. */
  aggregatedAt: string;
}

/**
 * A user's topics with the reported ones merged in. Each topic only moves forward: a report
 * older than what is stored for that topic (an aggregation delivered late) changes nothing.
 * Returns null when nothing changes.
 */
export function mergeTopics(
  stored: Readonly<Record<string, ProjectedTopic>>,
  reported: Readonly<Record<string, ProjectedTopic>>,
): Record<string, ProjectedTopic> | null {
  let changed = false;
  const merged: Record<string, ProjectedTopic> = { ...stored };
  for (const [topic, next] of Object.entries(reported)) {
    const current = stored[topic];
    if (current && Date.parse(current.aggregatedAt) > Date.parse(next.aggregatedAt)) continue;
    if (current && sameTopic(current, next)) continue;
    merged[topic] = next;
    changed = true;
  }
  return changed ? merged : null;
}

function sameTopic(a: ProjectedTopic, b: ProjectedTopic): boolean {
  return (
    a.mastery === b.mastery &&
    a.totalAttempts === b.totalAttempts &&
    a.successfulAttempts === b.successfulAttempts &&
    a.successRate === b.successRate &&
    a.lastActivity === b.lastActivity &&
    a.aggregatedAt === b.aggregatedAt
  );
}
