import { useEffect, useMemo } from 'react';
import { Link, Outlet, useParams } from 'react-router-dom';
import { BrandMark } from '../ui/BrandMark';
import { buttonClass } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { lastWorkspace } from './lastWorkspace';
import { Sidebar } from './Sidebar';
import { useCurrentUser } from './session';
import { type CurrentWorkspace, WorkspaceContext } from './workspaceContext';

/** The signed-in shell for `/w/:wid/...`: sidebar, and the page on the right. */
export function WorkspaceLayout() {
  const { wid = '' } = useParams();
  const me = useCurrentUser();
  const membership = me.workspaces.find((w) => w.id === wid);

  const workspace = useMemo<CurrentWorkspace | null>(() => {
    if (!membership) return null;
    const base = `/w/${encodeURIComponent(membership.id)}`;
    return {
      ...membership,
      canManage: membership.role === 'owner' || membership.role === 'admin',
      path: (relative = '') => (relative ? `${base}/${relative}` : base),
    };
  }, [membership]);

  useEffect(() => {
    if (workspace) lastWorkspace.set(workspace.id);
  }, [workspace]);

  if (!workspace) {
    return (
      <main className="auth">
        <title>Workspace not found · ChatSyncs</title>
        <BrandMark />
        <div style={{ width: 'min(480px, 100%)' }}>
          <EmptyState
            icon="lock"
            title="You can't open this workspace"
            action={
              <Link className={buttonClass('primary')} to="/">
                Go to my workspace
              </Link>
            }
          >
            It doesn't exist, or you are not a member of it. Ask one of its admins for an invitation.
          </EmptyState>
        </div>
      </main>
    );
  }

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className="app">
        <Sidebar />
        <main className="main" id="main">
          <div className="main-inner">
            <Outlet />
          </div>
        </main>
      </div>
    </WorkspaceContext.Provider>
  );
}
