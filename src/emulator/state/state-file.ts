import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EmulatorState } from './emulator-state';

export interface StateFileHandle {
  /** Write now if there are unsaved changes (used on close). */
  flush(): Promise<void>;
  /** Stop listening to changes (after a final flush). */
  stop(): void;
}

/** Read a saved state, or undefined when the file does not exist yet. */
export function readStateFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read emulator state file ${path}: ${(error as Error).message}`);
  }
}

/**
 * Persist the state as JSON: every `markChanged()` schedules one write after `debounceMs`;
 * writes go to a temporary file renamed over the target, so a crash never leaves half a file.
 */
export function attachStateFile(state: EmulatorState, path: string, debounceMs: number): StateFileHandle {
  mkdirSync(dirname(path), { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();

  const write = async (): Promise<void> => {
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    const json = JSON.stringify(state.toJSON());
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, json);
    await rename(tmp, path);
  };
  const schedule = (): void => {
    dirty = true;
    if (!timer) {
      timer = setTimeout(() => {
        writing = writing.then(write).catch(() => undefined);
      }, debounceMs);
      timer.unref();
    }
  };
  const unsubscribe = state.onChange(schedule);

  return {
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await writing;
      if (!dirty) return;
      dirty = false;
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(state.toJSON()));
      renameSync(tmp, path);
    },
    stop() {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}
