import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './server/config';
import { migrateDatabase, openDatabase } from './server/db/client';
import { DataDirLockedError } from './server/db/data-dir-lock';
import { createLogger, startProduct } from './server/main';

const usage = `Usage: chatsyncs <command>

Commands:
  start     the dashboard, API, webhooks and background workers in one process
  worker    background workers only (to scale out; needs DATABASE_URL)
  migrate   apply database migrations and exit
  sandbox   run the WhatsApp Cloud API emulator on its own (see --help)
  help      this text

Configuration comes from environment variables; see .env.example.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function runProduct(mode: 'start' | 'worker'): Promise<void> {
  const config = loadConfig();
  if (mode === 'worker' && !config.DATABASE_URL) {
    fail(
      'chatsyncs worker needs DATABASE_URL: the embedded database can only be used by one process (use `chatsyncs start`).',
    );
  }
  const log = createLogger(config);
  const product = await startProduct(config, { web: mode === 'start', workers: true, log });
  if (product.url) {
    log.info(
      `ChatSyncs is running: open ${config.publicUrl} (listening on ${product.url}, database: ${config.databaseKind})`,
    );
  } else {
    log.info(`ChatSyncs worker is running (database: ${config.databaseKind})`);
  }
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) process.exit(1);
    log.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    const force = setTimeout(() => process.exit(1), (config.SHUTDOWN_TIMEOUT_SECONDS + 5) * 1000);
    force.unref();
    product.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function runMigrate(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(
    config.DATABASE_URL
      ? { kind: 'postgres', url: config.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(config.DATA_DIR, 'pglite') },
  );
  try {
    await migrateDatabase(database);
    process.stdout.write(`Migrations applied (${config.databaseKind}).\n`);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const [command = 'help'] = positionals;
  switch (command) {
    case 'start':
    case 'worker':
      return runProduct(command);
    case 'migrate':
      return runMigrate();
    case 'sandbox': {
      const { runSandbox } = await import('./emulator/standalone');
      await runSandbox(argv.slice(argv.indexOf('sandbox') + 1));
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${usage}\n`);
      return;
    default:
      fail(`Unknown command "${command}".\n\n${usage}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) fail(error.message);
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
