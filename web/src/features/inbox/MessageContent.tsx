import { Icon } from '../../ui/Icon';
import { ChatIcon } from './ChatIcon';
import { type InteractiveActions, InteractiveContent } from './InteractiveContent';
import type { MessageContent as Content } from './inboxTypes';
import { WhatsAppText } from './WhatsAppText';
import './message-content.css';

export interface MediaRef {
  id?: string;
  link?: string;
}

interface Props {
  type: string;
  content: Content;
  /** Where the bytes of this message's media (or an interactive header's media) are served. */
  mediaUrl: (media: MediaRef) => string | null;
  /** Makes interactive buttons and list rows clickable (the phone simulator). */
  actions?: InteractiveActions;
}

function safeLink(url: unknown): string | null {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

function Caption({ text }: { text?: unknown }) {
  return typeof text === 'string' && text ? (
    <div className="msg-caption">
      <WhatsAppText text={text} />
    </div>
  ) : null;
}

/** The inside of a bubble, for every Cloud API message type, drawn the way WhatsApp draws it. */
export function MessageContent({ type, content, mediaUrl, actions }: Props) {
  const media = (content[type] ?? {}) as Content;
  switch (type) {
    case 'text':
      return <WhatsAppText text={String(content.text?.body ?? '')} />;
    case 'image':
    case 'sticker': {
      const src = mediaUrl(media);
      return (
        <>
          {src ? (
            <a href={src} target="_blank" rel="noopener noreferrer" className="msg-media-link">
              <img
                className={type === 'sticker' ? 'msg-sticker' : 'msg-image'}
                src={src}
                alt={media.caption ? String(media.caption) : type === 'sticker' ? 'Sticker' : 'Photo'}
                loading="lazy"
              />
            </a>
          ) : (
            <div className="msg-media-missing">
              {type === 'sticker' ? 'Sticker' : '📷 Photo'} (not available)
            </div>
          )}
          <Caption text={media.caption} />
        </>
      );
    }
    case 'video': {
      const src = mediaUrl(media);
      return (
        <>
          {src ? (
            // biome-ignore lint/a11y/useMediaCaption: customers' videos come without captions
            <video className="msg-video" src={src} controls preload="metadata" />
          ) : (
            <div className="msg-media-missing">🎥 Video (not available)</div>
          )}
          <Caption text={media.caption} />
        </>
      );
    }
    case 'audio': {
      const src = mediaUrl(media);
      return src ? (
        <div className="msg-audio">
          <span aria-hidden="true">{media.voice ? '🎤' : '🎵'}</span>
          {/* biome-ignore lint/a11y/useMediaCaption: voice notes have no captions */}
          <audio src={src} controls preload="metadata" />
        </div>
      ) : (
        <div className="msg-media-missing">
          {media.voice ? '🎤 Voice message' : '🎵 Audio'} (not available)
        </div>
      );
    }
    case 'document': {
      const src = mediaUrl(media);
      const name = String(media.filename ?? 'Document');
      return (
        <>
          <div className="msg-document">
            <span className="msg-document-icon">
              <ChatIcon name="note" size={24} />
            </span>
            <span className="msg-document-name">{name}</span>
            {src ? (
              <a href={src} target="_blank" rel="noopener noreferrer" download={name}>
                Open
              </a>
            ) : null}
          </div>
          <Caption text={media.caption} />
        </>
      );
    }
    case 'location':
      return <LocationContent location={media} />;
    case 'contacts':
      return <ContactsContent contacts={Array.isArray(content.contacts) ? content.contacts : []} />;
    case 'interactive':
      return (
        <InteractiveContent interactive={content.interactive ?? {}} mediaUrl={mediaUrl} actions={actions} />
      );
    case 'button':
      return <WhatsAppText text={String(content.button?.text ?? '')} />;
    case 'template':
      return (
        <div className="msg-template">
          <span className="msg-label">Template</span> {String(content.template?.name ?? '')}
          {content.template?.language?.code ? ` (${content.template.language.code})` : ''}
        </div>
      );
    case 'reaction':
      return <span>Reacted {String(content.reaction?.emoji ?? '')}</span>;
    default:
      return <div className="msg-unsupported">This message type ({type}) can't be shown here.</div>;
  }
}

function LocationContent({ location }: { location: Content }) {
  const lat = Number(location.latitude);
  const lon = Number(location.longitude);
  const valid = Number.isFinite(lat) && Number.isFinite(lon);
  const href = valid ? `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}` : null;
  return (
    <div className="msg-location">
      <div className="msg-location-map">
        <ChatIcon name="mapPin" size={30} />
      </div>
      {location.name ? <strong>{String(location.name)}</strong> : null}
      {location.address ? <div>{String(location.address)}</div> : null}
      {valid ? (
        <div className="msg-location-coords">
          {lat.toFixed(5)}, {lon.toFixed(5)} ·{' '}
          <a href={href ?? undefined} target="_blank" rel="noopener noreferrer">
            Open map
          </a>
        </div>
      ) : null}
    </div>
  );
}

function ContactsContent({ contacts }: { contacts: Content[] }) {
  return (
    <div className="msg-contacts">
      {contacts.map((contact, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never changes
        <div key={index} className="msg-contact">
          <span className="msg-contact-avatar">
            <Icon name="users" />
          </span>
          <div>
            <strong>{String(contact.name?.formatted_name ?? contact.name?.first_name ?? 'Contact')}</strong>
            {(Array.isArray(contact.phones) ? contact.phones : []).map((phone: Content, i: number) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never changes
              <div key={i} className="msg-contact-line">
                {String(phone.phone ?? phone.wa_id ?? '')}
                {phone.type ? <span className="muted"> · {String(phone.type)}</span> : null}
              </div>
            ))}
            {(Array.isArray(contact.emails) ? contact.emails : []).map((email: Content, i: number) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never changes
              <div key={`e${i}`} className="msg-contact-line">
                {String(email.email ?? '')}
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

export { safeLink };
