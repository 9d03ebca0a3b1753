import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import { session } from '../api/session';
import { Field } from '../components/Field';
import { FormError } from '../components/states';
import { Link, navigate } from '../router';

/** Sign in, or sign up (name, email, password); both start the session. */
export function AuthPage({ mode }: { mode: 'signin' | 'signup' }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useMutation({
    mutationFn: () =>
      mode === 'signup'
        ? call(api.POST('/api/v1/auth/register', { body: { name, email, password } }))
        : call(api.POST('/api/v1/auth/login', { body: { email, password } })),
    onSuccess: (tokens) => {
      session.start(tokens);
      navigate('/');
    },
  });
  const fields = submit.error instanceof ApiError ? submit.error.fieldErrors() : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const title = mode === 'signup' ? 'Create your account' : 'Sign in';
  return (
    <main className="centered" id="main">
      <form className="card auth" onSubmit={onSubmit} noValidate>
        <h1>{title}</h1>
        {mode === 'signup' && (
          <Field label="Name" error={fields.name}>
            {(props) => (
              <input
                {...props}
                value={name}
                onChange={(e) => setName(e.target.value)}
                autoComplete="name"
              />
            )}
          </Field>
        )}
        <Field label="Email" error={fields.email}>
          {(props) => (
            <input
              {...props}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="email"
            />
          )}
        </Field>
        <Field
          label="Password"
          error={fields.password}
          hint={mode === 'signup' ? 'At least 8 characters' : undefined}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
            />
          )}
        </Field>
        {Object.keys(fields).length === 0 && <FormError error={submit.error} />}
        <button type="submit" disabled={submit.isPending}>
          {submit.isPending ? 'Please wait…' : mode === 'signup' ? 'Sign up' : 'Sign in'}
        </button>
        <p>
          {mode === 'signup' ? (
            <>
              Have an account? <Link to="/">Sign in</Link>
            </>
          ) : (
            <>
              New here? <Link to="/signup">Create an account</Link>
            </>
          )}
        </p>
      </form>
    </main>
  );
}
