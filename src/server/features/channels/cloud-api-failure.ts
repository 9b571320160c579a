import {
  CloudApiError,
  CloudApiNetworkError,
  CloudApiValidationError,
  lookupCloudApiError,
} from '../../../whatsapp';
import { AppError } from '../../http/errors';

/** The form field a failure points at, so the dashboard can show it next to that field. */
export type ConnectField = 'phoneNumberId' | 'wabaId' | 'accessToken' | 'appSecret' | 'pin' | 'code';

/** What was being asked of the Cloud API when it failed; decides the words used. */
export type ConnectStep =
  | 'token' // debug_token
  | 'phone_number' // GET /{phone-number-id}
  | 'waba' // GET /{waba-id}/phone_numbers
  | 'app_secret' // client_credentials with the app secret
  | 'subscribe' // POST /{waba-id}/subscribed_apps
  | 'register' // POST /{phone-number-id}/register
  | 'exchange_code'; // GET /oauth/access_token?code=

/** Kept in the error body (`error.details`) so support can look the failure up at Meta. */
export type CloudApiFailureDetails = {
  cloudApiCode: number | null;
  cloudApiSubcode?: number;
  fbtraceId?: string;
  field?: ConnectField;
  step: ConnectStep;
};

const tokenAdvice =
  'Create a new token (a system-user token from Business Settings → Users → System users does not expire) and paste it again.';
const permissionAdvice =
  'In Business Settings → Users → System users, give the system user full control of this WhatsApp Business Account and create the token with the whatsapp_business_management and whatsapp_business_messaging permissions.';

const unknownObjectMessage: Partial<Record<ConnectStep, [ConnectField, string]>> = {
  phone_number: [
    'phoneNumberId',
    'Meta has no phone number with this ID that this token can see. Copy the “Phone number ID” from WhatsApp → API Setup in your Meta app (it is a long number, not the phone number itself), and check that the token has access to its WhatsApp Business Account.',
  ],
  waba: [
    'wabaId',
    'Meta has no WhatsApp Business Account with this ID that this token can see. Copy the “WhatsApp Business Account ID” from WhatsApp → API Setup in your Meta app, and check that the token has access to it.',
  ],
  subscribe: [
    'wabaId',
    'Meta did not let this app subscribe to the WhatsApp Business Account. Check the WhatsApp Business Account ID and that the token has access to it.',
  ],
  register: [
    'phoneNumberId',
    'Meta did not find this phone number when registering it. Run the signup again.',
  ],
};

function withCode(message: string, code: number | null): string {
  return code === null ? message : `${message} (Meta error ${code})`;
}

/**
 * Turns a failed Cloud API call during connect/refresh into an AppError a non-developer can act
 * on, keeping Meta's code and trace id in `details` for support.
 */
export function explainCloudApiFailure(error: unknown, step: ConnectStep): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof CloudApiNetworkError) {
    return new AppError(
      'unavailable',
      error.kind === 'timeout'
        ? 'Meta’s WhatsApp API did not answer in time. Nothing was saved; try again in a minute.'
        : 'ChatSyncs could not reach Meta’s WhatsApp API (no network answer). Check that this server can reach graph.facebook.com (or the WHATSAPP_GRAPH_URL it is configured with), then try again.',
      { cloudApiCode: null, step } satisfies CloudApiFailureDetails,
    );
  }
  if (error instanceof CloudApiValidationError) {
    return new AppError('validation_failed', 'The two-step verification PIN must be exactly 6 digits.', {
      cloudApiCode: null,
      step,
      field: 'pin',
    } satisfies CloudApiFailureDetails);
  }
  if (!(error instanceof CloudApiError)) throw error;

  const code = error.code;
  const details: CloudApiFailureDetails = {
    cloudApiCode: code,
    step,
    ...(error.subcode === undefined ? {} : { cloudApiSubcode: error.subcode }),
    ...(error.fbtraceId ? { fbtraceId: error.fbtraceId } : {}),
  };
  const fail = (
    appCode: 'validation_failed' | 'bad_request' | 'rate_limited' | 'unavailable',
    message: string,
    field?: ConnectField,
  ) => new AppError(appCode, withCode(message, code), field ? { ...details, field } : details);

  if (code === null) {
    return fail(
      'unavailable',
      `The Graph API address answered with HTTP ${error.httpStatus} but not like Meta’s WhatsApp API. Check WHATSAPP_GRAPH_URL, or try again later.`,
    );
  }
  if (step === 'exchange_code') {
    if (error.subcode === 36009)
      return fail(
        'validation_failed',
        'This Facebook sign-in was already used. Click “Connect with Facebook” again.',
        'code',
      );
    if (error.subcode === 36007 || /code/i.test(error.title)) {
      return fail(
        'validation_failed',
        'The Facebook sign-in code has expired (it lasts about 30 seconds) or is not valid. Click “Connect with Facebook” again.',
        'code',
      );
    }
    if (code === 1 || code === 100 || code === 101) {
      return fail(
        'validation_failed',
        'Meta did not accept the App ID and app secret saved in the Embedded Signup settings. Check both values in your Meta app (App settings → Basic).',
        'appSecret',
      );
    }
  }
  if (step === 'app_secret' && (code === 1 || code === 100 || code === 101)) {
    return fail(
      'validation_failed',
      'This app secret does not belong to the Meta app that created the token. Copy the App secret from App settings → Basic of that app; without the right one, incoming messages are rejected.',
      'appSecret',
    );
  }
  if (code === 190 || code === 0 || code === 102 || code === 104) {
    const expired = error.subcode === 463 || /expired/i.test(error.title);
    return fail(
      'validation_failed',
      expired
        ? `The access token has expired. ${tokenAdvice}`
        : `Meta did not accept the access token: it is invalid, revoked or was not copied completely. ${tokenAdvice}`,
      'accessToken',
    );
  }
  if (code === 10 || code === 3 || (code >= 200 && code <= 299) || code === 131005) {
    return fail(
      'validation_failed',
      `The access token is missing a permission ChatSyncs needs. ${permissionAdvice}`,
      'accessToken',
    );
  }
  if ((code === 100 && error.subcode === 33) || code === 33) {
    const known = unknownObjectMessage[step];
    if (known) return fail('validation_failed', known[1], known[0]);
  }
  if (code === 4 || code === 80007 || code === 130429 || code === 133016) {
    return fail(
      'rate_limited',
      `Meta is limiting calls for this account right now. Wait a few minutes and try again. ${lookupCloudApiError(code)?.explanation ?? ''}`.trim(),
    );
  }
  if (code === 1 || code === 2 || code === 131000 || code === 131016 || code === 131057 || code === 133004) {
    return fail(
      'unavailable',
      'Meta’s WhatsApp API had a temporary problem. Nothing was saved; try again in a few minutes.',
    );
  }
  if (step === 'register' && (code === 133005 || code === 133008 || code === 133009)) {
    return fail(
      'validation_failed',
      code === 133005
        ? 'This number already has a two-step verification PIN, and the one given does not match. Enter the number’s current 6-digit PIN (or turn two-step verification off in WhatsApp Manager) and try again.'
        : (lookupCloudApiError(code)?.explanation ?? error.title),
      'pin',
    );
  }
  const info = lookupCloudApiError(code, error.subcode);
  const what = error.userMessage ?? error.details ?? error.title;
  return fail(
    'bad_request',
    info ? `${info.explanation} (Meta said: ${what})` : `Meta refused the request: ${what}`,
  );
}
