import type { EmulatorModule } from './core/context';
import { messagesModule } from './messages/messages-module';

/**
 * Built-in modules, in registration order. The catalog modules (templates, media, flows, account
 * in `./templates`, `./media`, `./flows`, `./account`) are added here: one import + one entry.
 */
export const builtInModules: EmulatorModule[] = [messagesModule];
