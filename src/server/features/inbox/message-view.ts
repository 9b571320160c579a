import { z } from 'zod';
import { messagePreview } from '../../../whatsapp/message-preview';
import type { messages } from '../../db/schema';
import { messageStatuses } from '../../db/tables/messages';

export const conversationMessageSchema = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out', 'note']),
  type: z.string(),
  content: z.record(z.string(), z.unknown()),
  status: z.enum(messageStatuses),
  error: z
    .object({
      code: z.number(),
      title: z.string(),
      message: z.string().optional(),
      details: z.string().optional(),
    })
    .nullable(),
  replyTo: z.object({ id: z.string(), preview: z.string() }).nullable(),
  reactions: z.array(z.object({ emoji: z.string(), direction: z.enum(['in', 'out']) })),
  sentBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  readAt: z.string().nullable(),
  hasMedia: z.boolean(),
});
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;

type Row = typeof messages.$inferSelect;
const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * Messages as the inbox shows them: reactions folded into the message they react to (the latest
 * reaction of each side wins; an empty emoji removes it), quoted replies resolved to a preview.
 */
export function toConversationMessages(
  page: Array<{ message: Row; sentByName: string | null }>,
  referenced: Row[],
): ConversationMessage[] {
  const byWamid = new Map<string, Row>();
  for (const row of [...referenced, ...page.map((p) => p.message)])
    if (row.wamid) byWamid.set(row.wamid, row);
  const reactions = new Map<string, Map<'in' | 'out', string>>();
  for (const { message } of page) {
    if (message.type !== 'reaction') continue;
    const reaction = (message.content as { reaction?: { message_id?: string; emoji?: string } }).reaction;
    if (!reaction?.message_id || message.direction === 'note') continue;
    if (message.direction === 'out' && message.status === 'failed') continue;
    const sides = reactions.get(reaction.message_id) ?? new Map();
    sides.set(message.direction, reaction.emoji ?? '');
    reactions.set(reaction.message_id, sides);
  }
  return page
    .filter(({ message }) => message.type !== 'reaction')
    .map(({ message, sentByName }) => {
      const quoted = message.contextWamid ? byWamid.get(message.contextWamid) : undefined;
      const sides = message.wamid ? reactions.get(message.wamid) : undefined;
      return {
        id: message.id,
        direction: message.direction,
        type: message.type,
        content: message.content as Record<string, unknown>,
        status: message.status,
        error: message.error ?? null,
        replyTo: quoted
          ? { id: quoted.id, preview: messagePreview(quoted.type, quoted.content as Record<string, any>) }
          : null,
        reactions: [...(sides ?? new Map<'in' | 'out', string>()).entries()]
          .filter(([, emoji]) => emoji !== '')
          .map(([direction, emoji]) => ({ emoji, direction })),
        sentBy: message.sentById && sentByName ? { id: message.sentById, name: sentByName } : null,
        createdAt: message.createdAt.toISOString(),
        sentAt: iso(message.sentAt),
        deliveredAt: iso(message.deliveredAt),
        readAt: iso(message.readAt),
        hasMedia: Boolean(message.mediaPath),
      };
    });
}
