import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../core/context';
import { GraphError, unknownObject } from '../graph/graph-error';
import { graphListPage } from '../templates/graph-list-page';
import type { AccountStore } from './account-store';
import { phoneNumberView } from './phone-number-view';
import { deregisterPhoneNumber, registerPhoneNumber } from './register-phone-number';
import { parseGraphBody, requireWaba } from './require-waba';

/** Phone numbers (§7.1), registration (§7.2) and `subscribed_apps` (§7.3). */
export function accountGraphRoutes(app: FastifyInstance, ctx: EmulatorContext, store: AccountStore): void {
  const phoneOf = (id: string, method: string) => {
    const phone = ctx.state.phoneNumbers.get(id);
    if (!phone) throw unknownObject(id, method);
    return phone;
  };

  ctx.graphNodes.register('phone_number', {
    owns: (id) => ctx.state.phoneNumbers.has(id),
    handle: {
      GET: (id, request) =>
        phoneNumberView(
          phoneOf(id, 'GET'),
          store.registration(id),
          ctx.state.config,
          (request.query as Record<string, unknown>).fields,
        ),
      POST: (id, request) => {
        const body = parseGraphBody(request.body);
        if (body.pin !== undefined) {
          if (!/^\d{6}$/.test(String(body.pin)))
            throw new GraphError(100, { details: 'Param pin must be a 6-digit number.' });
          store.registration(id).pin = String(body.pin);
          store.changed();
        }
        return { success: true };
      },
    },
  });

  app.get('/:version/:wabaId/phone_numbers', async (request) => {
    requireWaba(ctx, request);
    const { fields } = request.query as Record<string, unknown>;
    return graphListPage(request, [...ctx.state.phoneNumbers.values()], (phone) =>
      phoneNumberView(phone, store.registration(phone.id), ctx.state.config, fields),
    );
  });

  app.post('/:version/:phoneNumberId/register', async (request) => {
    const { phoneNumberId } = request.params as { phoneNumberId: string };
    phoneOf(phoneNumberId, 'POST');
    const entry = store.registration(phoneNumberId);
    try {
      registerPhoneNumber(entry, parseGraphBody(request.body), ctx.clock.now());
    } finally {
      store.changed();
    }
    return { success: true };
  });

  app.post('/:version/:phoneNumberId/deregister', async (request) => {
    const { phoneNumberId } = request.params as { phoneNumberId: string };
    phoneOf(phoneNumberId, 'POST');
    deregisterPhoneNumber(store.registration(phoneNumberId), ctx.clock.now());
    store.changed();
    return { success: true };
  });

  app.post('/:version/:wabaId/subscribed_apps', async (request) => {
    requireWaba(ctx, request);
    const body = parseGraphBody(request.body);
    const uri = body.override_callback_uri;
    if (uri !== undefined && (typeof uri !== 'string' || !/^https?:\/\//.test(uri)))
      throw new GraphError(100, { details: 'override_callback_uri must be an http(s) URL.' });
    if (uri !== undefined && typeof body.verify_token !== 'string')
      throw new GraphError(100, { details: 'verify_token is required with override_callback_uri.' });
    store.subscription = {
      ...(typeof uri === 'string' ? { overrideCallbackUri: uri } : {}),
      ...(typeof body.verify_token === 'string' ? { verifyToken: body.verify_token } : {}),
    };
    store.changed();
    return { success: true };
  });

  app.get('/:version/:wabaId/subscribed_apps', async (request) => {
    requireWaba(ctx, request);
    if (!store.subscription) return { data: [] };
    return {
      data: [
        {
          whatsapp_business_api_data: {
            id: store.appId,
            link: `https://www.facebook.com/games/?app_id=${store.appId}`,
            name: 'ChatSyncs Sandbox',
          },
          ...(store.subscription.overrideCallbackUri
            ? { override_callback_uri: store.subscription.overrideCallbackUri }
            : {}),
        },
      ],
    };
  });

  app.delete('/:version/:wabaId/subscribed_apps', async (request) => {
    requireWaba(ctx, request);
    store.subscription = null;
    store.changed();
    return { success: true };
  });
}
