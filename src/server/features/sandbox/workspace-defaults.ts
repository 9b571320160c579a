import type { AppContext } from '../../context';
import { workspaces } from '../../db/schema';
import { ensureSandboxChannel } from './provision-sandbox-channel';

/** What a new workspace gets: its Sandbox number when the built-in emulator runs. */
export async function provisionWorkspaceDefaults(ctx: AppContext, workspaceId: string): Promise<void> {
  if (ctx.sandbox) await ensureSandboxChannel(ctx, ctx.sandbox, workspaceId);
}

/** At start: every workspace without a Sandbox number gets one (e.g. created while the sandbox was off). */
export async function provisionAllWorkspaces(ctx: AppContext): Promise<void> {
  if (!ctx.sandbox) return;
  for (const workspace of await ctx.db.select({ id: workspaces.id }).from(workspaces)) {
    await ensureSandboxChannel(ctx, ctx.sandbox, workspace.id);
  }
}
