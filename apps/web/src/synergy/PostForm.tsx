import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import { Field } from '../components/Field';
import { FormError } from '../components/states';

/** Skill errors come back per index (`skills[1]`): all shown at the one skills field. */
function errorsOf(error: unknown): { content?: string; skills?: string; other?: unknown } {
  if (!(error instanceof ApiError)) return { other: error };
  const fields = error.fieldErrors();
  const skills = Object.entries(fields)
    .filter(([field]) => field.startsWith('skills'))
    .map(([, message]) => message);
  const content = fields.content;
  return {
    content,
    skills: skills.length > 0 ? skills.join('; ') : undefined,
    other: content || skills.length > 0 ? undefined : error,
  };
}

/** A reflection or post: its text and the skills it is about (matched to the taxonomy). */
export function PostForm() {
  const queryClient = useQueryClient();
  const [content, setContent] = useState('');
  const [skills, setSkills] = useState('');
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/posts', {
          body: {
            content,
            skills: skills
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          },
        }),
      ),
    onSuccess: () => {
      setContent('');
      setSkills('');
      void queryClient.invalidateQueries({ queryKey: ['posts'] });
    },
  });
  const errors = create.error ? errorsOf(create.error) : {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="stack" onSubmit={onSubmit}>
      <Field
        label="Reflection"
        error={errors.content}
        hint="What you learned; others scratch to read it."
      >
        {(p) => (
          <textarea
            {...p}
            rows={4}
            maxLength={5000}
            value={content}
            onChange={(e) => setContent(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Skills"
        error={errors.skills}
        hint="Comma-separated topics, e.g. graphs, dynamic programming"
      >
        {(p) => <input {...p} value={skills} onChange={(e) => setSkills(e.target.value)} />}
      </Field>
      <FormError error={errors.other} />
      {create.isSuccess && (
        <p role="status" className="muted">
          Posted.
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={create.isPending}>
          Post
        </button>
      </div>
    </form>
  );
}
