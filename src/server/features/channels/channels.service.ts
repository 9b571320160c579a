import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { channels } from '../../db/schema';
import { AppError, conflict, notFound } from '../../http/errors';
import { newId, randomToken } from '../../ids';
import { clientForChannel } from './channel-client';
import type { CloudApiFailureDetails } from './cloud-api-failure';
import { type CheckedNumber, inspectToken, readPhoneNumber } from './inspect-number';

export type ChannelRow = typeof channels.$inferSelect;

export async function listChannels(ctx: AppContext, workspaceId: string): Promise<ChannelRow[]> {
  return ctx.db
    .select()
    .from(channels)
    .where(eq(channels.workspaceId, workspaceId))
    .orderBy(asc(channels.createdAt), asc(channels.id));
}

/** One channel of the workspace; another workspace's channel is "not found". */
export async function getChannel(ctx: AppContext, workspaceId: string, id: string): Promise<ChannelRow> {
  const [row] = await ctx.db
    .select()
    .from(channels)
    .where(and(eq(channels.id, id), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('This WhatsApp number');
  return row;
}

/** A number can be connected once in the whole installation (webhooks are routed by its id). */
export async function assertNumberNotConnected(
  ctx: AppContext,
  workspaceId: string,
  phoneNumberId: string,
): Promise<void> {
  const [existing] = await ctx.db
    .select({ workspaceId: channels.workspaceId, name: channels.name })
    .from(channels)
    .where(eq(channels.phoneNumberId, phoneNumberId));
  if (existing) throw alreadyConnected(existing.workspaceId === workspaceId ? existing.name : null);
}

function alreadyConnected(nameHere: string | null): AppError {
  return conflict(
    nameHere !== null
      ? `This phone number is already connected in this workspace as “${nameHere}”.`
      : 'This phone number is already connected to another ChatSyncs workspace. Remove it there first; a number can only be connected once.',
  );
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

export type NewChannel = {
  workspaceId: string;
  name?: string | undefined;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  connectedVia: 'manual' | 'embedded_signup';
  pin?: string;
  checked: CheckedNumber;
};

/** Saves a checked number: secrets sealed, a fresh verify token, the configured Graph URL and version. */
export async function saveChannel(ctx: AppContext, input: NewChannel): Promise<ChannelRow> {
  const { phone, token } = input.checked;
  try {
    const [row] = await ctx.db
      .insert(channels)
      .values({
        id: newId('chn'),
        workspaceId: input.workspaceId,
        kind: 'cloud',
        name: input.name?.trim() || phone.verifiedName || phone.displayPhoneNumber,
        phoneNumberId: input.phoneNumberId,
        wabaId: input.wabaId,
        ...phone,
        graphBaseUrl: ctx.config.WHATSAPP_GRAPH_URL,
        apiVersion: ctx.config.WHATSAPP_API_VERSION,
        accessTokenSealed: ctx.secrets.encrypt(input.accessToken),
        appSecretSealed: ctx.secrets.encrypt(input.appSecret),
        verifyToken: randomToken(24),
        tokenExpiresAt: token.expiresAt,
        tokenScopes: token.scopes,
        tokenType: token.type,
        connectedVia: input.connectedVia,
        registrationPinSealed: input.pin ? ctx.secrets.encrypt(input.pin) : null,
        lastCheckAt: ctx.now(),
        createdAt: ctx.now(),
      })
      .returning();
    ctx.channelDirectory.invalidate();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) {
      await assertNumberNotConnected(ctx, input.workspaceId, input.phoneNumberId);
      throw alreadyConnected(null);
    }
    throw error;
  }
}

/**
 * Re-reads the number's details and the token's expiry from the Cloud API. A failure is recorded
 * on the channel (shown in its health) rather than thrown, except for a network failure.
 */
export async function refreshChannel(ctx: AppContext, row: ChannelRow): Promise<ChannelRow> {
  if (row.kind === 'sandbox') {
    throw new AppError(
      'bad_request',
      'Sandbox numbers live in the built-in emulator, not at Meta, so there is nothing to refresh. Their health is always shown as the emulator reports it.',
    );
  }
  const client = clientForChannel(ctx, row);
  const accessToken = ctx.secrets.decrypt(row.accessTokenSealed);
  try {
    const token = await inspectToken(client, accessToken);
    const phone = await readPhoneNumber(client, row.phoneNumberId);
    const tokenFields = token.checked
      ? { tokenType: token.type, tokenExpiresAt: token.expiresAt, tokenScopes: token.scopes }
      : {};
    return await update(ctx, row, {
      ...phone,
      ...tokenFields,
      lastCheckAt: ctx.now(),
      lastCheckError: null,
      lastCheckErrorCode: null,
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'unavailable') throw error;
    const details = error.details as Partial<CloudApiFailureDetails> | undefined;
    return update(ctx, row, {
      lastCheckAt: ctx.now(),
      lastCheckError: error.message,
      lastCheckErrorCode: details?.cloudApiCode ?? null,
    });
  }
}

async function update(ctx: AppContext, row: ChannelRow, values: Partial<ChannelRow>): Promise<ChannelRow> {
  const [updated] = await ctx.db
    .update(channels)
    .set(values)
    .where(and(eq(channels.id, row.id), eq(channels.workspaceId, row.workspaceId)))
    .returning();
  if (!updated) throw notFound('This WhatsApp number');
  return updated;
}

export async function renameChannel(ctx: AppContext, row: ChannelRow, name: string): Promise<ChannelRow> {
  return update(ctx, row, { name });
}

export async function deleteChannel(ctx: AppContext, row: ChannelRow): Promise<void> {
  if (row.kind === 'sandbox') {
    throw new AppError(
      'bad_request',
      'The Sandbox number belongs to the built-in emulator and is always available for trying things out, so it can’t be removed.',
    );
  }
  await ctx.db
    .delete(channels)
    .where(and(eq(channels.id, row.id), eq(channels.workspaceId, row.workspaceId)));
  ctx.channelDirectory.invalidate();
}
