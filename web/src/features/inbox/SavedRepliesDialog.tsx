import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { friendlyErrorText } from '../../app/errors';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field, useFieldControl } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { useToast } from '../../ui/Toast';
import { useCreateSavedReply, useDeleteSavedReply, useSavedReplies } from './inboxQueries';

/** Lists the workspace's saved replies, adds one, removes one. Typed as `/shortcut` in the composer. */
export function SavedRepliesDialog({
  workspaceId,
  open,
  onClose,
}: {
  workspaceId: string;
  open: boolean;
  onClose: () => void;
}) {
  const replies = useSavedReplies(workspaceId);
  const create = useCreateSavedReply(workspaceId);
  const remove = useDeleteSavedReply(workspaceId);
  const toast = useToast();
  const [shortcut, setShortcut] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ shortcut?: string; text?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const clean = shortcut.trim().replace(/^\//, '');
    const next = {
      shortcut: /^[\w-]{1,32}$/.test(clean) ? undefined : 'Use 1–32 letters, digits, - or _ (no spaces).',
      text: text.trim() ? undefined : 'Write the reply text.',
    };
    setErrors(next);
    if (next.shortcut || next.text) return;
    create.mutate(
      { shortcut: clean, text: text.trim() },
      {
        onSuccess: () => {
          setShortcut('');
          setText('');
          toast.success(`Saved reply /${clean} added.`);
        },
      },
    );
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Saved replies"
      description="Type / in the message box to insert one. Everyone in the workspace shares them."
    >
      <div className="stack">
        {replies.isError ? (
          <ErrorAlert error={replies.error} title="Saved replies could not be loaded" />
        ) : null}
        {replies.data?.length ? (
          <ul className="saved-list">
            {replies.data.map((reply) => (
              <li key={reply.id}>
                <div>
                  <code>/{reply.shortcut}</code>
                  <p>{reply.text}</p>
                </div>
                <Button
                  size="sm"
                  variant="danger-ghost"
                  aria-label={`Delete /${reply.shortcut}`}
                  loading={remove.isPending && remove.variables === reply.id}
                  onClick={() =>
                    remove.mutate(reply.id, { onError: (error) => toast.error(friendlyErrorText(error)) })
                  }
                >
                  Delete
                </Button>
              </li>
            ))}
          </ul>
        ) : replies.isSuccess ? (
          <p className="muted">No saved replies yet. Add the answers you type most often.</p>
        ) : null}
        <form className="form saved-form" onSubmit={submit} noValidate>
          <ErrorAlert error={create.error} title="The reply was not saved" />
          <Field label="Shortcut" error={errors.shortcut} hint="For example: hours, shipping, thanks">
            <Input
              value={shortcut}
              onChange={(event) => setShortcut(event.target.value)}
              placeholder="hours"
            />
          </Field>
          <Field label="Reply text" error={errors.text}>
            <FieldTextarea value={text} onChange={setText} />
          </Field>
          <div className="row-end">
            <Button type="submit" variant="primary" icon="plus" loading={create.isPending}>
              Add saved reply
            </Button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}

function FieldTextarea({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const control = useFieldControl();
  return (
    <textarea
      {...control}
      className="input textarea"
      rows={3}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      placeholder="We're open Monday to Friday, 9:00–18:00."
    />
  );
}
