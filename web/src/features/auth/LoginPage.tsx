import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { AuthLayout } from '../../app/AuthLayout';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { isApiError } from '../../app/errors';
import { FullPageError } from '../../app/FullPageError';
import { FullPageLoading } from '../../app/FullPageLoading';
import { focusFirstInvalid } from '../../app/focusFirstInvalid';
import { applyMe, useMe, useSetupStatus } from '../../app/session';
import type { Me } from '../../app/types';
import * as validate from '../../app/validate';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';

interface Credentials {
  email: string;
  password: string;
}

export function LoginPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const status = useSetupStatus();
  const me = useMe();
  const next = validate.safeNext(params.get('next'));
  const [values, setValues] = useState<Credentials>({ email: params.get('email') ?? '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Credentials, string>>>({});
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;

  const login = useMutation({
    mutationFn: (input: Credentials) => api.post<Me>('/api/auth/login', input),
    onSuccess: (result) => {
      applyMe(result);
      navigate(next ?? '/', { replace: true });
    },
  });

  if (status.isPending || me.isPending) return <FullPageLoading />;
  if (status.isError) return <FullPageError error={status.error} onRetry={() => status.refetch()} />;
  if (status.data.needsSetup) return <Navigate to="/setup" replace />;
  if (me.data && !login.isSuccess) return <Navigate to={next ?? '/'} replace />;

  function update(key: keyof Credentials, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate.collectErrors({
      email: validate.email(values.email),
      password: values.password ? null : 'Enter your password.',
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(event.currentTarget);
    login.mutate({ email: values.email.trim(), password: values.password });
  }

  return (
    <AuthLayout title="Sign in" lead="Welcome back. Sign in to your ChatSyncs workspace.">
      <form className="form" onSubmit={submit} noValidate>
        {signedOut && !login.error ? <Alert tone="success">You have been signed out.</Alert> : null}
        {isApiError(login.error, 'unauthorized') ? (
          <Alert tone="danger" title="Email or password is incorrect">
            <span>Check both and try again. Passwords are case-sensitive.</span>
          </Alert>
        ) : (
          <ErrorAlert error={login.error} />
        )}
        <Field label="Email" error={errors.email}>
          <Input
            type="email"
            autoComplete="username"
            value={values.email}
            onChange={(e) => update('email', e.target.value)}
            autoFocus={!values.email}
          />
        </Field>
        <Field label="Password" error={errors.password}>
          <Input
            type="password"
            autoComplete="current-password"
            value={values.password}
            onChange={(e) => update('password', e.target.value)}
            autoFocus={Boolean(values.email)}
          />
        </Field>
        <Button type="submit" variant="primary" block loading={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </AuthLayout>
  );
}
