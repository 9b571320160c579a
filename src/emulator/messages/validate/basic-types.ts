import { invalidParam, missingParam } from '../../graph/graph-error';
import {
  isHttpUrl,
  isObject,
  type Json,
  optionalString,
  rejectUnknownKeys,
  requireArray,
  requireNumber,
  requireObject,
  requireString,
  sub,
} from './fields';

/** Limits from reference §2.2–2.6. */
export const TEXT_BODY_MAX = 4096;
export const MEDIA_CAPTION_MAX = 1024;
export const CONTACTS_MAX = 257;
export const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export function validateText(body: Json): void {
  const text = requireObject(body, 'text', '');
  rejectUnknownKeys(text, ['body', 'preview_url'], 'text');
  requireString(text, 'body', 'text', { max: TEXT_BODY_MAX });
  if (text.preview_url !== undefined && typeof text.preview_url !== 'boolean') {
    throw invalidParam("Param text['preview_url'] must be a boolean.");
  }
}

/** A media object `{id}` xor `{link}`. Returns the media id when one is used (for the media store check). */
export function validateMediaObject(media: Json, path: string, type: MediaType | 'gif'): string | undefined {
  const allowed = [
    'id',
    'link',
    ...(type === 'image' || type === 'video' || type === 'document' ? ['caption'] : []),
    ...(type === 'document' ? ['filename'] : []),
  ];
  rejectUnknownKeys(media, allowed, path);
  const hasId = media.id !== undefined && media.id !== null && media.id !== '';
  const hasLink = media.link !== undefined && media.link !== null && media.link !== '';
  if (!hasId && !hasLink) throw invalidParam(`Param ${path} must contain either 'id' or 'link'.`);
  if (hasId && hasLink) throw invalidParam(`Param ${path} must contain either 'id' or 'link', not both.`);
  if (hasLink) {
    const link = requireString(media, 'link', path);
    if (!isHttpUrl(link)) throw invalidParam(`Param ${sub(path, 'link')} must be a valid http(s) URL.`);
  }
  if (type === 'image' || type === 'video' || type === 'document') {
    optionalString(media, 'caption', path, { max: MEDIA_CAPTION_MAX });
  }
  if (type === 'document') optionalString(media, 'filename', path, { max: 240 });
  return hasId ? String(media.id) : undefined;
}

export function validateMedia(body: Json, type: MediaType): string | undefined {
  return validateMediaObject(requireObject(body, type, ''), type, type);
}

export function validateLocation(body: Json): void {
  const location = requireObject(body, 'location', '');
  requireNumber(location, 'latitude', 'location', [-90, 90]);
  requireNumber(location, 'longitude', 'location', [-180, 180]);
  optionalString(location, 'name', 'location', { max: 1000 });
  optionalString(location, 'address', 'location', { max: 1000 });
}

export function validateContacts(body: Json): void {
  const contacts = requireArray(body, 'contacts', '');
  if (contacts.length < 1 || contacts.length > CONTACTS_MAX) {
    throw invalidParam(
      `Invalid contacts count. Min allowed contacts: 1, Max allowed contacts: ${CONTACTS_MAX}`,
    );
  }
  contacts.forEach((contact, index) => {
    const path = sub('contacts', index);
    if (!isObject(contact)) throw invalidParam(`Param ${path} must be a JSON object.`);
    const name = requireObject(contact, 'name', path);
    requireString(name, 'formatted_name', sub(path, 'name'));
    const birthday = optionalString(contact, 'birthday', path);
    if (birthday !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(birthday)) {
      throw invalidParam(`Param ${sub(path, 'birthday')} must be in YYYY-MM-DD format.`);
    }
    for (const list of ['phones', 'emails', 'urls', 'addresses'] as const) {
      if (contact[list] !== undefined && !Array.isArray(contact[list])) {
        throw invalidParam(`Param ${sub(path, list)} must be an array.`);
      }
    }
  });
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function validateReaction(body: Json): string {
  const reaction = requireObject(body, 'reaction', '');
  const messageId = requireString(reaction, 'message_id', 'reaction');
  const emoji = reaction.emoji;
  if (emoji === undefined || emoji === null) throw missingParam("reaction['emoji']");
  if (typeof emoji !== 'string') throw invalidParam("Param reaction['emoji'] must be a string.");
  if (emoji !== '') {
    const graphemes = [...segmenter.segment(emoji)].length;
    if (
      graphemes !== 1 ||
      !/\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Regional_Indicator}/u.test(emoji)
    ) {
      throw invalidParam("Param reaction['emoji'] must be exactly one emoji.");
    }
  }
  return messageId;
}
