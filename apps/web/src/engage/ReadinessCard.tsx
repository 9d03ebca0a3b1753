import { useReadiness } from '../api/queries';
import { pct } from '../components/BarChart';
import { QueryView } from '../components/states';
import { Link } from '../router';
import { readinessBreakdown, readinessOutlook } from './readiness-breakdown';

/** The interview readiness score (`GET /me/readiness`) with every input it is made of. */
export function ReadinessCard({ details = true }: { details?: boolean }) {
  const readiness = useReadiness();
  return (
    <div className="card">
      <h2>Readiness</h2>
      <QueryView query={readiness} what="your readiness">
        {(r) => (
          <>
            <p className="big">
              <strong data-testid="readiness-score">{r.score}</strong>
              <span className="muted"> / 100 (ready from {r.readyScore})</span>
            </p>
            <meter
              min={0}
              max={100}
              low={50}
              high={r.readyScore}
              optimum={100}
              value={r.score}
              aria-label="Readiness score"
            >
              {r.score}
            </meter>
            <p>{readinessOutlook(r)}</p>
            {details && (
              <>
                <div className="table-wrap">
                  <table>
                    <caption className="sr-only">What the score is made of</caption>
                    <thead>
                      <tr>
                        <th scope="col">Input</th>
                        <th scope="col">Value</th>
                        <th scope="col">Weight</th>
                        <th scope="col">Points</th>
                      </tr>
                    </thead>
                    <tbody>
                      {readinessBreakdown(r.inputs).map((row) => (
                        <tr key={row.key}>
                          <td>{row.label}</td>
                          <td>{pct(row.value)}</td>
                          <td>{row.weight}</td>
                          <td>{row.points}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <dl className="stats">
                  <div>
                    <dt>Revision cards</dt>
                    <dd>{r.inputs.cards}</dd>
                  </div>
                  <div>
                    <dt>Due now</dt>
                    <dd>{r.inputs.dueCards}</dd>
                  </div>
                  <div>
                    <dt>Roadmaps counted</dt>
                    <dd>{r.inputs.roadmaps.length}</dd>
                  </div>
                  <div>
                    <dt>Pace</dt>
                    <dd>{r.pacePerDay === null ? '—' : `${r.pacePerDay.toFixed(2)}/day`}</dd>
                  </div>
                  <div>
                    <dt>Target date</dt>
                    <dd>{r.targetDate ?? '—'}</dd>
                  </div>
                  <div>
                    <dt>Projected</dt>
                    <dd>{r.projectedReadyDate ?? '—'}</dd>
                  </div>
                </dl>
              </>
            )}
            <Link to="/profile">Set your target date and time zone</Link>
          </>
        )}
      </QueryView>
    </div>
  );
}
