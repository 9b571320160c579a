import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { GraphNodeRegistry } from '../graph/graph-nodes';
import type { MessagingService } from '../messages/messaging-service';
import type { EmulatorState } from '../state/emulator-state';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import type { EmulatorClock } from './clock';
import type { Scheduler } from './scheduler';

/** Everything a module of the emulator gets: shared state, clock, webhooks, logger. */
export interface EmulatorContext {
  state: EmulatorState;
  clock: EmulatorClock;
  webhooks: WebhookDispatcher;
  /** Emit any webhook field change, e.g. `message_template_status_update`. */
  emitChange(field: string, value: Record<string, unknown>): string;
  scheduler: Scheduler;
  graphNodes: GraphNodeRegistry;
  logger: FastifyBaseLogger;
  random: () => number;
  /** Outbound/inbound message handling, statuses (used by control routes). */
  messaging: MessagingService;
}

/**
 * A pluggable part of the emulator (templates, media, flows, account…).
 *
 * - `setup` runs once in `createEmulator`, before the state file is loaded into registered stores:
 *   set `ctx.state.templates` / `media` / `flows`, call `ctx.state.registerStore(...)`,
 *   register `/{version}/{id}` node kinds with `ctx.graphNodes.register(...)`.
 * - `graphRoutes` registers routes relative to the Graph root: paths start with `/:version/…`.
 *   Auth, version check and fault injection already apply; opt out of auth per route with
 *   `config: { graphAuth: false }` (OAuth code exchange). Throw `GraphError` for errors.
 * - `controlRoutes` registers routes relative to `/_sandbox` (zod-validated, readable errors).
 */
export interface EmulatorModule {
  name: string;
  setup?(ctx: EmulatorContext): void;
  graphRoutes?(app: FastifyInstance, ctx: EmulatorContext): void | Promise<void>;
  controlRoutes?(app: FastifyInstance, ctx: EmulatorContext): void | Promise<void>;
  close?(): void | Promise<void>;
}
