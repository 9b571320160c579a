import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { Queue } from './queue/queue';
import type { SecretBox } from './security/secret-box';

/** What every feature gets: passed in, never imported as globals, so tests can build their own. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  queue: Queue;
  log: Logger;
  secrets: SecretBox;
  now: () => Date;
};
