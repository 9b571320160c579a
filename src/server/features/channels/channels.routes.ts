import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { workspaceOf } from '../../http/access';
import type { ZodApp } from '../../http/zod-app';
import {
  type ChannelView,
  channelSchema,
  type HealthWarning,
  healthWarningSchema,
  toChannelView,
} from './channel-view';
import {
  assertNumberNotConnected,
  type ChannelRow,
  deleteChannel,
  getChannel,
  listChannels,
  refreshChannel,
  renameChannel,
  saveChannel,
} from './channels.service';
import { checkConnection, graphClient, subscribeApp } from './inspect-number';

const tags = ['WhatsApp numbers'];
const numericId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{5,25}$/, `must be the numeric ${what} shown in Meta's dashboard (digits only)`);
export const channelNameSchema = z.string().trim().min(1).max(80);
export const connectedSchema = z.object({
  channel: channelSchema,
  webhook: z.object({ callbackUrl: z.string(), verifyToken: z.string() }),
  warnings: z.array(healthWarningSchema),
  /** Embedded Signup only: the two-step verification PIN set on the number, shown this once. */
  pin: z.string().optional(),
});
const params = z.object({ wid: z.string(), id: z.string() });

export const isAdminRole = (request: FastifyRequest) => workspaceOf(request).role !== 'agent';

export function viewOf(ctx: AppContext, request: FastifyRequest, row: ChannelRow): ChannelView {
  return toChannelView(row, { now: ctx.now(), publicUrl: ctx.config.publicUrl, admin: isAdminRole(request) });
}

/** The answer to a successful connect: the channel, what to paste in Meta's dashboard, warnings to read now. */
export function connectedAnswer(
  ctx: AppContext,
  row: ChannelRow,
  extra: { warnings?: HealthWarning[]; pin?: string } = {},
) {
  const channel = toChannelView(row, { now: ctx.now(), publicUrl: ctx.config.publicUrl, admin: true });
  const own = extra.warnings ?? [];
  const warnings = [
    ...own,
    ...channel.health.warnings.filter(
      (w) => w.code !== 'no_webhook_yet' && !own.some((o) => o.code === w.code),
    ),
  ];
  return { channel, webhook: channel.webhook!, warnings, ...(extra.pin ? { pin: extra.pin } : {}) };
}

/** Connected WhatsApp numbers: connect by hand, list with health, refresh, rename, remove. */
export async function channelsRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.get(
    '/api/workspaces/:wid/channels',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Connected WhatsApp numbers with their health',
        params: z.object({ wid: z.string() }),
        response: { 200: z.object({ data: z.array(channelSchema) }) },
      },
    },
    async (request) => ({
      data: (await listChannels(ctx, workspaceOf(request).id)).map((row) => viewOf(ctx, request, row)),
    }),
  );

  app.post(
    '/api/workspaces/:wid/channels',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Connect a number with its IDs, access token and app secret (checked against the Cloud API first)',
        params: z.object({ wid: z.string() }),
        body: z.object({
          phoneNumberId: numericId('Phone number ID'),
          wabaId: numericId('WhatsApp Business Account ID'),
          accessToken: z.string().trim().min(20, 'looks too short for a Meta access token').max(2000),
          appSecret: z.string().trim().min(8, 'looks too short for an app secret').max(200),
          name: channelNameSchema.optional(),
        }),
        response: { 201: connectedSchema },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const body = request.body;
      await assertNumberNotConnected(ctx, workspaceId, body.phoneNumberId);
      const checked = await checkConnection(ctx, body);
      await subscribeApp(graphClient(ctx, body.accessToken), body.wabaId);
      const row = await saveChannel(ctx, { ...body, workspaceId, connectedVia: 'manual', checked });
      request.log.info({ channelId: row.id, phoneNumberId: row.phoneNumberId }, 'WhatsApp number connected');
      const warnings: HealthWarning[] = checked.token.checked
        ? []
        : [
            {
              code: 'token_unchecked',
              severity: 'info',
              message:
                `The access token works, but its expiry and app could not be read, so the app secret was not checked either. ${checked.token.problem ?? ''}`.trim(),
            },
          ];
      reply.status(201);
      return connectedAnswer(ctx, row, { warnings });
    },
  );

  app.get(
    '/api/workspaces/:wid/channels/:id',
    {
      config: { access: 'member' },
      schema: { tags, summary: 'One number with its health', params, response: { 200: channelSchema } },
    },
    async (request) =>
      viewOf(ctx, request, await getChannel(ctx, workspaceOf(request).id, request.params.id)),
  );

  app.post(
    '/api/workspaces/:wid/channels/:id/refresh',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Re-read the number details and token expiry from the Cloud API',
        params,
        response: { 200: channelSchema },
      },
    },
    async (request) => {
      const row = await getChannel(ctx, workspaceOf(request).id, request.params.id);
      return viewOf(ctx, request, await refreshChannel(ctx, row));
    },
  );

  app.patch(
    '/api/workspaces/:wid/channels/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Rename a number',
        params,
        body: z.object({ name: channelNameSchema }),
        response: { 200: channelSchema },
      },
    },
    async (request) => {
      const row = await getChannel(ctx, workspaceOf(request).id, request.params.id);
      return viewOf(ctx, request, await renameChannel(ctx, row, request.body.name));
    },
  );

  app.delete(
    '/api/workspaces/:wid/channels/:id',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'Disconnect a number (its conversations are deleted too)', params },
    },
    async (request, reply) => {
      const row = await getChannel(ctx, workspaceOf(request).id, request.params.id);
      await deleteChannel(ctx, row);
      reply.status(204).send();
    },
  );
}
