import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { session } from '../api/session';
import { useUser } from '../auth';
import { Field } from '../components/Field';
import { fieldErrors, LeftoverErrors } from '../components/field-errors';

type UpdateMe = components['schemas']['UpdateMeRequest'];

/** The zones the browser knows, for the time zone's suggestions. */
function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/**
 * The profile (`PATCH /auth/me`): name, target companies, the preparation target date the
 * readiness projection is compared with, and the time zone days, streaks and weeks use.
 */
export function ProfilePage() {
  const user = useUser()!;
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [targetDate, setTargetDate] = useState(user.preparationTargetDate ?? '');
  const [companies, setCompanies] = useState(user.targetCompanies.join(', '));
  const known = useMemo(zones, []);
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PATCH('/api/v1/auth/me', {
          body: {
            name,
            timeZone,
            targetCompanies: companies
              .split(',')
              .map((c) => c.trim())
              .filter(Boolean),
            preparationTargetDate: (targetDate || null) as UpdateMe['preparationTargetDate'],
          },
        }),
      ),
    onSuccess: (updated) => {
      session.setUser(updated);
      for (const key of ['readiness', 'streak', 'goals'])
        void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
  const { all, shown, at } = fieldErrors(save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section>
      <h1>Profile</h1>
      <form className="card stack" onSubmit={onSubmit} noValidate aria-label="Profile">
        <p className="muted">
          Signed in as {user.email} ({user.role}).
        </p>
        <Field label="Name" error={at('name')}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          label="Time zone"
          hint="An IANA zone such as Europe/Berlin: your days, streak and weeks follow it"
          error={at('timeZone')}
        >
          {(p) => (
            <input
              {...p}
              list="time-zones"
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
            />
          )}
        </Field>
        <datalist id="time-zones">
          {known.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <Field
          label="Preparation target date"
          hint="Readiness compares its projected date with it; empty clears it"
          error={at('preparationTargetDate')}
        >
          {(p) => (
            <input
              {...p}
              type="date"
              value={targetDate}
              onChange={(e) => setTargetDate(e.target.value)}
            />
          )}
        </Field>
        <Field label="Target companies" hint="Separated by commas" error={at('targetCompanies')}>
          {(p) => <input {...p} value={companies} onChange={(e) => setCompanies(e.target.value)} />}
        </Field>
        {save.error !== null && <LeftoverErrors error={save.error} shown={shown} all={all} />}
        {save.isSuccess && (
          <p role="status" className="muted">
            Saved.
          </p>
        )}
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save profile'}
        </button>
      </form>
    </section>
  );
}
