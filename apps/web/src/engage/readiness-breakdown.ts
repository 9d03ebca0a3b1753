import type { Readiness } from '../api/types';

/** One input of the readiness score and what it adds (docs/product.md#readiness). */
export interface ReadinessRow {
  key: 'pci' | 'retention' | 'revisionHealth';
  label: string;
  /** the input, 0–1 */
  value: number;
  weight: number;
  /** points of the 0–100 score it brings: 100 · weight · value */
  points: number;
}

const LABELS: Record<ReadinessRow['key'], string> = {
  pci: 'Roadmap progress (mean PCI)',
  retention: 'Retention (mean recall)',
  revisionHealth: 'Revision health (cards not due)',
};

/** The documented weights, used when the answer leaves one out. */
const DEFAULT_WEIGHTS = { pci: 0.6, retention: 0.25, revisionHealth: 0.15 };

/** The score's three inputs with their weights and the points each brings. */
export function readinessBreakdown(
  inputs: Pick<Readiness['inputs'], ReadinessRow['key']> & { weights: object },
): ReadinessRow[] {
  const weights = { ...DEFAULT_WEIGHTS, ...(inputs.weights as Partial<typeof DEFAULT_WEIGHTS>) };
  return (['pci', 'retention', 'revisionHealth'] as const).map((key) => ({
    key,
    label: LABELS[key],
    value: inputs[key],
    weight: weights[key],
    points: Math.round(100 * weights[key] * inputs[key] * 10) / 10,
  }));
}

/** The projection in words: ready, on track for the target date, or why it is unknown. */
export function readinessOutlook(
  r: Pick<Readiness, 'score' | 'readyScore' | 'projectedReadyDate' | 'targetDate' | 'onTrack'>,
): string {
  if (r.score >= r.readyScore) return `Ready: the score is at or above ${r.readyScore}.`;
  if (!r.projectedReadyDate)
    return `No projected date yet: it needs a week of daily scores rising towards ${r.readyScore}.`;
  const projected = `Projected to reach ${r.readyScore} on ${r.projectedReadyDate}`;
  if (!r.targetDate) return `${projected}; set a target date in your profile to compare.`;
  return r.onTrack
    ? `${projected}, on track for your target date ${r.targetDate}.`
    : `${projected}, after your target date ${r.targetDate}.`;
}
