import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { useTaxonomy } from '../api/queries';
import type { Problem } from '../api/types';
import { Field } from '../components/Field';
import { FormError, QueryView } from '../components/states';

type Difficulty = 'easy' | 'medium' | 'hard';
const REPORT_TYPES = ['incorrect', 'typo', 'unclear', 'wrong_tags', 'other'] as const;

/** The catalog: search by title, filter by topic and difficulty, bookmark, report. */
export function ProblemsPage() {
  const taxonomy = useTaxonomy();
  const [draft, setDraft] = useState('');
  const [filters, setFilters] = useState<{ q?: string; topic?: string; difficulty?: Difficulty }>(
    {},
  );
  const problems = useInfiniteQuery({
    queryKey: ['problems', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/problems', {
          params: { query: { ...filters, limit: 20, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ ...filters, q: draft.trim() || undefined });
  };
  return (
    <section>
      <h1>Problems</h1>
      <form className="filters" role="search" onSubmit={onSearch}>
        <Field label="Title contains">
          {(p) => (
            <input {...p} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
          )}
        </Field>
        <Field label="Topic">
          {(p) => (
            <select
              {...p}
              value={filters.topic ?? ''}
              onChange={(e) => setFilters({ ...filters, topic: e.target.value || undefined })}
            >
              <option value="">Any topic</option>
              {taxonomy.data?.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Difficulty">
          {(p) => (
            <select
              {...p}
              value={filters.difficulty ?? ''}
              onChange={(e) =>
                setFilters({ ...filters, difficulty: (e.target.value || undefined) as Difficulty })
              }
            >
              <option value="">Any</option>
              <option value="easy">easy</option>
              <option value="medium">medium</option>
              <option value="hard">hard</option>
            </select>
          )}
        </Field>
        <button type="submit">Search</button>
      </form>
      <QueryView
        query={problems}
        what="problems"
        isEmpty={(data) => data.pages[0].items.length === 0}
        empty={<p>No problem matches. Problems join the catalog as submissions are imported.</p>}
      >
        {(data) => (
          <>
            <ul className="plain problems">
              {data.pages.flatMap((page) =>
                page.items.map((p) => <ProblemItem key={p.id} problem={p} />),
              )}
            </ul>
            {problems.hasNextPage && (
              <button
                type="button"
                className="secondary"
                onClick={() => void problems.fetchNextPage()}
                disabled={problems.isFetchingNextPage}
              >
                {problems.isFetchingNextPage ? 'Loading…' : 'More problems'}
              </button>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

function ProblemItem({ problem }: { problem: Problem }) {
  const [open, setOpen] = useState<'bookmark' | 'report' | null>(null);
  return (
    <li className="card">
      <div className="row">
        <div>
          <strong>{problem.title}</strong>{' '}
          <span className={`badge ${problem.difficulty}`}>{problem.difficulty}</span>
          {problem.flagged && <span className="badge alert">flagged</span>}
          <div className="muted">{problem.topics.join(', ')}</div>
        </div>
        <div className="actions">
          <button
            type="button"
            className="secondary"
            aria-expanded={open === 'bookmark'}
            onClick={() => setOpen(open === 'bookmark' ? null : 'bookmark')}
            aria-label={`Bookmark ${problem.title}`}
          >
            Bookmark
          </button>
          <button
            type="button"
            className="secondary"
            aria-expanded={open === 'report'}
            onClick={() => setOpen(open === 'report' ? null : 'report')}
            aria-label={`Report ${problem.title}`}
          >
            Report
          </button>
        </div>
      </div>
      {open === 'bookmark' && <BookmarkForm problem={problem} done={() => setOpen(null)} />}
      {open === 'report' && <ReportForm problem={problem} done={() => setOpen(null)} />}
    </li>
  );
}

function BookmarkForm({ problem, done }: { problem: Problem; done: () => void }) {
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState('');
  const save = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/problems/{id}/bookmark', {
          params: { path: { id: problem.id } },
          body: notes ? { notes } : {},
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['bookmarks'] });
      done();
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Field label="Note (optional)">
        {(p) => <textarea {...p} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <FormError error={save.error} />
      <button type="submit" disabled={save.isPending}>
        Save bookmark
      </button>
    </form>
  );
}

function ReportForm({ problem, done }: { problem: Problem; done: () => void }) {
  const [type, setType] = useState<(typeof REPORT_TYPES)[number]>('incorrect');
  const [comment, setComment] = useState('');
  const report = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/problems/{id}/feedback', {
          params: { path: { id: problem.id } },
          body: { type, comment },
        }),
      ),
    onSuccess: done,
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        report.mutate();
      }}
    >
      <Field label="What is wrong">
        {(p) => (
          <select {...p} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            {REPORT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t.replace('_', ' ')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Details">
        {(p) => <textarea {...p} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <FormError error={report.error} />
      <button type="submit" disabled={report.isPending}>
        Send report
      </button>
    </form>
  );
}
