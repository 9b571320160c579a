export { createManualClock, createSystemClock, type EmulatorClock } from './core/clock';
export type { EmulatorContext, EmulatorModule } from './core/context';
export { createEmulator, type Emulator } from './create-emulator';
export { GraphError, webhookError } from './graph/graph-error';
export type { EmulatorOptions } from './options';
export type { EmulatorConfig } from './state/config';
export type { EmulatorState } from './state/emulator-state';
export type {
  FlowLookup,
  MediaLookup,
  PersistentStore,
  TemplateForSend,
  TemplateLookup,
} from './state/extensions';
