import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { apiKeysRoutes } from '../features/api-keys/api-keys.routes';
import { authRoutes } from '../features/auth/auth.routes';
import { channelsRoutes } from '../features/channels/channels.routes';
import { embeddedSignupRoutes } from '../features/channels/embedded-signup.routes';
import { attachmentsRoutes } from '../features/inbox/attachments.routes';
import { conversationsRoutes } from '../features/inbox/conversations.routes';
import { messagesRoutes } from '../features/inbox/messages.routes';
import { savedRepliesRoutes } from '../features/inbox/saved-replies.routes';
import { invitationsRoutes } from '../features/invitations/invitations.routes';
import { simulatorRoutes } from '../features/simulator/simulator.routes';
import { workspacesRoutes } from '../features/workspaces/workspaces.routes';
import { newId } from '../ids';
import { ingressRoutes } from '../ingress/ingress.routes';
import { registerAccessControl } from './access';
import { registerErrorHandling } from './error-handler';
import { healthRoutes } from './health.routes';
import { registerWebApp } from './web-app';
import type { ZodApp } from './zod-app';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, with its declared access (read by the security tests). */
    routeTable: Array<{ method: string; url: string; access?: string }>;
  }
}

export type HttpAppOptions = {
  /** The built dashboard to serve at `/` (web/dist); omitted in API-only tests. */
  webDistDir?: string;
  /** Mounts more plugins (the embedded emulator) before the app is ready. */
  extraPlugins?: Array<(app: FastifyInstance) => Promise<void>>;
};

/** Every feature's routes, registered in one place. */
const featureRoutes: Array<(app: ZodApp, ctx: AppContext) => Promise<void>> = [
  healthRoutes,
  authRoutes,
  workspacesRoutes,
  invitationsRoutes,
  apiKeysRoutes,
  channelsRoutes,
  embeddedSignupRoutes,
  conversationsRoutes,
  messagesRoutes,
  attachmentsRoutes,
  savedRepliesRoutes,
  simulatorRoutes,
];

export async function buildHttpApp(ctx: AppContext, options: HttpAppOptions = {}): Promise<ZodApp> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: ctx.config.BODY_LIMIT_BYTES,
    trustProxy: ctx.config.TRUST_PROXY,
    genReqId: () => newId('req'),
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  const routeTable: Array<{ method: string; url: string; access?: string }> = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: route.config?.access });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Graceful close: responses finished after shutdown began tell the client to close the
  // connection, so keep-alive sockets do not hold the server open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  registerErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'ChatSyncs API',
        version: '0.1.0',
        description:
          'The ChatSyncs REST API. Authenticate with a workspace API key as `Authorization: Bearer csk_…` ' +
          '(Settings → API keys). Errors are `{ "error": { "code", "message", "requestId" } }`.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerAccessControl(app, ctx.db);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  for (const routes of featureRoutes) await routes(app, ctx);
  await app.register(ingressRoutes(ctx, ctx.channelDirectory));
  for (const plugin of options.extraPlugins ?? []) await plugin(app);
  if (options.webDistDir) await registerWebApp(app, options.webDistDir);
  return app;
}
