import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

/**
 * A connected WhatsApp business phone number. `kind: sandbox` numbers live in the built-in emulator.
 * The access token and app secret are sealed with the secret box (AES-256-GCM), never stored in clear.
 */
export const channels = pgTable(
  'channels',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['cloud', 'sandbox'] }).notNull(),
    name: text('name').notNull(),
    phoneNumberId: text('phone_number_id').notNull(),
    wabaId: text('waba_id').notNull(),
    displayPhoneNumber: text('display_phone_number').notNull(),
    verifiedName: text('verified_name'),
    qualityRating: text('quality_rating'),
    messagingLimitTier: text('messaging_limit_tier'),
    throughputLevel: text('throughput_level'),
    graphBaseUrl: text('graph_base_url').notNull(),
    apiVersion: text('api_version').notNull(),
    accessTokenSealed: text('access_token_sealed').notNull(),
    appSecretSealed: text('app_secret_sealed').notNull(),
    verifyToken: text('verify_token').notNull(),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    tokenScopes: text('token_scopes').array(),
    /** `type` from debug_token (SYSTEM_USER, USER, …); null when it could not be read. */
    tokenType: text('token_type'),
    /** Phone number `status` from Meta (CONNECTED, FLAGGED, …). */
    phoneStatus: text('phone_status'),
    /** How the number was connected: the manual form, Embedded Signup, or the built-in sandbox. */
    connectedVia: text('connected_via', { enum: ['manual', 'embedded_signup', 'sandbox'] }),
    /** Two-step verification PIN set when registering through Embedded Signup (sealed). */
    registrationPinSealed: text('registration_pin_sealed'),
    /** Last health check against the Cloud API (connect or refresh) and its failure, if any. */
    lastCheckAt: timestamp('last_check_at', { withTimezone: true }),
    lastCheckError: text('last_check_error'),
    lastCheckErrorCode: integer('last_check_error_code'),
    lastWebhookAt: timestamp('last_webhook_at', { withTimezone: true }),
    webhookSignatureFailures: integer('webhook_signature_failures').notNull().default(0),
    webhookProcessingErrors: integer('webhook_processing_errors').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('channels_phone_number_id_uq').on(t.phoneNumberId),
    index('channels_workspace_idx').on(t.workspaceId),
    index('channels_waba_idx').on(t.wabaId),
  ],
);
