import {
  accessTokenResponseSchema,
  type CloudApiClient,
  CloudApiError,
  createCloudApiClient,
  createGraphTransport,
  type PhoneNumber,
  paginate,
} from '../../../whatsapp';
import type { AppContext } from '../../context';
import { AppError } from '../../http/errors';
import { explainCloudApiFailure } from './cloud-api-failure';

/** Interactive checks should fail fast: the person is waiting for the form. */
const CHECK_TIMEOUT_MS = 15_000;
const PHONE_FIELDS = [
  'id',
  'display_phone_number',
  'verified_name',
  'quality_rating',
  'throughput',
  'status',
  'whatsapp_business_manager_messaging_limit',
] as const;
export const REQUIRED_SCOPES = ['whatsapp_business_management', 'whatsapp_business_messaging'] as const;

export type TokenInfo = {
  /** debug_token answered; when false the other fields are unknown (null). */
  checked: boolean;
  type: string | null;
  expiresAt: Date | null;
  scopes: string[] | null;
  appId: string | null;
  /** Why debug_token could not be read (shown as a warning, not an error). */
  problem: string | null;
};

export type PhoneDetails = {
  displayPhoneNumber: string;
  verifiedName: string | null;
  qualityRating: string | null;
  messagingLimitTier: string | null;
  throughputLevel: string | null;
  phoneStatus: string | null;
};

export type CheckedNumber = { phone: PhoneDetails; token: TokenInfo };

export function graphClient(ctx: AppContext, accessToken?: string): CloudApiClient {
  return createCloudApiClient({
    baseUrl: ctx.config.WHATSAPP_GRAPH_URL,
    apiVersion: ctx.config.WHATSAPP_API_VERSION,
    timeoutMs: CHECK_TIMEOUT_MS,
    ...(accessToken ? { accessToken } : {}),
  });
}

/**
 * `debug_token` asked with the token itself (`input_token` = `access_token`), which Graph allows
 * for a token inspecting itself, so manual connect needs no App ID. A token Meta calls invalid is
 * an error; a debug_token call that fails for another reason is only a warning (expiry unknown).
 */
export async function inspectToken(client: CloudApiClient, token: string): Promise<TokenInfo> {
  let data: Awaited<ReturnType<CloudApiClient['debugToken']>>['data'];
  try {
    ({ data } = await client.debugToken(token, token));
  } catch (error) {
    const failure = explainCloudApiFailure(error, 'token');
    const details = failure.details as { field?: string } | undefined;
    if (failure.code === 'unavailable' || details?.field === 'accessToken') throw failure;
    return {
      checked: false,
      type: null,
      expiresAt: null,
      scopes: null,
      appId: null,
      problem: failure.message,
    };
  }
  if (!data.is_valid) {
    const reason = (data as { error?: { message?: string } }).error?.message;
    throw explainCloudApiFailure(
      new CloudApiError({
        httpStatus: 200,
        code: 190,
        title: reason ?? 'Token is not valid',
        raw: data,
        ...(/expired/i.test(reason ?? '') ? { subcode: 463 } : {}),
      }),
      'token',
    );
  }
  const scopes = data.scopes ?? null;
  const missing =
    scopes && scopes.length > 0 ? REQUIRED_SCOPES.filter((scope) => !scopes.includes(scope)) : [];
  if (missing.length > 0) {
    throw new AppError(
      'validation_failed',
      `The access token is missing the permission${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}. Create the token again with both whatsapp_business_management and whatsapp_business_messaging ticked.`,
      { cloudApiCode: null, step: 'token', field: 'accessToken' },
    );
  }
  return {
    checked: true,
    type: data.type ?? null,
    expiresAt: data.expires_at ? new Date(data.expires_at * 1000) : null,
    scopes,
    appId: data.app_id ?? null,
    problem: null,
  };
}

/** `GET /{phone-number-id}` with the health fields; falls back to the default fields if Meta rejects one. */
export async function readPhoneNumber(client: CloudApiClient, phoneNumberId: string): Promise<PhoneDetails> {
  let phone: PhoneNumber;
  try {
    phone = await client.getPhoneNumber(phoneNumberId, PHONE_FIELDS).catch((error) => {
      if (error instanceof CloudApiError && error.code === 100 && /nonexist/i.test(error.title))
        return client.getPhoneNumber(phoneNumberId);
      throw error;
    });
  } catch (error) {
    throw explainCloudApiFailure(error, 'phone_number');
  }
  const tier =
    phone.whatsapp_business_manager_messaging_limit ??
    (phone as { messaging_limit_tier?: string }).messaging_limit_tier;
  return {
    displayPhoneNumber: phone.display_phone_number ?? phoneNumberId,
    verifiedName: phone.verified_name ?? null,
    qualityRating: phone.quality_rating ?? null,
    messagingLimitTier: tier ?? null,
    throughputLevel: phone.throughput?.level ?? null,
    phoneStatus: phone.status ?? null,
  };
}

/** The phone number must be one of the WABA's numbers (`GET /{waba-id}/phone_numbers`). */
export async function assertNumberInWaba(
  client: CloudApiClient,
  wabaId: string,
  phoneNumberId: string,
): Promise<void> {
  try {
    const pages = paginate((after) =>
      client.listPhoneNumbers(wabaId, { fields: ['id'], limit: 100, ...(after ? { after } : {}) }),
    );
    for await (const phone of pages) if (phone.id === phoneNumberId) return;
  } catch (error) {
    throw explainCloudApiFailure(error, 'waba');
  }
  throw new AppError(
    'validation_failed',
    'This phone number does not belong to that WhatsApp Business Account. Check both IDs on the WhatsApp → API Setup page of your Meta app: they must be shown together there.',
    { cloudApiCode: null, step: 'waba', field: 'wabaId' },
  );
}

/**
 * The app secret must be the secret of the app the token belongs to, or every webhook fails its
 * signature check. Graph proves it: an app token (`client_credentials`) is only issued for the
 * right App ID + secret pair. Skipped (with a warning) when debug_token gave no App ID.
 */
export async function checkAppSecret(ctx: AppContext, appId: string, appSecret: string): Promise<void> {
  const transport = createGraphTransport({
    baseUrl: ctx.config.WHATSAPP_GRAPH_URL,
    apiVersion: ctx.config.WHATSAPP_API_VERSION,
    timeoutMs: CHECK_TIMEOUT_MS,
  });
  try {
    await transport.request(accessTokenResponseSchema, {
      method: 'GET',
      path: ['oauth', 'access_token'],
      token: false,
      query: { grant_type: 'client_credentials', client_id: appId, client_secret: appSecret },
    });
  } catch (error) {
    throw explainCloudApiFailure(error, 'app_secret');
  }
}

export async function subscribeApp(client: CloudApiClient, wabaId: string): Promise<void> {
  try {
    await client.subscribeApp(wabaId);
  } catch (error) {
    throw explainCloudApiFailure(error, 'subscribe');
  }
}

/** Every check of a connect, in the order that gives the clearest first error. */
export async function checkConnection(
  ctx: AppContext,
  input: { phoneNumberId: string; wabaId: string; accessToken: string; appSecret: string },
): Promise<CheckedNumber> {
  const client = graphClient(ctx, input.accessToken);
  const token = await inspectToken(client, input.accessToken);
  const phone = await readPhoneNumber(client, input.phoneNumberId);
  await assertNumberInWaba(client, input.wabaId, input.phoneNumberId);
  if (token.appId) await checkAppSecret(ctx, token.appId, input.appSecret);
  return { phone, token };
}
