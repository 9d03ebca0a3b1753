import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import type { ImportResult } from '../api/types';
import { Field } from '../components/Field';
import { FormError } from '../components/states';

const FORMATS = [
  { value: 'codeforces', label: 'Codeforces user.status JSON' },
  { value: 'leetcode', label: 'LeetCode GraphQL answers' },
  { value: 'prepmate', label: 'PrepMate JSON' },
] as const;
type Format = (typeof FORMATS)[number]['value'];

/** Uploads an export file and shows what became of each record. */
export function ImportForm() {
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<Format>('codeforces');
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (): Promise<ImportResult> => {
      const body: unknown = JSON.parse(await file!.text());
      return call(
        api.POST('/api/v1/submissions/import', {
          params: { query: { format } },
          // The other formats are the platforms' own JSON, validated by the server.
          body: body as never,
        }),
      );
    },
    onSuccess: () => {
      for (const key of ['sync-logs', 'topic-stats', 'weak-topics', 'performance', 'pci'])
        void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setReadError(file ? null : 'Choose a file first');
    if (file) upload.mutate();
  };
  const parseFailed = upload.error instanceof SyntaxError;
  return (
    <form className="card stack" onSubmit={onSubmit} noValidate>
      <h2>Upload an export</h2>
      <Field label="Format">
        {(props) => (
          <select {...props} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Export file (.json)" error={readError ?? undefined}>
        {(props) => (
          <input
            {...props}
            type="file"
            accept="application/json,.json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      {parseFailed ? (
        <p className="form-error" role="alert">
          That file is not JSON.
        </p>
      ) : (
        <FormError error={upload.error} />
      )}
      <button type="submit" disabled={upload.isPending}>
        {upload.isPending ? 'Uploading…' : 'Upload'}
      </button>
      {upload.data && <ImportReport result={upload.data} />}
    </form>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  return (
    <div className="report" role="status" aria-live="polite">
      <p>
        <strong data-testid="import-inserted">{result.inserted}</strong> new,{' '}
        <strong>{result.duplicates}</strong> already known,{' '}
        <strong>{result.rejected.length}</strong> rejected of {result.received} records.
      </p>
      {result.warnings?.map((w) => (
        <p key={w} className="muted">
          {w}
        </p>
      ))}
      {result.rejected.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Rejected records</caption>
            <thead>
              <tr>
                <th scope="col">Record</th>
                <th scope="col">Field</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {result.rejected.map((r) => (
                <tr key={r.index}>
                  <td>#{r.index}</td>
                  <td>{r.field ?? '—'}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
