import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ControlError } from '../control/control-errors';
import type { EmulatorContext } from '../core/context';
import { mediaKindOf } from './media-limits';
import type { MediaStore } from './media-store';

const createSchema = z.strictObject({
  mime_type: z.string().min(3),
  /** File content; left out → placeholder bytes (a 1×1 PNG for image/png). */
  data_base64: z.string().optional(),
  filename: z.string().optional(),
  phone_number_id: z.string().optional(),
});

/**
 * `POST /_sandbox/media {mime_type, data_base64?, filename?, phone_number_id?}` → `{id, mime_type,
 * sha256 (base64, as in webhooks), kind}`: media a simulated customer sends, to reference in an
 * inbound image/document/audio message.
 */
export function mediaControlRoutes(app: FastifyInstance, ctx: EmulatorContext, store: MediaStore): void {
  app.post('/media', async (request, reply) => {
    const body = createSchema.parse(request.body ?? {});
    const kind = mediaKindOf(body.mime_type);
    if (!kind) throw new ControlError(400, 'invalid_request', `Unsupported mime_type ${body.mime_type}`);
    const phoneNumberId = body.phone_number_id ?? ctx.state.defaultPhoneNumber().id;
    if (!ctx.state.phoneNumbers.has(phoneNumberId))
      throw new ControlError(404, 'not_found', `No business phone number ${phoneNumberId}`);
    const created = store.createInbound({
      phoneNumberId,
      kind,
      mimeType: body.mime_type,
      ...(body.filename ? { filename: body.filename } : {}),
      ...(body.data_base64 !== undefined ? { bytes: Buffer.from(body.data_base64, 'base64') } : {}),
    });
    return reply.code(201).send({ ...created, kind });
  });
}
