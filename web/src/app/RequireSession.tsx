import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageError } from './FullPageError';
import { FullPageLoading } from './FullPageLoading';
import { useMe, useSetupStatus } from './session';

/**
 * Gate for every signed-in page: a fresh install goes to /setup, a signed-out visitor to /login
 * (coming back to the page they asked for afterwards).
 */
export function RequireSession() {
  const location = useLocation();
  const setup = useSetupStatus();
  const me = useMe();

  if (setup.isPending) return <FullPageLoading />;
  if (setup.isError) return <FullPageError error={setup.error} onRetry={() => setup.refetch()} />;
  if (setup.data.needsSetup) return <Navigate to="/setup" replace />;

  if (me.isPending) return <FullPageLoading />;
  if (me.isError) return <FullPageError error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return <Outlet />;
}
