import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import type { Integration, Platform } from '../api/types';
import { ImportForm } from './ImportForm';
import { Field } from '../components/Field';
import { FormError, QueryView } from '../components/states';

/** Linked accounts with their sync state, the sync logs, and the export upload. */
export function ConnectPage() {
  const integrations = useQuery({
    queryKey: ['integrations'],
    queryFn: () => call(api.GET('/api/v1/integrations', {})),
  });
  return (
    <section>
      <h1>Accounts &amp; import</h1>
      <div className="grid two">
        <div className="card">
          <h2>Linked accounts</h2>
          <QueryView
            query={integrations}
            what="your accounts"
            isEmpty={(list) => list.length === 0}
            empty={<p>No account linked yet.</p>}
          >
            {(list) => (
              <ul className="plain">
                {list.map((i) => (
                  <LinkedAccount key={i.platform} integration={i} />
                ))}
              </ul>
            )}
          </QueryView>
          <LinkForm />
        </div>
        <ImportForm />
      </div>
      <SyncLogs />
    </section>
  );
}

function LinkForm() {
  const queryClient = useQueryClient();
  const [platform, setPlatform] = useState<'codeforces' | 'leetcode'>('codeforces');
  const [username, setUsername] = useState('');
  const [cookie, setCookie] = useState('');
  const link = useMutation({
    mutationFn: () =>
      call(
        api.PUT('/api/v1/integrations/{platform}', {
          params: { path: { platform } },
          body: {
            username,
            ...(platform === 'leetcode' && cookie ? { sessionCookie: cookie } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setCookie('');
      void queryClient.invalidateQueries({ queryKey: ['integrations'] });
    },
  });
  const fields = link.error instanceof ApiError ? link.error.fieldErrors() : {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    link.mutate();
  };
  return (
    <form onSubmit={onSubmit} className="stack" noValidate>
      <h3>Link an account</h3>
      <Field label="Platform">
        {(props) => (
          <select
            {...props}
            value={platform}
            onChange={(e) => setPlatform(e.target.value as 'codeforces' | 'leetcode')}
          >
            <option value="codeforces">Codeforces</option>
            <option value="leetcode">LeetCode</option>
          </select>
        )}
      </Field>
      <Field label="Handle" error={fields.username}>
        {(props) => (
          <input {...props} value={username} onChange={(e) => setUsername(e.target.value)} />
        )}
      </Field>
      {platform === 'leetcode' && (
        <Field
          label="LEETCODE_SESSION cookie (optional)"
          error={fields.sessionCookie}
          hint="Without it PrepMate sees only your recent accepted submissions. With it, your full history. It is stored encrypted and never shown again; copy it from your browser's cookies on leetcode.com."
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="off"
              value={cookie}
              onChange={(e) => setCookie(e.target.value)}
            />
          )}
        </Field>
      )}
      {Object.keys(fields).length === 0 && <FormError error={link.error} />}
      <button type="submit" disabled={link.isPending}>
        Link
      </button>
    </form>
  );
}

function LinkedAccount({ integration }: { integration: Integration }) {
  const queryClient = useQueryClient();
  const state = useQuery({
    queryKey: ['sync-state', integration.platform],
    queryFn: () =>
      call(
        api.GET('/api/v1/sync/state/{platform}', {
          params: { path: { platform: integration.platform } },
        }),
      ),
    refetchInterval: (q) => (q.state.data?.lastSyncStatus === 'running' ? 2000 : false),
  });
  const sync = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/integrations/{platform}/sync', {
          params: { path: { platform: integration.platform } },
        }),
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['sync-state', integration.platform] });
      void queryClient.invalidateQueries({ queryKey: ['sync-logs'] });
    },
  });
  return (
    <li className="row">
      <div>
        <strong>{integration.platform}</strong> · {integration.username}
        {integration.hasSessionCookie && <span className="badge">cookie stored</span>}
        <div className="muted" aria-live="polite">
          {state.isPending
            ? 'Loading sync state…'
            : state.isError
              ? 'Sync state unavailable'
              : `Last sync: ${state.data.lastSyncStatus}${state.data.lastSyncAttempt ? ` (${new Date(state.data.lastSyncAttempt).toLocaleString()})` : ''}${state.data.lastError ? ` · ${state.data.lastError}` : ''}`}
        </div>
      </div>
      {integration.syncSupported && (
        <button
          type="button"
          className="secondary"
          onClick={() => sync.mutate()}
          disabled={sync.isPending || state.data?.lastSyncStatus === 'running'}
          aria-label={`Sync ${integration.platform} now`}
        >
          Sync now
        </button>
      )}
      <FormError error={sync.error} />
    </li>
  );
}

function SyncLogs() {
  const logs = useQuery({
    queryKey: ['sync-logs'],
    queryFn: () => call(api.GET('/api/v1/sync/logs', { params: { query: { limit: 10 } } })),
    refetchInterval: (q) =>
      q.state.data?.items.some((l) => l.status === 'running') ? 2000 : false,
  });
  return (
    <div className="card">
      <h2>Recent syncs and imports</h2>
      <QueryView
        query={logs}
        what="the sync log"
        isEmpty={(page) => page.items.length === 0}
        empty={<p>Nothing synced or imported yet.</p>}
      >
        {(page) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Platform</th>
                  <th scope="col">Source</th>
                  <th scope="col">Status</th>
                  <th scope="col">New / duplicate / failed</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((l) => (
                  <tr key={l.syncBatchId}>
                    <td>{new Date(l.startTime).toLocaleString()}</td>
                    <td>{l.platform satisfies Platform}</td>
                    <td>{l.source}</td>
                    <td>{l.status}</td>
                    <td>
                      {l.recordsInserted} / {l.recordsDuplicate} / {l.recordsFailed}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </div>
  );
}
