import type { AppContext } from '../../context';
import { provisionWorkspaceDefaults } from '../sandbox/workspace-defaults';
import { createFirstOwner } from './accounts.service';

/** Unattended installs: CHATSYNCS_ADMIN_EMAIL/PASSWORD create the owner on first start. */
export async function bootstrapOwnerFromConfig(ctx: AppContext): Promise<void> {
  const { CHATSYNCS_ADMIN_EMAIL: email, CHATSYNCS_ADMIN_PASSWORD: password } = ctx.config;
  if (!email || !password) return;
  const created = await createFirstOwner(ctx.db, {
    email,
    password,
    name: ctx.config.CHATSYNCS_ADMIN_NAME,
    workspaceName: ctx.config.CHATSYNCS_WORKSPACE_NAME,
  });
  if (created) await provisionWorkspaceDefaults(ctx, created.workspace.id);
  if (created) ctx.log.info({ email }, 'created the owner account from CHATSYNCS_ADMIN_EMAIL');
}
