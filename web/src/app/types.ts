// Shapes of the dashboard API (see the API contract in the server's OpenAPI document at /api/docs).

export type Role = 'owner' | 'admin' | 'agent';
export type AssignableRole = Exclude<Role, 'owner'>;

export interface WorkspaceMembership {
  id: string;
  name: string;
  role: Role;
}

export interface Me {
  user: { id: string; email: string; name: string };
  workspaces: WorkspaceMembership[];
  csrfToken: string;
}

export interface SetupStatus {
  needsSetup: boolean;
}

export interface Workspace {
  id: string;
  name: string;
  createdAt: string;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: AssignableRole;
  createdAt: string;
  expiresAt: string;
  invitedBy: { name: string };
}

export interface CreatedInvitation {
  invitation: Invitation;
  acceptUrl: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: { name: string };
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  secret: string;
}

export interface InvitationPreview {
  workspaceName: string;
  email: string;
  role: AssignableRole;
  invitedBy: string;
  accountExists: boolean;
  signedInAs: string | null;
}

export interface ListResponse<T> {
  data: T[];
}
