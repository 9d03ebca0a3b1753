import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Notification, NotificationPreference } from '../api/types';
import { FormError, QueryView } from '../components/states';
import { kindLabel, notificationLink } from '../notifications/notification-view';
import { Link } from '../router';

const EMAIL = ['off', 'immediate', 'digest'] as const;

/** Notifications, newest first, 20 a page; mark one or all read; the preferences per kind. */
export function NotificationsPage() {
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/notifications', { params: { query: { limit: 20, cursor: pageParam } } }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const readAll = useMutation({
    mutationFn: () => call(api.POST('/api/v1/notifications/read-all', {})),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = list.data?.pages[0].unreadCount ?? 0;
  return (
    <section>
      <h1>Notifications</h1>
      <div className="card">
        <div className="row">
          <p>
            <strong data-testid="unread-count">{unread}</strong> unread
          </p>
          <button
            type="button"
            className="secondary"
            onClick={() => readAll.mutate()}
            disabled={readAll.isPending || unread === 0}
          >
            Mark all read
          </button>
        </div>
        <FormError error={readAll.error} />
        <QueryView
          query={list}
          what="notifications"
          isEmpty={(data) => data.pages[0].items.length === 0}
          empty={<p>No notification yet.</p>}
        >
          {(data) => (
            <>
              <ul className="plain notifications">
                {data.pages
                  .flatMap((p) => p.items)
                  .map((n) => (
                    <NotificationItem key={n.id} n={n} />
                  ))}
              </ul>
              {list.hasNextPage && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void list.fetchNextPage()}
                  disabled={list.isFetchingNextPage}
                >
                  {list.isFetchingNextPage ? 'Loading…' : 'More notifications'}
                </button>
              )}
            </>
          )}
        </QueryView>
      </div>
      <Preferences />
    </section>
  );
}

export function NotificationItem({ n, compact = false }: { n: Notification; compact?: boolean }) {
  const queryClient = useQueryClient();
  const read = useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id: n.id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const to = notificationLink(n);
  return (
    <li className={n.readAt ? 'notification' : 'notification unread'} data-kind={n.kind}>
      <div className="row">
        <span>
          <strong>{to ? <Link to={to}>{n.title}</Link> : n.title}</strong>
          {!n.readAt && <span className="badge">new</span>}
        </span>
        <span className="muted">
          {compact ? '' : `${kindLabel(n.kind)}, `}
          {new Date(n.createdAt).toLocaleString()}
        </span>
      </div>
      {!compact && <p>{n.body}</p>}
      {!n.readAt && !compact && (
        <button
          type="button"
          className="secondary"
          onClick={() => read.mutate()}
          disabled={read.isPending}
        >
          Mark read<span className="sr-only">: {n.title}</span>
        </button>
      )}
      <FormError error={read.error} />
    </li>
  );
}

function Preferences() {
  const queryClient = useQueryClient();
  const prefs = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => call(api.GET('/api/v1/me/notification-preferences', {})),
  });
  const change = useMutation({
    mutationFn: (
      preference: Partial<NotificationPreference> & Pick<NotificationPreference, 'kind'>,
    ) =>
      call(api.PUT('/api/v1/me/notification-preferences', { body: { preferences: [preference] } })),
    onSuccess: (answer) => queryClient.setQueryData(['notification-preferences'], answer),
  });
  return (
    <div className="card">
      <h2>Notification settings</h2>
      <QueryView query={prefs} what="your settings">
        {(p) => (
          <>
            {!p.emailEnabled && (
              <p className="muted">This server sends no email: only the in-app setting applies.</p>
            )}
            <div className="table-wrap">
              <table className="prefs">
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">In the app</th>
                    <th scope="col">Email</th>
                  </tr>
                </thead>
                <tbody>
                  {p.preferences.map((pref) => (
                    <tr key={pref.kind}>
                      <td>{kindLabel(pref.kind)}</td>
                      <td>
                        <input
                          type="checkbox"
                          checked={pref.inApp}
                          aria-label={`${kindLabel(pref.kind)} in the app`}
                          disabled={change.isPending}
                          onChange={(e) =>
                            change.mutate({ kind: pref.kind, inApp: e.target.checked })
                          }
                        />
                      </td>
                      <td>
                        <select
                          value={pref.email}
                          aria-label={`${kindLabel(pref.kind)} by email`}
                          disabled={change.isPending}
                          onChange={(e) =>
                            change.mutate({
                              kind: pref.kind,
                              email: e.target.value as NotificationPreference['email'],
                            })
                          }
                        >
                          {EMAIL.map((m) => (
                            <option key={m} value={m}>
                              {m}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <FormError error={change.error} />
          </>
        )}
      </QueryView>
    </div>
  );
}
