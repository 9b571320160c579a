import { unixSeconds } from '../core/clock';
import type { EmulatorContext } from '../core/context';
import type { WebhookErrorObject } from '../graph/graph-error';
import type { BusinessPhoneNumber, MessageStatus, StoredMessage } from '../state/models';
import { type ConversationObject, ConversationTracker } from './conversations';

const RANK: Record<MessageStatus, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * Moves outbound messages through sent → delivered (→ read) asynchronously and emits one status
 * webhook per step, with `pricing` (and `conversation`) as Meta does; or a single `failed` status
 * carrying the async error. Statuses never go backwards.
 */
export class StatusEmitter {
  private readonly conversations = new ConversationTracker();

  constructor(private readonly ctx: EmulatorContext) {}

  /** Schedule the life of an accepted message. */
  start(phone: BusinessPhoneNumber, message: StoredMessage, failure?: WebhookErrorObject): void {
    const { scheduler, state } = this.ctx;
    const delays = state.config.status_delays_ms;
    if (failure) {
      scheduler.later(delays.sent, () => this.fail(phone, message, failure));
      return;
    }
    scheduler.later(delays.sent, () => {
      const now = this.ctx.clock.now();
      let conversation: ConversationObject | undefined;
      if (this.ctx.state.config.include_conversation && message.pricing) {
        conversation = this.conversations.forSent(phone.id, message.waId, message.pricing.category, now);
        message.conversationId = conversation.id;
      }
      this.advance(phone, message, 'sent', conversation);
      if (message.type === 'reaction') return; // reactions only get `sent` (reference §2.6)
      scheduler.later(Math.max(0, delays.delivered - delays.sent), () => {
        this.advance(phone, message, 'delivered');
        const autoRead = this.ctx.state.config.auto_read;
        if (autoRead.enabled) scheduler.later(autoRead.delay_ms, () => this.read(message));
      });
    });
  }

  /** The customer read this message (no-op unless sent/delivered). */
  read(message: StoredMessage): boolean {
    if (message.direction !== 'outbound' || message.type === 'reaction') return false;
    if (message.status !== 'sent' && message.status !== 'delivered') return false;
    const phone = this.ctx.state.phoneNumbers.get(message.phoneNumberId);
    if (!phone) return false;
    this.advance(phone, message, 'read');
    return true;
  }

  private advance(
    phone: BusinessPhoneNumber,
    message: StoredMessage,
    status: 'sent' | 'delivered' | 'read',
    firstConversation?: ConversationObject,
  ): void {
    if (RANK[message.status] >= RANK[status]) return;
    const timestamp = unixSeconds(this.ctx.clock.now());
    message.status = status;
    message.statuses.push({ status, timestamp });
    this.ctx.state.markChanged();
    const payload: Record<string, unknown> = {
      id: message.id,
      status,
      timestamp,
      recipient_id: message.waId,
      ...(message.bizOpaqueCallbackData !== undefined
        ? { biz_opaque_callback_data: message.bizOpaqueCallbackData }
        : {}),
    };
    if (firstConversation) payload.conversation = firstConversation;
    else if (message.conversationId && message.pricing) {
      payload.conversation = { id: message.conversationId, origin: { type: message.pricing.category } };
    }
    if (message.pricing) payload.pricing = message.pricing;
    this.ctx.webhooks.emitStatus(phone, payload);
  }

  private fail(phone: BusinessPhoneNumber, message: StoredMessage, error: WebhookErrorObject): void {
    if (message.status === 'failed') return;
    const timestamp = unixSeconds(this.ctx.clock.now());
    message.status = 'failed';
    message.statuses.push({ status: 'failed', timestamp, errors: [error] });
    this.ctx.state.markChanged();
    this.ctx.webhooks.emitStatus(phone, {
      id: message.id,
      status: 'failed',
      timestamp,
      recipient_id: message.waId,
      ...(message.bizOpaqueCallbackData !== undefined
        ? { biz_opaque_callback_data: message.bizOpaqueCallbackData }
        : {}),
      errors: [error],
    });
  }
}
