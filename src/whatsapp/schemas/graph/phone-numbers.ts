import { z } from 'zod';
import { graphListSchema } from './paging';

/** `GET /{phone-number-id}` (§7.1). Fields beyond the default set come with `fields=`. */
export const phoneNumberSchema = z.looseObject({
  id: z.string().min(1),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  code_verification_status: z.string().optional(),
  quality_rating: z.string().optional(),
  platform_type: z.string().optional(),
  throughput: z.looseObject({ level: z.string().optional() }).optional(),
  status: z.string().optional(),
  name_status: z.string().optional(),
  account_mode: z.string().optional(),
  whatsapp_business_manager_messaging_limit: z.string().optional(),
});
export type PhoneNumber = z.infer<typeof phoneNumberSchema>;

export const phoneNumberListResponseSchema = graphListSchema(phoneNumberSchema);

/** `GET /{waba-id}/subscribed_apps` (§7.3). */
export const subscribedAppsResponseSchema = graphListSchema(
  z.looseObject({
    whatsapp_business_api_data: z
      .looseObject({ id: z.string().optional(), name: z.string().optional(), link: z.string().optional() })
      .optional(),
    override_callback_uri: z.string().optional(),
  }),
);
export type SubscribedAppsResponse = z.infer<typeof subscribedAppsResponseSchema>;
