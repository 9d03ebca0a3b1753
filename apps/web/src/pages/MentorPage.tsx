import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import type { MentorLink } from '../api/types';
import { useUser } from '../auth';
import { Field } from '../components/Field';
import { fieldErrors, LeftoverErrors } from '../components/field-errors';
import { FormError, QueryView } from '../components/states';
import { Link } from '../router';

/** Mentoring: a learner's mentors and invitations; a mentor's invitations and students. */
export function MentorPage() {
  const user = useUser();
  return (
    <section>
      <h1>Mentoring</h1>
      {user?.role === 'mentor' && (
        <div className="grid two">
          <Invitations />
          <Students />
        </div>
      )}
      <div className="grid two">
        <MyMentors />
        <InviteForm />
      </div>
    </section>
  );
}

function MyMentors() {
  const queryClient = useQueryClient();
  const mentors = useQuery({
    queryKey: ['my-mentors'],
    queryFn: () => call(api.GET('/api/v1/me/mentors', {})),
  });
  const remove = useMutation({
    mutationFn: (mentorId: string) =>
      call(api.DELETE('/api/v1/me/mentors/{mentorId}', { params: { path: { mentorId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['my-mentors'] }),
  });
  return (
    <div className="card">
      <h2>My mentors</h2>
      <QueryView
        query={mentors}
        what="your mentors"
        isEmpty={(links) => links.length === 0}
        empty={<p>No mentor yet: invite one by their email.</p>}
      >
        {(links) => (
          <ul className="plain">
            {links.map((link) => (
              <li key={link.mentor?.id ?? link.invitedAt} className="row">
                <span>
                  <strong>{link.mentor?.name}</strong>{' '}
                  <span className="muted">{link.mentor?.email}</span>{' '}
                  <span className="badge">{link.status}</span>
                </span>
                {link.mentor && link.status !== 'declined' && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => remove.mutate(link.mentor!.id)}
                    disabled={remove.isPending}
                  >
                    {link.status === 'pending' ? 'Withdraw' : 'Remove'}
                    <span className="sr-only"> {link.mentor.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <FormError error={remove.error} />
    </div>
  );
}

function InviteForm() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const invite = useMutation({
    mutationFn: () => call(api.POST('/api/v1/me/mentors', { body: { email: email.trim() } })),
    onSuccess: () => {
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: ['my-mentors'] });
    },
  });
  const { all, shown, at } = fieldErrors(invite.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="invite-mentor">
      <h2 id="invite-mentor">Invite a mentor</h2>
      <Field
        label="Mentor’s email"
        hint="They must have a mentor account; they accept or decline"
        error={at('email')}
      >
        {(p) => (
          <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        )}
      </Field>
      {invite.error !== null && <LeftoverErrors error={invite.error} shown={shown} all={all} />}
      {invite.isSuccess && (
        <p role="status" className="muted">
          Invitation sent.
        </p>
      )}
      <button type="submit" disabled={invite.isPending}>
        Invite
      </button>
    </form>
  );
}

function Invitations() {
  const queryClient = useQueryClient();
  const invitations = useQuery({
    queryKey: ['mentor', 'invitations'],
    // The first page (the oldest 100): a mentor answers them oldest first.
    queryFn: () =>
      call(api.GET('/api/v1/mentor/invitations', { params: { query: { limit: 100 } } })).then(
        (page) => page.items,
      ),
  });
  const answer = useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) =>
      call(
        accept
          ? api.POST('/api/v1/mentor/invitations/{id}/accept', { params: { path: { id } } })
          : api.POST('/api/v1/mentor/invitations/{id}/decline', { params: { path: { id } } }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['mentor'] }),
  });
  return (
    <div className="card">
      <h2>Invitations</h2>
      <QueryView
        query={invitations}
        what="invitations"
        isEmpty={(links) => links.length === 0}
        empty={<p>No pending invitation.</p>}
      >
        {(links) => (
          <ul className="plain">
            {links.map((link) => (
              <li key={link.student?.id ?? link.invitedAt} className="row">
                <span>
                  <strong>{link.student?.name}</strong>{' '}
                  <span className="muted">{link.student?.email}</span>
                </span>
                {link.student && (
                  <span className="actions">
                    <button
                      type="button"
                      onClick={() => answer.mutate({ id: link.student!.id, accept: true })}
                      disabled={answer.isPending}
                    >
                      Accept<span className="sr-only"> {link.student.name}</span>
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => answer.mutate({ id: link.student!.id, accept: false })}
                      disabled={answer.isPending}
                    >
                      Decline<span className="sr-only"> {link.student.name}</span>
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <FormError error={answer.error} />
    </div>
  );
}

function Students() {
  const students = useQuery({
    queryKey: ['mentor', 'students'],
    // The first page (100 students).
    queryFn: () =>
      call(api.GET('/api/v1/mentor/students', { params: { query: { limit: 100 } } })).then(
        (page) => page.items,
      ),
  });
  return (
    <div className="card">
      <h2>My students</h2>
      <QueryView
        query={students}
        what="your students"
        isEmpty={(links) => links.length === 0}
        empty={<p>No student yet: they invite you by your email.</p>}
      >
        {(links: MentorLink[]) => (
          <ul className="plain">
            {links.map(
              (link) =>
                link.student && (
                  <li key={link.student.id}>
                    <Link to={`/mentor/students/${encodeURIComponent(link.student.id)}`}>
                      {link.student.name}
                    </Link>{' '}
                    <span className="muted">{link.student.email}</span>
                  </li>
                ),
            )}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
