import type { FastifyRequest } from 'fastify';

export interface MultipartForm {
  fields: Record<string, string>;
  file?: { buffer: Buffer; filename: string; mimetype: string; tooLarge: boolean };
}

/**
 * Read every part of a multipart request: text fields and the `file` part (bytes kept in memory).
 * A file over the multipart size limit is reported as `tooLarge` instead of throwing.
 */
export async function readMultipart(request: FastifyRequest, fileField = 'file'): Promise<MultipartForm> {
  const form: MultipartForm = { fields: {} };
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      form.fields[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== fileField || form.file) {
      part.file.resume();
      continue;
    }
    let tooLarge = false;
    let buffer: Buffer = Buffer.alloc(0);
    try {
      buffer = await part.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
      tooLarge = true;
    }
    form.file = { buffer, filename: part.filename, mimetype: part.mimetype, tooLarge };
  }
  return form;
}
