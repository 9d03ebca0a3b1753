import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';
import { TASK_STATUSES, type Task, type TaskStatus } from '../api/types';
import { Field } from '../components/Field';
import { QueryView } from '../components/states';
import { Link } from '../router';
import { FromAdviceButton } from '../tasks/FromAdviceButton';
import { statusLabel, watchInterval } from '../tasks/task-actions';
import { TaskForm } from '../tasks/TaskForm';

/** My tasks, newest first, by status, a page of 20 at a time; create one, or one from advice. */
export function TasksPage() {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const tasks = useInfiniteQuery({
    queryKey: ['tasks', 'list', status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/tasks', {
          params: { query: { limit: 20, cursor: pageParam, status: status || undefined } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // a task being verified settles on its own: read the list again until it has
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((t) => watchInterval(t.status)))
        ? 3000
        : false,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  return (
    <section>
      <h1>Tasks</h1>
      <div className="card row">
        <p>Let advisory pick your next problem: a task for its advised topic and problem.</p>
        <FromAdviceButton />
      </div>
      <div className="grid two">
        <div>
          <div className="filters">
            <Field label="Status">
              {(p) => (
                <select
                  {...p}
                  value={status}
                  onChange={(e) => setStatus(e.target.value as TaskStatus | '')}
                >
                  <option value="">Any status</option>
                  {TASK_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {statusLabel(s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <QueryView
            query={tasks}
            what="tasks"
            isEmpty={(data) => data.pages[0].items.length === 0}
            empty={<p>{status ? 'No task with this status.' : 'No task yet: create one.'}</p>}
          >
            {(data) => (
              <>
                <ul className="plain tasks">
                  {data.pages
                    .flatMap((p) => p.items)
                    .map((task) => (
                      <TaskRow key={task.id} task={task} />
                    ))}
                </ul>
                {tasks.hasNextPage && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void tasks.fetchNextPage()}
                    disabled={tasks.isFetchingNextPage}
                  >
                    {tasks.isFetchingNextPage ? 'Loading…' : 'More tasks'}
                  </button>
                )}
              </>
            )}
          </QueryView>
        </div>
        <TaskForm
          title="Create a task"
          submitLabel="Create task"
          submit={(body) => call(api.POST('/api/v1/tasks', { body }))}
          onDone={refresh}
        />
      </div>
    </section>
  );
}

export function TaskRow({ task }: { task: Task }) {
  return (
    <li className="card" data-task={task.id}>
      <Link to={`/tasks/${encodeURIComponent(task.id)}`}>{task.description}</Link>{' '}
      <span className={`badge status-${task.status}`}>{statusLabel(task.status)}</span>
      <p className="muted">
        {task.verificationSource}
        {task.estimatedTimeMinutes ? `, about ${task.estimatedTimeMinutes} min` : ''}
        {task.dueAt ? `, due ${new Date(task.dueAt).toLocaleString()}` : ''}
        {task.assignedBy ? ', assigned by your mentor' : ''}
      </p>
    </li>
  );
}
