import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { ChannelDirectory } from './ingress/channel-directory';
import type { Queue } from './queue/queue';
import type { RealtimeBus } from './realtime/realtime-bus';
import type { SecretBox } from './security/secret-box';

/** What every feature gets: passed in, never imported as globals, so tests can build their own. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  queue: Queue;
  log: Logger;
  secrets: SecretBox;
  realtime: RealtimeBus;
  /** Connected numbers as the webhook endpoint needs them; call `invalidate()` after changing channels. */
  channelDirectory: ChannelDirectory;
  now: () => Date;
};
