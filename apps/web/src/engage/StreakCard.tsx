import { useStreak } from '../api/queries';
import { QueryView } from '../components/states';

const DAY_LABELS = {
  counted: 'counted',
  frozen: 'covered by a freeze',
  missed: 'missed',
  today_pending: 'today, not counted yet',
} as const;

/**
 * The daily streak (`GET /me/streak`). Freezes are spent by the server on a single missed
 * day (docs/product.md, "Daily streak"): there is nothing to press, only what is left.
 */
export function StreakCard({ days = true }: { days?: boolean }) {
  const streak = useStreak();
  return (
    <div className="card">
      <h2>Streak</h2>
      <QueryView query={streak} what="your streak">
        {(s) => (
          <>
            <dl className="stats" data-testid="streak">
              <div>
                <dt>Current</dt>
                <dd data-testid="streak-current">
                  {s.current} day{s.current === 1 ? '' : 's'}
                </dd>
              </div>
              <div>
                <dt>Longest</dt>
                <dd>
                  {s.longest} day{s.longest === 1 ? '' : 's'}
                </dd>
              </div>
              <div>
                <dt>Freezes left</dt>
                <dd>{s.freezesLeft}</dd>
              </div>
            </dl>
            <p className="muted">
              {s.todayCounted
                ? 'Today counts already.'
                : 'Solve a problem or verify a task today to keep it going.'}{' '}
              A single missed day is covered by a freeze automatically (2 a month).
            </p>
            {days && (
              <ol className="days" aria-label={`The last ${s.recentDays.length} days`}>
                {s.recentDays.map((d) => (
                  <li
                    key={d.date}
                    className={`day ${d.status}`}
                    title={`${d.date}: ${DAY_LABELS[d.status]}`}
                  >
                    <span className="sr-only">
                      {d.date}: {DAY_LABELS[d.status]}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
