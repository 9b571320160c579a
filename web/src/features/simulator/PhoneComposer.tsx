import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { workspacePath } from '../../app/api';
import { friendlyErrorText } from '../../app/errors';
import { Icon } from '../../ui/Icon';
import { ChatIcon } from '../inbox/ChatIcon';
import type { MessageContent } from '../inbox/inboxTypes';
import { messagePreview } from '../inbox/messagePreview';
import { uploadWithProgress } from '../inbox/uploadWithProgress';
import type { PhoneMessage } from './simulatorQueries';

interface Props {
  workspaceId: string;
  waId: string;
  replyTo: PhoneMessage | null;
  onCancelReply: () => void;
  sending: boolean;
  onSend: (message: MessageContent) => void;
  onLocation: () => void;
}

/** The phone's message bar: text, a photo with caption, a location; replies quote a message. */
export function PhoneComposer({
  workspaceId,
  waId,
  replyTo,
  onCancelReply,
  sending,
  onSend,
  onLocation,
}: Props) {
  const [text, setText] = useState('');
  const [image, setImage] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const preview = useMemo(() => (image ? URL.createObjectURL(image) : null), [image]);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);
  useEffect(() => {
    if (replyTo) input.current?.focus();
  }, [replyTo]);

  async function submit() {
    const body = text.trim();
    if (image) {
      const form = new FormData();
      form.append('file', image, image.name);
      setUploadError(null);
      setProgress(0);
      try {
        const { id } = await uploadWithProgress<{ id: string }>(
          workspacePath(workspaceId, 'simulator', 'customers', waId, 'media'),
          form,
          setProgress,
        );
        onSend({ type: 'image', image: { id, ...(body ? { caption: body } : {}) } });
        setImage(null);
        setText('');
      } catch (error) {
        setUploadError(friendlyErrorText(error));
      } finally {
        setProgress(null);
      }
      return;
    }
    if (!body) return;
    onSend({ type: 'text', text: { body } });
    setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  const busy = sending || progress !== null;
  return (
    <div className="phone-composer">
      {replyTo ? (
        <div className="phone-replying">
          <span>{messagePreview(replyTo.type, replyTo.content)}</span>
          <button type="button" aria-label="Cancel reply" onClick={onCancelReply}>
            <Icon name="x" size={14} />
          </button>
        </div>
      ) : null}
      {image ? (
        <div className="phone-replying">
          {preview ? <img src={preview} alt="" className="phone-thumb" /> : null}
          <span>
            {progress !== null
              ? `Uploading… ${Math.round(progress * 100)}%`
              : `${image.name} — add a caption, then send`}
          </span>
          <button type="button" aria-label="Remove photo" onClick={() => setImage(null)}>
            <Icon name="x" size={14} />
          </button>
        </div>
      ) : null}
      {uploadError ? <div className="phone-upload-error">{uploadError}</div> : null}
      <div className="phone-bar">
        <div className="phone-input">
          <textarea
            ref={input}
            rows={1}
            aria-label="Message as the customer"
            placeholder={image ? 'Add a caption' : 'Message'}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="phone-icon" aria-label="Share location" onClick={onLocation}>
            <ChatIcon name="mapPin" size={19} />
          </button>
          <button
            type="button"
            className="phone-icon"
            aria-label="Send a photo"
            onClick={() => fileInput.current?.click()}
          >
            <ChatIcon name="camera" size={19} />
          </button>
        </div>
        <button
          type="button"
          className="phone-send"
          aria-label="Send as customer"
          disabled={busy || (!text.trim() && !image)}
          onClick={() => void submit()}
        >
          <Icon name="arrowRight" size={18} />
        </button>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        hidden
        onChange={(e) => {
          setImage(e.target.files?.[0] ?? null);
          e.target.value = '';
          input.current?.focus();
        }}
      />
    </div>
  );
}
