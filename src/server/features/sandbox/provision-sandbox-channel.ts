import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { channels } from '../../db/schema';
import { newId } from '../../ids';
import type { EmbeddedSandbox } from './embedded-sandbox';
import { randomDigits } from './sandbox-identity';

/**
 * Gives a workspace its "Sandbox" number in the built-in emulator (once): a business phone number
 * in the emulator and a connected channel of kind `sandbox` using the emulator's credentials.
 */
export async function ensureSandboxChannel(ctx: AppContext, sandbox: EmbeddedSandbox, workspaceId: string) {
  const [existing] = await ctx.db
    .select()
    .from(channels)
    .where(and(eq(channels.workspaceId, workspaceId), eq(channels.kind, 'sandbox')));
  if (existing) return existing;
  const [defaultTaken] = await ctx.db
    .select({ id: channels.id })
    .from(channels)
    .where(eq(channels.phoneNumberId, sandbox.identity.phoneNumberId));
  const phoneNumberId = defaultTaken ? randomDigits(15) : sandbox.identity.phoneNumberId;
  const known = sandbox.emulator.state.phoneNumbers.get(phoneNumberId);
  const displayPhoneNumber = known?.displayPhoneNumber ?? `1555${randomDigits(7)}`;
  if (!known) {
    sandbox.emulator.state.addPhoneNumber({
      id: phoneNumberId,
      displayPhoneNumber,
      verifiedName: 'ChatSyncs Sandbox',
      qualityRating: 'GREEN',
      codeVerificationStatus: 'VERIFIED',
    });
    sandbox.emulator.state.markChanged();
  }
  const [channel] = await ctx.db
    .insert(channels)
    .values({
      id: newId('chn'),
      workspaceId,
      kind: 'sandbox',
      name: 'Sandbox',
      phoneNumberId,
      wabaId: sandbox.identity.wabaId,
      displayPhoneNumber,
      verifiedName: 'ChatSyncs Sandbox',
      qualityRating: 'GREEN',
      messagingLimitTier: 'TIER_1K',
      throughputLevel: 'STANDARD',
      graphBaseUrl: sandbox.graphBaseUrl(),
      apiVersion: ctx.config.WHATSAPP_API_VERSION,
      accessTokenSealed: ctx.secrets.encrypt(sandbox.identity.accessToken),
      appSecretSealed: ctx.secrets.encrypt(sandbox.identity.appSecret),
      verifyToken: sandbox.identity.verifyToken,
    })
    .onConflictDoNothing()
    .returning();
  ctx.channelDirectory.invalidate();
  return channel;
}
