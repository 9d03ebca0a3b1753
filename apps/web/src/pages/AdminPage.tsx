import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { QueryView } from '../components/states';

/** Items of an admin list whose schema the API leaves open: shown by their main fields. */
type Row = Record<string, unknown>;

function describe(row: Row): string {
  const keys = ['title', 'tag', 'platform', 'platformProblemId', 'reason', 'count', 'openReports'];
  return keys
    .filter((k) => row[k] !== undefined && row[k] !== null)
    .map((k) => `${k}: ${String(row[k])}`)
    .join(' · ');
}

function AdminList(props: { title: string; load: () => Promise<unknown>; queryKey: string }) {
  const query = useQuery({
    queryKey: ['admin', props.queryKey],
    queryFn: async () => ((await props.load()) as { items: Row[] }).items,
  });
  return (
    <div className="card">
      <h2>{props.title}</h2>
      <QueryView
        query={query}
        what={props.title.toLowerCase()}
        isEmpty={(items) => items.length === 0}
        empty={<p>Nothing here.</p>}
      >
        {(items) => (
          <ul className="plain">
            {items.map((row, i) => (
              <li key={String(row.id ?? row._id ?? row.tag ?? i)}>{describe(row) || '—'}</li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}

/** What needs an admin's eye in the catalog. */
export function AdminPage() {
  const page = { params: { query: { limit: 20 } } };
  return (
    <section>
      <h1>Admin</h1>
      <div className="grid two">
        <AdminList
          title="Normalization failures"
          queryKey="failures"
          load={() => call(api.GET('/api/v1/admin/normalization/failures', page))}
        />
        <AdminList
          title="Possible duplicates"
          queryKey="duplicates"
          load={() => call(api.GET('/api/v1/admin/normalization/possible-duplicates', page))}
        />
        <AdminList
          title="Unmapped tags"
          queryKey="unmapped"
          load={() => call(api.GET('/api/v1/admin/tags/unmapped', page))}
        />
        <AdminList
          title="Flagged problems"
          queryKey="flagged"
          load={() => call(api.GET('/api/v1/admin/problems/flagged', page))}
        />
      </div>
    </section>
  );
}
