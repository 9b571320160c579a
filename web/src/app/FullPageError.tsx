import { Button } from '../ui/Button';
import { ErrorAlert } from './ErrorAlert';

/** Shown when the dashboard cannot even learn who is signed in (server down, for example). */
export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="full-page-center">
      <div className="auth-card stack">
        <title>Can't load ChatSyncs</title>
        <ErrorAlert error={error} />
        <div className="row-end">
          <Button variant="primary" onClick={onRetry}>
            Try again
          </Button>
        </div>
      </div>
    </div>
  );
}
