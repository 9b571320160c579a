import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../core/context';
import { inboundMessageSchema } from '../messages/inbound-schema';
import { InboundError, receiveInbound } from '../messages/receive-inbound';
import { ControlError } from './control-errors';
import { customerView, messageView } from './views';

const waIdParams = z.object({ wa_id: z.string().regex(/^\d{6,15}$/, 'wa_id must be 6–15 digits') });
const phoneQuery = z.object({ phone_number_id: z.string().optional() });
const patchBody = z
  .strictObject({
    on_whatsapp: z.boolean().optional(),
    marketing_opt_out: z.boolean().optional(),
    profile_name: z.string().min(1).max(256).optional(),
  })
  .refine(
    (body) => Object.keys(body).length > 0,
    'send at least one of on_whatsapp, marketing_opt_out, profile_name',
  );
const readBody = z.strictObject({ message_id: z.string().min(1).optional() }).optional();

/** Simulated customers: list, inspect, change, send as them, read as them. */
export function customersRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const { state, clock } = ctx;
  const phoneFor = (phoneNumberId?: string) => {
    if (!phoneNumberId) return state.defaultPhoneNumber();
    const phone = state.phoneNumbers.get(phoneNumberId);
    if (!phone) throw new ControlError(404, 'not_found', `Unknown business phone number ${phoneNumberId}`);
    return phone;
  };
  const customerFor = (waId: string) => {
    const customer = state.customers.get(waId);
    if (!customer) throw new ControlError(404, 'not_found', `No customer with wa_id ${waId}`);
    return customer;
  };

  app.get('/customers', async (request) => {
    const phone = phoneFor(phoneQuery.parse(request.query).phone_number_id);
    const now = clock.now();
    return { data: [...state.customers.values()].map((customer) => customerView(customer, phone.id, now)) };
  });

  app.get('/customers/:wa_id', async (request) => {
    const { wa_id } = waIdParams.parse(request.params);
    const phone = phoneFor(phoneQuery.parse(request.query).phone_number_id);
    return customerView(customerFor(wa_id), phone.id, clock.now());
  });

  app.patch('/customers/:wa_id', async (request) => {
    const { wa_id } = waIdParams.parse(request.params);
    const body = patchBody.parse(request.body);
    const customer = state.getOrCreateCustomer(wa_id, clock.now());
    if (body.on_whatsapp !== undefined) customer.onWhatsApp = body.on_whatsapp;
    if (body.marketing_opt_out !== undefined) customer.marketingOptOut = body.marketing_opt_out;
    if (body.profile_name !== undefined) customer.profileName = body.profile_name;
    state.markChanged();
    return customerView(customer, state.defaultPhoneNumber().id, clock.now());
  });

  app.post('/customers/:wa_id/messages', async (request) => {
    const { wa_id } = waIdParams.parse(request.params);
    const input = inboundMessageSchema.parse(request.body);
    try {
      const stored = receiveInbound(ctx, wa_id, input);
      return { id: stored.id, message: messageView(stored) };
    } catch (error) {
      if (error instanceof InboundError) throw new ControlError(error.status, error.code, error.message);
      throw error;
    }
  });

  app.get('/customers/:wa_id/messages', async (request) => {
    const { wa_id } = waIdParams.parse(request.params);
    const customer = state.customers.get(wa_id);
    return { data: (customer?.messages ?? []).map(messageView) };
  });

  app.post('/customers/:wa_id/read', async (request) => {
    const { wa_id } = waIdParams.parse(request.params);
    const body = readBody.parse(request.body ?? undefined);
    const customer = customerFor(wa_id);
    if (body?.message_id && !customer.messages.some((message) => message.id === body.message_id)) {
      throw new ControlError(404, 'not_found', `No message ${body.message_id} in this conversation`);
    }
    return { read: ctx.messaging.customerRead(customer, body?.message_id) };
  });
}
