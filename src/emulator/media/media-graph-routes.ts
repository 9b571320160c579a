import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../core/context';
import { emulatorBase } from '../graph/emulator-base';
import { GraphError, missingParam, unknownObject } from '../graph/graph-error';
import {
  baseMimeType,
  formatBytes,
  MAX_MEDIA_BYTES,
  MEDIA_TYPES,
  maxBytesFor,
  mediaKindOf,
} from './media-limits';
import type { MediaStore, StoredMedia } from './media-store';
import { readMultipart } from './read-multipart';

/** Path of the authenticated download route (like `lookaside.fbsbx.com/whatsapp_business/attachments/`). */
export const MEDIA_DOWNLOAD_PATH = '/lookaside/whatsapp_business/attachments/';

const uploadError = (details: string) => new GraphError(131053, { details });

export function mediaView(store: MediaStore, media: StoredMedia, request: FastifyRequest) {
  return {
    messaging_product: 'whatsapp',
    url: `${emulatorBase(request)}${MEDIA_DOWNLOAD_PATH}?${store.signedQuery(media)}`,
    mime_type: media.mimeType,
    sha256: media.sha256,
    file_size: media.fileSize,
    id: media.id,
  };
}

/** `POST /{phone-number-id}/media`, `GET|DELETE /{media-id}`, and the download route (reference §5). */
export async function mediaGraphRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  store: MediaStore,
): Promise<void> {
  if (!app.hasContentTypeParser('multipart/form-data')) {
    await app.register(multipart, { limits: { fileSize: MAX_MEDIA_BYTES, files: 1, fields: 20 } });
  }

  app.post('/:version/:phoneNumberId/media', async (request) => {
    const { phoneNumberId } = request.params as { phoneNumberId: string };
    if (!ctx.state.phoneNumbers.has(phoneNumberId)) throw unknownObject(phoneNumberId, 'POST');
    if (!request.isMultipart()) throw missingParam('file');
    const { fields, file } = await readMultipart(request);
    if (fields.messaging_product !== 'whatsapp')
      throw new GraphError(100, {
        details: 'The parameter messaging_product is required and must be whatsapp.',
      });
    if (!file) throw missingParam('file');
    const mimeType = fields.type || file.mimetype;
    if (!fields.type) throw missingParam('type');
    const kind = mediaKindOf(mimeType);
    if (!kind) {
      const all = Object.values(MEDIA_TYPES).flatMap((t) => t.mimeTypes);
      throw uploadError(
        `Param file must be a file with one of the following types: ${all.join(', ')}. Received file of type '${baseMimeType(mimeType)}'.`,
      );
    }
    const max = maxBytesFor(kind, file.buffer);
    if (file.tooLarge || file.buffer.length > max)
      throw uploadError(
        `File too big. Max file size for ${kind} (${baseMimeType(mimeType)}) is ${formatBytes(max)}.`,
      );
    if (file.buffer.length === 0) throw uploadError('The uploaded file is empty.');
    const media = store.add({
      phoneNumberId,
      origin: 'upload',
      mimeType,
      bytes: file.buffer,
      filename: file.filename,
    });
    return { id: media.id };
  });

  const ownedBy = (media: StoredMedia, request: FastifyRequest) => {
    const phone = (request.query as Record<string, unknown>).phone_number_id;
    if (typeof phone === 'string' && phone !== '' && phone !== media.phoneNumberId)
      throw new GraphError(100, { details: `Media ${media.id} does not belong to phone number ${phone}.` });
  };

  ctx.graphNodes.register('media', {
    owns: (id) => store.get(id) !== undefined,
    handle: {
      GET: (id, request) => {
        const media = store.get(id)!;
        ownedBy(media, request);
        return mediaView(store, media, request);
      },
      DELETE: (id, request) => {
        ownedBy(store.get(id)!, request);
        store.delete(id);
        return { success: true };
      },
    },
  });

  app.get(MEDIA_DOWNLOAD_PATH, async (request, reply) => {
    const found = store.resolveDownload(request.query as Record<string, unknown>);
    if (found === 'expired')
      throw new GraphError(100, {
        http: 404,
        details: 'The media URL has expired; call GET /{media-id} for a new one.',
      });
    if (found === 'invalid') throw new GraphError(100, { http: 404, details: 'The media URL is not valid.' });
    return reply
      .header('content-type', found.mimeType)
      .header('content-length', String(found.fileSize))
      .header(
        'content-disposition',
        `attachment${found.filename ? `; filename="${found.filename.replace(/"/g, '')}"` : ''}`,
      )
      .send(found.bytes);
  });
}
