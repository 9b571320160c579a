import { CloudApiValidationError } from '../errors/cloud-api-error';
import { graphSuccessSchema } from '../schemas/graph/paging';
import {
  phoneNumberListResponseSchema,
  phoneNumberSchema,
  subscribedAppsResponseSchema,
} from '../schemas/graph/phone-numbers';
import type { GraphTransport } from './graph-transport';

/** Phone numbers, registration and webhook subscription of a WABA (§7). */
export function accountMethods(http: GraphTransport) {
  return {
    getPhoneNumber(phoneNumberId: string, fields?: readonly string[]) {
      return http.request(phoneNumberSchema, { method: 'GET', path: [phoneNumberId], query: { fields } });
    },

    listPhoneNumbers(
      wabaId: string,
      params: { fields?: readonly string[]; limit?: number; after?: string } = {},
    ) {
      return http.request(phoneNumberListResponseSchema, {
        method: 'GET',
        path: [wabaId, 'phone_numbers'],
        query: { ...params },
      });
    },

    /** Registers the number on the Cloud API; the 6-digit `pin` sets or confirms two-step verification. */
    registerPhoneNumber(
      phoneNumberId: string,
      pin: string,
      options: { dataLocalizationRegion?: string } = {},
    ) {
      if (!/^\d{6}$/.test(pin)) {
        return Promise.reject(
          new CloudApiValidationError([
            { code: 'custom', message: 'pin must be 6 digits', path: ['pin'], input: pin },
          ]),
        );
      }
      return http.request(graphSuccessSchema, {
        method: 'POST',
        path: [phoneNumberId, 'register'],
        json: {
          messaging_product: 'whatsapp',
          pin,
          ...(options.dataLocalizationRegion
            ? { data_localization_region: options.dataLocalizationRegion }
            : {}),
        },
      });
    },

    /** Subscribes this app to the WABA's webhooks, optionally to an alternate callback URL. */
    subscribeApp(wabaId: string, options: { overrideCallbackUri?: string; verifyToken?: string } = {}) {
      const body =
        options.overrideCallbackUri === undefined
          ? undefined
          : { override_callback_uri: options.overrideCallbackUri, verify_token: options.verifyToken };
      return http.request(graphSuccessSchema, {
        method: 'POST',
        path: [wabaId, 'subscribed_apps'],
        json: body,
      });
    },

    listSubscribedApps(wabaId: string) {
      return http.request(subscribedAppsResponseSchema, { method: 'GET', path: [wabaId, 'subscribed_apps'] });
    },
  };
}
