// Shapes of the inbox API (`/api/workspaces/:wid/conversations…`), as the server answers them.

export type WindowState = 'open' | 'closing' | 'closed';
export type MessageDirection = 'in' | 'out' | 'note';
export type MessageStatus = 'received' | 'pending' | 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';

export interface ConversationSummary {
  id: string;
  status: 'open' | 'closed';
  unreadCount: number;
  botPaused: boolean;
  lastMessageAt: string | null;
  lastMessagePreview: string | null;
  lastMessageDirection: MessageDirection | null;
  assignee: { id: string; name: string } | null;
  subscriber: {
    id: string;
    waId: string;
    displayName: string;
    profileName: string | null;
    /** +E.164 */
    phone: string;
    firstInboundAt: string | null;
    lastInboundAt: string | null;
  };
  channel: { id: string; name: string; displayPhoneNumber: string; kind: 'cloud' | 'sandbox' };
  window: { state: WindowState; expiresAt: string | null };
}

export interface ConversationPage {
  data: ConversationSummary[];
  nextCursor: string | null;
}

/** A Cloud API message object (`{ text: { body } }`, `{ image: { id, caption } }`, …). */
// biome-ignore lint/suspicious/noExplicitAny: the content is the Cloud API's open-ended JSON
export type MessageContent = Record<string, any>;

export interface Message {
  id: string;
  direction: MessageDirection;
  type: string;
  content: MessageContent;
  status: MessageStatus;
  error: { code: number | string; title: string; message: string; details?: string } | null;
  replyTo: { id: string; preview: string } | null;
  reactions: Array<{ emoji: string; direction: 'in' | 'out' }>;
  sentBy: { id: string; name: string } | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  hasMedia: boolean;
}

export interface MessagePage {
  data: Message[];
  hasMore: boolean;
}

export interface SavedReply {
  id: string;
  shortcut: string;
  text: string;
}

export type InboxView = 'mine' | 'unassigned' | 'all';
export type StatusFilter = 'open' | 'closed' | 'all';

export interface ConversationFilters {
  view: InboxView;
  status: StatusFilter;
  q: string;
}
