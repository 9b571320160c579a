import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { roleLabels } from '../../app/format';
import { useCurrentUser } from '../../app/session';
import { useWorkspace } from '../../app/workspaceContext';
import { Icon } from '../../ui/Icon';
import { CreateWorkspaceDialog } from './CreateWorkspaceDialog';

function WorkspaceAvatar({ name }: { name: string }) {
  return (
    <span className="workspace-avatar" aria-hidden="true">
      {name.trim().charAt(0).toUpperCase() || '?'}
    </span>
  );
}

/** Top of the sidebar: the current workspace; opens a list of the user's workspaces and "Create". */
export function WorkspaceSwitcher() {
  const me = useCurrentUser();
  const current = useWorkspace();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const first = rootRef.current?.querySelector<HTMLElement>('.switcher-menu a, .switcher-menu button');
    first?.focus();
    // Close when a click or the keyboard focus (Tab) goes anywhere outside the switcher.
    function onOutside(event: Event) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const workspaces = [...me.workspaces].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <div className="switcher" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="switcher-button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`Workspace: ${current.name}. Switch or create a workspace`}
        onClick={() => setOpen((o) => !o)}
      >
        <WorkspaceAvatar name={current.name} />
        <span className="switcher-name">
          <strong>{current.name}</strong>
          <span>{roleLabels[current.role]}</span>
        </span>
        <Icon name="chevronsUpDown" />
      </button>
      {open ? (
        <div className="switcher-menu" id={menuId}>
          <div className="menu-label">Your workspaces</div>
          <ul className="menu-list">
            {workspaces.map((workspace) => (
              <li key={workspace.id}>
                <Link
                  className="menu-item"
                  to={`/w/${encodeURIComponent(workspace.id)}`}
                  aria-current={workspace.id === current.id ? 'true' : undefined}
                  onClick={() => setOpen(false)}
                >
                  <WorkspaceAvatar name={workspace.name} />
                  <span className="menu-item-text">{workspace.name}</span>
                  {workspace.id === current.id ? (
                    <>
                      <Icon name="check" />
                      <span className="visually-hidden">(current)</span>
                    </>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
          <div className="menu-separator" />
          <button
            type="button"
            className="menu-item"
            onClick={() => {
              setOpen(false);
              setCreating(true);
            }}
          >
            <Icon name="plus" />
            <span className="menu-item-text">Create workspace</span>
          </button>
        </div>
      ) : null}
      <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
