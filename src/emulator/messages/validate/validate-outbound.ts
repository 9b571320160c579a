import { GraphError, invalidParam, invalidParameter100, missingParam } from '../../graph/graph-error';
import {
  MEDIA_TYPES,
  type MediaType,
  validateContacts,
  validateLocation,
  validateMedia,
  validateReaction,
  validateText,
} from './basic-types';
import {
  isObject,
  type Json,
  optionalObject,
  optionalString,
  rejectUnknownKeys,
  requireString,
} from './fields';
import { type InteractiveInfo, validateInteractive } from './interactive';
import { readTemplateRequest, type TemplateRequest } from './template';

/** A validated outbound send, ready for the limits and the accept step. */
export interface OutboundPlan {
  /** `to` as given (echoed in `contacts[].input`). */
  input: string;
  waId: string;
  type: string;
  /** The type's object and optional extras, stored with the message. */
  content: Json;
  contextMessageId?: string;
  bizOpaqueCallbackData?: string;
  mediaIds: string[];
  template?: TemplateRequest;
  interactive?: InteractiveInfo;
}

const MESSAGE_TYPES = new Set([
  'text',
  ...MEDIA_TYPES,
  'location',
  'contacts',
  'reaction',
  'interactive',
  'template',
]);

/** Normalize `to`: optional `+`, spaces, dashes, dots and parentheses are tolerated (reference §2.1). */
export function normalizeRecipient(to: string): string {
  const digits = to
    .trim()
    .replace(/^\+/, '')
    .replace(/[\s\-().]/g, '');
  if (!/^\d{6,15}$/.test(digits)) {
    throw invalidParam(`Invalid parameter to: ${to} is not a valid phone number.`);
  }
  return digits;
}

/**
 * Validate a `POST /{phone-number-id}/messages` send body (everything except `status:"read"`).
 * Throws GraphError with Meta's codes; never touches state.
 */
export function validateOutbound(body: Json): OutboundPlan {
  if (body.messaging_product === undefined) throw missingParam('messaging_product');
  if (body.messaging_product !== 'whatsapp')
    throw invalidParameter100('Param messaging_product must be whatsapp.');
  const recipientType = body.recipient_type ?? 'individual';
  if (recipientType !== 'individual') {
    throw invalidParam(`Param recipient_type ${String(recipientType)} is not supported (individual only).`);
  }
  if (body.to === undefined || body.to === null || body.to === '') throw missingParam('to');
  if (typeof body.to !== 'string' && typeof body.to !== 'number')
    throw invalidParameter100('Param to must be a string.');
  const input = String(body.to);
  const waId = normalizeRecipient(input);

  const type = body.type === undefined ? 'text' : body.type;
  if (typeof type !== 'string' || !MESSAGE_TYPES.has(type)) {
    throw new GraphError(131051, { details: `Message type ${String(type)} is not currently supported.` });
  }
  rejectUnknownKeys(
    body,
    [
      'messaging_product',
      'access_token',
      'recipient_type',
      'recipient',
      'to',
      'type',
      'context',
      'biz_opaque_callback_data',
      type,
    ],
    '',
  );
  const context = optionalObject(body, 'context', '');
  const contextMessageId = context ? requireString(context, 'message_id', 'context') : undefined;
  const bizOpaqueCallbackData = optionalString(body, 'biz_opaque_callback_data', '', { max: 512 });

  const plan: OutboundPlan = {
    input,
    waId,
    type,
    content: { [type]: body[type] },
    mediaIds: [],
    ...(contextMessageId ? { contextMessageId } : {}),
    ...(bizOpaqueCallbackData !== undefined ? { bizOpaqueCallbackData } : {}),
  };
  switch (type) {
    case 'text':
      validateText(body);
      break;
    case 'location':
      validateLocation(body);
      break;
    case 'contacts':
      validateContacts(body);
      break;
    case 'reaction':
      validateReaction(body);
      break;
    case 'interactive':
      plan.interactive = validateInteractive(body);
      plan.mediaIds.push(...plan.interactive.mediaIds);
      break;
    case 'template':
      plan.template = readTemplateRequest(body);
      for (const component of plan.template.components) {
        for (const param of (component.parameters as unknown[] | undefined) ?? []) {
          const media = isObject(param) ? param[String(param.type)] : undefined;
          if (isObject(media) && typeof media.id === 'string') plan.mediaIds.push(media.id);
        }
      }
      break;
    default: {
      const id = validateMedia(body, type as MediaType);
      if (id) plan.mediaIds.push(id);
    }
  }
  return plan;
}
