import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { subscribers } from '../../db/schema';
import { newId } from '../../ids';

export const SERVICE_WINDOW_MS = 24 * 3_600_000;

/**
 * The subscriber behind an inbound message: created on first contact, profile name refreshed, first
 * and last inbound times kept, and the customer service window (re)opened for 24 h from the message.
 * An older message arriving late never moves the window backwards.
 */
export async function upsertSubscriberFromInbound(
  tx: DbOrTx,
  input: { workspaceId: string; channelId: string; waId: string; profileName: string | null; at: Date },
) {
  const windowExpiresAt = new Date(input.at.getTime() + SERVICE_WINDOW_MS);
  const [row] = await tx
    .insert(subscribers)
    .values({
      id: newId('sub'),
      workspaceId: input.workspaceId,
      channelId: input.channelId,
      waId: input.waId,
      profileName: input.profileName,
      firstInboundAt: input.at,
      lastInboundAt: input.at,
      windowExpiresAt,
    })
    .onConflictDoUpdate({
      target: [subscribers.channelId, subscribers.waId],
      set: {
        profileName: sql`coalesce(excluded.profile_name, ${subscribers.profileName})`,
        firstInboundAt: sql`least(${subscribers.firstInboundAt}, excluded.first_inbound_at)`,
        lastInboundAt: sql`greatest(${subscribers.lastInboundAt}, excluded.last_inbound_at)`,
        windowExpiresAt: sql`greatest(${subscribers.windowExpiresAt}, excluded.window_expires_at)`,
      },
    })
    .returning();
  return row!;
}
