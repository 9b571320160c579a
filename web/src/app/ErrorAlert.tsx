import { Alert } from '../ui/Alert';
import { friendlyError } from './errors';

/** A red alert explaining a failed request in plain words, with the server's message if useful. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const friendly = friendlyError(error);
  return (
    <Alert tone="danger" title={title ?? friendly.title}>
      {title ? (
        <span>{friendly.detail ?? friendly.title}</span>
      ) : friendly.detail ? (
        <span>{friendly.detail}</span>
      ) : null}
      {friendly.reference ? <span className="alert-ref">Reference: {friendly.reference}</span> : null}
    </Alert>
  );
}
