import { Fragment, useEffect, useLayoutEffect, useRef } from 'react';
import { workspacePath } from '../../app/api';
import { ChatIcon } from '../inbox/ChatIcon';
import { DeliveryTicks } from '../inbox/DeliveryTicks';
import type { InteractiveActions } from '../inbox/InteractiveContent';
import { formatDay, formatTime, sameDay } from '../inbox/inboxFormat';
import type { MessageStatus } from '../inbox/inboxTypes';
import { MessageContent } from '../inbox/MessageContent';
import { messagePreview } from '../inbox/messagePreview';
import type { PhoneMessage } from './simulatorQueries';

interface Props {
  workspaceId: string;
  messages: PhoneMessage[];
  actionsFor: (message: PhoneMessage) => InteractiveActions;
  onReply: (message: PhoneMessage) => void;
}

const iso = (m: PhoneMessage) => new Date(Number(m.timestamp) * 1000).toISOString();

function quotedId(m: PhoneMessage): string | undefined {
  const context = m.context ?? m.content.context;
  return context?.id ?? context?.message_id;
}

const businessStatus: Record<string, string> = {
  accepted: 'accepted',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read by you',
  failed: 'failed',
};

/** The chat as the customer's phone shows it: their messages on the right, the business's on the left. */
export function PhoneChat({ workspaceId, messages, actionsFor, onReply }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const lastId = messages[messages.length - 1]?.id;

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when a new message arrives
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [lastId]);

  // Photos grow the chat after they load: stay at the bottom if the customer was there.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    for (const child of el.children) observer.observe(child);
    return () => observer.disconnect();
  });

  const reactions = new Map<string, string[]>();
  for (const m of messages) {
    if (m.type !== 'reaction') continue;
    const target = m.content.reaction?.message_id;
    if (target && m.content.reaction?.emoji)
      reactions.set(target, [...(reactions.get(target) ?? []), m.content.reaction.emoji]);
  }
  const visible = messages.filter((m) => m.type !== 'reaction');
  const mediaUrl = (media: { id?: string; link?: string }) =>
    media.id
      ? workspacePath(workspaceId, 'simulator', 'media', media.id)
      : media.link && /^https?:\/\//i.test(media.link)
        ? media.link
        : null;

  return (
    <div
      className="phone-chat"
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60;
      }}
    >
      <div className="phone-e2e">Messages to this business are simulated by the ChatSyncs sandbox.</div>
      {visible.length === 0 ? <div className="phone-hint">No messages yet. Say hi below.</div> : null}
      {visible.map((m, index) => {
        const prev = visible[index - 1];
        const mine = m.direction === 'inbound';
        const quoted = quotedId(m);
        const quotedMessage = quoted ? messages.find((q) => q.id === quoted) : undefined;
        const emoji = reactions.get(m.id);
        return (
          <Fragment key={m.id}>
            {!prev || !sameDay(iso(prev), iso(m)) ? (
              <div className="day-separator">
                <span>{formatDay(iso(m))}</span>
              </div>
            ) : null}
            <div className={`phone-row ${mine ? 'is-mine' : 'is-theirs'}`} data-message-id={m.id}>
              <div className="phone-bubble">
                {quoted ? (
                  <div className="phone-quote">
                    {quotedMessage
                      ? messagePreview(quotedMessage.type, quotedMessage.content)
                      : 'Earlier message'}
                  </div>
                ) : null}
                <MessageContent
                  type={m.type}
                  content={m.content}
                  mediaUrl={mediaUrl}
                  actions={mine ? undefined : actionsFor(m)}
                />
                <span className="phone-meta">
                  {!mine && businessStatus[m.status] ? (
                    <span className="phone-state">{businessStatus[m.status]} · </span>
                  ) : null}
                  {formatTime(iso(m))}
                  {mine ? <DeliveryTicks status={m.status as MessageStatus} /> : null}
                </span>
                {emoji ? <span className="phone-reactions">{emoji.join(' ')}</span> : null}
                <button
                  type="button"
                  className="phone-reply"
                  aria-label="Reply to this message"
                  onClick={() => onReply(m)}
                >
                  <ChatIcon name="reply" size={14} />
                </button>
              </div>
            </div>
          </Fragment>
        );
      })}
    </div>
  );
}
