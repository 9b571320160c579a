import type { AppContext } from '../context';
import { channels } from '../db/schema';
import { newId } from '../ids';

/** Inserts a connected number directly (tests of features that need one, without the connect flow). */
export async function insertChannel(
  ctx: AppContext,
  workspaceId: string,
  overrides: Partial<{
    phoneNumberId: string;
    wabaId: string;
    appSecret: string;
    accessToken: string;
    graphBaseUrl: string;
    verifyToken: string;
    kind: 'cloud' | 'sandbox';
  }> = {},
) {
  const values = {
    phoneNumberId: '100000000000001',
    wabaId: '200000000000001',
    appSecret: 'test-app-secret',
    accessToken: 'test-access-token',
    graphBaseUrl: 'http://127.0.0.1:9',
    verifyToken: 'test-verify-token',
    kind: 'cloud' as const,
    ...overrides,
  };
  const [row] = await ctx.db
    .insert(channels)
    .values({
      id: newId('chn'),
      workspaceId,
      kind: values.kind,
      name: 'Test number',
      phoneNumberId: values.phoneNumberId,
      wabaId: values.wabaId,
      displayPhoneNumber: '15550001111',
      verifiedName: 'Test Shop',
      graphBaseUrl: values.graphBaseUrl,
      apiVersion: 'v24.0',
      accessTokenSealed: ctx.secrets.encrypt(values.accessToken),
      appSecretSealed: ctx.secrets.encrypt(values.appSecret),
      verifyToken: values.verifyToken,
    })
    .returning();
  ctx.channelDirectory.invalidate();
  return row!;
}

/** Polls until `check` returns a truthy value (bounded), for effects of background jobs. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
