import { type ChildProcess, fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client';
import { signWebhookBody } from '../../src/whatsapp';
import { eventually, type HttpSession, setupOwnerSession } from './support/http-session';
import { startTestServer } from './support/server';

const PHONE_ID = '100000000000077';
const WABA = '200000000000077';
const SECRET = 'crash-test-app-secret';
const CONNECTIONS = 20;

type Product = { child: ChildProcess; url: string; pid: number; exited: Promise<number | null> };

/** Starts tests/e2e/support/product-process.ts on `dataDir` and waits for it to listen. */
function startProductProcess(dataDir: string): Promise<Product> {
  const child = fork(path.join(import.meta.dirname, 'support', 'product-process.ts'), {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      CHANNEL_PHONE_NUMBER_ID: PHONE_ID,
      CHANNEL_WABA_ID: WABA,
      CHANNEL_APP_SECRET: SECRET,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the product did not start in 30 s')), 30_000);
    child.on('message', (message: { type: string; url: string; pid: number }) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ child, url: message.url, pid: message.pid, exited });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the product exited with code ${code} before it was ready`));
    });
  });
}

function pendingEvents(product: Product): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string; count: number }) => {
      if (message.type !== 'pending') return;
      product.child.off('message', onMessage);
      resolve(message.count);
    };
    product.child.on('message', onMessage);
    product.child.send({ type: 'pending' });
  });
}

const inboundText = (wamid: string, from: string, text: string) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WABA,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550001111', phone_number_id: PHONE_ID },
              contacts: [{ profile: { name: `Customer ${from}` }, wa_id: from }],
              messages: [
                {
                  from,
                  id: wamid,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: text },
                },
              ],
            },
          },
        ],
      },
    ],
  });

/** POSTs a signed webhook as Meta does; resolves with the status code, or the socket error. */
function postWebhook(agent: http.Agent, url: string, body: string): Promise<number | Error> {
  const target = new URL('/webhooks/whatsapp', url);
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', (error) => resolve(error));
      },
    );
    request.on('error', (error) => resolve(error));
    request.setTimeout(10_000, () => request.destroy(new Error('timeout')));
    request.end(body);
  });
}

/**
 * Crash safety of the webhook endpoint: Meta treats a 200 as "delivered" and never sends that event
 * again, so every acknowledged message must survive the process dying at any instant (SIGKILL: no
 * graceful shutdown, no flush, the lock file left behind) and reach the inbox exactly once after a
 * restart. PGlite only: this tests the embedded database's durability and its data-directory lock,
 * which do not exist with DATABASE_URL (the product process always runs on PGlite here).
 */
describe('webhook ingest survives a crash (SIGKILL) mid-load (PGlite)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chatsyncs-crash-'));
  const running: Product[] = [];
  const run = Date.now().toString(36);
  const acked = new Set<string>();
  let pendingAfterRestart = -1;
  let inbox = new Map<string, number>();
  afterAll(async () => {
    for (const product of running) if (product.child.exitCode === null) product.child.kill('SIGKILL');
    await Promise.all(running.map((product) => product.exited));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged webhook through a SIGKILL; the restart takes the stale lock over', async () => {
    const first = await startProductProcess(dataDir);
    running.push(first);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const answers = new Map<number, number>();
    let next = 0;
    let killed = false;
    const deadline = Date.now() + 10_000;
    const connection = async (i: number) => {
      const from = String(15550100000 + i); // one customer per connection: per-contact ordering in play
      while (Date.now() < deadline) {
        const wamid = `wamid.crash.${run}.${next++}`;
        const result = await postWebhook(agent, first.url, inboundText(wamid, from, `message ${wamid}`));
        if (result instanceof Error) {
          if (killed) return; // the server is gone
          throw result;
        }
        answers.set(result, (answers.get(result) ?? 0) + 1);
        if (result === 200) acked.add(wamid);
      }
    };
    const load = Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => connection(i)));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    killed = true;
    first.child.kill('SIGKILL');
    await first.exited;
    await load;
    agent.destroy();
    expect([...answers.keys()]).toEqual([200]);
    expect(acked.size).toBeGreaterThan(50);

    // The killed process left its lock file behind, holding its (dead) pid.
    const lockPath = path.join(dataDir, 'pglite.lock');
    expect(readFileSync(lockPath, 'utf8')).toBe(String(first.pid));

    // A restart on the same data directory takes the stale lock over and accepts webhooks again.
    const second = await startProductProcess(dataDir);
    running.push(second);
    const afterRestart = `wamid.crash.${run}.after-restart`;
    const once = new http.Agent({ keepAlive: false });
    expect(await postWebhook(once, second.url, inboundText(afterRestart, '15550100000', 'back'))).toBe(200);
    acked.add(afterRestart);
    const drainDeadline = Date.now() + 35_000;
    pendingAfterRestart = await pendingEvents(second);
    while (pendingAfterRestart > 0 && Date.now() < drainDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      pendingAfterRestart = await pendingEvents(second);
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(existsSync(lockPath)).toBe(false);

    // PGlite allows one process: open the data directory only now that the product has stopped.
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    if (database.kind !== 'pglite') throw new Error('expected PGlite');
    const { pglite } = database;
    try {
      const stored = await pglite.query<{ dedupe_key: string }>(
        "select dedupe_key from webhook_events where kind = 'message'",
      );
      const storedKeys = new Set(stored.rows.map((row) => row.dedupe_key));
      const lost = [...acked].filter((wamid) => !storedKeys.has(`message:${wamid}`));
      expect(lost, 'answered 200 but not stored').toEqual([]);

      const rows = await pglite.query<{ wamid: string; copies: number }>(
        'select wamid, count(*)::int as copies from messages where wamid like $1 group by wamid',
        [`wamid.crash.${run}.%`],
      );
      inbox = new Map(rows.rows.map((row) => [row.wamid, Number(row.copies)]));
      expect([...inbox.values()].filter((copies) => copies !== 1)).toEqual([]);
      // What the agent sees: each customer's unread badge counts each of their messages once,
      // even for events that were being applied when the process died.
      const badges = await pglite.query<{ unread: number; messages: number }>(
        `select c.unread_count as unread,
              (select count(*)::int from messages m where m.conversation_id = c.id) as messages
         from conversations c`,
      );
      for (const row of badges.rows) expect(Number(row.unread)).toBe(Number(row.messages));
    } finally {
      await database.close();
    }
  }, 60_000);

  // A drain job that was running when the process died must not hold its contact until it expires:
  // on PGlite the restart fails such orphans at once (queue.ts, declare), on PostgreSQL heartbeats do.
  it('brings every acknowledged message to the inbox, exactly once, within 35 s of the restart', () => {
    expect(pendingAfterRestart, 'stored webhook events still unprocessed 35 s after the restart').toBe(0);
    const missing = [...acked].filter((wamid) => inbox.get(wamid) !== 1);
    expect(missing, 'acknowledged but not in the inbox').toEqual([]);
  });
});

/**
 * Meta delivers webhooks at least once and in no guaranteed order. With the embedded emulator set to
 * duplicate and reorder most deliveries, a conversation must still look right to the agent: each
 * customer message once, unread badges counting each once, and every reply ending at "read".
 */
describe('duplicated, reordered and replayed webhooks (embedded sandbox)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let agent: HttpSession;
  let wid: string;
  const customers = ['15551240001', '15551240002', '15551240003'];
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/sandbox/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: JSON of the emulator's control API, read loosely
    return { status: response.status, body: (await response.json()) as any };
  };
  beforeAll(async () => {
    server = await startTestServer();
    ({ agent, wid } = await setupOwnerSession(server.url));
  }, 60_000);
  afterAll(() => server?.close());

  type Message = {
    id: string;
    direction: string;
    status: string;
    content: { text?: { body?: string } };
    readAt: string | null;
  };
  const conversationOf = async (phone: string) =>
    (await agent.get(`/api/workspaces/${wid}/conversations`)).body.data?.find(
      (c: { subscriber: { phone: string } }) => c.subscriber.phone === `+${phone}`,
    );
  const messagesOf = async (conversationId: string): Promise<Message[]> =>
    (await agent.get(`/api/workspaces/${wid}/conversations/${conversationId}/messages?limit=200`)).body.data;

  it('shows each message once and every reply as read, though deliveries were duplicated and reordered', async () => {
    const faults = await control('PATCH', '/config', {
      faults: { webhook_duplicate_rate: 0.8, webhook_reorder_rate: 0.6, webhook_reorder_delay_ms: 40 },
    });
    expect(faults.status).toBe(200);
    await control('DELETE', '/webhook-deliveries');

    const texts = (phone: string) =>
      Array.from({ length: 4 }, (_, i) => `order question ${i + 1} from ${phone}`);
    for (let i = 0; i < 4; i++) {
      await Promise.all(
        customers.map(async (phone) => {
          const sent = await agent.post(`/api/workspaces/${wid}/simulator/customers/${phone}/messages`, {
            type: 'text',
            text: { body: texts(phone)[i] },
          });
          expect(sent.status).toBe(200);
        }),
      );
    }
    const conversations = new Map<string, string>();
    for (const phone of customers) {
      const conversation = await eventually(async () => {
        const found = await conversationOf(phone);
        return found && (await messagesOf(found.id)).filter((m) => m.direction === 'in').length >= 4
          ? found
          : undefined;
      });
      conversations.set(phone, conversation.id);
    }

    const replies = new Map<string, string[]>();
    for (const phone of customers) {
      const ids: string[] = [];
      for (const text of [`Thanks ${phone}!`, `Your order ships today, ${phone}.`]) {
        const reply = await agent.post(
          `/api/workspaces/${wid}/conversations/${conversations.get(phone)}/messages`,
          { text },
        );
        expect(reply.status).toBe(201);
        ids.push(reply.body.id);
      }
      replies.set(phone, ids);
    }
    // The customers' phones got the replies (so the read below covers them), then they read them.
    for (const phone of customers) {
      await eventually(async () => {
        const { body } = await control('GET', `/customers/${phone}/messages`);
        return body.data.filter((m: { direction: string }) => m.direction === 'outbound').length >= 2;
      });
      expect((await control('POST', `/customers/${phone}/read`)).status).toBe(200);
    }
    for (const phone of customers) {
      await eventually(async () => {
        const shown = await messagesOf(conversations.get(phone)!);
        return replies.get(phone)!.every((id) => shown.find((m) => m.id === id)?.status === 'read');
      });
    }

    // The faults did happen: some deliveries were copies, some were held back and overtaken.
    const { body: log } = await control('GET', '/webhook-deliveries');
    expect(log.data.filter((d: { duplicate: boolean }) => d.duplicate).length).toBeGreaterThan(5);
    expect(log.data.filter((d: { delayed: boolean }) => d.delayed).length).toBeGreaterThan(5);

    // Let late copies land, then check what the agent sees.
    await control('PATCH', '/config', { faults: { webhook_duplicate_rate: 0, webhook_reorder_rate: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const phone of customers) {
      const shown = await messagesOf(conversations.get(phone)!);
      const inbound = shown.filter((m) => m.direction === 'in').map((m) => m.content.text?.body);
      expect(inbound.sort()).toEqual(texts(phone).sort());
      const outbound = shown.filter((m) => m.direction === 'out');
      expect(outbound.map((m) => m.id).sort()).toEqual([...replies.get(phone)!].sort());
      for (const reply of outbound) {
        expect(reply.status).toBe('read');
        expect(reply.readAt).not.toBeNull();
      }
      // The unread badge counted each customer message once (replying does not clear it).
      expect((await conversationOf(phone)).unreadCount).toBe(4);
    }
  }, 60_000);

  it('answers 200 to a replayed, already-processed webhook and changes nothing', async () => {
    const { body: config } = await control('GET', '/config');
    const { body: log } = await control('GET', '/webhook-deliveries');
    type Delivery = {
      state: string;
      payload: {
        entry: Array<{
          changes: Array<{ value: { messages?: unknown[]; statuses?: Array<{ status: string }> } }>;
        }>;
      };
    };
    const delivered = (log.data as Delivery[]).filter((d) => d.state === 'delivered');
    const inboundDelivery = delivered.find((d) => d.payload.entry[0]!.changes[0]!.value.messages);
    const readDelivery = delivered.find(
      (d) => d.payload.entry[0]!.changes[0]!.value.statuses?.[0]?.status === 'read',
    );
    expect(inboundDelivery && readDelivery).toBeTruthy();

    const snapshot = async () =>
      Promise.all(
        customers.map(async (phone) => {
          const conversation = await conversationOf(phone);
          return { unread: conversation.unreadCount, messages: await messagesOf(conversation.id) };
        }),
      );
    const before = await snapshot();
    for (const delivery of [inboundDelivery!, readDelivery!]) {
      const raw = JSON.stringify(delivery.payload);
      const response = await fetch(`${server.url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signWebhookBody(raw, config.webhook.app_secret),
        },
        body: raw,
      });
      expect(response.status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await snapshot()).toEqual(before);
  }, 30_000);
});
