import { accessTokenResponseSchema, debugTokenResponseSchema } from '../schemas/graph/oauth';
import type { GraphTransport } from './graph-transport';

export interface ExchangeCodeParams {
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri?: string;
}

/** Embedded Signup code exchange and token inspection (§7.4, §7.5). */
export function oauthMethods(http: GraphTransport) {
  return {
    /** `GET /oauth/access_token`: turns an Embedded Signup code into a business token. No Bearer header. */
    exchangeCode(params: ExchangeCodeParams) {
      return http.request(accessTokenResponseSchema, {
        method: 'GET',
        path: ['oauth', 'access_token'],
        token: false,
        query: {
          client_id: params.clientId,
          client_secret: params.clientSecret,
          code: params.code,
          redirect_uri: params.redirectUri,
        },
      });
    },

    /** `GET /debug_token`: validity, expiry and scopes of `inputToken`, asked with `appToken`. */
    debugToken(inputToken: string, appToken: string) {
      return http.request(debugTokenResponseSchema, {
        method: 'GET',
        path: ['debug_token'],
        token: appToken,
        query: { input_token: inputToken },
      });
    },
  };
}
