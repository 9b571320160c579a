import { eq } from 'drizzle-orm';
import { lookupCloudApiError, messageStatusSchema } from '../../../whatsapp';
import type { DbOrTx } from '../../db/client';
import { messages } from '../../db/schema';
import type { MessageStatus } from '../../db/tables/messages';
import type { RealtimeEvent } from '../../realtime/realtime-bus';
import { EventRejected } from './record-inbound-message';

/** Thrown when a status arrives before its message's wamid is stored; the job retries shortly. */
export class RetryLater extends Error {}

const rank: Record<MessageStatus, number> = {
  received: 0,
  pending: 0,
  accepted: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  failed: 0,
};

/**
 * The status a message moves to when a webhook status arrives. Statuses only move forward
 * (sent < delivered < read; `played` counts as read); `failed` applies unless the message was already
 * delivered or read; a late or repeated status changes nothing.
 */
export function nextStatus(
  current: MessageStatus,
  incoming: 'sent' | 'delivered' | 'read' | 'played' | 'failed',
): MessageStatus | null {
  if (incoming === 'failed') return current === 'failed' || rank[current] >= rank.delivered ? null : 'failed';
  const target: MessageStatus = incoming === 'played' ? 'read' : incoming;
  if (current === 'failed') return null;
  return rank[target] > rank[current] ? target : null;
}

export async function applyStatus(
  tx: DbOrTx,
  payload: { status: unknown },
  attempt: number,
): Promise<RealtimeEvent[]> {
  const parsed = messageStatusSchema.safeParse(payload.status);
  if (!parsed.success)
    throw new EventRejected(`Status does not match the Cloud API schema: ${parsed.error.message}`);
  const status = parsed.data;
  const [message] = await tx.select().from(messages).where(eq(messages.wamid, status.id));
  if (!message) {
    if (attempt < 6) throw new RetryLater(`No message with id ${status.id} yet`);
    throw new EventRejected(`Status for an unknown message ${status.id}`);
  }
  const at = new Date(Number(status.timestamp) * 1000);
  const changes: Partial<typeof messages.$inferInsert> = {};
  if (status.pricing) {
    changes.pricingCategory = status.pricing.category;
    changes.billable =
      status.pricing.billable ?? (status.pricing.type ? status.pricing.type === 'regular' : null);
  }
  if (status.status === 'sent') changes.sentAt = message.sentAt ?? at;
  if (status.status === 'delivered') changes.deliveredAt = message.deliveredAt ?? at;
  if (status.status === 'read' || status.status === 'played') changes.readAt = message.readAt ?? at;
  const next = nextStatus(message.status, status.status);
  if (next) changes.status = next;
  if (next === 'failed') {
    const error = status.errors?.[0];
    const code = error?.code ?? 0;
    changes.failedAt = at;
    changes.error = {
      code,
      title: error?.title ?? 'Failed',
      message:
        lookupCloudApiError(code)?.explanation ??
        error?.message ??
        'WhatsApp could not deliver this message.',
      ...(error?.error_data?.details ? { details: error.error_data.details } : {}),
    };
  }
  if (Object.keys(changes).length === 0) return [];
  await tx.update(messages).set(changes).where(eq(messages.id, message.id));
  return [
    {
      workspaceId: message.workspaceId,
      type: 'message.updated',
      conversationId: message.conversationId,
      messageId: message.id,
    },
  ];
}
