const key = (workspaceId: string, step: string) => `chatsyncs.checklist.${workspaceId}.${step}`;

/** Remembers, in this browser, checklist steps that the server can't know about (like "looked at"). */
export const checklistMemory = {
  isDone(workspaceId: string, step: string): boolean {
    try {
      return window.localStorage.getItem(key(workspaceId, step)) === 'done';
    } catch {
      return false;
    }
  },
  markDone(workspaceId: string, step: string): void {
    try {
      window.localStorage.setItem(key(workspaceId, step), 'done');
    } catch {
      // Storage disabled: the step just stays unticked.
    }
  },
};
