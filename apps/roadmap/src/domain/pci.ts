import {
  type Layer,
  LAYERS,
  type RoadmapTopic,
  thresholdOf,
  type TopicMastery,
} from './roadmap-topic';

export type CompletionStatus =
  'not_started' | 'started' | 'in_progress' | 'proficient' | 'mastered';

export interface TopicProgress {
  topic: string;
  weight: number;
  normalizedWeight: number;
  layer: Layer;
  threshold: number;
  estimatedMastery: number;
  isCompleted: boolean;
  completionStatus: CompletionStatus;
}

export interface LayerProgress {
  topicsCompleted: number;
  topicsTotal: number;
  weightCompleted: number;
  weightTotal: number;
}

export interface PciResult {
  pciScore: number;
  completionPercentage: number;
  completedWeightSum: number;
  totalWeightSum: number;
  topicsCompleted: number;
  topicsTotal: number;
  topicProgresses: TopicProgress[];
  byLayer: Record<Layer, LayerProgress>;
}

/**
 * Weight sums are reported to 6 decimals, so 0.9 + 0.8 + … reads 14.7 and not
 * 14.699999999999998; PCI itself is computed from the exact sums.
 */
const WEIGHT_DECIMALS = 6;

const NOT_STARTED: TopicMastery = { mastery: 0, totalAttempts: 0 };

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** no attempts → not_started; ≥ max(threshold, 0.9) mastered; ≥ threshold proficient; ≥ threshold/2 in_progress; else started. */
export function completionStatus(mastery: TopicMastery, threshold: number): CompletionStatus {
  if (mastery.totalAttempts === 0) return 'not_started';
  if (mastery.mastery >= Math.max(threshold, 0.9)) return 'mastered';
  if (mastery.mastery >= threshold) return 'proficient';
  if (mastery.mastery >= threshold / 2) return 'in_progress';
  return 'started';
}

/**
 * PCI = Σ w(completed) / Σ w, completed ⇔ mastery ≥ the topic's threshold (or the override
 * for every topic). Σw = 0 → 0; every topic completed → exactly 1.
 */
export function computePci(
  topics: RoadmapTopic[],
  masteries: ReadonlyMap<string, TopicMastery>,
  thresholdOverride?: number,
): PciResult {
  const byLayer = Object.fromEntries(
    LAYERS.map((layer) => [
      layer,
      { topicsCompleted: 0, topicsTotal: 0, weightCompleted: 0, weightTotal: 0 },
    ]),
  ) as Record<Layer, LayerProgress>;
  let total = 0;
  for (const t of topics) total += t.weight;
  let completedWeight = 0;
  let completed = 0;
  const topicProgresses = topics.map((t): TopicProgress => {
    const mastery = masteries.get(t.topic) ?? NOT_STARTED;
    const threshold = thresholdOf(t, thresholdOverride);
    const isCompleted = mastery.mastery >= threshold;
    const layer = byLayer[t.layer];
    layer.topicsTotal += 1;
    layer.weightTotal += t.weight;
    if (isCompleted) {
      completed += 1;
      completedWeight += t.weight;
      layer.topicsCompleted += 1;
      layer.weightCompleted += t.weight;
    }
    return {
      topic: t.topic,
      weight: t.weight,
      normalizedWeight: total === 0 ? 0 : t.weight / total,
      layer: t.layer,
      threshold,
      estimatedMastery: mastery.mastery,
      isCompleted,
      completionStatus: completionStatus(mastery, threshold),
    };
  });
  const pci = total === 0 ? 0 : completed === topics.length ? 1 : completedWeight / total;
  for (const layer of Object.values(byLayer)) {
    layer.weightCompleted = round(layer.weightCompleted, WEIGHT_DECIMALS);
    layer.weightTotal = round(layer.weightTotal, WEIGHT_DECIMALS);
  }
  return {
    pciScore: round(pci, 4),
    completionPercentage: round(100 * pci, 2),
    completedWeightSum: round(
      completed === topics.length ? total : completedWeight,
      WEIGHT_DECIMALS,
    ),
    totalWeightSum: round(total, WEIGHT_DECIMALS),
    topicsCompleted: completed,
    topicsTotal: topics.length,
    topicProgresses,
    byLayer,
  };
}
