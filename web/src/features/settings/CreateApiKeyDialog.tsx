import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { focusFirstInvalid } from '../../app/focusFirstInvalid';
import type { CreatedApiKey } from '../../app/types';
import * as validate from '../../app/validate';
import { useWorkspace } from '../../app/workspaceContext';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyField';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { useCreateApiKey } from './settingsQueries';

/** Step 1: name the key. Step 2: the secret, shown this one time only. */
export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const workspace = useWorkspace();
  const create = useCreateApiKey(workspace.id);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  function close() {
    onClose();
    // The secret is dropped from memory as soon as the dialog closes.
    setCreated(null);
    setName('');
    setNameError(null);
    create.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = validate.required(name, 'a name for the key');
    setNameError(problem);
    if (problem) return focusFirstInvalid(event.currentTarget);
    create.mutate(name.trim(), { onSuccess: (result) => setCreated(result) });
  }

  if (created) {
    return (
      <Dialog
        open={open}
        onClose={close}
        title="Your new API key"
        description={`“${created.apiKey.name}” can now call the ChatSyncs API for ${workspace.name}.`}
        footer={
          <Button variant="primary" onClick={close}>
            I've copied the key
          </Button>
        }
      >
        <div className="stack">
          <Alert tone="warning" title="This is the only time the key is shown">
            <span>
              Copy it now and keep it somewhere safe, like a password manager or your server's secret
              settings. If you lose it, revoke it and create a new one.
            </span>
          </Alert>
          <CopyField autoFocus label="Secret key" value={created.secret} />
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      dismissable={!create.isPending}
      title="Create an API key"
      description="API keys let your own software use ChatSyncs for this workspace."
    >
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={create.error} />
        <Field
          label="Key name"
          error={nameError}
          hint={
            nameError ? undefined : 'Something that tells you where it is used, like “CRM sync” or “Website”.'
          }
        >
          <Input
            value={name}
            placeholder="CRM sync"
            autoFocus
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
              setNameError(null);
            }}
          />
        </Field>
        <div className="row-end">
          <Button onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            Create key
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
