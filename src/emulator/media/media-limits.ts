/** Supported media types and size limits (reference §5.4). */
export type MediaKind = 'audio' | 'document' | 'image' | 'sticker' | 'video';

const MB = 1024 * 1024;
const KB = 1024;

export const MEDIA_TYPES: Record<MediaKind, { mimeTypes: string[]; maxBytes: number }> = {
  audio: { mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'], maxBytes: 16 * MB },
  document: {
    mimeTypes: [
      'text/plain',
      'application/pdf',
      'application/msword',
      'application/vnd.ms-excel',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    maxBytes: 100 * MB,
  },
  image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
  sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * KB },
  video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
};

/** Static stickers are limited to 100 KB, animated ones to 500 KB. */
export const STATIC_STICKER_MAX_BYTES = 100 * KB;
/** The largest upload any type allows (multipart limit). */
export const MAX_MEDIA_BYTES = 100 * MB;

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(';')[0]!.trim().toLowerCase();
}

export function mediaKindOf(mimeType: string): MediaKind | undefined {
  const base = baseMimeType(mimeType);
  return (Object.keys(MEDIA_TYPES) as MediaKind[]).find((kind) => MEDIA_TYPES[kind].mimeTypes.includes(base));
}

/** An animated WebP carries an `ANIM` chunk. */
function isAnimatedWebp(bytes: Buffer): boolean {
  return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.includes('ANIM', 12, 'latin1');
}

export function maxBytesFor(kind: MediaKind, bytes: Buffer): number {
  if (kind === 'sticker' && !isAnimatedWebp(bytes)) return STATIC_STICKER_MAX_BYTES;
  return MEDIA_TYPES[kind].maxBytes;
}

export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${bytes / MB}MB` : `${bytes / KB}KB`;
}

/** File extension for the download URL's `ext=` (like Meta's lookaside URLs). */
export function extensionFor(mimeType: string): string {
  const base = baseMimeType(mimeType);
  const known: Record<string, string> = {
    'image/jpeg': 'jpeg',
    'image/png': 'png',
    'image/webp': 'webp',
    'video/mp4': 'mp4',
    'video/3gpp': '3gp',
    'audio/ogg': 'ogg',
    'audio/mpeg': 'mp3',
    'audio/aac': 'aac',
    'audio/amr': 'amr',
    'audio/mp4': 'm4a',
    'application/pdf': 'pdf',
    'text/plain': 'txt',
  };
  return known[base] ?? 'bin';
}
