import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createAppContext } from '../app-context';
import { loadConfig } from '../config';
import type { AppContext } from '../context';
import { buildHttpApp } from '../http/app';
import type { ZodApp } from '../http/zod-app';
import { registerWorkers } from '../workers';
import { createTestDatabase } from './test-database';

export type TestApp = { app: ZodApp; ctx: AppContext; close(): Promise<void> };

/**
 * The real HTTP app on a fresh database (PGlite, or PostgreSQL when DATABASE_URL is set), for
 * `app.inject` tests. `env` overrides configuration variables.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { workers?: boolean } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chatsyncs-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    SHUTDOWN_TIMEOUT_SECONDS: '5',
    ...env,
  });
  const { database, drop } = await createTestDatabase();
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const ctx = await createAppContext(config, database, log);
  if (options.workers) await registerWorkers(ctx);
  const app = await buildHttpApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    async close() {
      await app.close();
      await ctx.close();
      await drop();
    },
  };
}
