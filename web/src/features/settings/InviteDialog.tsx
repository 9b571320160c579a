import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { focusFirstInvalid } from '../../app/focusFirstInvalid';
import { formatDateTime, roleDescriptions } from '../../app/format';
import type { AssignableRole, CreatedInvitation } from '../../app/types';
import * as validate from '../../app/validate';
import { useWorkspace } from '../../app/workspaceContext';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyField';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { Select } from '../../ui/Select';
import { useCreateInvitation } from './settingsQueries';

/** The server may answer with a path; the person receiving the link needs a full URL. */
function absoluteUrl(url: string): string {
  try {
    return new URL(url, window.location.origin).toString();
  } catch {
    return url;
  }
}

/** Step 1: email and role. Step 2: the one-time invitation link to copy and send. */
export function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const workspace = useWorkspace();
  const create = useCreateInvitation(workspace.id);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AssignableRole>('agent');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  function close() {
    onClose();
    // Forget the link when the dialog closes: it is shown only once.
    setCreated(null);
    setEmail('');
    setRole('agent');
    setEmailError(null);
    create.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = validate.email(email);
    setEmailError(problem);
    if (problem) return focusFirstInvalid(event.currentTarget);
    create.mutate({ email: email.trim(), role }, { onSuccess: (result) => setCreated(result) });
  }

  if (created) {
    return (
      <Dialog
        open={open}
        onClose={close}
        title="Invitation created"
        description={`Send this link to ${created.invitation.email}. It lets them join ${workspace.name} as ${created.invitation.role === 'admin' ? 'an admin' : 'an agent'}.`}
        footer={
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        }
      >
        <div className="stack">
          <CopyField
            autoFocus
            label="Invitation link"
            value={absoluteUrl(created.acceptUrl)}
            hint={`Valid until ${formatDateTime(created.invitation.expiresAt)}. Anyone with this link can join, so share it privately.`}
          />
          <Alert tone="warning" title="Copy the link now">
            <span>
              ChatSyncs doesn't send emails, and this link is shown only once. If you lose it, revoke this
              invitation and create a new one.
            </span>
          </Alert>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      dismissable={!create.isPending}
      title="Invite someone"
      description={`They get a link to join ${workspace.name}. You send it to them yourself.`}
    >
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={create.error} />
        <Field label="Email address" error={emailError}>
          <Input
            type="email"
            autoComplete="off"
            placeholder="colleague@company.com"
            value={email}
            autoFocus
            onChange={(e) => {
              setEmail(e.target.value);
              setEmailError(null);
            }}
          />
        </Field>
        <Field label="Role" hint={roleDescriptions[role]}>
          <Select value={role} onChange={(e) => setRole(e.target.value as AssignableRole)}>
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </Select>
        </Field>
        <div className="row-end">
          <Button onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            Create invitation link
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
