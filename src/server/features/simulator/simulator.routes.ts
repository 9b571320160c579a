import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { messagePreview } from '../../../whatsapp/message-preview';
import type { AppContext } from '../../context';
import { channels } from '../../db/schema';
import { workspaceOf } from '../../http/access';
import { AppError, notFound } from '../../http/errors';
import type { ZodApp } from '../../http/zod-app';
import { clientForChannel } from '../channels/channel-client';

const tags = ['Phone simulator'];
const waIdParams = z.object({
  wid: z.string(),
  waId: z.string().regex(/^\d{6,15}$/, 'Use 6 to 15 digits, country code first'),
});
type SandboxMessage = {
  context?: { id?: string; message_id?: string };
  id: string;
  direction: 'inbound' | 'outbound';
  phone_number_id: string;
  type: string;
  timestamp: string;
  status: string;
  content: Record<string, unknown>;
};

/** The flow token of a flow message: interactive flow parameters or a template FLOW button. */
function flowTokenOf(content: Record<string, any>): string | undefined {
  if (content.interactive?.type === 'flow') return content.interactive.action?.parameters?.flow_token;
  for (const component of content.template?.components ?? [])
    for (const parameter of component?.parameters ?? [])
      if (parameter?.action?.flow_token) return parameter.action.flow_token;
  return undefined;
}

/**
 * The dashboard's phone simulator: chat as a simulated customer with this workspace's Sandbox number.
 * It goes through the emulator's public control API, scoped to the workspace's own sandbox number.
 */
