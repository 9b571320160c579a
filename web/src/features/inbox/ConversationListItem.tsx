import { Link } from 'react-router-dom';
import { initials } from '../../app/format';
import { avatarColor, formatListTime, windowLabels, windowStateAt } from './inboxFormat';
import type { ConversationSummary } from './inboxTypes';

interface Props {
  conversation: ConversationSummary;
  selected: boolean;
  to: string;
  now: number;
}

const previewPrefix = { in: '', out: 'You: ', note: 'Note: ' } as const;

/** One row of the conversation list, in WhatsApp's chat-list style. */
export function ConversationListItem({ conversation: c, selected, to, now }: Props) {
  const windowState = windowStateAt(c.window, now);
  const unread = c.unreadCount > 0;
  const name = c.subscriber.displayName || c.subscriber.phone;
  return (
    <li>
      <Link
        to={to}
        className={['conv-item', selected ? 'is-selected' : '', unread ? 'is-unread' : ''].join(' ')}
        aria-current={selected ? 'true' : undefined}
        aria-label={`${name}${unread ? `, ${c.unreadCount} unread` : ''}`}
      >
        <span className="conv-avatar" style={{ background: avatarColor(c.subscriber.id) }} aria-hidden="true">
          {initials(name)}
        </span>
        <span className="conv-body">
          <span className="conv-line">
            <strong className="conv-name">{name}</strong>
            {c.lastMessageAt ? (
              <time className="conv-time" dateTime={c.lastMessageAt}>
                {formatListTime(c.lastMessageAt, now)}
              </time>
            ) : null}
          </span>
          <span className="conv-line">
            <span className="conv-preview">
              {c.lastMessageDirection ? (
                <span className={`conv-preview-dir dir-${c.lastMessageDirection}`}>
                  {previewPrefix[c.lastMessageDirection]}
                </span>
              ) : null}
              {c.lastMessagePreview ?? 'No messages yet'}
            </span>
            {unread ? (
              <span className="conv-unread" title={`${c.unreadCount} unread`}>
                {c.unreadCount > 99 ? '99+' : c.unreadCount}
              </span>
            ) : null}
          </span>
          <span className="conv-meta">
            <span className={`window-chip window-${windowState}`}>{windowLabels[windowState]}</span>
            {c.status === 'closed' ? <span className="conv-tag">Closed</span> : null}
            {c.botPaused ? (
              <span className="conv-tag conv-tag-paused" title="Bot paused: a human is handling this chat">
                Bot paused
              </span>
            ) : null}
            <span className="conv-assignee">{c.assignee ? c.assignee.name : 'Unassigned'}</span>
          </span>
        </span>
      </Link>
    </li>
  );
}
