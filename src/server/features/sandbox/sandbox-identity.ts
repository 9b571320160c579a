import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const identitySchema = z.object({
  accessToken: z.string().min(20),
  appSecret: z.string().min(16),
  verifyToken: z.string().min(8),
  wabaId: z.string().regex(/^\d+$/),
  /** The first sandbox number (later workspaces get numbers of their own). */
  phoneNumberId: z.string().regex(/^\d+$/),
});
export type SandboxIdentity = z.infer<typeof identitySchema>;

export const randomDigits = (length: number) =>
  String(randomInt(1, 10)) + Array.from({ length: length - 1 }, () => randomInt(0, 10)).join('');

/**
 * The built-in emulator's app credentials, generated once into DATA_DIR/sandbox-identity.json (mode
 * 600) so sandbox numbers keep working across restarts.
 */
export function loadSandboxIdentity(dataDir: string): SandboxIdentity {
  const file = path.join(dataDir, 'sandbox-identity.json');
  if (existsSync(file)) return identitySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const identity: SandboxIdentity = {
    accessToken: `EAAsandbox${randomBytes(30).toString('base64url')}`,
    appSecret: randomBytes(16).toString('hex'),
    verifyToken: randomBytes(12).toString('hex'),
    wabaId: randomDigits(15),
    phoneNumberId: randomDigits(15),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(identity, null, 2)}\n`, { mode: 0o600 });
  return identity;
}
