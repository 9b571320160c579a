import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { CloudApiError } from '../../../whatsapp';
import type { AppContext } from '../../context';
import { channels, conversations } from '../../db/schema';
import { workspaceOf } from '../../http/access';
import { AppError, notFound } from '../../http/errors';
import type { ZodApp } from '../../http/zod-app';
import { newId } from '../../ids';
import { clientForChannel } from '../channels/channel-client';
import { conversationMessageSchema } from './message-view';
import { queueOutbound, requireOpenConversation } from './outbound.service';

const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

/** WhatsApp's message type for a file: JPEG/PNG photos, MP4/3GP videos, audio, anything else as a document. */
export function mediaKindFor(mimeType: string): 'image' | 'video' | 'audio' | 'document' {
  if (mimeType === 'image/jpeg' || mimeType === 'image/png') return 'image';
  if (mimeType === 'video/mp4' || mimeType === 'video/3gpp') return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'document';
}

export async function attachmentsRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.post(
    '/api/workspaces/:wid/conversations/:id/attachments',
    {
      config: { access: 'member' },
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        tags: ['Inbox'],
        summary: 'Send a photo, video, audio or document (multipart: file, caption)',
        params: z.object({ wid: z.string(), id: z.string() }),
        response: { 201: conversationMessageSchema },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const conversation = await requireOpenConversation(ctx, workspaceId, request.params.id);
      let file: { data: Buffer; mimeType: string; filename: string } | undefined;
      let caption: string | undefined;
      for await (const part of request.parts({ limits: { fileSize: MAX_ATTACHMENT_BYTES } })) {
        if (part.type === 'file')
          file = { data: await part.toBuffer(), mimeType: part.mimetype, filename: part.filename };
        else if (part.fieldname === 'caption' && typeof part.value === 'string')
          caption = part.value.slice(0, 1024);
      }
      if (!file || file.data.length === 0)
        throw new AppError('validation_failed', 'Attach a file in the "file" field.');
      const [channel] = await ctx.db
        .select()
        .from(channels)
        .innerJoin(conversations, eq(conversations.channelId, channels.id))
        .where(and(eq(conversations.id, conversation.id)));
      if (!channel) throw notFound('The number of this conversation');
      const kind = mediaKindFor(file.mimeType);
      let mediaId: string;
      try {
        ({ id: mediaId } = await clientForChannel(ctx, channel.channels).uploadMedia(
          channel.channels.phoneNumberId,
          { data: file.data, mimeType: file.mimeType, filename: file.filename },
        ));
      } catch (error) {
        if (error instanceof CloudApiError)
          throw new AppError(
            'validation_failed',
            `WhatsApp refused this file: ${error.userMessage ?? error.message}`,
          );
        throw error;
      }
      const messageId = newId('msg');
      const mediaPath = await ctx.media.save(workspaceId, messageId, file.data);
      const body: Record<string, string> = { id: mediaId };
      if (caption && kind !== 'audio') body.caption = caption;
      if (kind === 'document') body.filename = file.filename;
      const message = await queueOutbound(
        ctx,
        workspaceId,
        conversation.id,
        request.auth.user?.id ?? null,
        {
          type: kind,
          content: { type: kind, [kind]: body },
          media: { path: mediaPath, mimeType: file.mimeType },
        },
        messageId,
      );
      reply.status(201);
      return message;
    },
  );
}
