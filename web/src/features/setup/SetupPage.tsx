import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { AuthLayout } from '../../app/AuthLayout';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { isApiError } from '../../app/errors';
import { FullPageError } from '../../app/FullPageError';
import { FullPageLoading } from '../../app/FullPageLoading';
import { focusFirstInvalid } from '../../app/focusFirstInvalid';
import { applyMe, useSetupStatus } from '../../app/session';
import type { Me } from '../../app/types';
import * as validate from '../../app/validate';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';

interface SetupInput {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
}

type Errors = Partial<Record<keyof SetupInput, string>>;

/** First run: creates the owner account and the first workspace. */
export function SetupPage() {
  const status = useSetupStatus();
  const navigate = useNavigate();
  const [values, setValues] = useState<SetupInput>({ name: '', email: '', password: '', workspaceName: '' });
  const [errors, setErrors] = useState<Errors>({});

  const setup = useMutation({
    mutationFn: (input: SetupInput) => api.post<Me>('/api/setup', input),
    onSuccess: (me) => {
      applyMe(me);
      const first = me.workspaces[0];
      navigate(first ? `/w/${encodeURIComponent(first.id)}` : '/', { replace: true });
    },
  });

  if (status.isPending) return <FullPageLoading />;
  if (status.isError) return <FullPageError error={status.error} onRetry={() => status.refetch()} />;
  if (!status.data.needsSetup && !setup.isSuccess) return <Navigate to="/" replace />;

  function update(key: keyof SetupInput, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate.collectErrors({
      name: validate.required(values.name, 'your name'),
      email: validate.email(values.email),
      password: validate.password(values.password),
      workspaceName: validate.required(values.workspaceName, 'a workspace name'),
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(event.currentTarget);
    setup.mutate({
      ...values,
      name: values.name.trim(),
      email: values.email.trim(),
      workspaceName: values.workspaceName.trim(),
    });
  }

  return (
    <AuthLayout
      title="Set up ChatSyncs"
      lead="Create the owner account for this installation and your first workspace. You can invite your team next."
    >
      <form className="form" onSubmit={submit} noValidate>
        {isApiError(setup.error, 'conflict') ? (
          <Alert tone="info" title="ChatSyncs is already set up">
            <span>
              An owner account exists. <Link to="/login">Sign in</Link> instead.
            </span>
          </Alert>
        ) : (
          <ErrorAlert error={setup.error} />
        )}
        <Field label="Your name" error={errors.name}>
          <Input
            autoComplete="name"
            value={values.name}
            onChange={(e) => update('name', e.target.value)}
            autoFocus
          />
        </Field>
        <Field label="Email" error={errors.email}>
          <Input
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={(e) => update('email', e.target.value)}
          />
        </Field>
        <Field
          label="Password"
          error={errors.password}
          hint={errors.password ? undefined : `At least ${validate.minPasswordLength} characters.`}
        >
          <Input
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => update('password', e.target.value)}
          />
        </Field>
        <Field
          label="Workspace name"
          error={errors.workspaceName}
          hint={
            errors.workspaceName
              ? undefined
              : 'Usually your company or team. You can add more workspaces later.'
          }
        >
          <Input
            autoComplete="organization"
            placeholder="Acme Support"
            value={values.workspaceName}
            onChange={(e) => update('workspaceName', e.target.value)}
          />
        </Field>
        <Button type="submit" variant="primary" block loading={setup.isPending}>
          {setup.isPending ? 'Creating your account…' : 'Create account and workspace'}
        </Button>
      </form>
    </AuthLayout>
  );
}
