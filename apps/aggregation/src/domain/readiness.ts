import { addDays, daysBetween } from './local-time';

/** docs/product.md#readiness: the weights of the three inputs (they sum to 1). */
export const READINESS_WEIGHTS = { pci: 0.6, retention: 0.25, revisionHealth: 0.15 } as const;
/** A learner counts as ready from this score on; the projected date aims at it. */
export const READY_SCORE = 80;
/** The pace is read over the samples of the last 30 days … */
export const PACE_WINDOW_DAYS = 30;
/** … once they span at least a week. */
export const MIN_PACE_SPAN_DAYS = 7;

export interface ReadinessInputs {
  /** PCI (0..1) of each roadmap the learner owns or follows. */
  roadmaps: Array<{ roadmapId: string; pciScore: number }>;
  /** Recall probability now (0..1) of each revision card. */
  retrievabilities: number[];
  /** Cards due now. */
  dueCards: number;
  /** Earlier scores, one per local day (any order). */
  history: Array<{ date: string; score: number }>;
  today: string;
  targetDate: string | null;
}

export interface Readiness {
  score: number;
  components: {
    /** Mean PCI of the roadmaps (0 with none). */
    pci: number;
    /** Mean recall probability of the cards (0 with none). */
    retention: number;
    /** 1 − due/total cards (0 with no cards). */
    revisionHealth: number;
  };
  /** Points a day over the last 30 days' samples, null until they span a week. */
  pacePerDay: number | null;
  projectedReadyDate: string | null;
  /** Whether the projected date is on or before the target date (null when either is unknown). */
  onTrack: boolean | null;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * readiness = round(100 · (0.6·pci + 0.25·retention + 0.15·revisionHealth)), each input
 * clamped to 0..1; projectedReadyDate = today when the score is ≥ 80, else
 * today + ceil((80 − score) / pace) with pace = (score − oldest sample of the last 30 days)
 * / days since it (needs ≥ 7 days of span and a positive pace, else null).
 */
export function readiness(inputs: ReadinessInputs): Readiness {
  const pci = clamp01(mean(inputs.roadmaps.map((roadmap) => roadmap.pciScore)));
  const cards = inputs.retrievabilities.length;
  const retention = clamp01(mean(inputs.retrievabilities));
  const revisionHealth = cards === 0 ? 0 : clamp01(1 - inputs.dueCards / cards);
  const score = Math.round(
    100 *
      (READINESS_WEIGHTS.pci * pci +
        READINESS_WEIGHTS.retention * retention +
        READINESS_WEIGHTS.revisionHealth * revisionHealth),
  );

  const windowStart = addDays(inputs.today, -PACE_WINDOW_DAYS);
  const oldest = inputs.history
    .filter((sample) => sample.date >= windowStart && sample.date < inputs.today)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  const span = oldest ? daysBetween(oldest.date, inputs.today) : 0;
  const pacePerDay =
    oldest && span >= MIN_PACE_SPAN_DAYS ? round((score - oldest.score) / span, 4) : null;

  let projectedReadyDate: string | null = null;
  if (score >= READY_SCORE) projectedReadyDate = inputs.today;
  else if (pacePerDay !== null && pacePerDay > 0)
    projectedReadyDate = addDays(inputs.today, Math.ceil((READY_SCORE - score) / pacePerDay));

  return {
    score,
    components: {
      pci: round(pci, 4),
      retention: round(retention, 4),
      revisionHealth: round(revisionHealth, 4),
    },
    pacePerDay,
    projectedReadyDate,
    onTrack:
      projectedReadyDate === null || inputs.targetDate === null
        ? null
        : projectedReadyDate <= inputs.targetDate,
  };
}

export type ReadinessSample = { date: string; score: number };

/**
 * The day's sample stored (docs/product.md#readiness): one per local day — today's replaces
 * any earlier one of the same day, the latest wins — sorted by date, the newest `keep` kept.
 * Null when today already holds this score (nothing to write).
 */
export function withDailySample(
  history: ReadinessSample[],
  today: string,
  score: number,
  keep: number,
): ReadinessSample[] | null {
  if (history.some((sample) => sample.date === today && sample.score === score)) return null;
  return [...history.filter((sample) => sample.date !== today), { date: today, score }]
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(-keep);
}
