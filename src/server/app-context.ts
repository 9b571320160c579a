import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { AppContext } from './context';
import type { Database } from './db/client';
import { ChannelDirectory } from './ingress/channel-directory';
import { allJobs } from './jobs';
import { startQueue } from './queue/queue';
import { startRealtimeBus } from './realtime/realtime-bus';
import { createSecretBox, loadEncryptionKey } from './security/secret-box';
import { createMediaStorage } from './storage/media-storage';

/** Builds the context every feature receives, on an opened and migrated database. */
export async function createAppContext(
  config: Config,
  database: Database,
  log: Logger,
): Promise<AppContext & { close(): Promise<void> }> {
  const queue = await startQueue(database, log, { concurrency: config.WORKER_CONCURRENCY });
  await queue.declare(allJobs);
  const realtime = await startRealtimeBus(database);
  const secrets = createSecretBox(
    loadEncryptionKey(config.APP_ENCRYPTION_KEY, path.resolve(config.DATA_DIR)),
  );
  const media = createMediaStorage(config.DATA_DIR);
  const ctx = {
    config,
    database,
    db: database.db,
    queue,
    log,
    secrets,
    realtime,
    media,
    now: () => new Date(),
  } as AppContext;
  ctx.channelDirectory = new ChannelDirectory(ctx);
  return Object.assign(ctx, {
    async close() {
      await queue.stop(config.SHUTDOWN_TIMEOUT_SECONDS);
      await realtime.close();
    },
  });
}
