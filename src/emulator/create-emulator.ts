import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { controlPlugin } from './control/control-plugin';
import { createSystemClock, type EmulatorClock } from './core/clock';
import type { EmulatorContext, EmulatorModule } from './core/context';
import { Scheduler } from './core/scheduler';
import { registerDefaultNodes } from './graph/default-nodes';
import { GraphNodeRegistry } from './graph/graph-nodes';
import { graphPlugin } from './graph/graph-plugin';
import { MessagingService } from './messages/messaging-service';
import { builtInModules } from './modules';
import { type EmulatorOptions, type ResolvedIdentity, resolveIdentity } from './options';
import { applyConfigPatch, defaultConfig, emulatorConfigSchema } from './state/config';
import { EmulatorState } from './state/emulator-state';
import { attachStateFile, readStateFile, type StateFileHandle } from './state/state-file';
import { DEFAULT_DELIVERY_OPTIONS, WebhookDispatcher } from './webhooks/webhook-dispatcher';

export interface Emulator {
  /** Fastify plugin: Graph routes at `/{version}/…`, control API at `/_sandbox/…`. Register with any prefix. */
  plugin: (app: FastifyInstance) => Promise<void>;
  state: EmulatorState;
  clock: EmulatorClock;
  webhooks: WebhookDispatcher;
  messaging: MessagingService;
  /** Emit any webhook field change (e.g. `message_template_status_update`). */
  emitChange(field: string, value: Record<string, unknown>): string;
  /** Ids, tokens and secrets in use (generated ones included). */
  identity: ResolvedIdentity;
  context: EmulatorContext;
  /** Wait until no status, auto-read or webhook delivery is pending (tests, benchmarks). */
  settle(): Promise<void>;
  /** Stop timers and deliveries, write the state file. */
  close(): Promise<void>;
}

/** Build a Cloud API emulator. See src/emulator/README.md. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const identity = resolveIdentity(options);
  const clock = options.clock ?? createSystemClock();
  const logger = options.logger ?? pino({ level: 'silent' });
  const random = options.random ?? Math.random;

  let config = defaultConfig({
    url: identity.webhookUrl,
    app_secret: identity.appSecret,
    verify_token: identity.verifyToken,
  });
  if (options.config) config = applyConfigPatch(config, options.config);
  const state = new EmulatorState({ wabaId: identity.wabaId, config });

  const delivery = {
    ...DEFAULT_DELIVERY_OPTIONS,
    ...options.delivery,
    retry: { ...DEFAULT_DELIVERY_OPTIONS.retry, ...options.delivery?.retry },
  };
  const webhooks = new WebhookDispatcher({ state, clock, logger, options: delivery, random });
  const scheduler = new Scheduler();
  const graphNodes = new GraphNodeRegistry();
  const context = {
    state,
    clock,
    webhooks,
    emitChange: (field, value) => webhooks.emitChange(field, value),
    scheduler,
    graphNodes,
    logger,
    random,
  } as EmulatorContext;
  const messaging = new MessagingService(context);
  context.messaging = messaging;
  registerDefaultNodes(context);

  const modules: EmulatorModule[] = [...builtInModules, ...(options.modules ?? [])];
  for (const module of modules) module.setup?.(context);

  // Restore the saved world, then make sure the configured identity exists in it.
  let stateFile: StateFileHandle | undefined;
  if (options.stateFile) {
    const saved = readStateFile(options.stateFile);
    if (saved !== undefined) {
      state.load(saved, (raw) => emulatorConfigSchema.parse(raw));
      if (options.webhookUrl !== undefined) state.config.webhook.url = identity.webhookUrl;
      if (options.appSecret) state.config.webhook.app_secret = identity.appSecret;
      if (options.verifyToken) state.config.webhook.verify_token = identity.verifyToken;
    }
  }
  for (const phone of identity.phoneNumbers) {
    if (!state.phoneNumbers.has(phone.id)) {
      state.addPhoneNumber({ ...phone, qualityRating: 'GREEN', codeVerificationStatus: 'VERIFIED' });
    }
  }
  const now = clock.now();
  for (const token of identity.accessTokens) {
    if (!state.tokens.has(token)) {
      state.tokens.set(token, {
        token,
        kind: 'system_user',
        expiresAt: null,
        scopes: ['whatsapp_business_messaging', 'whatsapp_business_management'],
        createdAt: now,
      });
    }
  }
  if (options.stateFile) {
    stateFile = attachStateFile(state, options.stateFile, options.stateFileDebounceMs ?? 250);
    state.markChanged();
  }

  const plugin = async (app: FastifyInstance): Promise<void> => {
    await app.register(controlPlugin(context, modules), { prefix: '/_sandbox' });
    await app.register(graphPlugin(context, modules));
  };

  return {
    plugin,
    state,
    clock,
    webhooks,
    messaging,
    emitChange: context.emitChange,
    identity: {
      ...identity,
      phoneNumbers: [...state.phoneNumbers.values()].map(({ id, displayPhoneNumber, verifiedName }) => ({
        id,
        displayPhoneNumber,
        verifiedName,
      })),
      wabaId: state.wabaId,
    },
    context,
    async settle() {
      for (;;) {
        await scheduler.idle();
        await webhooks.idle();
        if (scheduler.pending === 0 && webhooks.isIdle()) return;
      }
    },
    async close() {
      scheduler.close();
      webhooks.close();
      for (const module of modules) await module.close?.();
      if (stateFile) {
        await stateFile.flush();
        stateFile.stop();
      }
    },
  };
}
