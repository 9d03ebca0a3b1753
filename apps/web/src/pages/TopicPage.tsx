import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { useTopicStats } from '../api/queries';
import { BarChart, pct } from '../components/BarChart';
import { Empty, QueryView } from '../components/states';
import { Link } from '../router';
import { TREND } from './TopicsPage';

const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

/** One topic: mastery, success per difficulty, and its revision cards due. */
export function TopicPage({ slug }: { slug: string }) {
  const stats = useTopicStats();
  const due = useQuery({
    queryKey: ['revisions', 'all'],
    queryFn: () =>
      call(api.GET('/api/v1/telemetry/revisions/due', { params: { query: { limit: 100 } } })),
  });
  return (
    <section>
      <p>
        <Link to="/topics">← All topics</Link>
      </p>
      <QueryView query={stats} what="the topic">
        {(rows) => {
          const t = rows.find((r) => r.topic === slug);
          if (!t) return <Empty>No attempts on “{slug}” yet.</Empty>;
          const cards = due.data?.items.filter((r) => r.topics.includes(slug)) ?? [];
          return (
            <>
              <h1>{t.topicName}</h1>
              <dl className="stats">
                <div>
                  <dt>Mastery</dt>
                  <dd>{pct(t.estimatedMastery)}</dd>
                </div>
                <div>
                  <dt>Trend</dt>
                  <dd>
                    <span aria-hidden="true">{TREND[t.masteryTrend].arrow}</span>{' '}
                    {TREND[t.masteryTrend].label}
                  </dd>
                </div>
                <div>
                  <dt>Solved</dt>
                  <dd>
                    {t.uniqueProblemsSolved} / {t.uniqueProblemsAttempted}
                  </dd>
                </div>
                <div>
                  <dt>Percentile</dt>
                  <dd>{Math.round(t.percentileRank)}</dd>
                </div>
              </dl>
              <BarChart
                title="Success rate by difficulty"
                bars={DIFFICULTIES.map((d) => ({
                  key: d,
                  label: `${d} (${t.attemptsByDifficulty[d]} attempts)`,
                  value: t.attemptsByDifficulty[d]
                    ? t.successByDifficulty[d] / t.attemptsByDifficulty[d]
                    : 0,
                }))}
              />
              <h2>Revision cards due</h2>
              {due.isPending ? (
                <p role="status">Loading revisions…</p>
              ) : cards.length === 0 ? (
                <Empty>Nothing on this topic to revise now.</Empty>
              ) : (
                <ul className="plain">
                  {cards.map((r) => (
                    <li key={r.canonicalProblemId}>
                      {r.title ?? r.canonicalProblemId}{' '}
                      <span className="muted">
                        {r.state}, recall {pct(r.retrievability)}, due{' '}
                        {new Date(r.due).toLocaleDateString()}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
