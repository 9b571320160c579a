import { CUSTOMER_SERVICE_WINDOW_MS } from '../state/emulator-state';
import type { Customer, StoredMessage } from '../state/models';

/** Public (snake_case) view of a simulated customer. */
export function customerView(customer: Customer, phoneNumberId: string, now: number) {
  const last = customer.lastInboundAt[phoneNumberId];
  const expiresAt = last === undefined ? null : last + CUSTOMER_SERVICE_WINDOW_MS;
  return {
    wa_id: customer.waId,
    profile_name: customer.profileName,
    on_whatsapp: customer.onWhatsApp,
    marketing_opt_out: customer.marketingOptOut,
    customer_service_window: {
      open: expiresAt !== null && expiresAt > now,
      expires_at: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    },
    typing: customer.typingUntil !== undefined && customer.typingUntil > now,
    message_count: customer.messages.length,
    created_at: new Date(customer.createdAt).toISOString(),
  };
}

/** Public view of a message in either direction, with its status history. */
export function messageView(message: StoredMessage) {
  return {
    id: message.id,
    direction: message.direction,
    phone_number_id: message.phoneNumberId,
    wa_id: message.waId,
    type: message.type,
    timestamp: message.timestamp,
    status: message.status,
    statuses: message.statuses,
    ...(message.context ? { context: message.context } : {}),
    ...(message.bizOpaqueCallbackData !== undefined
      ? { biz_opaque_callback_data: message.bizOpaqueCallbackData }
      : {}),
    ...(message.pricing ? { pricing: message.pricing } : {}),
    ...(message.templateName ? { template_name: message.templateName } : {}),
    content: message.content,
  };
}
