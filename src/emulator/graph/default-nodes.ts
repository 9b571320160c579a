import type { EmulatorContext } from '../core/context';

function formatDisplayNumber(digits: string): string {
  // "15550783881" → "+1 555-078-3881" (US-style formatting; other countries keep the digits).
  if (digits.length === 11 && digits.startsWith('1')) {
    return `+1 ${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
  }
  return `+${digits}`;
}

/**
 * Default `/{version}/{id}` nodes: business phone numbers (`GET /{phone-number-id}`, reference
 * §7.1) and the WABA. The account module may register richer kinds with the same names.
 */
export function registerDefaultNodes(ctx: EmulatorContext): void {
  ctx.graphNodes.register('phone_number', {
    owns: (id) => ctx.state.phoneNumbers.has(id),
    handle: {
      // biome-ignore lint/correctness/noComponentHookFactories: an HTTP method key, not a React component
      GET: (id) => {
        const phone = ctx.state.phoneNumbers.get(id)!;
        return {
          verified_name: phone.verifiedName,
          code_verification_status: phone.codeVerificationStatus,
          display_phone_number: formatDisplayNumber(phone.displayPhoneNumber),
          quality_rating: ctx.state.config.quality_rating,
          platform_type: 'CLOUD_API',
          throughput: { level: ctx.state.config.throughput_mps >= 1000 ? 'HIGH' : 'STANDARD' },
          id: phone.id,
        };
      },
    },
  });
  ctx.graphNodes.register('waba', {
    owns: (id) => id === ctx.state.wabaId,
    handle: {
      // biome-ignore lint/correctness/noComponentHookFactories: an HTTP method key, not a React component
      GET: (id) => ({
        id,
        name: 'ChatSyncs Sandbox',
        currency: 'USD',
        timezone_id: '1',
        message_template_namespace: `sandbox_${id}`,
      }),
    },
  });
}
