const storageKey = 'chatsyncs.lastWorkspaceId';

/** The workspace the user last opened in this browser, so `/` returns to it. */
export const lastWorkspace = {
  get(): string | null {
    try {
      return window.localStorage.getItem(storageKey);
    } catch {
      return null;
    }
  },
  set(workspaceId: string): void {
    try {
      window.localStorage.setItem(storageKey, workspaceId);
    } catch {
      // Storage can be disabled (private mode, policies); the URL still carries the workspace.
    }
  },
};
