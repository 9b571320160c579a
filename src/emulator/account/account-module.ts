import type { EmulatorContext, EmulatorModule } from '../core/context';
import { accountControlRoutes } from './account-control-routes';
import { accountGraphRoutes } from './account-graph-routes';
import { AccountStore } from './account-store';
import { oauthRoutes } from './oauth-routes';

export const ACCOUNT_STORE_KEY = 'account';

export function accountStoreOf(ctx: EmulatorContext): AccountStore {
  const store = ctx.state.getStore<AccountStore>(ACCOUNT_STORE_KEY);
  if (!store) throw new Error('the account module is not set up');
  return store;
}

/** Phone numbers, registration, subscribed_apps, OAuth code exchange, debug_token, token control. */
export const accountModule: EmulatorModule = {
  name: 'account',
  setup(ctx) {
    ctx.state.registerStore(
      ACCOUNT_STORE_KEY,
      new AccountStore({ now: () => ctx.clock.now(), markChanged: () => ctx.state.markChanged() }),
    );
  },
  graphRoutes(app, ctx) {
    const store = accountStoreOf(ctx);
    accountGraphRoutes(app, ctx, store);
    oauthRoutes(app, ctx, store);
  },
  controlRoutes: (app, ctx) => accountControlRoutes(app, ctx, accountStoreOf(ctx)),
};
