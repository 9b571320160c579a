import { z } from 'zod';
import type { channels } from '../../db/schema';

type ChannelRow = typeof channels.$inferSelect;

const DAY = 24 * 60 * 60 * 1000;
/** Below this the dashboard warns that the token is about to expire. */
export const TOKEN_WARNING_MS = 7 * DAY;

export const healthWarningSchema = z.object({
  code: z.enum([
    'token_expired',
    'token_temporary',
    'token_expiring',
    'token_unchecked',
    'quality_low',
    'quality_medium',
    'number_status',
    'check_failed',
    'webhook_signature_failures',
    'webhook_processing_errors',
    'no_webhook_yet',
  ]),
  severity: z.enum(['danger', 'warning', 'info']),
  message: z.string(),
});
export type HealthWarning = z.infer<typeof healthWarningSchema>;

export const channelSchema = z.object({
  id: z.string(),
  kind: z.enum(['cloud', 'sandbox']),
  name: z.string(),
  phoneNumberId: z.string(),
  wabaId: z.string(),
  displayPhoneNumber: z.string(),
  verifiedName: z.string().nullable(),
  connectedVia: z.enum(['manual', 'embedded_signup', 'sandbox']),
  createdAt: z.string(),
  health: z.object({
    qualityRating: z.string().nullable(),
    messagingLimitTier: z.string().nullable(),
    throughputLevel: z.string().nullable(),
    status: z.string().nullable(),
    token: z.object({
      type: z.string().nullable(),
      expiresAt: z.string().nullable(),
      temporary: z.boolean(),
      scopes: z.array(z.string()).nullable(),
    }),
    lastWebhookAt: z.string().nullable(),
    webhookSignatureFailures: z.number().int(),
    webhookProcessingErrors: z.number().int(),
    lastCheck: z
      .object({
        at: z.string(),
        error: z.object({ message: z.string(), cloudApiCode: z.number().int().nullable() }).nullable(),
      })
      .nullable(),
    warnings: z.array(healthWarningSchema),
  }),
  /** What to paste in Meta's app dashboard (Webhooks). Admins only; null for sandbox numbers. */
  webhook: z.object({ callbackUrl: z.string(), verifyToken: z.string() }).nullable(),
});
export type ChannelView = z.infer<typeof channelSchema>;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
export const formatUtc = (date: Date) => `${dateFormat.format(date)} UTC`;

/** Tokens that are not system-user tokens and expire: the 24 h token of the API Setup page, user tokens. */
export function isTemporaryToken(type: string | null, expiresAt: Date | null): boolean {
  return expiresAt !== null && type !== 'SYSTEM_USER';
}

function tokenWarnings(row: ChannelRow, now: Date): HealthWarning[] {
  if (row.kind === 'sandbox') return [];
  const expiresAt = row.tokenExpiresAt;
  if (!row.tokenType && !expiresAt) {
    return [
      {
        code: 'token_unchecked',
        severity: 'info',
        message: 'ChatSyncs could not read when this access token expires. Refresh the health to try again.',
      },
    ];
  }
  if (!expiresAt) return [];
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) {
    return [
      {
        code: 'token_expired',
        severity: 'danger',
        message: `The access token expired on ${formatUtc(expiresAt)}. Messages can’t be sent until the number is connected again with a new token.`,
      },
    ];
  }
  const warnings: HealthWarning[] = [];
  if (isTemporaryToken(row.tokenType, expiresAt)) {
    warnings.push({
      code: 'token_temporary',
      severity: 'warning',
      message: `This is a temporary access token: it stops working on ${formatUtc(expiresAt)}. Connect the number again with a system-user token (Business Settings → Users → System users), which does not expire.`,
    });
  } else if (left < TOKEN_WARNING_MS) {
    const days = Math.max(1, Math.round(left / DAY));
    warnings.push({
      code: 'token_expiring',
      severity: 'warning',
      message: `The access token expires in ${days} day${days > 1 ? 's' : ''} (${formatUtc(expiresAt)}). Create a new one before then.`,
    });
  }
  return warnings;
}

