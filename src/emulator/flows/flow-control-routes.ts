import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ControlError } from '../control/control-errors';
import type { EmulatorContext } from '../core/context';
import { InboundError, receiveInbound } from '../messages/receive-inbound';
import type { StoredMessage } from '../state/models';
import type { FlowStore } from './flow-store';

const completeSchema = z.strictObject({
  /** What the customer submitted (the `complete` payload); merged with `flow_token` into response_json. */
  response: z.record(z.string(), z.unknown()).default({}),
  profile_name: z.string().min(1).optional(),
});
const statusSchema = z.strictObject({ status: z.enum(['PUBLISHED', 'THROTTLED', 'BLOCKED', 'DEPRECATED']) });

/** The flow token a sent message carries: interactive flow parameters or a template FLOW button. */
function flowTokenOf(message: StoredMessage): string | undefined {
  const content = message.content as Record<string, any>;
  const interactive = content.interactive;
  if (interactive?.type === 'flow') return interactive.action?.parameters?.flow_token;
  for (const component of content.template?.components ?? [])
    for (const parameter of component?.parameters ?? [])
      if (parameter?.action?.flow_token) return parameter.action.flow_token;
  return undefined;
}

/**
 * Control API for flows:
 * - `POST /_sandbox/customers/:wa_id/flows/:flow_token/complete {response}`: the customer finishes
 *   the flow sent with that token → inbound `nfm_reply` webhook replying to the flow message.
 * - `PATCH /_sandbox/flows/:id {status}`: simulate health changes (THROTTLED, BLOCKED, back to PUBLISHED).
 * - `GET /_sandbox/flows/:id/flow.json`: the flow's JSON (asset download and preview URL).
 */
export function flowControlRoutes(app: FastifyInstance, ctx: EmulatorContext, store: FlowStore): void {
  app.post('/customers/:wa_id/flows/:flow_token/complete', async (request) => {
    const { wa_id, flow_token } = request.params as { wa_id: string; flow_token: string };
    const body = completeSchema.parse(request.body ?? {});
    const sent = [...(ctx.state.customers.get(wa_id)?.messages ?? [])]
      .reverse()
      .find((m) => m.direction === 'outbound' && flowTokenOf(m) === flow_token);
    if (!sent)
      throw new ControlError(
        404,
        'not_found',
        `No flow message with flow_token ${flow_token} was sent to ${wa_id}`,
      );
    try {
      const stored = receiveInbound(ctx, wa_id, {
        type: 'interactive',
        interactive: {
          type: 'nfm_reply',
          nfm_reply: {
            name: 'flow',
            body: 'Sent',
            response_json: JSON.stringify({ ...body.response, flow_token }),
          },
        },
        context: { message_id: sent.id },
        phone_number_id: sent.phoneNumberId,
        ...(body.profile_name ? { profile_name: body.profile_name } : {}),
      });
      return { id: stored.id, message: stored.content };
    } catch (error) {
      if (error instanceof InboundError) throw new ControlError(error.status, error.code, error.message);
      throw error;
    }
  });

  app.patch('/flows/:id', async (request) => {
    const { id } = request.params as { id: string };
    const { status } = statusSchema.parse(request.body ?? {});
    const flow = store.get(id);
    if (!flow) throw new ControlError(404, 'not_found', `No flow with id ${id}`);
    if (flow.status === 'DRAFT') throw new ControlError(409, 'invalid_state', 'Publish the flow first');
    store.setStatus(id, status);
    return { id, status };
  });

  app.get('/flows/:id/flow.json', async (request, reply) => {
    const flow = store.get((request.params as { id: string }).id);
    if (!flow?.flowJson) throw new ControlError(404, 'not_found', 'No Flow JSON');
    return reply.header('content-type', 'application/json').send(flow.flowJson);
  });
}
