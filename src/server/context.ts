import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { EmbeddedSandbox } from './features/sandbox/embedded-sandbox';
import type { ChannelDirectory } from './ingress/channel-directory';
import type { Queue } from './queue/queue';
import type { RealtimeBus } from './realtime/realtime-bus';
import type { SecretBox } from './security/secret-box';
import type { MediaStorage } from './storage/media-storage';

/** What every feature gets: passed in, never imported as globals, so tests can build their own. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  queue: Queue;
  log: Logger;
  secrets: SecretBox;
  realtime: RealtimeBus;
  media: MediaStorage;
  /** Connected numbers as the webhook endpoint needs them; call `invalidate()` after changing channels. */
  channelDirectory: ChannelDirectory;
  /** The built-in Cloud API emulator, when this process runs it (web process, SANDBOX_ENABLED). */
  sandbox?: EmbeddedSandbox;
  now: () => Date;
};
