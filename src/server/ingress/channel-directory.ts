import type { AppContext } from '../context';
import { channels } from '../db/schema';

export type ChannelRoute = {
  id: string;
  workspaceId: string;
  phoneNumberId: string;
  wabaId: string;
  appSecret: string;
  verifyToken: string;
};

/**
 * The connected numbers as the webhook endpoint needs them (ids, decrypted app secrets, verify
 * tokens), cached in memory for a few seconds so the hot path does no lookup. Other processes'
 * changes are seen after `ttlMs`; this process's own changes call `invalidate()`.
 */
export class ChannelDirectory {
  private cache: { at: number; routes: ChannelRoute[] } | undefined;
  private loading: Promise<ChannelRoute[]> | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly ttlMs = 5_000,
  ) {}

  invalidate(): void {
    this.cache = undefined;
  }

  async all(): Promise<ChannelRoute[]> {
    if (this.cache && Date.now() - this.cache.at < this.ttlMs) return this.cache.routes;
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  async byPhoneNumberId(phoneNumberId: string): Promise<ChannelRoute | undefined> {
    return (await this.all()).find((route) => route.phoneNumberId === phoneNumberId);
  }

  /** App secrets that may have signed a delivery for these WABAs (all of them when none is known). */
  async candidateSecrets(wabaIds: string[]): Promise<string[]> {
    const routes = await this.all();
    const matching = routes.filter((route) => wabaIds.includes(route.wabaId));
    return [...new Set((matching.length > 0 ? matching : routes).map((route) => route.appSecret))];
  }

  private async load(): Promise<ChannelRoute[]> {
    const rows = await this.ctx.db
      .select({
        id: channels.id,
        workspaceId: channels.workspaceId,
        phoneNumberId: channels.phoneNumberId,
        wabaId: channels.wabaId,
        appSecretSealed: channels.appSecretSealed,
        verifyToken: channels.verifyToken,
      })
      .from(channels);
    const routes = rows.map(({ appSecretSealed, ...row }) => ({
      ...row,
      appSecret: this.ctx.secrets.decrypt(appSecretSealed),
    }));
    this.cache = { at: Date.now(), routes };
    return routes;
  }
}
