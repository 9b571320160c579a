import type { EmulatorContext, EmulatorModule } from '../core/context';
import type { TemplateForSend } from '../state/extensions';
import { templateControlRoutes } from './template-control-routes';
import { templateGraphRoutes } from './template-graph-routes';
import { checkTemplateSendParameters } from './template-send-parameters';
import { TemplateStore } from './template-store';

export const TEMPLATE_STORE_KEY = 'templates';

/** The template store of an emulator (registered by the module's setup). */
export function templateStoreOf(ctx: EmulatorContext): TemplateStore {
  const store = ctx.state.getStore<TemplateStore>(TEMPLATE_STORE_KEY);
  if (!store) throw new Error('the templates module is not set up');
  return store;
}

/**
 * Message templates in the emulator: creation rules, review, status/quality webhooks, Graph routes,
 * control routes, and `state.templates` for the send path. Besides `findForSend`, the registered
 * lookup has `checkSendParameters(template, components)` (throws GraphError 132000/132005/…).
 */
export const templatesModule: EmulatorModule = {
  name: 'templates',
  setup(ctx) {
    const store = new TemplateStore({
      now: () => ctx.clock.now(),
      emitChange: (field, value) => ctx.emitChange(field, value),
      later: (ms, fn) => ctx.scheduler.later(ms, fn),
      reviewPolicy: () => ctx.state.config.template_review,
      markChanged: () => ctx.state.markChanged(),
      flowExists: (wabaId, flowId) =>
        !ctx.state.flows || ctx.state.flows.findForSend(wabaId, { flowId }) !== null,
    });
    ctx.state.templates = Object.assign(store, {
      checkSendParameters: (template: TemplateForSend, components: unknown) =>
        checkTemplateSendParameters(template, components),
    });
    ctx.state.registerStore(TEMPLATE_STORE_KEY, store);
  },
  graphRoutes(app, ctx) {
    templateGraphRoutes(app, ctx, templateStoreOf(ctx));
  },
  controlRoutes(app, ctx) {
    templateControlRoutes(app, ctx, templateStoreOf(ctx));
  },
};
