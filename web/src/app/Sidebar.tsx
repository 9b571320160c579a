import { NavLink } from 'react-router-dom';
import { WorkspaceSwitcher } from '../features/workspaces/WorkspaceSwitcher';
import { BrandMark } from '../ui/BrandMark';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { initials } from './format';
import { nav, navSections } from './nav';
import { useCurrentUser, useSignOut } from './session';
import { useWorkspace } from './workspaceContext';

export function Sidebar() {
  const me = useCurrentUser();
  const workspace = useWorkspace();
  const signOut = useSignOut();
  const visible = nav.filter((item) => !item.adminOnly || workspace.canManage);

  return (
    <aside className="sidebar" aria-label="Sidebar">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div style={{ padding: '6px 8px 10px' }}>
        <BrandMark />
      </div>
      <WorkspaceSwitcher />
      <nav aria-label="Main">
        {navSections.map((section) => {
          const items = visible.filter((item) => item.section === section.id);
          if (items.length === 0) return null;
          return (
            <div key={section.id}>
              {section.label ? <div className="sidebar-section">{section.label}</div> : null}
              <ul style={section.label ? undefined : { marginTop: 12 }}>
                {items.map((item) => (
                  <li key={item.path}>
                    <NavLink className="nav-link" to={workspace.path(item.path)} end={item.path === ''}>
                      <Icon name={item.icon} />
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
      <div className="sidebar-footer">
        <div className="user-chip">
          <span className="avatar" aria-hidden="true">
            {initials(me.user.name)}
          </span>
          <div className="user-chip-text">
            <strong>{me.user.name}</strong>
            <span>{me.user.email}</span>
          </div>
        </div>
        <Button
          variant="ghost"
          size="sm"
          icon="logOut"
          loading={signOut.isPending}
          onClick={() => signOut.mutate()}
          style={{ justifyContent: 'flex-start' }}
        >
          Log out
        </Button>
      </div>
    </aside>
  );
}
