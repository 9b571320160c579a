import { useEffect, useMemo, useRef, useState } from 'react';
import { workspacePath } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { ChatIcon } from './ChatIcon';
import type { Message } from './inboxTypes';
import { uploadWithProgress } from './uploadWithProgress';

interface Props {
  workspaceId: string;
  conversationId: string;
  file: File | null;
  onClose: () => void;
  onSent: (message: Message) => void;
}

function kindOf(file: File): 'image' | 'video' | 'audio' | 'document' {
  if (file.type.startsWith('image/')) return 'image';
  if (file.type.startsWith('video/')) return 'video';
  if (file.type.startsWith('audio/')) return 'audio';
  return 'document';
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Sends a file as an image, video, audio or document message, with a caption and upload progress. */
export function AttachmentDialog({ workspaceId, conversationId, file, onClose, onSent }: Props) {
  const [caption, setCaption] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);
  const preview = useMemo(() => (file?.type.startsWith('image/') ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);
  useEffect(() => {
    if (file) {
      setCaption('');
      setProgress(null);
      setError(null);
    }
  }, [file]);

  const kind = file ? kindOf(file) : 'document';
  const busy = progress !== null;

  async function send() {
    if (!file) return;
    const form = new FormData();
    if (caption.trim() && kind !== 'audio') form.append('caption', caption.trim());
    form.append('file', file, file.name);
    setError(null);
    setProgress(0);
    abort.current = new AbortController();
    try {
      const message = await uploadWithProgress<Message>(
        workspacePath(workspaceId, 'conversations', conversationId, 'attachments'),
        form,
        setProgress,
        abort.current.signal,
      );
      onSent(message);
      onClose();
    } catch (caught) {
      if (!(caught instanceof DOMException && caught.name === 'AbortError')) setError(caught);
    } finally {
      setProgress(null);
    }
  }

  function close() {
    abort.current?.abort();
    onClose();
  }

  return (
    <Dialog
      open={file !== null}
      onClose={close}
      title={`Send ${kind === 'image' ? 'a photo' : kind === 'video' ? 'a video' : kind === 'audio' ? 'an audio file' : 'a document'}`}
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button variant="primary" icon="arrowRight" loading={busy} onClick={() => void send()}>
            Send
          </Button>
        </>
      }
    >
      {file ? (
        <div className="stack">
          <ErrorAlert error={error} title="The file was not sent" />
          <div className="attach-preview">
            {preview ? (
              <img src={preview} alt="" />
            ) : (
              <span className="attach-icon">
                <ChatIcon name="note" size={32} />
              </span>
            )}
            <div>
              <strong>{file.name}</strong>
              <div className="muted">
                {file.type || 'unknown type'} · {formatSize(file.size)}
              </div>
            </div>
          </div>
          {kind !== 'audio' ? (
            <Field label="Caption" hint="Optional. WhatsApp formatting works here too.">
              <Input
                value={caption}
                maxLength={1024}
                onChange={(event) => setCaption(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') void send();
                }}
                disabled={busy}
              />
            </Field>
          ) : null}
          {busy ? (
            <div>
              <div
                className="progress"
                role="progressbar"
                aria-label="Upload progress"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round((progress ?? 0) * 100)}
              >
                <span style={{ width: `${Math.round((progress ?? 0) * 100)}%` }} />
              </div>
              <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
                Uploading… {Math.round((progress ?? 0) * 100)}%
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
