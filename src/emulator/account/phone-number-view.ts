import { GraphError } from '../graph/graph-error';
import type { EmulatorConfig } from '../state/config';
import type { BusinessPhoneNumber } from '../state/models';
import type { PhoneRegistration } from './account-store';

const DEFAULT_FIELDS = [
  'verified_name',
  'code_verification_status',
  'display_phone_number',
  'quality_rating',
  'platform_type',
  'throughput',
  'id',
];

function formatDisplayNumber(digits: string): string {
  if (digits.length === 11 && digits.startsWith('1'))
    return `+1 ${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
  return `+${digits}`;
}

/** `GET /{phone-number-id}` (reference §7.1): the default fields, or those picked with `fields=`. */
export function phoneNumberView(
  phone: BusinessPhoneNumber,
  registration: PhoneRegistration,
  config: EmulatorConfig,
  fieldsParam: unknown,
): Record<string, unknown> {
  const tier = config.messaging_limit_tier;
  const all: Record<string, unknown> = {
    id: phone.id,
    verified_name: phone.verifiedName,
    code_verification_status: phone.codeVerificationStatus,
    display_phone_number: formatDisplayNumber(phone.displayPhoneNumber),
    quality_rating: config.quality_rating,
    quality_score: { score: config.quality_rating },
    platform_type: registration.registered ? 'CLOUD_API' : 'NOT_APPLICABLE',
    throughput: { level: config.throughput_mps >= 1000 ? 'HIGH' : 'STANDARD' },
    status: registration.registered ? 'CONNECTED' : 'PENDING',
    name_status: 'APPROVED',
    new_name_status: 'NONE',
    messaging_limit_tier: tier,
    whatsapp_business_manager_messaging_limit: tier,
    account_mode: 'LIVE',
    is_official_business_account: false,
    is_pin_enabled: registration.pin !== undefined,
    is_preverified_number: false,
    search_visibility: 'VISIBLE',
    country_code: phone.displayPhoneNumber.startsWith('1') ? 'US' : undefined,
    country_dial_code: phone.displayPhoneNumber.startsWith('1') ? '1' : undefined,
    last_onboarded_time: registration.lastOnboardedAt
      ? new Date(registration.lastOnboardedAt).toISOString().replace(/\.\d{3}Z$/, '+0000')
      : undefined,
    health_status: { can_send_message: registration.registered ? 'AVAILABLE' : 'BLOCKED', entities: [] },
    conversational_automation: { enable_welcome_message: false },
  };
  let fields = DEFAULT_FIELDS;
  if (typeof fieldsParam === 'string' && fieldsParam.trim() !== '') {
    fields = fieldsParam
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    for (const field of fields)
      if (!(field in all))
        throw new GraphError(100, {
          omitErrorData: true,
          message: `(#100) Tried accessing nonexisting field (${field}) on node type (WhatsAppBusinessPhoneNumber)`,
        });
    if (!fields.includes('id')) fields = [...fields, 'id'];
  }
  const view: Record<string, unknown> = {};
  for (const field of fields) if (all[field] !== undefined) view[field] = all[field];
  return view;
}
