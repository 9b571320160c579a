/**
 * The product (`chatsyncs start`: web + workers) as a separate process, for tests that must kill it
 * without a chance to clean up (SIGKILL). Started with `fork` (IPC) and `--import tsx`:
 *
 *   env: DATA_DIR (kept between runs), CHANNEL_PHONE_NUMBER_ID, CHANNEL_WABA_ID, CHANNEL_APP_SECRET
 *   → sends {type:'ready', url, pid} once listening on 127.0.0.1 (free port), with the owner account
 *     and the channel created on the first start;
 *   ← {type:'pending'} answers {type:'pending', count} (stored webhook events not yet processed);
 *   SIGTERM stops it gracefully (in-flight requests, running jobs, database, lock file).
 */
import { count, isNull } from 'drizzle-orm';
import { loadConfig } from '../../../src/server/config';
import { channels, webhookEvents, workspaces } from '../../../src/server/db/schema';
import { startProduct } from '../../../src/server/main';
import { insertChannel } from '../../../src/server/testing/fixtures';

export const PRODUCT_OWNER = { email: 'olivia@example.com', password: 'correct horse battery' };

const env = process.env;
const config = loadConfig({
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  DATA_DIR: env.DATA_DIR,
  SANDBOX_ENABLED: 'false',
  LOG_LEVEL: env.TEST_LOG_LEVEL ?? 'warn',
  LOG_PRETTY: 'false',
  SHUTDOWN_TIMEOUT_SECONDS: '5',
  CHATSYNCS_ADMIN_EMAIL: PRODUCT_OWNER.email,
  CHATSYNCS_ADMIN_PASSWORD: PRODUCT_OWNER.password,
});
const product = await startProduct(config, { web: true, workers: true });
const { db } = product.ctx;
if ((await db.$count(channels)) === 0) {
  const [workspace] = await db.select().from(workspaces).limit(1);
  await insertChannel(product.ctx, workspace!.id, {
    phoneNumberId: env.CHANNEL_PHONE_NUMBER_ID,
    wabaId: env.CHANNEL_WABA_ID,
    appSecret: env.CHANNEL_APP_SECRET,
  });
}

process.on('message', async (message: { type?: string }) => {
  if (message?.type !== 'pending') return;
  const [row] = await db
    .select({ count: count() })
    .from(webhookEvents)
    .where(isNull(webhookEvents.processedAt));
  process.send?.({ type: 'pending', count: row?.count ?? -1 });
});
process.once('SIGTERM', async () => {
  await product.stop();
  process.exit(0);
});
process.send?.({ type: 'ready', url: product.url?.replace('localhost', '127.0.0.1'), pid: process.pid });
