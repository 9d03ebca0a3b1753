import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { LAYERS } from '../api/types';
import { BarChart, pct } from '../components/BarChart';
import { FormError, QueryView } from '../components/states';
import { useUser } from '../auth';
import { Link } from '../router';
import { RoadmapEditor } from './RoadmapEditor';

const STATUS_LABEL = {
  not_started: 'not started',
  started: 'started',
  in_progress: 'in progress',
  proficient: 'proficient',
  mastered: 'mastered',
} as const;

/** A roadmap as layers of topics, its PCI (overall and by layer), next steps and time left. */
export function RoadmapPage({ id }: { id: string }) {
  const path = { params: { path: { id } } };
  const queryClient = useQueryClient();
  const me = useUser();
  const roadmap = useQuery({
    queryKey: ['roadmap', id],
    queryFn: () => call(api.GET('/api/v1/roadmaps/{id}', path)),
  });
  const pci = useQuery({
    queryKey: ['pci', id],
    queryFn: () => call(api.GET('/api/v1/roadmaps/{id}/pci', path)),
  });
  const recommendations = useQuery({
    queryKey: ['recommendations', id],
    queryFn: () => call(api.GET('/api/v1/roadmaps/{id}/recommendations', path)),
  });
  const estimate = useQuery({
    queryKey: ['time-estimate', id],
    queryFn: () => call(api.GET('/api/v1/roadmaps/{id}/time-estimate', path)),
  });
  const follow = useMutation({
    mutationFn: (following: boolean) =>
      call(
        following
          ? api.DELETE('/api/v1/roadmaps/{id}/follow', path)
          : api.POST('/api/v1/roadmaps/{id}/follow', path),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['roadmap', id] });
      void queryClient.invalidateQueries({ queryKey: ['roadmaps'] });
      void queryClient.invalidateQueries({ queryKey: ['pci'] });
    },
  });
  return (
    <section>
      <p>
        <Link to="/roadmaps">← All roadmaps</Link>
      </p>
      <QueryView query={roadmap} what="the roadmap">
        {(r) => {
          const progress = new Map(pci.data?.topicProgresses.map((t) => [t.topic, t]));
          return (
            <>
              <h1>{r.name}</h1>
              {r.description && <p>{r.description}</p>}
              {r.warnings.length > 0 && (
                <ul className="warnings">
                  {r.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
              <button
                type="button"
                className="secondary"
                onClick={() => follow.mutate(r.following)}
                disabled={follow.isPending}
              >
                {r.following ? 'Unfollow' : 'Follow'}
              </button>
              <FormError error={follow.error} />
              <div className="grid two">
                <div className="card">
                  <h2>Progress</h2>
                  <QueryView query={pci} what="the PCI">
                    {(p) => (
                      <>
                        <p className="big" data-testid="pci">
                          PCI <strong>{p.pciScore.toFixed(2)}</strong>{' '}
                          <span className="muted">
                            ({p.completionPercentage}% · {p.topicsCompleted}/{p.topicsTotal} topics)
                          </span>
                        </p>
                        <BarChart
                          title="Weight completed per layer"
                          bars={LAYERS.filter((l) => p.byLayer[l].topicsTotal > 0).map((l) => ({
                            key: l,
                            label: `${l} (${p.byLayer[l].topicsCompleted}/${p.byLayer[l].topicsTotal})`,
                            value: p.byLayer[l].weightTotal
                              ? p.byLayer[l].weightCompleted / p.byLayer[l].weightTotal
                              : 0,
                          }))}
                        />
                      </>
                    )}
                  </QueryView>
                  <QueryView query={estimate} what="the time estimate">
                    {(e) => (
                      <p>
                        {e.remainingHours} of {e.totalHours} hours left: about {e.estimatedDays}{' '}
                        days at 2 hours a day (done by {e.completionDate}).
                      </p>
                    )}
                  </QueryView>
                </div>
                <div className="card">
                  <h2>Next steps</h2>
                  <QueryView
                    query={recommendations}
                    what="recommendations"
                    isEmpty={(page) => page.items.length === 0}
                    empty={<p>Every topic you can start is done. Well done!</p>}
                  >
                    {(page) => (
                      <ol>
                        {page.items.map((rec) => (
                          <li key={rec.topic}>
                            <strong>{rec.topicName}</strong>{' '}
                            <span className="muted">
                              ({rec.layer}, mastery {pct(rec.estimatedMastery)}) — {rec.reason}
                            </span>
                          </li>
                        ))}
                      </ol>
                    )}
                  </QueryView>
                </div>
              </div>
              {r.createdBy !== null && r.createdBy === me?.id && <RoadmapEditor roadmap={r} />}
              {LAYERS.map((layer) => {
                const topics = (r.topics ?? []).filter((t) => t.layer === layer);
                if (topics.length === 0) return null;
                return (
                  <div className="card" key={layer}>
                    <h2 className="layer-title">{layer}</h2>
                    <ul className="topics">
                      {topics.map((t) => {
                        const status = progress.get(t.topic)?.completionStatus ?? 'not_started';
                        return (
                          <li key={t.topic} className={`status-${status}`}>
                            <strong>{t.topicName}</strong>
                            <span className="muted">
                              weight {pct(t.normalizedWeight)} · needs {pct(t.completionThreshold)}{' '}
                              · {STATUS_LABEL[status]}
                              {progress.get(t.topic) &&
                                ` (${pct(progress.get(t.topic)!.estimatedMastery)})`}
                              {(progress.get(t.topic)?.verifiedTasks ?? 0) > 0 &&
                                ` · ${verifiedLabel(progress.get(t.topic)!.verifiedTasks)}`}
                            </span>
                            {t.dependencies.length > 0 && (
                              <span className="muted">after {t.dependencies.join(', ')}</span>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                );
              })}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

/** "1 verified task" / "3 verified tasks": tasks count beside PCI, not in it. */
function verifiedLabel(count: number): string {
  return `${count} verified task${count === 1 ? '' : 's'}`;
}
