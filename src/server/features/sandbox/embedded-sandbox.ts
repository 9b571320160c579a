import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createEmulator, type Emulator } from '../../../emulator';
import type { AppContext } from '../../context';
import { channels } from '../../db/schema';
import { WEBHOOK_PATH } from '../../ingress/ingress.routes';
import { loadSandboxIdentity, type SandboxIdentity } from './sandbox-identity';

export const SANDBOX_PREFIX = '/sandbox';

export type EmbeddedSandbox = {
  emulator: Emulator;
  identity: SandboxIdentity;
  /** Mounts the emulator's Graph and control routes under /sandbox. */
  plugin(app: FastifyInstance): Promise<void>;
  /** Called once the server listens: the Graph base URL for sandbox numbers and the webhook target. */
  attach(app: FastifyInstance, internalUrl: string): Promise<void>;
  /** Calls the emulator's public control API in-process (`/_sandbox/…`); answers status and JSON. */
  control(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    payload?: unknown,
  ): Promise<{ status: number; body: any }>;
  graphBaseUrl(): string;
  close(): Promise<void>;
};

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The embedded emulator's control API (`/sandbox/_sandbox/…`: send as any customer, change the
 * webhook URL, move the clock) answers only direct loopback requests; the dashboard reaches the
 * sandbox through the workspace-scoped simulator API instead. Graph routes need the sandbox token.
 */
async function refuseRemoteControl(request: FastifyRequest, reply: FastifyReply) {
  if (!request.url.includes('/_sandbox/')) return;
  const forwarded = request.headers['x-forwarded-for'] || request.headers.forwarded;
  if (!loopback.has(request.socket.remoteAddress ?? '') || forwarded) {
    return reply.status(403).send({
      error: {
        code: 'forbidden',
        message: 'The sandbox control API only answers on this machine (127.0.0.1).',
        requestId: request.id,
      },
    });
  }
}

/**
 * The Cloud API emulator running inside the product (`chatsyncs start`), so a workspace has a working
 * "Sandbox" number with no Meta account. Its state is kept in DATA_DIR/sandbox.json; it delivers
 * signed webhooks to this server's own /webhooks/whatsapp over loopback, exactly as Meta would.
 */
export async function createEmbeddedSandbox(ctx: AppContext): Promise<EmbeddedSandbox> {
  const dataDir = path.resolve(ctx.config.DATA_DIR);
  const identity = loadSandboxIdentity(dataDir);
  const existing = await ctx.db
    .select({
      phoneNumberId: channels.phoneNumberId,
      displayPhoneNumber: channels.displayPhoneNumber,
      verifiedName: channels.verifiedName,
    })
    .from(channels)
    .where(eq(channels.kind, 'sandbox'));
  const emulator = createEmulator({
    accessToken: identity.accessToken,
    appSecret: identity.appSecret,
    verifyToken: identity.verifyToken,
    wabaId: identity.wabaId,
    phoneNumbers: (existing.length > 0
      ? existing
      : [
          {
            phoneNumberId: identity.phoneNumberId,
            displayPhoneNumber: '15550100001',
            verifiedName: 'ChatSyncs Sandbox',
          },
        ]
    ).map((row) => ({
      id: row.phoneNumberId,
      displayPhoneNumber: row.displayPhoneNumber,
      verifiedName: row.verifiedName ?? 'ChatSyncs Sandbox',
    })),
    stateFile: path.join(dataDir, 'sandbox.json'),
    logger: ctx.log.child({ module: 'sandbox' }) as FastifyBaseLogger,
  });
  let baseUrl = '';
  let server: FastifyInstance | undefined;
  return {
    emulator,
    identity,
    async plugin(app) {
      await app.register(
        async (scope) => {
          scope.addHook('onRequest', refuseRemoteControl);
          await emulator.plugin(scope);
        },
        { prefix: SANDBOX_PREFIX },
      );
    },
    async control(method, path, payload) {
      if (!server) throw new Error('The sandbox is not attached to a server yet');
      const response = await server.inject({
        method,
        url: `${SANDBOX_PREFIX}/_sandbox${path}`,
        remoteAddress: '127.0.0.1',
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      return { status: response.statusCode, body: response.body ? response.json() : undefined };
    },
    async attach(app, internalUrl) {
      server = app;
      baseUrl = `${internalUrl}${SANDBOX_PREFIX}`;
      emulator.state.config.webhook.url = `${internalUrl}${WEBHOOK_PATH}`;
      emulator.state.markChanged();
      // The port may differ from the last run: point every sandbox number at this server.
      await ctx.db.update(channels).set({ graphBaseUrl: baseUrl }).where(eq(channels.kind, 'sandbox'));
    },
    graphBaseUrl() {
      if (!baseUrl) throw new Error('The sandbox is not attached to a listening server yet');
      return baseUrl;
    },
    close: () => emulator.close(),
  };
}
