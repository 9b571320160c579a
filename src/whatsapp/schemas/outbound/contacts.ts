import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';

const optionalText = z.string().optional();

/** One contact card (§2.5). Only `name.formatted_name` is required. */
export const contactCardSchema = z.strictObject({
  name: z.strictObject({
    formatted_name: z.string().min(1),
    first_name: optionalText,
    last_name: optionalText,
    middle_name: optionalText,
    prefix: optionalText,
    suffix: optionalText,
  }),
  phones: z
    .array(z.strictObject({ phone: optionalText, type: optionalText, wa_id: optionalText }))
    .optional(),
  emails: z.array(z.strictObject({ email: optionalText, type: optionalText })).optional(),
  addresses: z
    .array(
      z.strictObject({
        street: optionalText,
        city: optionalText,
        state: optionalText,
        zip: optionalText,
        country: optionalText,
        country_code: optionalText,
        type: optionalText,
      }),
    )
    .optional(),
  org: z.strictObject({ company: optionalText, department: optionalText, title: optionalText }).optional(),
  urls: z.array(z.strictObject({ url: optionalText, type: optionalText })).optional(),
  birthday: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'birthday must be YYYY-MM-DD')
    .optional(),
});
export type ContactCard = z.infer<typeof contactCardSchema>;

/** `contacts` array of a contacts message. */
export const contactsContentSchema = z
  .array(contactCardSchema)
  .min(1)
  .max(CLOUD_API_LIMITS.contactsPerMessage);
