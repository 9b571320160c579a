import { useEffect, useRef, useState } from 'react';
import { workspacePath } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { friendlyErrorText } from '../../app/errors';
import { initials } from '../../app/format';
import { Button } from '../../ui/Button';
import { LoadingBlock } from '../../ui/LoadingBlock';
import { useToast } from '../../ui/Toast';
import { Composer } from './Composer';
import { avatarColor, windowLabels, windowStateAt } from './inboxFormat';
import { flattenMessages, useConversation, useMarkRead, useMessages, useReact } from './inboxQueries';
import type { Message } from './inboxTypes';
import { MessageList } from './MessageList';
import { messagePreview } from './messagePreview';
import { useNow } from './useNow';
import './thread.css';
import './composer.css';

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

interface Props {
  workspaceId: string;
  conversationId: string;
  detailsOpen: boolean;
  onToggleDetails: () => void;
}

/** The centre pane: who this is, the messages, and the composer (or why it can't be used). */
export function Thread({ workspaceId, conversationId, detailsOpen, onToggleDetails }: Props) {
  const conversation = useConversation(workspaceId, conversationId);
  const messages = useMessages(workspaceId, conversationId);
  const react = useReact(workspaceId, conversationId);
  const markRead = useMarkRead(workspaceId);
  const toast = useToast();
  const visible = usePageVisible();
  const now = useNow(30_000);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [noteOverride, setNoteOverride] = useState(false);
  const [scrollSignal, setScrollSignal] = useState(0);

  // Mark read while the thread is on screen; once per new batch of unread messages (no retry loop
  // if the request fails).
  const unread = conversation.data?.unreadCount ?? 0;
  const batch = `${unread}:${conversation.data?.lastMessageAt ?? ''}`;
  const markedBatch = useRef('');
  const { mutate: markAsRead } = markRead;
  useEffect(() => {
    if (!visible || unread === 0 || markedBatch.current === batch) return;
    markedBatch.current = batch;
    markAsRead(conversationId);
  }, [visible, unread, batch, markAsRead, conversationId]);

  if (conversation.isPending)
    return (
      <section className="thread">
        <LoadingBlock label="Opening conversation…" />
      </section>
    );
  if (conversation.isError) {
    return (
      <section className="thread" style={{ padding: 24 }}>
        <ErrorAlert error={conversation.error} title="This conversation could not be opened" />
      </section>
    );
  }
  const c = conversation.data;
  const name = c.subscriber.displayName || c.subscriber.phone;
  const windowState = windowStateAt(c.window, now);
  const list = flattenMessages(messages.data);

  const mediaUrl = (message: Message, media: { id?: string; link?: string }) =>
    message.hasMedia
      ? workspacePath(workspaceId, 'messages', message.id, 'media')
      : media.link && /^https?:\/\//i.test(media.link)
        ? media.link
        : null;

  return (
    <section className="thread" aria-label={`Conversation with ${name}`}>
      <header className="thread-header">
        <span className="conv-avatar" style={{ background: avatarColor(c.subscriber.id) }} aria-hidden="true">
          {initials(name)}
        </span>
        <div className="thread-title">
          <h2>{name}</h2>
          <span>
            {c.subscriber.phone} · to {c.channel.name}
          </span>
        </div>
        <span className={`window-chip window-${windowState}`}>{windowLabels[windowState]}</span>
        <Button size="sm" variant="ghost" aria-pressed={detailsOpen} onClick={onToggleDetails}>
          {detailsOpen ? 'Hide details' : 'Details'}
        </Button>
      </header>
      {messages.isPending ? (
        <div className="thread-scroll">
          <LoadingBlock label="Loading messages…" />
        </div>
      ) : messages.isError ? (
        <div className="thread-scroll" style={{ padding: 24 }}>
          <ErrorAlert error={messages.error} title="Messages could not be loaded" />
        </div>
      ) : (
        <MessageList
          messages={list}
          hasOlder={messages.hasNextPage}
          loadingOlder={messages.isFetchingNextPage}
          loadOlder={() => void messages.fetchNextPage()}
          mediaUrl={mediaUrl}
          onReply={(message) => setReplyTo(message)}
          onReact={(message, emoji) =>
            react.mutate(
              { messageId: message.id, emoji },
              { onError: (error) => toast.error(friendlyErrorText(error)) },
            )
          }
          scrollSignal={scrollSignal}
        />
      )}
      {windowState === 'closed' && !noteOverride ? (
        <div className="window-closed-notice" role="status">
          <p>
            <strong>The 24-hour customer service window is closed.</strong> WhatsApp only allows template
            messages now. (Template sending arrives with message templates.)
          </p>
          <p className="muted">The window opens again for 24 hours when {name} writes to you.</p>
          <Button size="sm" variant="secondary" onClick={() => setNoteOverride(true)}>
            Add an internal note
          </Button>
        </div>
      ) : (
        <Composer
          key={conversationId}
          workspaceId={workspaceId}
          conversationId={conversationId}
          replyTo={replyTo}
          replyPreview={replyTo ? messagePreview(replyTo.type, replyTo.content) : ''}
          onCancelReply={() => setReplyTo(null)}
          noteOnly={windowState === 'closed'}
          onSent={() => setScrollSignal((n) => n + 1)}
        />
      )}
    </section>
  );
}
