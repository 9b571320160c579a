import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../../src/emulator';

/** One POST the emulator made to the webhook URL: the bytes exactly as received and the signature header. */
export interface ReceivedDelivery {
  raw: Buffer;
  signature: string | undefined;
  headers: IncomingHttpHeaders;
}

/** A plain node:http webhook endpoint on 127.0.0.1:0, as a product would run one. */
export class WebhookReceiver {
  readonly posts: ReceivedDelivery[] = [];
  readonly handshakes: Array<{ query: URLSearchParams; answered: number }> = [];
  /** Order of events as they arrived ('GET' handshake or 'POST' delivery). */
  readonly arrivals: Array<'GET' | 'POST'> = [];
  url = '';
  private server: Server | undefined;

  constructor(readonly verifyToken: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'GET') {
        const q = url.searchParams;
        const ok = q.get('hub.mode') === 'subscribe' && q.get('hub.verify_token') === this.verifyToken;
        this.handshakes.push({ query: q, answered: ok ? 200 : 403 });
        this.arrivals.push('GET');
        res.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain' });
        res.end(ok ? (q.get('hub.challenge') ?? '') : 'forbidden');
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const header = req.headers['x-hub-signature-256'];
        this.posts.push({
          raw: Buffer.concat(chunks),
          signature: Array.isArray(header) ? header[0] : header,
          headers: req.headers,
        });
        this.arrivals.push('POST');
        res.writeHead(200);
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/webhooks/whatsapp`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export interface EmulatorServer {
  emulator: Emulator;
  receiver: WebhookReceiver;
  /** `http://127.0.0.1:<port>`, the Graph base URL (no version). */
  baseUrl: string;
  appSecret: string;
  verifyToken: string;
  /** Calls the control API (`/_sandbox/...`) and returns status and parsed JSON. */
  control<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** The real emulator on a Fastify server on 127.0.0.1:0, delivering webhooks to a real local receiver. */
export async function startEmulatorServer(options: EmulatorOptions = {}): Promise<EmulatorServer> {
  const appSecret = options.appSecret ?? randomBytes(16).toString('hex');
  const verifyToken = options.verifyToken ?? randomBytes(8).toString('hex');
  const receiver = await new WebhookReceiver(verifyToken).start();
  const emulator = createEmulator({ ...options, appSecret, verifyToken, webhookUrl: receiver.url });
  const app: FastifyInstance = Fastify();
  await app.register(emulator.plugin);
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  return {
    emulator,
    receiver,
    baseUrl,
    appSecret,
    verifyToken,
    async control(method, path, body) {
      const res = await fetch(`${baseUrl}/_sandbox${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
    },
    async close() {
      await emulator.close();
      await app.close();
      await receiver.close();
    },
  };
}
