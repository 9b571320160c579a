import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useRef, useState } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Icon } from '../../ui/Icon';
import { AttachmentDialog } from './AttachmentDialog';
import { ChatIcon } from './ChatIcon';
import { EmojiPicker } from './EmojiPicker';
import { inboxKeys, useSavedReplies, useSendMessage } from './inboxQueries';
import type { Message } from './inboxTypes';
import { SavedRepliesDialog } from './SavedRepliesDialog';

interface Props {
  workspaceId: string;
  conversationId: string;
  replyTo: Message | null;
  replyPreview: string;
  onCancelReply: () => void;
  /** The window is closed: only internal notes can be written. */
  noteOnly: boolean;
  onSent: () => void;
}

/** The message box: Enter sends, Shift+Enter adds a line; emoji, attachments, saved replies, notes. */
export function Composer({
  workspaceId,
  conversationId,
  replyTo,
  replyPreview,
  onCancelReply,
  noteOnly,
  onSent,
}: Props) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [noteMode, setNoteMode] = useState(noteOnly);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [manageOpen, setManageOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const send = useSendMessage(workspaceId, conversationId);
  const savedReplies = useSavedReplies(workspaceId);
  const isNote = noteOnly || noteMode;

  const slash = /^\/([\w-]*)$/.exec(text);
  const suggestions = slash
    ? (savedReplies.data ?? []).filter((r) =>
        r.shortcut.toLowerCase().startsWith((slash[1] ?? '').toLowerCase()),
      )
    : [];

  function submit() {
    const body = text.trim();
    if (!body || send.isPending) return;
    send.mutate(
      { text: body, note: isNote, replyToMessageId: isNote ? undefined : replyTo?.id },
      {
        onSuccess: () => {
          setText('');
          onCancelReply();
          onSent();
        },
      },
    );
  }

  function insert(value: string) {
    const el = textarea.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + value + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + value.length, start + value.length);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (suggestions.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlight((h) => (h + step + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        setText(suggestions[Math.min(highlight, suggestions.length - 1)]?.text ?? text);
        return;
      }
    }
    if (event.key === 'Escape' && replyTo) onCancelReply();
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <div className={['composer', isNote ? 'is-note' : ''].join(' ')}>
      {send.isError ? (
        <div className="composer-error">
          <ErrorAlert
            error={send.error}
            title={isNote ? 'The note was not saved' : 'The message was not sent'}
          />
        </div>
      ) : null}
      {replyTo && !isNote ? (
        <div className="composer-reply">
          <div className="composer-reply-text">
            <strong>Replying to {replyTo.direction === 'in' ? 'customer' : 'you'}</strong>
            <span>{replyPreview}</span>
          </div>
          <button type="button" className="icon-button" aria-label="Cancel reply" onClick={onCancelReply}>
            <Icon name="x" size={14} />
          </button>
        </div>
      ) : null}
      {suggestions.length ? (
        <ul className="slash-menu" aria-label="Saved replies">
          {suggestions.map((reply, index) => (
            <li key={reply.id} className={index === highlight ? 'is-active' : undefined}>
              <button
                type="button"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => setText(reply.text)}
              >
                <code>/{reply.shortcut}</code> <span>{reply.text}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : slash && savedReplies.isSuccess ? (
        <div className="slash-menu slash-empty">
          No saved reply starts with “/{slash[1]}”.{' '}
          <button type="button" className="link-button" onClick={() => setManageOpen(true)}>
            Manage saved replies
          </button>
        </div>
      ) : null}
      {emojiOpen ? <EmojiPicker onPick={(emoji) => insert(emoji)} /> : null}
      <div className="composer-box">
        <textarea
          ref={textarea}
          className="composer-input"
          aria-label={isNote ? 'Internal note' : 'Message'}
          placeholder={isNote ? 'Write an internal note' : 'Type a message  (/ for saved replies)'}
          rows={Math.min(8, Math.max(1, text.split('\n').length))}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setHighlight(0);
          }}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="composer-send"
          aria-label={isNote ? 'Add note' : 'Send'}
          disabled={!text.trim() || send.isPending}
          onClick={submit}
        >
          <Icon name={isNote ? 'check' : 'arrowRight'} size={18} />
        </button>
      </div>
      <div className="composer-tools">
        <button
          type="button"
          className="tool"
          aria-pressed={emojiOpen}
          onClick={() => setEmojiOpen((o) => !o)}
        >
          <ChatIcon name="smile" /> <span>Emoji</span>
        </button>
        {!isNote ? (
          <button type="button" className="tool" onClick={() => fileInput.current?.click()}>
            <ChatIcon name="paperclip" /> <span>Attach</span>
          </button>
        ) : null}
        <button type="button" className="tool" onClick={() => setManageOpen(true)}>
          <ChatIcon name="zap" /> <span>Saved replies</span>
        </button>
        {!noteOnly ? (
          <button
            type="button"
            className="tool"
            aria-pressed={noteMode}
            onClick={() => setNoteMode((n) => !n)}
          >
            <ChatIcon name="note" /> <span>Note</span>
          </button>
        ) : null}
        <span className="composer-hint">
          <span>*bold* _italic_ ~strike~ ```mono```</span>
          <span className="composer-hint-keys"> · Enter sends · Shift+Enter new line</span>
        </span>
      </div>
      <input
        ref={fileInput}
        type="file"
        hidden
        accept="image/*,video/*,audio/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt,.csv"
        onChange={(event) => {
          setFile(event.target.files?.[0] ?? null);
          event.target.value = '';
        }}
      />
      <AttachmentDialog
        workspaceId={workspaceId}
        conversationId={conversationId}
        file={file}
        onClose={() => setFile(null)}
        onSent={() => {
          void client.invalidateQueries({ queryKey: inboxKeys.messages(workspaceId, conversationId) });
          onSent();
        }}
      />
      <SavedRepliesDialog workspaceId={workspaceId} open={manageOpen} onClose={() => setManageOpen(false)} />
    </div>
  );
}
