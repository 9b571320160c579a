/** Query keys in one place, so a mutation invalidates exactly what it changed. */
export const meKey = ['me'] as const;
export const setupStatusKey = ['setup-status'] as const;

export const workspaceKeys = {
  all: (wid: string) => ['workspace', wid] as const,
  members: (wid: string) => ['workspace', wid, 'members'] as const,
  invitations: (wid: string) => ['workspace', wid, 'invitations'] as const,
  apiKeys: (wid: string) => ['workspace', wid, 'api-keys'] as const,
};
