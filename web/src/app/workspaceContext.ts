import { createContext, useContext } from 'react';
import type { WorkspaceMembership } from './types';

export interface CurrentWorkspace extends WorkspaceMembership {
  /** Owners and admins manage members, invitations and API keys. */
  canManage: boolean;
  /** Builds a dashboard URL inside this workspace: `path('settings/members')`. */
  path(relative?: string): string;
}

export const WorkspaceContext = createContext<CurrentWorkspace | null>(null);

/** The workspace in the URL (`/w/:wid/...`) and the user's role in it. */
export function useWorkspace(): CurrentWorkspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace is only available inside a /w/:wid route.');
  return workspace;
}
