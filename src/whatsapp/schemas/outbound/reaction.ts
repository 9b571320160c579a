import { z } from 'zod';
import { graphemeCount } from '../shared';

const SINGLE_EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/** `reaction` object (§2.6). `emoji: ""` removes an earlier reaction; otherwise exactly one emoji. */
export const reactionContentSchema = z.strictObject({
  message_id: z.string().min(1),
  emoji: z
    .string()
    .refine((emoji) => emoji === '' || (graphemeCount(emoji) === 1 && SINGLE_EMOJI.test(emoji)), {
      message: 'emoji must be exactly one emoji, or "" to remove the reaction',
    }),
});
export type ReactionContent = z.infer<typeof reactionContentSchema>;
