import { accountModule } from './account/account-module';
import type { EmulatorModule } from './core/context';
import { flowsModule } from './flows/flows-module';
import { mediaModule } from './media/media-module';
import { messagesModule } from './messages/messages-module';
import { templatesModule } from './templates/templates-module';

/**
 * Built-in modules, in registration order. The catalog modules (templates, media, flows, account
 * in `./templates`, `./media`, `./flows`, `./account`) are added here: one import + one entry.
 */
export const builtInModules: EmulatorModule[] = [
  messagesModule,
  templatesModule,
  mediaModule,
  flowsModule,
  accountModule,
];
