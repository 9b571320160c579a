import { z } from 'zod';
import { memberRoles } from '../../db/tables/workspaces';

export const emailSchema = z
  .email({ message: 'Enter a valid email address' })
  .max(254)
  .transform((value) => value.trim().toLowerCase());
export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');
export const nameSchema = z.string().trim().min(1, 'Enter a name').max(100);

export const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(memberRoles) })),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const setupBodySchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  workspaceName: nameSchema,
});

export const loginBodySchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
