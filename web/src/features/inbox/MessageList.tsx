import { Fragment, useEffect, useLayoutEffect, useRef } from 'react';
import { Spinner } from '../../ui/Spinner';
import { formatDay, sameDay } from './inboxFormat';
import type { Message } from './inboxTypes';
import { MessageBubble } from './MessageBubble';
import type { MediaRef } from './MessageContent';

interface Props {
  messages: Message[];
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  mediaUrl: (message: Message, media: MediaRef) => string | null;
  onReply: (message: Message) => void;
  onReact: (message: Message, emoji: string) => void;
  /** Bumped after the agent sends, to scroll to the bottom even when scrolled up. */
  scrollSignal: number;
}

/**
 * The thread's scrolling area: day separators, bubbles, older messages loaded on scroll up
 * (keeping the view steady), and auto-scroll to new messages while the view is at the bottom.
 */
export function MessageList(props: Props) {
  const { messages, hasOlder, loadingOlder, loadOlder, scrollSignal } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const previous = useRef<{ first?: string; last?: string; height: number }>({ height: 0 });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = messages[0]?.id;
    const last = messages[messages.length - 1]?.id;
    const before = previous.current;
    if (before.first && first !== before.first && last === before.last) {
      // Older messages were added above: keep what the agent was looking at in place.
      el.scrollTop += el.scrollHeight - before.height;
    } else if (atBottom.current || !before.last) {
      el.scrollTop = el.scrollHeight;
    }
    previous.current = { first, last, height: el.scrollHeight };
  }, [messages]);

  useEffect(() => {
    if (scrollSignal === 0) return;
    const el = scroller.current;
    atBottom.current = true;
    if (el) el.scrollTop = el.scrollHeight;
  }, [scrollSignal]);

  // Images and videos grow the content after layout: stay pinned to the bottom if we were there.
  useEffect(() => {
    const el = scroller.current;
    const content = el?.firstElementChild;
    if (!el || !content) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
      previous.current.height = el.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    if (el.scrollTop < 120 && hasOlder && !loadingOlder) loadOlder();
  }

  function jumpTo(id: string) {
    const target = document.getElementById(`msg-${id}`);
    if (!target) return;
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    target.classList.add('is-flash');
    window.setTimeout(() => target.classList.remove('is-flash'), 1200);
  }

  return (
    <div className="thread-scroll" ref={scroller} onScroll={onScroll}>
      <div className="thread-messages" role="log" aria-label="Messages" aria-live="polite">
        {hasOlder ? (
          <div className="thread-older">
            {loadingOlder ? (
              <Spinner size={14} />
            ) : (
              <button type="button" className="link-button" onClick={loadOlder}>
                Load older messages
              </button>
            )}
          </div>
        ) : (
          <div className="thread-start">Start of the conversation</div>
        )}
        {messages.map((message, index) => {
          const prev = messages[index - 1];
          const showDay = !prev || !sameDay(prev.createdAt, message.createdAt);
          return (
            <Fragment key={message.id}>
              {showDay ? (
                <div className="day-separator">
                  <span>{formatDay(message.createdAt)}</span>
                </div>
              ) : null}
              <MessageBubble
                message={message}
                mediaUrl={props.mediaUrl}
                onReply={props.onReply}
                onReact={props.onReact}
                onJumpTo={jumpTo}
              />
            </Fragment>
          );
        })}
      </div>
    </div>
  );
}
