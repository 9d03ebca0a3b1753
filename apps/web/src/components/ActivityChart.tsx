export interface Point {
  date: string;
  attempts: number;
  accepted: number;
}

const WIDTH = 560;
const HEIGHT = 180;
const AXIS = 24;

/** Attempts per day as columns, the accepted share of each drawn inside it (plain SVG). */
export function ActivityChart({ points, title }: { points: Point[]; title: string }) {
  const max = Math.max(1, ...points.map((p) => p.attempts));
  const step = (WIDTH - AXIS) / Math.max(1, points.length);
  const scale = (n: number) => (n / max) * (HEIGHT - AXIS);
  const total = points.reduce((sum, p) => sum + p.attempts, 0);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}: ${total} attempts over ${points.length} days, at most ${max} a day`}
      >
        <text x={0} y={12} className="chart-label">
          {max}
        </text>
        <line x1={AXIS} x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} className="chart-axis" />
        {points.map((p, i) => {
          const x = AXIS + i * step;
          const w = Math.max(1, step - 2);
          return (
            <g key={p.date}>
              <title>{`${p.date}: ${p.attempts} attempts, ${p.accepted} accepted`}</title>
              <rect
                x={x}
                y={HEIGHT - AXIS - scale(p.attempts)}
                width={w}
                height={scale(p.attempts)}
                className="chart-track"
              />
              <rect
                x={x}
                y={HEIGHT - AXIS - scale(p.accepted)}
                width={w}
                height={scale(p.accepted)}
                className="chart-bar"
              />
            </g>
          );
        })}
        {points.length > 0 && (
          <>
            <text x={AXIS} y={HEIGHT - 6} className="chart-label">
              {points[0].date}
            </text>
            <text x={WIDTH} y={HEIGHT - 6} textAnchor="end" className="chart-label">
              {points[points.length - 1].date}
            </text>
          </>
        )}
      </svg>
      <figcaption>{title} (dark: accepted)</figcaption>
    </figure>
  );
}
