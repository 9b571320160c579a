import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';

describe('PGlite data directory lock', () => {
  it('refuses a second open of the same directory while the first holds it, and frees it on close', async () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'chatsyncs-lock-')), 'nested', 'pglite');
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const again = await openDatabase({ kind: 'pglite', dataDir });
    await again.close();
  });

  it('refuses when another live process holds the lock', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chatsyncs-lock-'));
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(path.join(dir, 'db.lock'), String(child.pid));
      expect(() => acquireDataDirLock(path.join(dir, 'db'))).toThrow(/in use by another ChatSyncs process/);
    } finally {
      child.kill();
    }
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chatsyncs-lock-'));
    writeFileSync(path.join(dir, 'db.lock'), '999999');
    const lock = acquireDataDirLock(path.join(dir, 'db'));
    lock.release();
  });
});
