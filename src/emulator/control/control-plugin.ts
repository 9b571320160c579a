import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext, EmulatorModule } from '../core/context';
import { applyConfigPatch, emulatorConfigPatchSchema } from '../state/config';
import { controlErrorHandler } from './control-errors';
import { customersRoutes } from './customers-routes';

const clockBody = z.strictObject({
  advance_seconds: z
    .number()
    .positive()
    .max(10 * 365 * 24 * 3600),
});
const deliveriesQuery = z.object({
  field: z.string().optional(),
  state: z.enum(['pending', 'retrying', 'delivered', 'failed', 'skipped']).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

/**
 * The control API under `/_sandbox`: simulated customers, runtime config, clock, webhook deliveries.
 * Input validated with zod; errors are `{ error: { code, message, requestId, details? } }`.
 */
export function controlPlugin(ctx: EmulatorContext, modules: EmulatorModule[]) {
  return async function control(app: FastifyInstance): Promise<void> {
    if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);
    app.setErrorHandler(controlErrorHandler);
    const { state, clock, webhooks } = ctx;

    app.get('/', async () => ({
      waba_id: state.wabaId,
      phone_numbers: [...state.phoneNumbers.values()].map((phone) => ({
        id: phone.id,
        display_phone_number: phone.displayPhoneNumber,
        verified_name: phone.verifiedName,
      })),
      clock: new Date(clock.now()).toISOString(),
      customers: state.customers.size,
      business_initiated_recipients_24h: ctx.messaging.limits.uniqueBusinessInitiated(clock.now()),
    }));

    customersRoutes(app, ctx);

    app.get('/config', async () => state.config);
    app.patch('/config', async (request) => {
      const patch = emulatorConfigPatchSchema.parse(request.body ?? {});
      const previousUrl = state.config.webhook.url;
      const previousToken = state.config.webhook.verify_token;
      state.config = applyConfigPatch(state.config, patch);
      state.markChanged();
      const webhookChanged =
        state.config.webhook.url !== previousUrl || state.config.webhook.verify_token !== previousToken;
      const verification =
        webhookChanged && state.config.webhook.url ? await webhooks.verifyCallback() : undefined;
      return { ...state.config, ...(verification ? { webhook_verification: verification } : {}) };
    });

    app.get('/clock', async () => ({
      now: new Date(clock.now()).toISOString(),
      unix: Math.floor(clock.now() / 1000),
      offset_seconds: Math.round(clock.offsetMs() / 1000),
    }));
    app.post('/clock', async (request) => {
      const { advance_seconds } = clockBody.parse(request.body);
      clock.advance(advance_seconds * 1000);
      return {
        now: new Date(clock.now()).toISOString(),
        unix: Math.floor(clock.now() / 1000),
        offset_seconds: Math.round(clock.offsetMs() / 1000),
      };
    });

    app.get('/webhook-deliveries', async (request) => {
      const query = deliveriesQuery.parse(request.query);
      let data = webhooks.deliveries();
      if (query.field) data = data.filter((delivery) => delivery.field === query.field);
      if (query.state) data = data.filter((delivery) => delivery.state === query.state);
      if (query.limit) data = data.slice(-query.limit);
      return { data };
    });
    app.delete('/webhook-deliveries', async () => {
      webhooks.clearDeliveries();
      return { success: true };
    });

    app.get('/webhook', async () => ({
      url: state.config.webhook.url,
      verification: webhooks.lastVerification,
    }));
    app.post('/webhook/verify', async () => ({ verification: await webhooks.verifyCallback() }));

    for (const module of modules) {
      if (module.controlRoutes) await module.controlRoutes(app, ctx);
    }
  };
}
