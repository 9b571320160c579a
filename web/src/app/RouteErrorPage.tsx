import { useRouteError } from 'react-router-dom';
import { BrandMark } from '../ui/BrandMark';
import { Button } from '../ui/Button';
import { ErrorAlert } from './ErrorAlert';

/** Last resort when a page crashes while rendering. */
export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <main className="auth">
      <title>Something went wrong · ChatSyncs</title>
      <BrandMark />
      <div className="auth-card stack">
        <ErrorAlert error={error} title="This page hit a problem" />
        <div className="row-end">
          <Button variant="primary" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
        </div>
      </div>
    </main>
  );
}
