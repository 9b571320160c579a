import type { FastifyRequest } from 'fastify';
import type { EmulatorModule } from '../core/context';
import { invalidParameter100, unknownObject } from '../graph/graph-error';
import { isObject } from './validate/fields';

/** Graph accepts form-encoded params whose values are JSON (`text={"body":"hi"}`). */
function decodeFormValues(body: unknown): unknown {
  if (!isObject(body)) return body;
  let decoded: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && /^[[{]/.test(value)) {
      try {
        decoded ??= { ...body };
        decoded[key] = JSON.parse(value);
      } catch {
        // leave the raw string; validation reports it
      }
    }
  }
  return decoded ?? body;
}

/** `POST /{version}/{phone-number-id}/messages`: sends, mark-as-read and typing indicators (reference §2). */
export const messagesModule: EmulatorModule = {
  name: 'messages',
  graphRoutes(app, ctx) {
    app.post('/:version/:phoneNumberId/messages', async (request: FastifyRequest) => {
      const { phoneNumberId } = request.params as { phoneNumberId: string };
      const phone = ctx.state.phoneNumbers.get(phoneNumberId);
      if (!phone) throw unknownObject(phoneNumberId, 'POST');
      const body = decodeFormValues(request.body);
      if (!isObject(body)) throw invalidParameter100('The request body must be a JSON object.');
      if (body.status !== undefined) {
        if (body.status !== 'read') throw invalidParameter100('Param status must be read.');
        return ctx.messaging.markRead(phone, body);
      }
      return ctx.messaging.send(phone, body);
    });
  },
};
