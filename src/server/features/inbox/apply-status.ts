import { asc, eq, inArray } from 'drizzle-orm';
import { lookupCloudApiError, messageStatusSchema } from '../../../whatsapp';
import type { DbOrTx } from '../../db/client';
import { messages, webhookEvents } from '../../db/schema';
import type { MessageStatus } from '../../db/tables/messages';
import type { RealtimeEvent } from '../../realtime/realtime-bus';
import { EventRejected } from './record-inbound-message';

/** A status for a wamid the product has not stored: kept with this reason, not counted as an error. */
export class StatusForUnknownMessage extends EventRejected {}

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

export async function applyStatus(tx: DbOrTx, payload: { status: unknown }): Promise<RealtimeEvent[]> {
  const parsed = messageStatusSchema.safeParse(payload.status);
  if (!parsed.success)
    throw new EventRejected(`Status does not match the Cloud API schema: ${parsed.error.message}`);
  const status = parsed.data;
  const [message] = await tx.select().from(messages).where(eq(messages.wamid, status.id));
  if (!message) {
    // Sent outside the product, or its wamid is not stored yet (the status raced the send's answer):
    // keep the event and move on; the sender re-applies stored statuses once it stores the wamid.
    throw new StatusForUnknownMessage(`No message with id ${status.id} (yet): kept, applied if it appears`);
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

const STATUS_NAMES = ['sent', 'delivered', 'read', 'played', 'failed'] as const;

/** Applies statuses that arrived before the message's wamid was stored (see StatusForUnknownMessage). */
export async function applyEarlyStatuses(tx: DbOrTx, wamid: string): Promise<RealtimeEvent[]> {
  const early = await tx
    .select({ payload: webhookEvents.payload })
    .from(webhookEvents)
    .where(
      inArray(
        webhookEvents.dedupeKey,
        STATUS_NAMES.map((name) => `status:${wamid}:${name}`),
      ),
    )
    .orderBy(asc(webhookEvents.seq));
  const notices: RealtimeEvent[] = [];
  for (const event of early) notices.push(...(await applyStatus(tx, event.payload as { status: unknown })));
  return notices;
}
