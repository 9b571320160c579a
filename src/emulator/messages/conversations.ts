import { randomBytes } from 'node:crypto';
import { CUSTOMER_SERVICE_WINDOW_MS } from '../state/emulator-state';
import type { PricingCategory } from '../state/models';

export interface ConversationObject {
  id: string;
  expiration_timestamp?: string;
  origin: { type: PricingCategory };
}

/**
 * The `conversation` object of status webhooks (reference §4.5): one 24 h conversation per
 * (business number, user, category); `expiration_timestamp` only on the first `sent` of it.
 */
export class ConversationTracker {
  private readonly open = new Map<string, { id: string; expiresAt: number }>();

  /** Conversation for a message sent now; `first` is true when it opened a new one. */
  forSent(phoneNumberId: string, waId: string, category: PricingCategory, now: number): ConversationObject {
    const key = `${phoneNumberId}:${waId}:${category}`;
    const current = this.open.get(key);
    if (current && current.expiresAt > now) return { id: current.id, origin: { type: category } };
    const opened = { id: randomBytes(16).toString('hex'), expiresAt: now + CUSTOMER_SERVICE_WINDOW_MS };
    this.open.set(key, opened);
    if (this.open.size > 200_000) this.prune(now);
    return {
      id: opened.id,
      expiration_timestamp: String(Math.floor(opened.expiresAt / 1000)),
      origin: { type: category },
    };
  }

  /** The same conversation without the expiration (delivered/read). */
  static without(conversation: ConversationObject): ConversationObject {
    return { id: conversation.id, origin: conversation.origin };
  }

  private prune(now: number): void {
    for (const [key, value] of this.open) if (value.expiresAt <= now) this.open.delete(key);
  }
}
