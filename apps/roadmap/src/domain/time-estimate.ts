import type { PciResult } from './pci';
import type { RoadmapTopic } from './roadmap-topic';

export interface TimeEstimate {
  totalHours: number;
  remainingHours: number;
  estimatedDays: number;
  completionDate: string;
}

/** remaining = Σ hours of incomplete topics; days = ceil(remaining / hoursPerDay); date = today + days. */
export function estimateTime(
  topics: RoadmapTopic[],
  pci: PciResult,
  topicHours: ReadonlyMap<string, number>,
  hoursPerDay: number,
  now: number,
): TimeEstimate {
  const completed = new Set(pci.topicProgresses.filter((p) => p.isCompleted).map((p) => p.topic));
  let totalHours = 0;
  let remainingHours = 0;
  for (const t of topics) {
    const hours = t.estimatedHours ?? topicHours.get(t.topic) ?? 0;
    totalHours += hours;
    if (!completed.has(t.topic)) remainingHours += hours;
  }
  const estimatedDays = Math.ceil(remainingHours / hoursPerDay);
  const completionDate = new Date(now + estimatedDays * 86_400_000).toISOString().slice(0, 10);
  return { totalHours, remainingHours, estimatedDays, completionDate };
}
