import { ApiError } from '../api/errors';
import { FormError } from './states';

/**
 * The server's validation errors of a form by field (`topics[1].weight`, `problemId`…):
 * `at(field)` gives a control its message and remembers it was shown, so `LeftoverErrors`
 * lists only the rest.
 */
export function fieldErrors(error: unknown) {
  const all = error instanceof ApiError ? error.fieldErrors() : {};
  const shown = new Set<string>();
  const at = (field: string): string | undefined => {
    if (all[field]) shown.add(field);
    return all[field];
  };
  return { all, shown, at };
}

/** The error itself when it names no field, and any field error no control showed. */
export function LeftoverErrors(props: {
  error: unknown;
  shown: Set<string>;
  all: Record<string, string>;
}) {
  const rest = Object.entries(props.all).filter(([field]) => !props.shown.has(field));
  if (Object.keys(props.all).length === 0) return <FormError error={props.error} />;
  if (rest.length === 0) return null;
  return (
    <ul className="form-error" role="alert">
      {rest.map(([field, message]) => (
        <li key={field}>
          {field}: {message}
        </li>
      ))}
    </ul>
  );
}