export async function simulatorRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const sandboxChannel = async (workspaceId: string) => {
    if (!ctx.sandbox)
      throw notFound(
        'The sandbox (built-in emulator) is not running in this process, so the phone simulator',
      );
    const [channel] = await ctx.db
      .select()
      .from(channels)
      .where(and(eq(channels.workspaceId, workspaceId), eq(channels.kind, 'sandbox')));
    if (!channel) throw notFound('The Sandbox number of this workspace');
    return channel;
  };
  const control = async (method: 'GET' | 'POST' | 'PATCH', path: string, payload?: unknown) => {
    const answer = await ctx.sandbox!.control(method, path, payload);
    if (answer.status >= 400) {
      const message = answer.body?.error?.message ?? 'The sandbox refused this.';
      throw new AppError(
        answer.status === 404 ? 'not_found' : answer.status === 409 ? 'conflict' : 'bad_request',
        message,
      );
    }
    return answer.body;
  };
  const messagesOf = async (waId: string, phoneNumberId: string): Promise<SandboxMessage[]> => {
    const answer = await ctx.sandbox!.control('GET', `/customers/${waId}/messages`);
    if (answer.status === 404) return [];
    return (answer.body?.data ?? []).filter((m: SandboxMessage) => m.phone_number_id === phoneNumberId);
  };

  app.get(
    '/api/workspaces/:wid/simulator',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'The Sandbox number and its simulated customers',
        params: z.object({ wid: z.string() }),
      },
    },
    async (request) => {
      const channel = await sandboxChannel(workspaceOf(request).id);
      const { data } = await control('GET', `/customers?phone_number_id=${channel.phoneNumberId}`);
      const customers = [];
      for (const customer of data as Array<{ wa_id: string; profile_name?: string | null }>) {
        const history = await messagesOf(customer.wa_id, channel.phoneNumberId);
        if (history.length === 0) continue;
        const last = history[history.length - 1]!;
        customers.push({
          waId: customer.wa_id,
          profileName: customer.profile_name ?? null,
          lastMessage: {
            preview: messagePreview(last.type, last.content as Record<string, any>),
            at: new Date(Number(last.timestamp) * 1000).toISOString(),
            direction: last.direction,
          },
        });
      }
      customers.sort((a, b) => b.lastMessage.at.localeCompare(a.lastMessage.at));
      return {
        phoneNumber: {
          id: channel.phoneNumberId,
          displayPhoneNumber: channel.displayPhoneNumber,
          verifiedName: channel.verifiedName ?? 'ChatSyncs Sandbox',
        },
        customers,
      };
    },
  );

  app.post(
    '/api/workspaces/:wid/simulator/customers/:waId/messages',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Send a message as a simulated customer',
        params: waIdParams,
        body: z.looseObject({ type: z.string() }),
      },
    },
    async (request) => {
      const channel = await sandboxChannel(workspaceOf(request).id);
      const answer = await control('POST', `/customers/${request.params.waId}/messages`, {
        ...request.body,
        phone_number_id: channel.phoneNumberId,
      });
      return { id: answer.id as string };
    },
  );

  app.get(
    '/api/workspaces/:wid/simulator/customers/:waId/messages',
    {
      config: { access: 'member' },
      schema: { tags, summary: 'The conversation as the simulated phone sees it', params: waIdParams },
    },
    async (request) => {
      const channel = await sandboxChannel(workspaceOf(request).id);
      const data = await messagesOf(request.params.waId, channel.phoneNumberId);
      return {
        data: data.map(({ id, direction, type, timestamp, status, content, context }) => ({
          id,
          direction,
          type,
          timestamp,
          status,
          content,
          ...(context ? { context } : {}),
        })),
      };
    },
  );

  app.post(
    '/api/workspaces/:wid/simulator/customers/:waId/read',
    {
      config: { access: 'member' },
      schema: { tags, summary: 'The simulated customer reads what they received', params: waIdParams },
    },
    async (request) => {
      const channel = await sandboxChannel(workspaceOf(request).id);
      const lastOutbound = (await messagesOf(request.params.waId, channel.phoneNumberId))
        .filter((m) => m.direction === 'outbound')
        .at(-1);
      if (!lastOutbound) return { read: [] };
      return control('POST', `/customers/${request.params.waId}/read`, { message_id: lastOutbound.id });
    },
  );

  app.post(
    '/api/workspaces/:wid/simulator/customers/:waId/flows/:flowToken/complete',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'The simulated customer submits a WhatsApp Flow',
        params: waIdParams.extend({ flowToken: z.string() }),
        body: z.object({ response: z.record(z.string(), z.unknown()) }),
      },
    },
    async (request) => {
      const channel = await sandboxChannel(workspaceOf(request).id);
      const { waId, flowToken } = request.params;
      // The emulator finds the flow message by token alone: make sure this number sent it.
      const sent = (await messagesOf(waId, channel.phoneNumberId)).some(
        (m) => m.direction === 'outbound' && flowTokenOf(m.content) === flowToken,
      );
      if (!sent) throw notFound(`A flow message with flow_token "${flowToken}" sent to this customer`);
      return control('POST', `/customers/${waId}/flows/${encodeURIComponent(flowToken)}/complete`, {
        response: request.body.response,
      });
    },
  );

  app.get(
    '/api/workspaces/:wid/simulator/flows/:flowId',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary:
          "A WhatsApp Flow of the Sandbox number's account, with its Flow JSON, for the simulated phone",
        params: z.object({ wid: z.string(), flowId: z.string().regex(/^\d{1,20}$/, 'A flow id is digits') }),
      },
    },
    async (request) => {
      const channel = await sandboxChannel(workspaceOf(request).id);
      const { flowId } = request.params;
      // The Graph API with the number's own token only shows flows of its WABA; check the owner too.
      const flow = await clientForChannel(ctx, channel)
        .getFlow(flowId, ['id', 'name', 'status', 'whatsapp_business_account'])
        .catch(() => null);
      const owner = (flow?.whatsapp_business_account as { id?: string } | undefined)?.id;
      if (!flow || owner !== channel.wabaId) throw notFound('This flow');
      const answer = await ctx.sandbox!.control('GET', `/flows/${flowId}/flow.json`).catch(() => null);
      if (!answer || answer.status >= 400 || !answer.body || typeof answer.body !== 'object')
        throw new AppError(
          'not_found',
          answer?.status === 404
            ? 'This flow has no Flow JSON yet: upload flow.json first.'
            : "This flow's Flow JSON could not be read.",
        );
      return {
        id: flow.id,
        name: flow.name ?? null,
        status: flow.status ?? null,
        flowJson: answer.body as Record<string, unknown>,
      };
    },
  );

  app.post(
    '/api/workspaces/:wid/simulator/customers/:waId/media',
    {
      config: { access: 'member' },
      schema: { tags, summary: 'Upload a file the simulated customer will send', params: waIdParams },
    },
    async (request) => {
      const channel = await sandboxChannel(workspaceOf(request).id);
      const file = await request.file();
      if (!file) throw new AppError('validation_failed', 'Attach a file in the "file" field.');
      const data = await file.toBuffer();
      const answer = await control('POST', '/media', {
        mime_type: file.mimetype,
        data_base64: data.toString('base64'),
        filename: file.filename,
        phone_number_id: channel.phoneNumberId,
      });
      return { id: answer.id as string };
    },
  );

  app.get(
    '/api/workspaces/:wid/simulator/media/:mediaId',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Media the business sent, as the simulated phone downloads it',
        params: z.object({ wid: z.string(), mediaId: z.string() }),
      },
    },
    async (request, reply) => {
      const channel = await sandboxChannel(workspaceOf(request).id);
      const client = clientForChannel(ctx, channel);
      const media = await client.getMedia(request.params.mediaId).catch(() => {
        throw notFound('This media');
      });
      const file = await client.downloadMedia(media.url);
      return reply.type(file.mimeType).header('cache-control', 'private, max-age=300').send(file.data);
    },
  );
}
