import { charLength, isNonEmptyString, isRecord, violation } from './template-rule-helpers';
import type { TemplateComponentDefinition, TemplateRuleViolation } from './template-types';

const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'];
const MAX_SUPPORTED_APPS = 5;

function invalid(message: string): TemplateRuleViolation {
  return violation(undefined, 'Invalid authentication template', message);
}

function validateOtpButton(button: Record<string, unknown>): TemplateRuleViolation | null {
  const otpType = typeof button.otp_type === 'string' ? button.otp_type.toUpperCase() : '';
  if (!OTP_TYPES.includes(otpType)) return invalid(`otp_type must be one of ${OTP_TYPES.join(', ')}.`);
  for (const key of ['text', 'autofill_text']) {
    const value = button[key];
    if (value !== undefined && (typeof value !== 'string' || charLength(value) > 25))
      return invalid(`${key} is limited to 25 characters.`);
  }
  if (otpType === 'COPY_CODE') return null;
  const apps = button.supported_apps;
  if (!Array.isArray(apps) || apps.length === 0 || apps.length > MAX_SUPPORTED_APPS)
    return invalid(`${otpType} buttons need 1–${MAX_SUPPORTED_APPS} supported_apps.`);
  for (const app of apps) {
    if (
      !isRecord(app) ||
      !isNonEmptyString(app.package_name) ||
      app.package_name.length > 224 ||
      typeof app.signature_hash !== 'string' ||
      app.signature_hash.length !== 11
    )
      return invalid(
        'Each supported app needs package_name (≤224 characters) and an 11-character signature_hash.',
      );
  }
  if (otpType === 'ZERO_TAP' && button.zero_tap_terms_accepted !== true)
    return invalid('ZERO_TAP buttons need zero_tap_terms_accepted: true.');
  return null;
}

/**
 * AUTHENTICATION templates (reference §6.2): no HEADER, BODY without custom text (optional
 * `add_security_recommendation`), optional FOOTER with only `code_expiration_minutes` (1–90),
 * and BUTTONS holding exactly one OTP button.
 */
export function validateAuthenticationTemplate(
  byType: ReadonlyMap<string, TemplateComponentDefinition>,
): TemplateRuleViolation | null {
  if (byType.has('HEADER') || byType.has('CAROUSEL'))
    return invalid('Authentication templates cannot have a header.');
  const body = byType.get('BODY');
  if (body?.text !== undefined)
    return invalid('Authentication templates use fixed body text; omit BODY text.');
  if (
    body?.add_security_recommendation !== undefined &&
    typeof body.add_security_recommendation !== 'boolean'
  )
    return invalid('add_security_recommendation must be a boolean.');
  const footer = byType.get('FOOTER');
  if (footer) {
    const minutes = footer.code_expiration_minutes;
    if (footer.text !== undefined)
      return invalid('Authentication templates use fixed footer text; omit FOOTER text.');
    if (!Number.isInteger(minutes) || (minutes as number) < 1 || (minutes as number) > 90)
      return invalid('code_expiration_minutes must be an integer from 1 to 90.');
  }
  const buttons = byType.get('BUTTONS')?.buttons;
  if (!Array.isArray(buttons) || buttons.length !== 1)
    return invalid('Authentication templates need exactly one OTP button.');
  const button = buttons[0];
  if (!isRecord(button) || String(button.type).toUpperCase() !== 'OTP')
    return invalid('Authentication templates need exactly one OTP button.');
  return validateOtpButton(button);
}

/** The fixed text Meta shows for authentication templates (one variable: the code). */
export function authenticationBodyText(addSecurityRecommendation: boolean): string {
  return addSecurityRecommendation
    ? '*{{1}}* is your verification code. For your security, do not share this code.'
    : '*{{1}}* is your verification code.';
}
