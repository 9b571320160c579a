import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ControlError } from '../control/control-errors';
import type { EmulatorContext } from '../core/context';
import { accessToken } from '../core/ids';
import type { AccountStore } from './account-store';
import { TEMPORARY_TOKEN_TTL_MS, WHATSAPP_SCOPES } from './oauth-routes';

/** Embedded Signup codes live about 30 s (reference §7.4, [R]). */
export const OAUTH_CODE_TTL_MS = 30_000;

const codeSchema = z.strictObject({
  phone_number_id: z.string().optional(),
  /** `business_integration` (default): never-expiring BISU token; `user`: 24 h user token. */
  token_type: z.enum(['business_integration', 'user']).default('business_integration'),
});
const tokenSchema = z.strictObject({
  /** `temporary`: expires after `expires_in_seconds` (default 24 h); `system_user`: never expires. */
  type: z.enum(['temporary', 'system_user']),
  expires_in_seconds: z.number().int().positive().optional(),
});

/**
 * Control API for onboarding and tokens:
 * - `GET /_sandbox/oauth/app` → `{app_id, app_secret}` (client_id/client_secret for the exchange).
 * - `POST /_sandbox/oauth/codes` → what the Embedded Signup popup hands the browser: `{code,
 *   waba_id, phone_number_id, business_id, expires_at, session_info}`.
 * - `POST /_sandbox/tokens {type}` → a new access token the Graph routes accept.
 */
export function accountControlRoutes(app: FastifyInstance, ctx: EmulatorContext, store: AccountStore): void {
  app.get('/oauth/app', async () => ({
    app_id: store.appId,
    app_secret: ctx.state.config.webhook.app_secret,
  }));

  app.post('/oauth/codes', async (request, reply) => {
    const body = codeSchema.parse(request.body ?? {});
    const phoneNumberId = body.phone_number_id ?? ctx.state.defaultPhoneNumber().id;
    if (!ctx.state.phoneNumbers.has(phoneNumberId))
      throw new ControlError(404, 'not_found', `No phone number ${phoneNumberId}`);
    const code = store.issueCode(phoneNumberId, body.token_type, OAUTH_CODE_TTL_MS);
    const businessId = `${ctx.state.wabaId.slice(0, 10)}00001`;
    const data = { phone_number_id: phoneNumberId, waba_id: ctx.state.wabaId, business_id: businessId };
    return reply.code(201).send({
      code: code.code,
      ...data,
      expires_at: new Date(code.expiresAt).toISOString(),
      session_info: { type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH', version: '3', data },
    });
  });

  app.post('/tokens', async (request, reply) => {
    const body = tokenSchema.parse(request.body ?? {});
    const now = ctx.clock.now();
    const expiresAt =
      body.type === 'temporary'
        ? now + (body.expires_in_seconds ?? TEMPORARY_TOKEN_TTL_MS / 1000) * 1000
        : null;
    const token = accessToken();
    ctx.state.issueToken({
      token,
      kind: body.type === 'temporary' ? 'user' : 'system_user',
      expiresAt,
      scopes: WHATSAPP_SCOPES,
      createdAt: now,
    });
    return reply.code(201).send({
      access_token: token,
      type: body.type,
      expires_at: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    });
  });
}
