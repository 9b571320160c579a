/**
 * Webhook ingest benchmark: signed webhooks (70% inbound texts, 30% status batches) posted to the
 * real /webhooks/whatsapp endpoint, which verifies the signature on the raw body and stores every
 * event durably (group-committed) before answering 200. Measured on PGlite and, when DATABASE_URL is
 * set, on a fresh PostgreSQL database; compared with a bare Fastify endpoint that only checks the
 * HMAC, measured in the same run. Background processing is off, so this is the endpoint's ceiling.
 * Load comes from a child process on 127.0.0.1, bounded in time and count.
 *
 *   npm run bench:ingest [-- --seconds 10 --connections 50]   (BENCH_ONLY=pglite|postgres runs one)
 *
 * Last line: {"bench":"ingest","db":…,"per_s":…,"p99_ms":…,"ratio":…,…}
 */
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import pino from 'pino';
import { createAppContext } from '../src/server/app-context';
import { loadConfig } from '../src/server/config';
import { type Database, migrateDatabase, openDatabase } from '../src/server/db/client';
import { createFirstOwner } from '../src/server/features/auth/accounts.service';
import { buildHttpApp } from '../src/server/http/app';
import { insertChannel } from '../src/server/testing/fixtures';
import { createTestDatabase } from '../src/server/testing/test-database';
import { verifyWebhookSignature } from '../src/whatsapp';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const SECRET = 'bench-app-secret';
const PHONE = '100000000000001';
const WABA = '200000000000001';

type Result = { requests: number; errors: number; per_s: number; p50_ms: number; p99_ms: number };

function load(url: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'support', 'webhook-load.ts'), {
      execArgv: ['--import', 'tsx'],
    });
    child.once('message', (result) => resolve(result as Result));
    child.once('error', reject);
    child.send({
      url,
      secret: SECRET,
      seconds,
      connections,
      phoneNumberId: PHONE,
      wabaId: WABA,
      maxRequests: 2_000_000,
    });
  });
}

async function baseline(): Promise<Result> {
  const app = Fastify();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.post('/webhooks/whatsapp', async (request, reply) =>
    reply
      .status(
        verifyWebhookSignature(request.body as Buffer, request.headers['x-hub-signature-256'], SECRET)
          ? 200
          : 401,
      )
      .send(),
  );
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const result = await load(`${url}/webhooks/whatsapp`);
  await app.close();
  return result;
}

async function product(
  kind: 'pglite' | 'postgres',
): Promise<Result & { stored: number; event_loop_busy: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chatsyncs-bench-'));
  let database: Database;
  let drop = async () => {};
  if (kind === 'pglite') {
    database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    await migrateDatabase(database);
    drop = () => database.close();
  } else {
    ({ database, drop } = await createTestDatabase());
  }
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SANDBOX_ENABLED: 'false' });
  const ctx = await createAppContext(config, database, pino({ level: 'silent' }));
  const owner = await createFirstOwner(ctx.db, {
    email: 'bench@example.com',
    name: 'Bench',
    password: 'bench password 1',
    workspaceName: 'Bench',
  });
  await insertChannel(ctx, owner!.workspace.id, { phoneNumberId: PHONE, wabaId: WABA, appSecret: SECRET });
  const app = await buildHttpApp(ctx);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const elu0 = nodePerformance.eventLoopUtilization();
  const result = await load(`${url}/webhooks/whatsapp`);
  const busy = nodePerformance.eventLoopUtilization(elu0).utilization;
  await app.close();
  const stored = await ctx.db.$count((await import('../src/server/db/schema')).webhookEvents);
  await ctx.close();
  await drop();
  return { ...result, stored, event_loop_busy: Number(busy.toFixed(2)) };
}

const base = await baseline();
console.log(
  `baseline  bare Fastify + HMAC: ${base.per_s} webhooks/s, p50 ${base.p50_ms} ms, p99 ${base.p99_ms} ms`,
);
const figures: Record<string, unknown> = { baseline_per_s: base.per_s };
let last: { db: string; per_s: number; p99_ms: number; ratio: number } | undefined;
for (const kind of (process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']).filter(
  (k) => !process.env.BENCH_ONLY || k === process.env.BENCH_ONLY,
) as Array<'pglite' | 'postgres'>) {
  const result = await product(kind);
  const ratio = Number((result.per_s / base.per_s).toFixed(3));
  console.log(
    `${kind.padEnd(9)} ${result.per_s} webhooks/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, ${result.errors} non-200, ${result.stored} events stored, server event loop ${Math.round(result.event_loop_busy * 100)}% busy (ratio ${ratio})`,
  );
  figures[kind] = {
    per_s: result.per_s,
    p50_ms: result.p50_ms,
    p99_ms: result.p99_ms,
    ratio,
    errors: result.errors,
    stored: result.stored,
    event_loop_busy: result.event_loop_busy,
  };
  last = { db: kind, per_s: result.per_s, p99_ms: result.p99_ms, ratio };
}
console.log(JSON.stringify({ bench: 'ingest', ...last, ...figures }));
process.exit(0);
