import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { embeddedSignupSettings } from '../../db/schema';
import { AppError } from '../../http/errors';
import { assertNumberNotConnected, type ChannelRow, saveChannel } from './channels.service';
import { explainCloudApiFailure } from './cloud-api-failure';
import {
  assertNumberInWaba,
  graphClient,
  inspectToken,
  readPhoneNumber,
  subscribeApp,
} from './inspect-number';

export type EmbeddedSignupSettings = { appId: string; configurationId: string; appSecret: string };

export async function readSettings(ctx: AppContext, workspaceId: string) {
  const [row] = await ctx.db
    .select()
    .from(embeddedSignupSettings)
    .where(eq(embeddedSignupSettings.workspaceId, workspaceId));
  return row;
}

/** Saves the Meta app used by the popup; the app secret may be left out to keep the saved one. */
export async function saveSettings(
  ctx: AppContext,
  workspaceId: string,
  userId: string | null,
  input: { appId: string; configurationId: string; appSecret?: string | undefined },
) {
  const existing = await readSettings(ctx, workspaceId);
  if (!input.appSecret && !existing) {
    throw new AppError('validation_failed', 'Enter the app secret (App settings → Basic in your Meta app).', {
      field: 'appSecret',
    });
  }
  const appSecretSealed = input.appSecret ? ctx.secrets.encrypt(input.appSecret) : existing!.appSecretSealed;
  const values = {
    appId: input.appId,
    configurationId: input.configurationId,
    appSecretSealed,
    updatedBy: userId,
    updatedAt: ctx.now(),
  };
  await ctx.db
    .insert(embeddedSignupSettings)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: embeddedSignupSettings.workspaceId, set: values });
  return (await readSettings(ctx, workspaceId))!;
}

/** A random 6-digit two-step verification PIN. */
export function generatePin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Finishes Embedded Signup on the server: code → business token, the same checks as a manual
 * connect, subscribe the app to the WABA, register the number with a PIN, save.
 */
export async function completeEmbeddedSignup(
  ctx: AppContext,
  workspaceId: string,
  input: {
    code: string;
    wabaId: string;
    phoneNumberId: string;
    pin?: string | undefined;
    name?: string | undefined;
  },
): Promise<{ row: ChannelRow; pin: string; pinGenerated: boolean }> {
  const settings = await readSettings(ctx, workspaceId);
  if (!settings) {
    throw new AppError(
      'bad_request',
      'Embedded Signup is not set up for this workspace yet. An admin must first save the Meta App ID, configuration ID and app secret.',
    );
  }
  await assertNumberNotConnected(ctx, workspaceId, input.phoneNumberId);
  const appSecret = ctx.secrets.decrypt(settings.appSecretSealed);

  let accessToken: string;
  try {
    ({ access_token: accessToken } = await graphClient(ctx).exchangeCode({
      clientId: settings.appId,
      clientSecret: appSecret,
      code: input.code,
    }));
  } catch (error) {
    throw explainCloudApiFailure(error, 'exchange_code');
  }

  const client = graphClient(ctx, accessToken);
  const token = await inspectToken(client, accessToken);
  const phone = await readPhoneNumber(client, input.phoneNumberId);
  await assertNumberInWaba(client, input.wabaId, input.phoneNumberId);
  await subscribeApp(client, input.wabaId);

  const pin = input.pin ?? generatePin();
  try {
    await client.registerPhoneNumber(input.phoneNumberId, pin);
  } catch (error) {
    throw explainCloudApiFailure(error, 'register');
  }
  const row = await saveChannel(ctx, {
    workspaceId,
    name: input.name,
    phoneNumberId: input.phoneNumberId,
    wabaId: input.wabaId,
    accessToken,
    appSecret,
    connectedVia: 'embedded_signup',
    pin,
    checked: { phone, token },
  });
  return { row, pin, pinGenerated: input.pin === undefined };
}
