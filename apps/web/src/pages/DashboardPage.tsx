import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import { useTopicStats } from '../api/queries';
import { useUser } from '../auth';
import { BarChart, pct } from '../components/BarChart';
import { QueryView } from '../components/states';
import { NextTaskCard, NotificationsCard } from '../dashboard/DashboardCards';
import { ReadinessCard } from '../engage/ReadinessCard';
import { StreakCard } from '../engage/StreakCard';
import { Link } from '../router';
import { FromAdviceButton } from '../tasks/FromAdviceButton';

/**
 * The learner's day: level, advice, the next task, notifications, streak, readiness, the
 * week, revisions due, weakest topics, followed roadmaps' PCI.
 */
export function DashboardPage() {
  const user = useUser();
  const pci = useQuery({
    queryKey: ['pci'],
    queryFn: () => call(api.GET('/api/v1/roadmaps/pci', { params: { query: { limit: 100 } } })),
  });
  const due = useQuery({
    queryKey: ['revisions'],
    queryFn: () =>
      call(api.GET('/api/v1/telemetry/revisions/due', { params: { query: { limit: 5 } } })),
  });
  const week = useQuery({
    queryKey: ['performance', '7d'],
    queryFn: () =>
      call(api.GET('/api/v1/telemetry/performance', { params: { query: { period: '7d' } } })),
  });
  const stats = useTopicStats();
  const level = useQuery({
    queryKey: ['level'],
    queryFn: () => call(api.GET('/api/v1/me/level', {})),
  });
  // Advisory advises a learner after their first PCI: without a followed roadmap there is
  // none to ask for, and a 404 still means "no advice yet".
  const follows = (pci.data?.items.length ?? 0) > 0;
  const advice = useQuery({
    queryKey: ['advice'],
    enabled: follows,
    queryFn: () =>
      call(api.GET('/api/v1/advisory/advice', {})).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
  });
  return (
    <section>
      <h1>Hello, {user?.name}</h1>
      <div className="grid two">
        <div className="card">
          <h2>Level</h2>
          <QueryView query={level} what="your level">
            {(l) => (
              <>
                <p className="big" data-testid="level">
                  {l.level.toFixed(1)}
                </p>
                <p className="muted">
                  {l.points} points from {l.solvedByDifficulty.easy} easy,{' '}
                  {l.solvedByDifficulty.medium} medium and {l.solvedByDifficulty.hard} hard problems
                  solved
                </p>
              </>
            )}
          </QueryView>
          <Link to="/synergy">Synergy and the feed</Link>
        </div>
        <div className="card">
          <h2>Next step</h2>
          {!follows && !pci.isPending ? (
            <p>No advice yet: follow a roadmap and import your attempts.</p>
          ) : (
            <QueryView
              query={advice}
              what="your next step"
              isEmpty={(a) => a === null}
              empty={<p>No advice yet: follow a roadmap and import your attempts.</p>}
            >
              {(a) =>
                a && (
                  <>
                    <p>{a.message}</p>
                    {a.task && (
                      <p>
                        Next task: <strong>{a.task.problem.title}</strong>{' '}
                        <span className="muted">
                          ({a.task.topicName}, {a.task.problem.difficulty}, about{' '}
                          {a.task.estimatedTimeMinutes} min)
                        </span>{' '}
                        {a.task.problem.url && (
                          <a href={a.task.problem.url} target="_blank" rel="noreferrer">
                            Open the problem
                          </a>
                        )}
                      </p>
                    )}
                    {a.task && <FromAdviceButton label="Make it my task" />}
                    {!a.task && a.nextTopic && (
                      <p>
                        Next topic:{' '}
                        <Link to={`/topics/${encodeURIComponent(a.nextTopic.topic)}`}>
                          {a.nextTopic.topicName}
                        </Link>{' '}
                        <span className="muted">({a.nextTopic.reason})</span>
                      </p>
                    )}
                  </>
                )
              }
            </QueryView>
          )}
        </div>
      </div>
      <div className="grid four">
        <NextTaskCard />
        <NotificationsCard />
        <StreakCard days={false} />
        <ReadinessCard details={false} />
      </div>
      <div className="grid three">
        <div className="card">
          <h2>This week</h2>
          <QueryView query={week} what="your week">
            {(p) => (
              <dl className="stats">
                <div>
                  <dt>Attempts</dt>
                  <dd>{p.summary.attempts}</dd>
                </div>
                <div>
                  <dt>Accepted</dt>
                  <dd>{p.summary.accepted}</dd>
                </div>
                <div>
                  <dt>Success rate</dt>
                  <dd>{pct(p.summary.successRate)}</dd>
                </div>
              </dl>
            )}
          </QueryView>
          <Link to="/performance">Performance over time</Link>
        </div>
        <div className="card">
          <h2>Revisions due</h2>
          <QueryView
            query={due}
            what="revisions"
            isEmpty={(page) => page.items.length === 0}
            empty={<p>Nothing to revise today.</p>}
          >
            {(page) => (
              <ul className="plain">
                {page.items.map((r) => (
                  <li key={r.canonicalProblemId}>
                    {r.title ?? r.canonicalProblemId}{' '}
                    <span className="muted">
                      ({r.difficulty}, recall {pct(r.retrievability)})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </QueryView>
        </div>
        <div className="card">
          <h2>Weakest topics</h2>
          <QueryView
            query={stats}
            what="topics"
            isEmpty={(rows) => rows.length === 0}
            empty={
              <p>
                No attempts yet: <Link to="/connect">connect an account or upload an export</Link>.
              </p>
            }
          >
            {(rows) => (
              <ul className="plain">
                {[...rows]
                  .sort((a, b) => a.estimatedMastery - b.estimatedMastery)
                  .slice(0, 5)
                  .map((t) => (
                    <li key={t.topic}>
                      <Link to={`/topics/${encodeURIComponent(t.topic)}`}>{t.topicName}</Link>{' '}
                      <span className="muted">{pct(t.estimatedMastery)}</span>
                    </li>
                  ))}
              </ul>
            )}
          </QueryView>
        </div>
      </div>
      <div className="card">
        <h2>Roadmaps you follow</h2>
        <QueryView
          query={pci}
          what="roadmap progress"
          isEmpty={(page) => page.items.length === 0}
          empty={
            <p>
              You follow no roadmap yet. <Link to="/roadmaps">Pick or create one</Link>.
            </p>
          }
        >
          {(page) => (
            <BarChart
              title="Progress completion index (PCI) per roadmap"
              bars={page.items.map((r) => ({
                key: r.roadmapId,
                label: r.roadmapName,
                value: r.pciScore,
              }))}
            />
          )}
        </QueryView>
      </div>
    </section>
  );
}
