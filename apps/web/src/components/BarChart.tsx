export interface Bar {
  key: string;
  label: string;
  /** 0..1 */
  value: number;
  /** Highlighted (a weak topic, an unfinished layer). */
  alert?: boolean;
  /** Where the bar counts as done (a completion threshold), 0..1. */
  mark?: number;
}

const ROW = 28;
const LABEL = 160;
const WIDTH = 520;
const VALUE = 48;

/**
 * Horizontal bars of shares (mastery, PCI), drawn as plain SVG: one row per bar, the value
 * printed at its end, an optional threshold tick. Scales to its container's width.
 */
export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const plot = WIDTH - LABEL - VALUE;
  const height = bars.length * ROW + 4;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`${title}: ${bars.map((b) => `${b.label} ${pct(b.value)}`).join(', ')}`}
      >
        {bars.map((bar, i) => {
          const y = i * ROW + 4;
          const w = Math.max(0, Math.min(1, bar.value)) * plot;
          return (
            <g key={bar.key} data-bar={bar.key} data-value={bar.value}>
              <text x={LABEL - 8} y={y + 15} textAnchor="end" className="chart-label">
                {bar.label.length > 20 ? `${bar.label.slice(0, 19)}…` : bar.label}
              </text>
              <rect x={LABEL} y={y} width={plot} height={ROW - 8} className="chart-track" />
              <rect
                x={LABEL}
                y={y}
                width={w}
                height={ROW - 8}
                className={bar.alert ? 'chart-bar alert' : 'chart-bar'}
              />
              {bar.mark !== undefined && (
                <line
                  x1={LABEL + bar.mark * plot}
                  x2={LABEL + bar.mark * plot}
                  y1={y - 2}
                  y2={y + ROW - 6}
                  className="chart-mark"
                />
              )}
              <text x={LABEL + plot + 6} y={y + 15} className="chart-value">
                {pct(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

export function pct(value: number): string {
  return `${Math.round(value * 100)}%`;
}
