import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { api, call } from '../api/client';
import { Field } from '../components/Field';

/**
 * Picks the canonical problem of a coding task: words of its title search the catalog
 * (`GET /problems?q=`), the matches fill a select whose value is the problem id.
 */
export function ProblemPicker(props: {
  value: string;
  onChange: (problemId: string) => void;
  error?: string;
}) {
  const [words, setWords] = useState('');
  const q = useDeferredValue(words.trim());
  const found = useQuery({
    queryKey: ['problems', { q, limit: 10 }],
    enabled: q.length >= 2,
    queryFn: () => call(api.GET('/api/v1/problems', { params: { query: { q, limit: 10 } } })),
  });
  const items = found.data?.items ?? [];
  const hint =
    q.length < 2
      ? 'Type two letters or more of the title'
      : found.isPending
        ? 'Searching…'
        : found.isError
          ? 'The search failed; try again'
          : `${items.length} match${items.length === 1 ? '' : 'es'}`;
  return (
    <>
      <Field label="Find a problem" hint={hint}>
        {(p) => (
          <input {...p} type="search" value={words} onChange={(e) => setWords(e.target.value)} />
        )}
      </Field>
      <Field label="Problem" error={props.error}>
        {(p) => (
          <select {...p} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
            <option value="">Choose a problem…</option>
            {items.map((problem) => (
              <option key={problem.id} value={problem.id}>
                {problem.title} ({problem.difficulty})
              </option>
            ))}
            {props.value && !items.some((problem) => problem.id === props.value) && (
              <option value={props.value}>the problem chosen before</option>
            )}
          </select>
        )}
      </Field>
    </>
  );
}
