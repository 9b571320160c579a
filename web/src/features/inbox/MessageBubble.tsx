import { useState } from 'react';
import { ChatIcon } from './ChatIcon';
import { DeliveryTicks } from './DeliveryTicks';
import { formatTime } from './inboxFormat';
import type { Message } from './inboxTypes';
import { type MediaRef, MessageContent } from './MessageContent';

export const quickReactions = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

interface Props {
  message: Message;
  mediaUrl: (message: Message, media: MediaRef) => string | null;
  onReply?: (message: Message) => void;
  onReact?: (message: Message, emoji: string) => void;
  onJumpTo?: (messageId: string) => void;
}

/** One message as WhatsApp draws it: side and colour by direction, quoted reply, time, ticks. */
export function MessageBubble({ message: m, mediaUrl, onReply, onReact, onJumpTo }: Props) {
  const [picking, setPicking] = useState(false);
  const isNote = m.direction === 'note';
  const bare = m.type === 'sticker';
  const ownReaction = m.reactions.find((r) => r.direction === 'out')?.emoji ?? '';
  const grouped = new Map<string, number>();
  for (const r of m.reactions) grouped.set(r.emoji, (grouped.get(r.emoji) ?? 0) + 1);
  const time = m.sentAt ?? m.createdAt;

  return (
    <div className={`msg-row msg-${m.direction}`} data-message-id={m.id} id={`msg-${m.id}`}>
      <div
        className={['bubble', bare ? 'bubble-bare' : '', m.status === 'failed' ? 'is-failed' : ''].join(' ')}
      >
        {isNote ? (
          <div className="note-label">
            Internal note{m.sentBy ? ` · ${m.sentBy.name}` : ''}{' '}
            <span className="muted">(the customer can't see it)</span>
          </div>
        ) : m.direction === 'out' && m.sentBy ? (
          <div className="msg-author">{m.sentBy.name}</div>
        ) : null}
        {m.replyTo ? (
          <button type="button" className="msg-quote" onClick={() => onJumpTo?.(m.replyTo?.id ?? '')}>
            {m.replyTo.preview}
          </button>
        ) : null}
        <div className="msg-content">
          <MessageContent type={m.type} content={m.content} mediaUrl={(media) => mediaUrl(m, media)} />
        </div>
        <div className="msg-meta">
          <time dateTime={time}>{formatTime(time)}</time>
          {m.direction === 'out' ? <DeliveryTicks status={m.status} /> : null}
        </div>
        {!isNote && (onReply || onReact) ? (
          <div className="msg-actions">
            {onReact ? (
              <button
                type="button"
                className="msg-action"
                aria-label="React"
                aria-expanded={picking}
                onClick={() => setPicking((open) => !open)}
              >
                <ChatIcon name="smile" />
              </button>
            ) : null}
            {onReply ? (
              <button type="button" className="msg-action" aria-label="Reply" onClick={() => onReply(m)}>
                <ChatIcon name="reply" />
              </button>
            ) : null}
          </div>
        ) : null}
        {picking && onReact ? (
          <div className="reaction-picker" role="menu" aria-label="Choose a reaction">
            {quickReactions.map((emoji) => (
              <button
                key={emoji}
                type="button"
                role="menuitem"
                className={emoji === ownReaction ? 'is-active' : undefined}
                aria-label={`React ${emoji}`}
                onClick={() => {
                  setPicking(false);
                  onReact(m, emoji === ownReaction ? '' : emoji);
                }}
              >
                {emoji}
              </button>
            ))}
          </div>
        ) : null}
        {grouped.size ? (
          <div className="msg-reactions">
            {[...grouped].map(([emoji, count]) => (
              <span key={emoji}>
                {emoji}
                {count > 1 ? <small>{count}</small> : null}
              </span>
            ))}
          </div>
        ) : null}
      </div>
      {m.status === 'failed' ? (
        <div className="msg-error" role="note">
          <strong>Not delivered.</strong>{' '}
          {m.error?.message ?? m.error?.title ?? 'WhatsApp refused this message.'}
          {m.error?.code !== undefined ? <span className="muted"> (code {String(m.error.code)})</span> : null}
        </div>
      ) : null}
    </div>
  );
}
