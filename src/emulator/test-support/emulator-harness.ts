import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { createManualClock, type EmulatorClock } from '../core/clock';
import { createEmulator, type Emulator } from '../create-emulator';
import type { EmulatorOptions } from '../options';
import type { EmulatorConfigPatch } from '../state/config';

export const TOKEN = 'EAAGtesttoken0123456789';
export const PHONE_ID = '106540352242922';
export const WABA_ID = '102290129340398';
export const APP_SECRET = 'app-secret-for-tests';
export const VERIFY_TOKEN = 'verify-me';

export interface ReceivedWebhook {
  raw: string;
  body: {
    object: string;
    entry: Array<{
      id: string;
      time?: number;
      changes: Array<{ field: string; value: Record<string, any> }>;
    }>;
  };
  signature: string | undefined;
  signatureValid: boolean;
}

/** A local webhook receiver on 127.0.0.1:0 that checks signatures and answers with scripted statuses. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  readonly handshakes: Array<Record<string, string>> = [];
  /** Status codes to answer next (consumed in order); 200 once empty. */
  script: number[] = [];
  private app: FastifyInstance = Fastify();
  url = '';

  async start(): Promise<this> {
    this.app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    this.app.get('/webhook', async (request, reply) => {
      const query = request.query as Record<string, string>;
      this.handshakes.push(query);
      if (query['hub.mode'] === 'subscribe' && query['hub.verify_token'] === VERIFY_TOKEN) {
        return reply.type('text/plain').send(query['hub.challenge']);
      }
      return reply.code(403).send('forbidden');
    });
    this.app.post('/webhook', async (request, reply) => {
      const raw = request.body as string;
      const signature = request.headers['x-hub-signature-256'] as string | undefined;
      const expected = `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;
      const signatureValid =
        signature !== undefined &&
        signature.length === expected.length &&
        timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
      this.received.push({ raw, body: JSON.parse(raw), signature, signatureValid });
      return reply.code(this.script.shift() ?? 200).send();
    });
    const address = await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.url = `${address}/webhook`;
    return this;
  }

  /** All `statuses[]` entries received so far, in arrival order. */
  statuses(): Array<Record<string, any>> {
    return this.received.flatMap((hook) =>
      hook.body.entry.flatMap((entry) => entry.changes.flatMap((change) => change.value.statuses ?? [])),
    );
  }

  /** All inbound `messages[]` received so far. */
  messages(): Array<Record<string, any>> {
    return this.received.flatMap((hook) =>
      hook.body.entry.flatMap((entry) => entry.changes.flatMap((change) => change.value.messages ?? [])),
    );
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

export interface Harness {
  emulator: Emulator;
  app: FastifyInstance;
  clock: EmulatorClock;
  receiver: WebhookReceiver | undefined;
  send(
    body: Record<string, unknown>,
    options?: { token?: string; version?: string; phoneId?: string },
  ): Promise<LightMyRequestResponse>;
  inbound(waId: string, body: Record<string, unknown>): Promise<LightMyRequestResponse>;
  control(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** Wait until the emulator has nothing pending (statuses and deliveries done). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Emulator + Fastify app (inject) + optional real webhook receiver, with fast timings. */
export async function startHarness(
  options: { receiver?: boolean; config?: EmulatorConfigPatch; emulator?: Partial<EmulatorOptions> } = {},
): Promise<Harness> {
  const receiver = options.receiver ? await new WebhookReceiver().start() : undefined;
  const clock = options.emulator?.clock ?? createManualClock(Date.UTC(2026, 5, 1, 12));
  const emulator = createEmulator({
    accessToken: TOKEN,
    phoneNumberId: PHONE_ID,
    wabaId: WABA_ID,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    webhookUrl: receiver?.url ?? null,
    clock,
    delivery: { retry: { initialDelayMs: 10, factor: 2, maxAttempts: 4 }, timeoutMs: 2000 },
    ...options.emulator,
    config: { status_delays_ms: { sent: 0, delivered: 0 }, ...options.config },
  });
  const app = Fastify();
  await app.register(emulator.plugin);
  await app.ready();
  return {
    emulator,
    app,
    clock,
    receiver,
    send: (body, opts = {}) =>
      app.inject({
        method: 'POST',
        url: `/${opts.version ?? 'v25.0'}/${opts.phoneId ?? PHONE_ID}/messages`,
        headers: { authorization: `Bearer ${opts.token ?? TOKEN}` },
        payload: { messaging_product: 'whatsapp', ...body },
      }),
    inbound: (waId, body) =>
      app.inject({ method: 'POST', url: `/_sandbox/customers/${waId}/messages`, payload: body }),
    control: (method, path, body) =>
      app.inject({
        method,
        url: `/_sandbox${path}`,
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    settle: () => emulator.settle(),
    async close() {
      await emulator.close();
      await app.close();
      await receiver?.close();
    },
  };
}
