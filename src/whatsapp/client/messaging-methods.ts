import { CloudApiValidationError } from '../errors/cloud-api-error';
import { sendMessageResponseSchema } from '../schemas/graph/messages';
import { graphSuccessSchema } from '../schemas/graph/paging';
import { type SendMessagePayloadInput, sendMessagePayloadSchema } from '../schemas/outbound/message';
import type { GraphTransport } from './graph-transport';

/** Sending messages, read receipts and typing indicators (§2). */
export function messagingMethods(http: GraphTransport) {
  return {
    /** Validates `payload` against Meta's documented shapes and limits, then sends it. */
    async sendMessage(phoneNumberId: string, payload: SendMessagePayloadInput) {
      const parsed = sendMessagePayloadSchema.safeParse(payload);
      if (!parsed.success) throw new CloudApiValidationError(parsed.error.issues, 'message');
      return http.request(sendMessageResponseSchema, {
        method: 'POST',
        path: [phoneNumberId, 'messages'],
        json: parsed.data,
      });
    },

    /** Marks an inbound message (and the earlier ones) as read. */
    markAsRead(phoneNumberId: string, messageId: string) {
      return http.request(graphSuccessSchema, {
        method: 'POST',
        path: [phoneNumberId, 'messages'],
        json: { messaging_product: 'whatsapp', status: 'read', message_id: messageId },
      });
    },

    /** Shows "typing…" for up to 25 s (or until the reply) and marks the message read. */
    sendTypingIndicator(phoneNumberId: string, messageId: string) {
      return http.request(graphSuccessSchema, {
        method: 'POST',
        path: [phoneNumberId, 'messages'],
        json: {
          messaging_product: 'whatsapp',
          status: 'read',
          message_id: messageId,
          typing_indicator: { type: 'text' },
        },
      });
    },
  };
}
