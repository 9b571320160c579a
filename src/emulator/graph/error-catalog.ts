/**
 * Cloud API error codes the emulator produces: title (used in `"(#code) Title"`), HTTP status and
 * default details, from reference/cloud-api.md §3 (HTTP statuses marked [R] there are Meta's table
 * as recalled).
 */
export interface ErrorSpec {
  title: string;
  http: number;
  details: string;
  type?: 'OAuthException' | 'GraphMethodException';
  subcode?: number;
}

export const ERROR_CATALOG = {
  1: { title: 'An unknown error occurred', http: 400, details: 'Invalid request or possible server error' },
  2: { title: 'Service temporarily unavailable', http: 503, details: 'Temporary downtime or overload' },
  4: { title: 'Application request limit reached', http: 429, details: 'Too many calls' },
  10: {
    title: 'Permission Denied',
    http: 403,
    details: 'Permission is either not granted or has been removed',
  },
  100: { title: 'Invalid parameter', http: 400, details: 'Invalid parameter' },
  104: {
    title: 'An access token is required to request this resource.',
    http: 400,
    details: 'An access token is required to request this resource.',
  },
  190: { title: 'Invalid OAuth access token', http: 401, details: 'Invalid OAuth access token' },
  2500: { title: 'Unknown path components', http: 400, details: 'Unknown path components' },
  2635: {
    title: 'You are calling a deprecated version of the Graph API',
    http: 400,
    details: 'Please update to the latest version',
  },
  130429: {
    title: 'Rate limit hit',
    http: 429,
    details:
      'Message failed to send because there were too many messages sent from this phone number in a short period of time',
    subcode: 2494055,
  },
  130472: {
    title: "User's number is part of an experiment",
    http: 400,
    details: 'Failed to send message because this user’s phone number is part of an experiment',
  },
  131000: {
    title: 'Something went wrong',
    http: 500,
    details: 'Message failed to send due to an unknown error.',
  },
  131008: { title: 'Required parameter is missing', http: 400, details: 'A required parameter is missing.' },
  131009: {
    title: 'Parameter value is not valid',
    http: 400,
    details: 'One or more parameter values are invalid.',
  },
  131016: { title: 'Service unavailable', http: 503, details: 'A service is temporarily unavailable.' },
  131021: {
    title: 'Recipient cannot be sender',
    http: 400,
    details: 'Sender and recipient phone number is the same.',
  },
  131026: {
    title: 'Message undeliverable',
    http: 400,
    details:
      'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number.',
  },
  131030: {
    title: 'Recipient phone number not in allowed list',
    http: 400,
    details:
      'Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.',
  },
  131047: {
    title: 'Re-engagement message',
    http: 400,
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131048: {
    title: 'Spam rate limit hit',
    http: 429,
    details:
      'Message failed to send because there are restrictions on how many messages can be sent from this phone number.',
  },
  131049: {
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    http: 400,
    details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
  },
  131050: {
    title:
      'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business',
    http: 400,
    details:
      'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
  },
  131051: {
    title: 'Unsupported message type',
    http: 400,
    details: 'Message type is not currently supported.',
  },
  131053: {
    title: 'Media upload error',
    http: 400,
    details: 'Unable to upload the media used in the message.',
  },
  131056: {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    http: 429,
    details:
      'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
  },
  131064: {
    title: 'Messaging limit reached',
    http: 429,
    details: 'Messaging limit reached due to template-classification violations.',
  },
  132000: {
    title: 'Number of parameters does not match the expected number of params',
    http: 400,
    details:
      'The number of variable parameter values included in the request did not match the number of variable parameters defined in the template.',
  },
  132001: {
    title: 'Template name does not exist in the translation',
    http: 404,
    details: 'The template does not exist in the specified language or the template has not been approved.',
  },
  132005: { title: 'Translated text too long', http: 400, details: 'Translated text is too long.' },
  132007: {
    title: 'Template Format Character Policy Violated',
    http: 400,
    details: 'Template content violates a WhatsApp policy.',
  },
  132012: {
    title: 'Parameter format does not match format in the created template',
    http: 400,
    details: 'Variable parameter values formatted incorrectly.',
  },
  132015: {
    title: 'Template is Paused',
    http: 400,
    details: 'Template is paused due to low quality so it cannot be sent in a template message.',
  },
  132016: {
    title: 'Template is Disabled',
    http: 400,
    details: 'Template has been paused too many times due to low quality and is now permanently disabled.',
  },
  132018: {
    title: 'There was an issue with the parameters in your template.',
    http: 400,
    details: 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces',
  },
  132068: { title: 'Flow is in blocked state', http: 400, details: 'Flow is in blocked state.' },
  132069: {
    title: 'Flow is in throttled state',
    http: 400,
    details: 'Flow is in throttled state and 10 messages using this flow were already sent in the last hour.',
  },
} satisfies Record<number, ErrorSpec>;

export type KnownErrorCode = keyof typeof ERROR_CATALOG;

export const ERROR_DOCS_HREF = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';
