import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { useLatestNotifications } from '../api/queries';
import { QueryView } from '../components/states';
import { NotificationItem } from '../pages/NotificationsPage';
import { Link } from '../router';
import { statusLabel } from '../tasks/task-actions';

/** The first in-progress task, else the newest pending one: what to work on now. */
export function NextTaskCard() {
  const next = useQuery({
    queryKey: ['tasks', 'next'],
    queryFn: async () => {
      for (const status of ['in_progress', 'pending'] as const) {
        const page = await call(
          api.GET('/api/v1/tasks', { params: { query: { status, limit: 1 } } }),
        );
        if (page.items.length > 0) return page.items[0];
      }
      return null;
    },
  });
  return (
    <div className="card">
      <h2>Next task</h2>
      <QueryView
        query={next}
        what="your next task"
        isEmpty={(task) => task === null}
        empty={
          <p>
            No open task. <Link to="/tasks">Create one, or one from advice</Link>.
          </p>
        }
      >
        {(task) =>
          task && (
            <p data-testid="next-task">
              <Link to={`/tasks/${encodeURIComponent(task.id)}`}>{task.description}</Link>{' '}
              <span className="badge">{statusLabel(task.status)}</span>
            </p>
          )
        }
      </QueryView>
      <Link to="/tasks">All tasks</Link>
    </div>
  );
}

/** The newest notifications and the unread count. */
export function NotificationsCard() {
  const latest = useLatestNotifications();
  return (
    <div className="card">
      <h2>Notifications</h2>
      <QueryView
        query={latest}
        what="notifications"
        isEmpty={(page) => page.items.length === 0}
        empty={<p>No notification yet.</p>}
      >
        {(page) => (
          <>
            <p className="muted" data-testid="dashboard-unread">
              {page.unreadCount} unread
            </p>
            <ul className="plain">
              {page.items.slice(0, 3).map((n) => (
                <NotificationItem key={n.id} n={n} compact />
              ))}
            </ul>
          </>
        )}
      </QueryView>
      <Link to="/notifications">All notifications</Link>
    </div>
  );
}
