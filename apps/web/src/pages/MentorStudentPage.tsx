import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { BarChart, pct } from '../components/BarChart';
import { QueryView } from '../components/states';
import { Link } from '../router';
import { statusLabel } from '../tasks/task-actions';
import { TaskForm } from '../tasks/TaskForm';

/** A mentor's view of one student: streak, weak topics, roadmap PCI, tasks; assign a task. */
export function MentorStudentPage({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const summary = useQuery({
    queryKey: ['mentor', 'summary', id],
    queryFn: () =>
      call(api.GET('/api/v1/mentor/students/{id}/summary', { params: { path: { id } } })),
  });
  return (
    <section>
      <p>
        <Link to="/mentor">← Mentoring</Link>
      </p>
      <QueryView query={summary} what="the student">
        {(s) => (
          <>
            <h1>{s.student.name}</h1>
            <div className="grid three">
              <div className="card">
                <h2>Streak</h2>
                <p className="big">
                  {s.streak.current} days{' '}
                  <span className="muted">(longest {s.streak.longest})</span>
                </p>
              </div>
              <div className="card">
                <h2>Weak topics</h2>
                {s.weakTopics.length === 0 ? (
                  <p>None yet.</p>
                ) : (
                  <ul className="plain">
                    {s.weakTopics.map((t) => (
                      <li key={t.topic}>
                        {t.topicName} <span className="muted">{pct(t.estimatedMastery)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div className="card">
                <h2>Recent tasks</h2>
                {s.tasks.length === 0 ? (
                  <p>No task yet.</p>
                ) : (
                  <ul className="plain">
                    {s.tasks.map((t) => (
                      <li key={t.id}>
                        {t.description} <span className="badge">{statusLabel(t.status)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
            <div className="card">
              <h2>Roadmaps</h2>
              {s.roadmaps.length === 0 ? (
                <p>Follows no roadmap.</p>
              ) : (
                <BarChart
                  title="PCI per roadmap"
                  bars={s.roadmaps.map((r) => ({
                    key: r.roadmapId,
                    label: r.roadmapName,
                    value: r.pciScore,
                  }))}
                />
              )}
            </div>
            <TaskForm
              title={`Assign a task to ${s.student.name}`}
              submitLabel="Assign task"
              submit={(body) =>
                call(
                  api.POST('/api/v1/mentor/students/{id}/tasks', {
                    params: { path: { id } },
                    body,
                  }),
                )
              }
              onDone={() =>
                void queryClient.invalidateQueries({ queryKey: ['mentor', 'summary', id] })
              }
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
