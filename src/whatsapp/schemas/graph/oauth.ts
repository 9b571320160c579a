import { z } from 'zod';

/** `GET /oauth/access_token` answer (§7.3, §7.4). */
export const accessTokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
});
export type AccessTokenResponse = z.infer<typeof accessTokenResponseSchema>;

/** `GET /debug_token` answer (§7.5). `expires_at: 0` means the token never expires. */
export const debugTokenResponseSchema = z.looseObject({
  data: z.looseObject({
    app_id: z.string().optional(),
    type: z.string().optional(),
    application: z.string().optional(),
    is_valid: z.boolean(),
    expires_at: z.number().optional(),
    data_access_expires_at: z.number().optional(),
    scopes: z.array(z.string()).optional(),
    granular_scopes: z
      .array(z.looseObject({ scope: z.string(), target_ids: z.array(z.string()).optional() }))
      .optional(),
    user_id: z.string().optional(),
  }),
});
export type DebugTokenResponse = z.infer<typeof debugTokenResponseSchema>;
