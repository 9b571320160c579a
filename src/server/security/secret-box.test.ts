import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadEncryptionKey } from './secret-box';

describe('secret box (AES-256-GCM)', () => {
  const box = createSecretBox(Buffer.alloc(32, 7));

  it('round-trips and never stores the plain text', () => {
    const sealed = box.encrypt('EAAG-token-123');
    expect(sealed).not.toContain('EAAG');
    expect(box.decrypt(sealed)).toBe('EAAG-token-123');
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('detects tampering and a wrong key', () => {
    const sealed = box.encrypt('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('forged').toString('base64url');
    expect(() => box.decrypt(parts.join('.'))).toThrow();
    expect(() => createSecretBox(Buffer.alloc(32, 8)).decrypt(sealed)).toThrow();
  });

  it('generates a key file once (mode 600) and reuses it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chatsyncs-key-'));
    const first = loadEncryptionKey(undefined, dir);
    expect(loadEncryptionKey(undefined, dir).equals(first)).toBe(true);
    expect(statSync(path.join(dir, 'encryption.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, 'encryption.key'), 'utf8').trim()).toHaveLength(64);
    expect(loadEncryptionKey('ab'.repeat(32), dir).toString('hex')).toBe('ab'.repeat(32));
  });
});
