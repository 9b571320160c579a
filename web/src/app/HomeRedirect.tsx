import { Navigate } from 'react-router-dom';
import { NoWorkspacePage } from '../features/workspaces/NoWorkspacePage';
import { lastWorkspace } from './lastWorkspace';
import { useCurrentUser } from './session';

/** `/` opens the workspace used last in this browser, else the first one. */
export function HomeRedirect() {
  const me = useCurrentUser();
  const remembered = lastWorkspace.get();
  const target = me.workspaces.find((w) => w.id === remembered) ?? me.workspaces[0];
  if (!target) return <NoWorkspacePage />;
  return <Navigate to={`/w/${encodeURIComponent(target.id)}`} replace />;
}
