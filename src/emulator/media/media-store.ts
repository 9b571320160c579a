import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { numericId } from '../core/ids';
import type { MediaLookup, PersistentStore } from '../state/extensions';
import { baseMimeType, extensionFor, type MediaKind, mediaKindOf } from './media-limits';

const DAY = 24 * 60 * 60 * 1000;
/** Uploaded media lives 30 days, media received in webhooks 7 days (reference §5.3). */
export const MEDIA_TTL_MS = { upload: 30 * DAY, inbound: 7 * DAY } as const;
/** A download URL is valid for 5 minutes. */
export const MEDIA_URL_TTL_MS = 5 * 60 * 1000;
/** Files up to this size are kept in the state file (base64); larger ones live in memory only. */
export const PERSISTED_MEDIA_MAX_BYTES = 5 * 1024 * 1024;

export interface StoredMedia {
  id: string;
  phoneNumberId: string;
  origin: 'upload' | 'inbound';
  kind: MediaKind;
  mimeType: string;
  filename?: string;
  /** Hex SHA-256 (GET /{media-id}); webhooks show the base64 form. */
  sha256: string;
  fileSize: number;
  bytes: Buffer;
  createdAt: number;
  expiresAt: number;
}

type SerializedMedia = Omit<StoredMedia, 'bytes'> & { bytes?: string };

/** Placeholder bytes for inbound media a simulated customer "sends" without content: a 1×1 PNG. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Media objects (bytes in memory), signed short-lived download URLs, and the send-path lookup. */
export class MediaStore implements MediaLookup, PersistentStore {
  private readonly media = new Map<string, StoredMedia>();
  private readonly urlSecret = randomBytes(16);

  constructor(private readonly deps: { now(): number; markChanged(): void }) {}

  add(input: {
    phoneNumberId: string;
    origin: 'upload' | 'inbound';
    mimeType: string;
    bytes: Buffer;
    filename?: string;
  }): StoredMedia {
    const kind = mediaKindOf(input.mimeType);
    if (!kind) throw new Error(`unsupported media type ${input.mimeType}`);
    const now = this.deps.now();
    const stored: StoredMedia = {
      id: numericId(16),
      phoneNumberId: input.phoneNumberId,
      origin: input.origin,
      kind,
      mimeType: input.mimeType,
      ...(input.filename ? { filename: input.filename } : {}),
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      fileSize: input.bytes.length,
      bytes: input.bytes,
      createdAt: now,
      expiresAt: now + MEDIA_TTL_MS[input.origin],
    };
    this.media.set(stored.id, stored);
    this.deps.markChanged();
    return stored;
  }

  /** A media object that exists and has not expired. */
  get(id: string): StoredMedia | undefined {
    const stored = this.media.get(id);
    if (stored && stored.expiresAt <= this.deps.now()) {
      this.media.delete(id);
      this.deps.markChanged();
      return undefined;
    }
    return stored;
  }

  delete(id: string): boolean {
    const deleted = this.media.delete(id);
    if (deleted) this.deps.markChanged();
    return deleted;
  }

  exists(mediaId: string, phoneNumberId: string): boolean {
    return this.get(mediaId)?.phoneNumberId === phoneNumberId;
  }

  createInbound(input: {
    phoneNumberId: string;
    kind: string;
    mimeType: string;
    filename?: string;
    bytes?: Buffer;
  }) {
    const stored = this.add({
      phoneNumberId: input.phoneNumberId,
      origin: 'inbound',
      mimeType: input.mimeType,
      bytes: input.bytes ?? (baseMimeType(input.mimeType) === 'image/png' ? TINY_PNG : randomBytes(256)),
      ...(input.filename ? { filename: input.filename } : {}),
    });
    return {
      id: stored.id,
      mime_type: stored.mimeType,
      sha256: Buffer.from(stored.sha256, 'hex').toString('base64'),
    };
  }

  /** Query string of a download URL valid for 5 minutes: `mid`, `ext`, `expires`, `hash`. */
  signedQuery(media: StoredMedia): string {
    const expires = this.deps.now() + MEDIA_URL_TTL_MS;
    const hash = this.sign(media.id, expires);
    return `mid=${media.id}&ext=${extensionFor(media.mimeType)}&expires=${expires}&hash=${hash}`;
  }

  /** The media a download URL points to, or why it cannot be served. */
  resolveDownload(query: Record<string, unknown>): StoredMedia | 'expired' | 'invalid' {
    const { mid, expires, hash } = query;
    if (typeof mid !== 'string' || typeof hash !== 'string' || typeof expires !== 'string') return 'invalid';
    const expected = Buffer.from(this.sign(mid, Number(expires)));
    const given = Buffer.from(hash);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    if (Number(expires) <= this.deps.now()) return 'expired';
    return this.get(mid) ?? 'invalid';
  }

  private sign(id: string, expires: number): string {
    return createHmac('sha256', this.urlSecret).update(`${id}:${expires}`).digest('base64url').slice(0, 27);
  }

  toJSON(): SerializedMedia[] {
    return [...this.media.values()].map(({ bytes, ...rest }) =>
      bytes.length <= PERSISTED_MEDIA_MAX_BYTES ? { ...rest, bytes: bytes.toString('base64') } : rest,
    );
  }

  load(data: unknown): void {
    this.media.clear();
    for (const saved of (data as SerializedMedia[] | undefined) ?? []) {
      if (saved.bytes === undefined) continue;
      this.media.set(saved.id, { ...saved, bytes: Buffer.from(saved.bytes, 'base64') });
    }
  }
}
