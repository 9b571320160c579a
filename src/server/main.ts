import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import { createAppContext } from './app-context';
import type { Config } from './config';
import type { AppContext } from './context';
import { migrateDatabase, openDatabase } from './db/client';
import { bootstrapOwnerFromConfig } from './features/auth/bootstrap-owner';
import { createEmbeddedSandbox } from './features/sandbox/embedded-sandbox';
import { provisionAllWorkspaces } from './features/sandbox/workspace-defaults';
import { buildHttpApp, type HttpAppOptions } from './http/app';
import type { ZodApp } from './http/zod-app';
import { registerWorkers } from './workers';

export const defaultWebDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export type ProductOptions = {
  /** Serve HTTP (dashboard, API, webhooks). */
  web: boolean;
  /** Run background workers in this process. */
  workers: boolean;
  webDistDir?: string;
  extraPlugins?: HttpAppOptions['extraPlugins'];
  log?: Logger;
};

export type RunningProduct = { ctx: AppContext; app?: ZodApp; url?: string; stop(): Promise<void> };

export function createLogger(config: Config): Logger {
  const pretty = config.LOG_PRETTY ?? (process.stdout.isTTY && config.NODE_ENV !== 'production');
  return pino({
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  });
}

/** Opens the database, applies migrations, starts the queue, then the HTTP server and/or workers. */
export async function startProduct(config: Config, options: ProductOptions): Promise<RunningProduct> {
  const log = options.log ?? createLogger(config);
  const database = await openDatabase(
    config.DATABASE_URL
      ? { kind: 'postgres', url: config.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(config.DATA_DIR, 'pglite') },
  );
  try {
    await migrateDatabase(database);
    const ctx = await createAppContext(config, database, log);
    if (options.workers) await registerWorkers(ctx);

    let app: ZodApp | undefined;
    let url: string | undefined;
    if (options.web) {
      if (config.SANDBOX_ENABLED) ctx.sandbox = await createEmbeddedSandbox(ctx);
      const extraPlugins = [...(ctx.sandbox ? [ctx.sandbox.plugin] : []), ...(options.extraPlugins ?? [])];
      app = await buildHttpApp(ctx, { webDistDir: options.webDistDir ?? defaultWebDistDir, extraPlugins });
      url = await app.listen({ port: config.PORT, host: config.HOST });
      const port = (app.server.address() as AddressInfo).port;
      await ctx.sandbox?.attach(app, `http://127.0.0.1:${port}`);
      await provisionAllWorkspaces(ctx);
    }
    await bootstrapOwnerFromConfig(ctx);
    let stopping: Promise<void> | undefined;
    return {
      ctx,
      app,
      url,
      stop() {
        stopping ??= (async () => {
          await ctx.sandbox?.close(); // stop the emulator's own deliveries to this server first
          await app?.close(); // stops accepting, waits for in-flight requests
          await ctx.close(); // waits for running jobs
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
