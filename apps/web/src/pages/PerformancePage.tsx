import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';
import { ActivityChart } from '../components/ActivityChart';
import { pct } from '../components/BarChart';
import { QueryView } from '../components/states';

const PERIODS = ['7d', '30d', '90d', 'all'] as const;
type Period = (typeof PERIODS)[number];

function signed(n: number, format: (n: number) => string = String): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${format(Math.abs(n))}`;
}

/** Activity over a period, with the change against the previous period of the same length. */
export function PerformancePage() {
  const [period, setPeriod] = useState<Period>('30d');
  const perf = useQuery({
    queryKey: ['performance', period],
    queryFn: () =>
      call(api.GET('/api/v1/telemetry/performance', { params: { query: { period } } })),
  });
  return (
    <section>
      <h1>Performance</h1>
      <div role="group" aria-label="Period" className="segmented">
        {PERIODS.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={p === period}
            onClick={() => setPeriod(p)}
            className={p === period ? '' : 'secondary'}
          >
            {p === 'all' ? 'All time' : p}
          </button>
        ))}
      </div>
      <QueryView
        query={perf}
        what="your activity"
        isEmpty={(p) => p.summary.attempts === 0}
        empty={<p>No attempts in this period.</p>}
      >
        {(p) => {
          const change = p.summary.change;
          return (
            <>
              <dl className="stats">
                <div>
                  <dt>Attempts</dt>
                  <dd>
                    {p.summary.attempts}
                    {change && <small> ({signed(change.attempts)})</small>}
                  </dd>
                </div>
                <div>
                  <dt>Accepted</dt>
                  <dd>
                    {p.summary.accepted}
                    {change && <small> ({signed(change.accepted)})</small>}
                  </dd>
                </div>
                <div>
                  <dt>Success rate</dt>
                  <dd>
                    {pct(p.summary.successRate)}
                    {change && <small> ({signed(change.successRate, pct)})</small>}
                  </dd>
                </div>
                <div>
                  <dt>Distinct problems</dt>
                  <dd>{p.summary.distinctProblems}</dd>
                </div>
              </dl>
              <ActivityChart
                title={`Attempts per day, ${p.from.slice(0, 10)} to ${p.to.slice(0, 10)}`}
                points={p.dataPoints}
              />
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
