import { z } from 'zod';

/** `location` object of a location message (§2.4). */
export const locationContentSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: z.string().min(1).max(1000).optional(),
  address: z.string().min(1).max(1000).optional(),
});
export type LocationContent = z.infer<typeof locationContentSchema>;
