import { z } from 'zod';

/** `paging` of a Graph list: cursors, plus `next`/`previous` only when more pages exist (§1.1). */
export const graphPagingSchema = z.looseObject({
  cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
  next: z.string().optional(),
  previous: z.string().optional(),
});
export type GraphPaging = z.infer<typeof graphPagingSchema>;

/** `{data:[…], paging?}` list response with items of the given schema. */
export function graphListSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: z.array(item), paging: graphPagingSchema.optional() });
}
export interface GraphList<T> {
  data: T[];
  paging?: GraphPaging | undefined;
}

/** `{"success": true}` answer of many POST/DELETE edges. */
export const graphSuccessSchema = z.looseObject({ success: z.boolean() });
export type GraphSuccess = z.infer<typeof graphSuccessSchema>;
