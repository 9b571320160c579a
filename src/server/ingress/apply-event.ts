import { eq } from 'drizzle-orm';
import { phoneNumberQualityUpdateSchema } from '../../whatsapp';
import type { AppContext } from '../context';
import type { DbOrTx } from '../db/client';
import { channels, type webhookEvents } from '../db/schema';
import { applyStatus } from '../features/inbox/apply-status';
import { EventRejected, recordInboundMessage } from '../features/inbox/record-inbound-message';
import type { RealtimeEvent } from '../realtime/realtime-bus';

type StoredEvent = typeof webhookEvents.$inferSelect;

/**
 * Applies one stored webhook event inside the caller's transaction and says what to tell the
 * dashboard. Template status/quality updates and other account fields stay stored as events until
 * the features that use them (templates) read them.
 */
export async function applyEvent(
  ctx: AppContext,
  tx: DbOrTx,
  event: StoredEvent,
  attempt: number,
): Promise<RealtimeEvent[]> {
  const payload = event.payload as Record<string, any>;
  switch (event.kind) {
    case 'message': {
      if (!event.channelId || !event.workspaceId) {
        throw new EventRejected(`No connected number has phone number id ${event.phoneNumberId}.`);
      }
      return recordInboundMessage(
        ctx,
        tx,
        { id: event.channelId, workspaceId: event.workspaceId },
        payload as any,
      );
    }
    case 'status':
      return applyStatus(tx, payload as { status: unknown });
    case 'change':
      if (payload.field === 'phone_number_quality_update') await applyQualityUpdate(tx, payload.value);
      return [];
    case 'error':
    case 'unsupported':
      return [];
  }
}

async function applyQualityUpdate(tx: DbOrTx, value: unknown): Promise<void> {
  const update = phoneNumberQualityUpdateSchema.safeParse(value);
  if (!update.success)
    throw new EventRejected(`Malformed phone_number_quality_update: ${update.error.message}`);
  const { display_phone_number: display } = update.data;
  const changes: Partial<typeof channels.$inferInsert> = {};
  const data = update.data as Record<string, unknown>;
  if (typeof data.current_limit === 'string') changes.messagingLimitTier = data.current_limit;
  if (typeof data.event === 'string' && ['FLAGGED', 'UNFLAGGED'].includes(data.event)) {
    changes.qualityRating = data.event === 'FLAGGED' ? 'RED' : 'GREEN';
  }
  if (Object.keys(changes).length > 0 && display) {
    await tx.update(channels).set(changes).where(eq(channels.displayPhoneNumber, display));
  }
}
