import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../core/context';
import { accessToken } from '../core/ids';
import { GraphError } from '../graph/graph-error';
import type { IssuedToken } from '../state/models';
import type { AccountStore } from './account-store';

export const WHATSAPP_SCOPES = ['whatsapp_business_management', 'whatsapp_business_messaging'];
export const TEMPORARY_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

const oauthError = (subcode: number | null, message: string) =>
  new GraphError(100, { message, subcode, omitErrorData: true });

const DEBUG_TYPES: Record<IssuedToken['kind'], string> = {
  system_user: 'SYSTEM_USER',
  business_integration: 'SYSTEM_USER',
  user: 'USER',
  app: 'APP',
};

/**
 * `GET /oauth/access_token` (Embedded Signup code exchange and app tokens, §7.3–7.4) and
 * `GET /debug_token?input_token=` (§7.5).
 */
export function oauthRoutes(app: FastifyInstance, ctx: EmulatorContext, store: AccountStore): void {
  app.get('/:version/oauth/access_token', { config: { graphAuth: false } }, async (request) => {
    const query = request.query as Record<string, unknown>;
    if (query.client_id !== store.appId)
      throw oauthError(null, `Error validating application. Invalid application ID.`);
    if (query.client_secret !== ctx.state.config.webhook.app_secret)
      throw oauthError(null, 'Error validating client secret.');
    const now = ctx.clock.now();
    if (query.grant_type === 'client_credentials') {
      const token = `${store.appId}|${accessToken().slice(4, 31)}`;
      ctx.state.issueToken({ token, kind: 'app', expiresAt: null, scopes: WHATSAPP_SCOPES, createdAt: now });
      return { access_token: token, token_type: 'bearer' };
    }
    if (typeof query.code !== 'string' || query.code === '')
      throw new GraphError(100, { message: '(#100) Missing code parameter', omitErrorData: true });
    const code = store.codes.get(query.code);
    if (!code) throw oauthError(36007, 'Invalid verification code format.');
    if (code.used) throw oauthError(36009, 'This authorization code has been used.');
    if (code.expiresAt <= now) throw oauthError(36007, 'This authorization code has expired.');
    code.used = true;
    const expiresAt = code.tokenKind === 'user' ? now + TEMPORARY_TOKEN_TTL_MS : null;
    const token = accessToken();
    ctx.state.issueToken({ token, kind: code.tokenKind, expiresAt, scopes: WHATSAPP_SCOPES, createdAt: now });
    store.changed();
    return {
      access_token: token,
      token_type: 'bearer',
      ...(expiresAt ? { expires_in: Math.round((expiresAt - now) / 1000) } : {}),
    };
  });

  app.get('/:version/debug_token', async (request) => {
    const input = (request.query as Record<string, unknown>).input_token;
    if (typeof input !== 'string' || input === '')
      throw new GraphError(100, {
        message: '(#100) The parameter input_token is required',
        omitErrorData: true,
      });
    const now = ctx.clock.now();
    const issued = ctx.state.tokens.get(input);
    if (!issued)
      return {
        data: {
          is_valid: false,
          scopes: [],
          error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' },
        },
      };
    const expired = issued.expiresAt !== null && issued.expiresAt <= now;
    const seconds = (ms: number | null) => (ms === null ? 0 : Math.floor(ms / 1000));
    return {
      data: {
        app_id: store.appId,
        type: DEBUG_TYPES[issued.kind],
        application: 'ChatSyncs Sandbox',
        data_access_expires_at: seconds(issued.expiresAt),
        expires_at: seconds(issued.expiresAt),
        is_valid: !expired,
        issued_at: seconds(issued.createdAt),
        scopes: issued.scopes,
        granular_scopes: issued.scopes
          .filter((scope) => WHATSAPP_SCOPES.includes(scope))
          .map((scope) => ({ scope, target_ids: [ctx.state.wabaId] })),
        user_id: `${store.appId.slice(0, 6)}${seconds(issued.createdAt)}`.slice(0, 15),
        ...(expired
          ? {
              error: {
                code: 190,
                subcode: 463,
                message: `Error validating access token: Session has expired on ${new Date(issued.expiresAt!).toUTCString()}.`,
              },
            }
          : {}),
      },
    };
  });
}
