import { mediaInfoSchema, mediaUploadResponseSchema } from '../schemas/graph/media';
import { graphSuccessSchema } from '../schemas/graph/paging';
import type { GraphTransport } from './graph-transport';

export interface MediaUpload {
  data: Buffer | Uint8Array | Blob;
  mimeType: string;
  filename: string;
}

function toBlob(data: MediaUpload['data'], mimeType: string): Blob {
  if (data instanceof Blob) return data.type === mimeType ? data : new Blob([data], { type: mimeType });
  return new Blob([new Uint8Array(data)], { type: mimeType });
}

/** Media upload, lookup, download and delete (§5). */
export function mediaMethods(http: GraphTransport) {
  return {
    /** Multipart upload: `file` (with filename and type), `type`, `messaging_product`. Returns the media id. */
    uploadMedia(phoneNumberId: string, upload: MediaUpload) {
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', upload.mimeType);
      form.set('file', toBlob(upload.data, upload.mimeType), upload.filename);
      return http.request(mediaUploadResponseSchema, {
        method: 'POST',
        path: [phoneNumberId, 'media'],
        form,
      });
    },

    /** The media's short-lived (5 min) download URL, MIME type, hash and size. */
    getMedia(mediaId: string, options: { phoneNumberId?: string } = {}) {
      return http.request(mediaInfoSchema, {
        method: 'GET',
        path: [mediaId],
        query: { phone_number_id: options.phoneNumberId },
      });
    },

    /** Downloads the bytes behind a URL from getMedia (or a webhook), with the Bearer token. */
    downloadMedia(url: string) {
      return http.download(url);
    },

    deleteMedia(mediaId: string, options: { phoneNumberId?: string } = {}) {
      return http.request(graphSuccessSchema, {
        method: 'DELETE',
        path: [mediaId],
        query: { phone_number_id: options.phoneNumberId },
      });
    },
  };
}
