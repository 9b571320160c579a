/**
 * Every Cloud API error code listed in section 3 of reference/cloud-api.md, with a plain-language
 * explanation a non-developer can act on. `retry` follows the reference's "Retry?" column:
 * `yes` = transient, back off and try again; `later` = wait a long time or for an operator;
 * `no` = the request or the account must change first.
 */
export type ErrorDelivery = 'sync' | 'async' | 'both';
export type RetryAdvice = 'yes' | 'later' | 'no';

export interface CloudApiErrorInfo {
  code: number;
  title: string;
  explanation: string;
  /** HTTP status Meta uses for it (sync errors); null when it has none of its own. */
  httpStatus: number | null;
  /** Returned by the API call (`sync`), reported later by webhook (`async`), or either (`both`). */
  delivery: ErrorDelivery;
  retry: RetryAdvice;
  /** For `later`: how long to wait before trying again, when the reference says. */
  waitMs?: number;
  /** `subcode`: arrives as `error_subcode` under code 100 (template creation). */
  kind: 'code' | 'subcode';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// biome-ignore format: one row per code reads best as a table
type Row = [code: number, http: number | null, delivery: ErrorDelivery, retry: RetryAdvice, title: string, explanation: string, waitMs?: number];

// biome-ignore format: one row per code reads best as a table
const CODES: Row[] = [
  [0, 401, 'sync', 'no', 'Authentication failed', 'The access token has expired, was revoked or is invalid. Reconnect the WhatsApp account to get a new token.'],
  [1, 400, 'sync', 'yes', 'Unknown API error', 'Meta could not process the request; it may be a passing server problem. It is retried a few times.'],
  [2, 503, 'sync', 'yes', 'Service temporarily unavailable', 'WhatsApp is briefly down or overloaded. The message is retried automatically.'],
  [3, 500, 'sync', 'no', 'Capability or permission issue', 'This app is not allowed to use this feature. Check the app permissions in Meta.'],
  [4, 429, 'sync', 'yes', 'Too many API calls', 'The app made too many calls in a short time. It slows down and retries automatically.'],
  [10, 403, 'sync', 'no', 'Permission denied', 'A permission is missing or was removed (for Flows: the phone number is not allowed to set the business key). Reconnect the account with the right permissions.'],
  [33, 400, 'sync', 'no', 'Phone number deleted', 'The business phone number no longer exists. Connect a different number.'],
  [100, 400, 'sync', 'no', 'Invalid parameter', 'The request contained a wrong or unsupported value. Fix the message or setting; sending it again unchanged will fail again.'],
  [104, 400, 'sync', 'no', 'Access token required', 'The request had no access token. Reconnect the WhatsApp account.'],
  [190, 401, 'sync', 'no', 'Access token expired or invalid', 'The access token has expired or cannot be read. Reconnect the WhatsApp account to get a new token.'],
  [200, 403, 'sync', 'no', 'Permission missing', 'The token lacks a permission this action needs (codes 200–299). Reconnect with the required permissions.'],
  [368, 403, 'sync', 'later', 'Temporarily blocked for policy violations', 'Meta has temporarily blocked this account for breaking WhatsApp policies. Wait for the block to end and review the policy notice.'],
  [2500, 400, 'sync', 'no', 'Unknown path', 'The API address was wrong. This is a bug in the integration.'],
  [2635, 400, 'sync', 'no', 'Deprecated API version', 'The configured Graph API version is too old. Configure a newer version.'],
  [80007, 429, 'sync', 'yes', 'WhatsApp Business Account rate limit', 'Too many management calls for this WhatsApp Business Account. It slows down and retries automatically.'],
  [130429, 429, 'both', 'yes', 'Rate limit hit', 'Messages are being sent faster than this number allows per second. They are retried automatically.'],
  [130472, 400, 'async', 'no', "User's number is part of an experiment", 'Meta held back this marketing message because the person is in a Meta experiment group.'],
  [130497, 403, 'both', 'no', 'Country restricted', 'This business is not allowed to message people in this country.'],
  [131000, 500, 'both', 'yes', 'Something went wrong', 'An unknown error on Meta’s side. It is retried automatically.'],
  [131005, 403, 'sync', 'no', 'Access denied', 'A permission was not granted or has been removed. Reconnect the account.'],
  [131008, 400, 'sync', 'no', 'Required parameter is missing', 'The message is missing something required. Fix the message content.'],
  [131009, 400, 'sync', 'no', 'Parameter value is not valid', 'A value in the message is not allowed (for example too many buttons, a title too long, a bad phone number, or a draft flow sent without draft mode). Fix the message.'],
  [131016, 503, 'sync', 'yes', 'Service unavailable', 'WhatsApp is temporarily unavailable. The message is retried automatically.'],
  [131021, 400, 'sync', 'no', 'Recipient cannot be sender', 'The message was addressed to the business number itself.'],
  [131026, 400, 'async', 'no', 'Message undeliverable', 'The person could not receive it: the number may not be on WhatsApp, they have not accepted the latest terms, their app is too old, or they blocked you.'],
  [131030, 400, 'sync', 'no', 'Recipient not in allowed list', 'Test numbers can only message up to 5 numbers added in the Meta App Dashboard. Add this number there, or use a real business number.'],
  [131031, 403, 'sync', 'no', 'Account locked', 'The account was locked for a policy violation or because verification data (such as the two-step PIN) did not match.'],
  [131037, 400, 'sync', 'no', 'Display name not approved', 'The number needs an approved display name before it can send messages.'],
  [131042, 400, 'both', 'later', 'Payment issue', 'There is a problem with the payment method or credit line of the WhatsApp Business Account. Fix billing in Meta Business Suite.'],
  [131045, 400, 'sync', 'no', 'Incorrect certificate', 'The phone number is not registered correctly. Register the number again.'],
  [131047, 400, 'async', 'no', 'Re-engagement message', 'More than 24 hours have passed since the person last wrote. Only an approved template can be sent now.'],
  [131048, 429, 'both', 'later', 'Spam rate limit hit', 'Too many recent messages were blocked or reported as spam, so sending is limited. Improve message quality and try later.'],
  [131049, 400, 'async', 'later', 'Meta chose not to deliver', 'Meta held this marketing message back to keep the person’s experience healthy (they have had enough marketing recently). Try again after at least a day.', 24 * HOUR],
  [131050, 400, 'async', 'no', 'User stopped marketing messages', 'The person has turned off marketing messages from this business.'],
  [131051, 400, 'both', 'no', 'Unsupported message type', 'This kind of message is not supported by WhatsApp’s API.'],
  [131052, 400, 'async', 'no', 'Media download error', 'The file the person sent could not be downloaded. Ask them to send it again.'],
  [131053, 400, 'both', 'no', 'Media upload error', 'The file could not be uploaded or fetched from its link: the type may be unsupported or the link unreachable.'],
  [131056, 429, 'sync', 'yes', 'Pair rate limit hit', 'Too many messages were sent to this one person in a short time. It waits and retries; other people are not affected.'],
  [131057, 500, 'sync', 'yes', 'Account in maintenance mode', 'The number is briefly in maintenance (for example a throughput upgrade). It is retried automatically.'],
  [131063, 400, 'sync', 'no', 'Marketing disabled on Cloud API', 'Marketing templates are turned off for this account on the Cloud API.'],
  [131064, 429, 'sync', 'later', 'Messaging limit reached', 'The messaging limit was reached because of template-classification violations. Try again later.'],
  [132000, 400, 'sync', 'no', 'Template parameter count mismatch', 'The number of variables sent does not match the template. Fix the template variables.'],
  [132001, 404, 'sync', 'no', 'Template does not exist', 'No approved template with this name and language exists. Check the template name, language and approval.'],
  [132005, 400, 'sync', 'no', 'Template text too long', 'With the variables filled in, the template text is too long. Use shorter variable values.'],
  [132007, 400, 'sync', 'no', 'Template format policy violated', 'The template content breaks a WhatsApp formatting or content rule.'],
  [132008, 400, 'sync', 'no', 'Template parameter value invalid', 'A template variable has a value that is not allowed.'],
  [132012, 400, 'sync', 'no', 'Template parameter format mismatch', 'A template variable has the wrong format (for example a header that expects an image got text).'],
  [132015, 400, 'sync', 'later', 'Template paused', 'The template was paused because of low quality. Edit it or wait until Meta unpauses it.'],
  [132016, 400, 'sync', 'no', 'Template disabled', 'The template was disabled after being paused too often. Create a new template.'],
  [132018, 400, 'sync', 'no', 'Template parameter issue', 'A template variable contains a line break, a tab or more than 4 spaces in a row.'],
  [132068, 400, 'sync', 'no', 'Flow is blocked', 'This WhatsApp Flow is blocked because its endpoint is unhealthy. Fix the endpoint.'],
  [132069, 400, 'sync', 'later', 'Flow is throttled', 'This WhatsApp Flow can be sent only 10 times an hour until its endpoint recovers.', HOUR],
  [133000, 500, 'sync', 'no', 'Incomplete deregistration', 'An earlier deregistration did not finish. Deregister the number again, then register it.'],
  [133004, 503, 'sync', 'yes', 'Server temporarily unavailable', 'The registration server is briefly unavailable. It is retried automatically.'],
  [133005, 400, 'sync', 'no', 'Two-step PIN mismatch', 'The two-step verification PIN is wrong. Enter the PIN set for this number.'],
  [133006, 400, 'sync', 'no', 'Phone number needs re-verification', 'Verify the phone number again before registering it.'],
  [133008, 400, 'sync', 'later', 'Too many PIN guesses', 'Too many wrong two-step PINs were tried. Wait before trying again.'],
  [133009, 400, 'sync', 'later', 'PIN entered too fast', 'Two-step PINs were tried too quickly. Wait before trying again.'],
  [133010, 400, 'sync', 'no', 'Phone number not registered', 'The number is not registered on the Cloud API yet. Register it first.'],
  [133015, 400, 'sync', 'yes', 'Number recently deleted', 'The number was deleted moments ago. Wait about 5 minutes before registering it.'],
  [133016, 429, 'sync', 'later', 'Registration rate limit', 'The number was registered or deregistered too often (about 10 times in 72 hours). Wait before trying again.', 72 * HOUR],
  [134011, 400, 'sync', 'no', 'Payments terms not accepted', 'The WhatsApp Payments terms of service have not been accepted.'],
  [135000, 400, 'sync', 'no', 'Generic user error', 'Something in the request parameters is wrong. Check the message content.'],
  [137000, 400, 'both', 'no', 'Recipient identity changed', 'The person’s identity key no longer matches (they may have reinstalled WhatsApp). Confirm their identity before sending.'],
  [139000, 400, 'sync', 'no', 'Flow blocked by integrity', 'Meta’s integrity checks blocked this Flow.'],
  [139001, 400, 'sync', 'no', 'Flow update failed', 'The Flow could not be updated: it may already be published, its JSON may be invalid, or the endpoint needs Flow JSON version 3.0 or newer.'],
  [139002, 400, 'sync', 'no', 'Flow publish failed', 'The Flow could not be published: fix validation errors and make sure the endpoint, public key, app and webhook subscription are set up.'],
  [139003, 400, 'sync', 'no', 'Flow deprecate failed', 'The Flow could not be deprecated.'],
  [139004, 400, 'sync', 'no', 'Flow delete failed', 'Only draft Flows can be deleted; a published Flow can only be deprecated.'],
];

// biome-ignore format: one row per code reads best as a table
const TEMPLATE_SUBCODES: Row[] = [
  [2388019, 400, 'sync', 'no', 'Template count limit reached', 'This account has as many templates as it may have. Delete unused templates first.'],
  [2388023, 400, 'sync', 'no', 'Template already exists', 'A template with this name and language already exists (or was deleted recently). Choose another name.'],
  [2388024, 400, 'sync', 'no', 'Template already exists', 'A template with this name and language already exists. Choose another name.'],
  [2388040, 400, 'sync', 'no', 'Character limit exceeded', 'A part of the template is longer than allowed.'],
  [2388047, 400, 'sync', 'no', 'Header format invalid', 'The template header is not in a valid format.'],
  [2388072, 400, 'sync', 'no', 'Body format invalid', 'The template body is not in a valid format.'],
  [2388073, 400, 'sync', 'no', 'Footer format invalid', 'The template footer is not in a valid format (footers cannot have variables).'],
  [2388293, 400, 'sync', 'no', 'Too many variables for the length', 'The template has too many variables for its amount of text. Add text or remove variables.'],
  [2388299, 400, 'sync', 'no', 'Variable at start or end', 'Template text cannot start or end with a variable. Add words before or after it.'],
];

function toInfo(kind: CloudApiErrorInfo['kind']) {
  return ([code, httpStatus, delivery, retry, title, explanation, waitMs]: Row): [
    number,
    CloudApiErrorInfo,
  ] => [
    code,
    {
      code,
      title,
      explanation,
      httpStatus,
      delivery,
      retry,
      kind,
      ...(waitMs === undefined ? {} : { waitMs }),
    },
  ];
}

/** Error codes, keyed by code. Codes 200–299 share the entry of 200 (see `lookupCloudApiError`). */
export const CLOUD_API_ERROR_CATALOGUE: ReadonlyMap<number, CloudApiErrorInfo> = new Map(
  CODES.map(toInfo('code')),
);

/** Template-creation subcodes (`error_subcode` under code 100). */
export const TEMPLATE_ERROR_SUBCODES: ReadonlyMap<number, CloudApiErrorInfo> = new Map(
  TEMPLATE_SUBCODES.map(toInfo('subcode')),
);

/** Catalogue entry for a code (and optional subcode), or undefined for a code the reference does not list. */
export function lookupCloudApiError(code: number, subcode?: number): CloudApiErrorInfo | undefined {
  if (subcode !== undefined) {
    const bySubcode = TEMPLATE_ERROR_SUBCODES.get(subcode);
    if (bySubcode) return bySubcode;
  }
  const direct = CLOUD_API_ERROR_CATALOGUE.get(code) ?? TEMPLATE_ERROR_SUBCODES.get(code);
  if (direct) return direct;
  if (code > 200 && code <= 299) return CLOUD_API_ERROR_CATALOGUE.get(200);
  return undefined;
}
