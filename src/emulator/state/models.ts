import type { WebhookErrorObject } from '../graph/graph-error';

/** A business phone number under the WABA. */
export interface BusinessPhoneNumber {
  id: string;
  /** Digits only, as in webhook `metadata.display_phone_number`. */
  displayPhoneNumber: string;
  verifiedName: string;
  qualityRating: 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';
  codeVerificationStatus: 'NOT_VERIFIED' | 'VERIFIED' | 'EXPIRED';
}

export type MessageStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';
export type PricingCategory = 'marketing' | 'utility' | 'authentication' | 'service' | 'referral_conversion';

export interface StatusEvent {
  status: Exclude<MessageStatus, 'accepted'>;
  timestamp: string;
  errors?: WebhookErrorObject[];
}

/** A message in either direction, as the control API shows it. */
export interface StoredMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  phoneNumberId: string;
  waId: string;
  type: string;
  /** Outbound: the request body minus envelope fields. Inbound: the webhook message object. */
  content: Record<string, unknown>;
  timestamp: string;
  status: MessageStatus;
  statuses: StatusEvent[];
  context?: { message_id: string };
  bizOpaqueCallbackData?: string;
  /** Outbound only: PMP pricing decided at accept time (as in status webhooks). */
  pricing?: {
    billable: boolean;
    pricing_model: 'PMP';
    category: PricingCategory;
    type: 'regular' | 'free_customer_service' | 'free_entry_point';
  };
  /** Outbound only: the conversation id reported in statuses. */
  conversationId?: string;
  templateName?: string;
}

/** A simulated WhatsApp user. */
export interface Customer {
  waId: string;
  profileName: string;
  onWhatsApp: boolean;
  marketingOptOut: boolean;
  /** Last inbound message per business phone number id (epoch ms, emulator clock). */
  lastInboundAt: Record<string, number>;
  createdAt: number;
  /** The business showed a typing indicator until this time (ms). */
  typingUntil?: number;
  messages: StoredMessage[];
}

/** An access token the emulator accepts. */
export interface IssuedToken {
  token: string;
  kind: 'system_user' | 'business_integration' | 'user' | 'app';
  /** Epoch ms; null = never expires. */
  expiresAt: number | null;
  scopes: string[];
  createdAt: number;
}
