import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { focusFirstInvalid } from '../../app/focusFirstInvalid';
import type { WorkspaceMembership } from '../../app/types';
import * as validate from '../../app/validate';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { useCreateWorkspace } from './useCreateWorkspace';

interface CreateWorkspaceFormProps {
  onCreated?: (workspace: WorkspaceMembership) => void;
  onCancel?: () => void;
}

export function CreateWorkspaceForm({ onCreated, onCancel }: CreateWorkspaceFormProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useCreateWorkspace(onCreated);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = validate.required(name, 'a workspace name');
    setError(problem);
    if (problem) return focusFirstInvalid(event.currentTarget);
    create.mutate(name.trim());
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorAlert error={create.error} />
      <Field
        label="Workspace name"
        error={error}
        hint={
          error ? undefined : 'Each workspace has its own members, API keys and, later, WhatsApp numbers.'
        }
      >
        <Input
          value={name}
          placeholder="Acme Sales"
          autoFocus
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
        />
      </Field>
      <div className="row-end">
        {onCancel ? (
          <Button onClick={onCancel} disabled={create.isPending}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create workspace
        </Button>
      </div>
    </form>
  );
}
