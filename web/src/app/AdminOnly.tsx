import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { buttonClass } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { useWorkspace } from './workspaceContext';

/** Renders a settings page only for owners and admins; agents get a polite explanation. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const workspace = useWorkspace();
  if (workspace.canManage) return children;
  return (
    <>
      <PageHeader title="Admins only" />
      <EmptyState
        icon="lock"
        title="This page is for workspace admins"
        action={
          <Link className={buttonClass('secondary')} to={workspace.path()}>
            Back to Getting started
          </Link>
        }
      >
        You are an agent in {workspace.name}. Ask an admin or the owner if you need something changed here.
      </EmptyState>
    </>
  );
}
