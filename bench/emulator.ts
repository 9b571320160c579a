/**
 * Emulator throughput benchmark: accepted sends/s through the real HTTP path, with every status
 * webhook (sent + delivered) signed and delivered to a local receiver, compared with a bare
 * Fastify endpoint in the same run. Everything listens on 127.0.0.1; bounded in count and time.
 *
 *   npx tsx bench/emulator.ts [--seconds 5] [--connections 64] [--batch]
 *
 * Last line: {"bench":"emulator","sends_per_s":…,"baseline_per_s":…,"ratio":…,"p99_ms":…}
 */
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '64' },
    batch: { type: 'boolean', default: false },
    'receiver-url': { type: 'string' },
  },
});
const SECRET = 'bench-secret';
const TOKEN = 'EAAGbenchtoken';
const PHONES = Array.from({ length: 8 }, (_, i) => String(106540352242900 + i));
const CUSTOMERS = 20_000;
const MAX_REQUESTS = 200_000;

// ---- child roles ------------------------------------------------------------------------------

async function serveReceiver(): Promise<number> {
  const { default: Fastify } = await import('fastify');
  const app = Fastify();
  let statuses = 0;
  let badSignatures = 0;
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.get('/webhook', async (request) => (request.query as Record<string, string>)['hub.challenge']);
  app.post('/webhook', async (request, reply) => {
    const raw = request.body as string;
    const expected = `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;
    if (request.headers['x-hub-signature-256'] !== expected) badSignatures++;
    const body = JSON.parse(raw);
    for (const entry of body.entry)
      for (const change of entry.changes) statuses += change.value.statuses?.length ?? 0;
    return reply.code(200).send();
  });
  app.get('/count', async () => ({ statuses, badSignatures }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as { port: number }).port;
}

async function serveEmulator(receiverUrl: string, batch: boolean): Promise<number> {
  const { default: Fastify } = await import('fastify');
  const { createEmulator } = await import('../src/emulator/index');
  const app = Fastify();
  const emulator = createEmulator({
    accessToken: TOKEN,
    phoneNumbers: PHONES.map((id) => ({ id })),
    appSecret: SECRET,
    webhookUrl: receiverUrl,
    config: { throughput_mps: 1000, webhook: { batch } },
    delivery: { concurrency: 32 },
  });
  const now = emulator.clock.now();
  for (let i = 0; i < CUSTOMERS; i++) {
    const customer = emulator.state.getOrCreateCustomer(String(15550000000 + i), now);
    for (const phone of PHONES) customer.lastInboundAt[phone] = now; // open customer service windows
  }
  await app.register(emulator.plugin);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as { port: number }).port;
}

async function serveBaseline(): Promise<number> {
  const { default: Fastify } = await import('fastify');
  const app = Fastify();
  let n = 0;
  app.post('/v25.0/:phone/messages', async (request) => {
    const body = request.body as { to: string };
    return {
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: body.to }],
      messages: [{ id: `wamid.${n++}` }],
    };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as { port: number }).port;
}

if (values.role) {
  const port =
    values.role === 'receiver'
      ? await serveReceiver()
      : values.role === 'emulator'
        ? await serveEmulator(values['receiver-url']!, values.batch ?? false)
        : await serveBaseline();
  process.send?.({ port });
} else {
  await main();
}

// ---- orchestration ----------------------------------------------------------------------------

function start(role: string, extra: string[] = []): Promise<{ port: number; kill: () => void }> {
  const child = fork(new URL(import.meta.url).pathname, ['--role', role, ...extra], {
    execArgv: process.execArgv,
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) =>
      resolve({ port: (message as { port: number }).port, kill: () => child.kill() }),
    );
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

interface LoadResult {
  ok: number;
  rejected: number;
  perSecond: number;
  p50: number;
  p99: number;
}

async function load(port: number, seconds: number, connections: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let ok = 0;
  let rejected = 0;
  let sent = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify({
        messaging_product: 'whatsapp',
        to: String(15550000000 + (i % CUSTOMERS)),
        type: 'text',
        text: { body: `bench message ${i}` },
      });
      const t0 = performance.now();
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/v25.0/${PHONES[i % PHONES.length]}/messages`,
          agent,
          headers: {
            authorization: `Bearer ${TOKEN}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - t0);
            if (response.statusCode === 200) ok++;
            else rejected++;
            resolve();
          });
        },
      );
      request.on('error', () => {
        rejected++;
        resolve();
      });
      request.end(body);
    });
  const worker = async () => {
    while (performance.now() < deadline && sent < MAX_REQUESTS) await one(sent++);
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0) * 100) /
    100;
  return { ok, rejected, perSecond: Math.round(ok / elapsed), p50: pct(0.5), p99: pct(0.99) };
}

async function count(port: number): Promise<{ statuses: number; badSignatures: number }> {
  const response = await fetch(`http://127.0.0.1:${port}/count`);
  return (await response.json()) as { statuses: number; badSignatures: number };
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const baseline = await start('baseline');
  await load(baseline.port, 1, connections); // warm-up
  const base = await load(baseline.port, seconds, connections);
  baseline.kill();
  console.log(`baseline  bare Fastify: ${base.perSecond} req/s, p50 ${base.p50} ms, p99 ${base.p99} ms`);

  const receiver = await start('receiver');
  const emulator = await start('emulator', [
    '--receiver-url',
    `http://127.0.0.1:${receiver.port}/webhook`,
    ...(values.batch ? ['--batch'] : []),
  ]);
  const warmUp = await load(emulator.port, 1, connections);
  let warm = await count(receiver.port);
  for (let i = 0; i < 200 && warm.statuses < 2 * warmUp.ok; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the warm-up statuses drain first
    warm = await count(receiver.port);
  }
  const warmTarget = warm.statuses;
  const run = await load(emulator.port, seconds, connections);
  const expected = warmTarget + 2 * run.ok;
  const waitStarted = performance.now();
  let delivered = await count(receiver.port);
  while (delivered.statuses < expected && performance.now() - waitStarted < 20_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    delivered = await count(receiver.port);
  }
  const drainSeconds = (performance.now() - waitStarted) / 1000;
  emulator.kill();
  receiver.kill();
  const statusesForRun = delivered.statuses - warmTarget;
  console.log(
    `emulator  ${run.perSecond} accepted sends/s (${run.ok} ok, ${run.rejected} rejected), p50 ${run.p50} ms, p99 ${run.p99} ms` +
      `${values.batch ? ' [webhook batching on]' : ' [one status per webhook POST]'}`,
  );
  console.log(
    `webhooks  ${statusesForRun}/${2 * run.ok} statuses (sent+delivered) delivered and signature-checked; ` +
      `${delivered.badSignatures} bad signatures; drained ${drainSeconds.toFixed(1)} s after the load ended`,
  );
  const ratio = Math.round((run.perSecond / base.perSecond) * 1000) / 1000;
  console.log(
    JSON.stringify({
      bench: 'emulator',
      sends_per_s: run.perSecond,
      baseline_per_s: base.perSecond,
      ratio,
      p99_ms: run.p99,
    }),
  );
}