function otherWarnings(row: ChannelRow): HealthWarning[] {
  const warnings: HealthWarning[] = [];
  if (row.qualityRating === 'RED') {
    warnings.push({
      code: 'quality_low',
      severity: 'danger',
      message:
        'Quality rating is low: many people blocked or reported recent messages. Send fewer, more relevant messages, or Meta may limit this number.',
    });
  } else if (row.qualityRating === 'YELLOW') {
    warnings.push({
      code: 'quality_medium',
      severity: 'warning',
      message: 'Quality rating is medium: watch what you send so it does not drop to low.',
    });
  }
  if (row.phoneStatus && !['CONNECTED', 'PENDING'].includes(row.phoneStatus)) {
    warnings.push({
      code: 'number_status',
      severity: 'danger',
      message: `Meta reports this number as ${row.phoneStatus}. Check it in WhatsApp Manager.`,
    });
  }
  if (row.lastCheckError) {
    warnings.push({
      code: 'check_failed',
      severity: 'danger',
      message: `The last health check failed: ${row.lastCheckError}`,
    });
  }
  if (row.webhookSignatureFailures > 0) {
    warnings.push({
      code: 'webhook_signature_failures',
      severity: 'danger',
      message: `${row.webhookSignatureFailures} webhook deliver${row.webhookSignatureFailures > 1 ? 'ies were' : 'y was'} refused because the signature did not match. The app secret saved here is probably not the one of the Meta app sending them.`,
    });
  }
  if (row.webhookProcessingErrors > 0) {
    warnings.push({
      code: 'webhook_processing_errors',
      severity: 'warning',
      message: `${row.webhookProcessingErrors} webhook event${row.webhookProcessingErrors > 1 ? 's' : ''} could not be processed. They are in the server log.`,
    });
  }
  if (row.kind === 'cloud' && !row.lastWebhookAt) {
    warnings.push({
      code: 'no_webhook_yet',
      severity: 'info',
      message:
        'No webhook has arrived from Meta yet. Paste the callback URL and verify token in your Meta app (WhatsApp → Configuration), then send a message to the number.',
    });
  }
  return warnings;
}

/** The API view of a channel: never a sealed secret; the webhook settings only for admins. */
export function toChannelView(
  row: ChannelRow,
  options: { now: Date; publicUrl: string; admin: boolean },
): ChannelView {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    phoneNumberId: row.phoneNumberId,
    wabaId: row.wabaId,
    displayPhoneNumber: row.displayPhoneNumber,
    verifiedName: row.verifiedName,
    connectedVia: row.connectedVia ?? (row.kind === 'sandbox' ? 'sandbox' : 'manual'),
    createdAt: row.createdAt.toISOString(),
    health: {
      qualityRating: row.qualityRating,
      messagingLimitTier: row.messagingLimitTier,
      throughputLevel: row.throughputLevel,
      status: row.phoneStatus,
      token: {
        type: row.tokenType,
        expiresAt: iso(row.tokenExpiresAt),
        temporary: row.kind === 'cloud' && isTemporaryToken(row.tokenType, row.tokenExpiresAt),
        scopes: row.tokenScopes,
      },
      lastWebhookAt: iso(row.lastWebhookAt),
      webhookSignatureFailures: row.webhookSignatureFailures,
      webhookProcessingErrors: row.webhookProcessingErrors,
      lastCheck: row.lastCheckAt
        ? {
            at: row.lastCheckAt.toISOString(),
            error: row.lastCheckError
              ? { message: row.lastCheckError, cloudApiCode: row.lastCheckErrorCode }
              : null,
          }
        : null,
      warnings: [...tokenWarnings(row, options.now), ...otherWarnings(row)],
    },
    webhook:
      options.admin && row.kind === 'cloud'
        ? { callbackUrl: `${options.publicUrl}/webhooks/whatsapp`, verifyToken: row.verifyToken }
        : null,
  };
}
