import type { EmulatorContext, EmulatorModule } from '../core/context';
import { flowControlRoutes } from './flow-control-routes';
import { flowGraphRoutes } from './flow-graph-routes';
import { FlowStore } from './flow-store';

export const FLOW_STORE_KEY = 'flows';

export function flowStoreOf(ctx: EmulatorContext): FlowStore {
  const store = ctx.state.getStore<FlowStore>(FLOW_STORE_KEY);
  if (!store) throw new Error('the flows module is not set up');
  return store;
}

/** WhatsApp Flows: Flow JSON validation, Flows API, `state.flows` for sends, flow completion. */
export const flowsModule: EmulatorModule = {
  name: 'flows',
  setup(ctx) {
    const store = new FlowStore({
      now: () => ctx.clock.now(),
      emitChange: (field, value) => ctx.emitChange(field, value),
      markChanged: () => ctx.state.markChanged(),
    });
    ctx.state.flows = store;
    ctx.state.registerStore(FLOW_STORE_KEY, store);
  },
  graphRoutes: (app, ctx) => flowGraphRoutes(app, ctx, flowStoreOf(ctx)),
  controlRoutes: (app, ctx) => flowControlRoutes(app, ctx, flowStoreOf(ctx)),
};
