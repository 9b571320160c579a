import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * A workspace's Meta app for Embedded Signup: the App ID and the Facebook Login for Business
 * configuration ID the dashboard's popup needs, and the app secret (sealed) for the code exchange.
 */
export const embeddedSignupSettings = pgTable('embedded_signup_settings', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  appId: text('app_id').notNull(),
  configurationId: text('configuration_id').notNull(),
  appSecretSealed: text('app_secret_sealed').notNull(),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
