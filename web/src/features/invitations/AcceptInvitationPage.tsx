import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AuthLayout } from '../../app/AuthLayout';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { isApiError } from '../../app/errors';
import { FullPageLoading } from '../../app/FullPageLoading';
import { focusFirstInvalid } from '../../app/focusFirstInvalid';
import { roleLabels } from '../../app/format';
import { queryClient } from '../../app/queryClient';
import { meKey } from '../../app/queryKeys';
import { applyMe, useSignOut } from '../../app/session';
import type { InvitationPreview, Me } from '../../app/types';
import * as validate from '../../app/validate';
import { Alert } from '../../ui/Alert';
import { Button, buttonClass } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';

interface AcceptInput {
  name?: string;
  password?: string;
}

/** The workspace the invitation added: the one new in `after`, else the one with the invited name. */
function joinedWorkspaceId(
  before: Me | null | undefined,
  after: Me,
  workspaceName: string,
): string | undefined {
  const known = new Set(before?.workspaces.map((w) => w.id) ?? []);
  return (
    after.workspaces.find((w) => !known.has(w.id))?.id ??
    after.workspaces.find((w) => w.name === workspaceName)?.id ??
    after.workspaces[0]?.id
  );
}

/** `/invite/:token`: see who invited you, then join (creating an account if needed). */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const signOut = useSignOut(`/invite/${encodeURIComponent(token)}`);
  const [values, setValues] = useState({ name: '', password: '' });
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({});
  const invitePath = `/api/invitations/${encodeURIComponent(token)}`;

  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(invitePath),
  });

  const accept = useMutation({
    mutationFn: (input: AcceptInput) => api.post<Me>(`${invitePath}/accept`, input),
    onSuccess: (me) => {
      const before = queryClient.getQueryData<Me | null>(meKey);
      applyMe(me);
      const wid = joinedWorkspaceId(before, me, preview.data?.workspaceName ?? '');
      navigate(wid ? `/w/${encodeURIComponent(wid)}` : '/', { replace: true });
    },
  });

  if (preview.isPending) return <FullPageLoading />;

  if (preview.isError) {
    const gone = isApiError(preview.error, 'not_found');
    return (
      <AuthLayout
        title={gone ? 'This invitation link is no longer valid' : "Can't open this invitation"}
        lead={
          gone
            ? 'It may have expired, been revoked, or already been used. Ask the person who invited you to send a new link.'
            : undefined
        }
      >
        <div className="form">
          {gone ? null : <ErrorAlert error={preview.error} />}
          <Link className={buttonClass('secondary', 'md', true)} to="/">
            Go to ChatSyncs
          </Link>
        </div>
      </AuthLayout>
    );
  }

  const invitation = preview.data;
  const roleText = roleLabels[invitation.role].toLowerCase();
  const here = `/invite/${encodeURIComponent(token)}`;
  const signedInAsOther =
    invitation.signedInAs !== null && invitation.signedInAs.toLowerCase() !== invitation.email.toLowerCase();

  function submitNewAccount(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate.collectErrors({
      name: validate.required(values.name, 'your name'),
      password: validate.password(values.password),
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(event.currentTarget);
    accept.mutate({ name: values.name.trim(), password: values.password });
  }

  const summary = (
    <div className="invite-summary">
      <span>
        <strong>{invitation.invitedBy}</strong> invited you to join{' '}
        <strong>{invitation.workspaceName}</strong> as {roleText === 'admin' ? 'an admin' : 'an agent'}.
      </span>
      <span className="muted">Invitation for {invitation.email}</span>
    </div>
  );

  // Signed in as someone else: the server only lets the invited person accept.
  if (signedInAsOther) {
    return (
      <AuthLayout title={`Join ${invitation.workspaceName}`}>
        <div className="form">
          {summary}
          <Alert tone="warning" title={`You're signed in as ${invitation.signedInAs}`}>
            <span>
              This invitation is for {invitation.email}. Log out, then open this link again to accept it as
              that person.
            </span>
          </Alert>
          <Button variant="primary" block onClick={() => signOut.mutate()} loading={signOut.isPending}>
            Log out and continue
          </Button>
          <Link className={buttonClass('ghost', 'md', true)} to="/">
            Back to my workspace
          </Link>
        </div>
      </AuthLayout>
    );
  }

  // Signed in as the invited person: one click to join.
  if (invitation.signedInAs !== null) {
    return (
      <AuthLayout title={`Join ${invitation.workspaceName}`}>
        <div className="form">
          {summary}
          <ErrorAlert error={accept.error} />
          <Button variant="primary" block loading={accept.isPending} onClick={() => accept.mutate({})}>
            Join {invitation.workspaceName}
          </Button>
        </div>
      </AuthLayout>
    );
  }

  // Not signed in, the invited email already has an account: sign in first, then come back here.
  if (invitation.accountExists) {
    const loginUrl = `/login?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`;
    return (
      <AuthLayout title={`Join ${invitation.workspaceName}`}>
        <div className="form">
          {summary}
          <p className="muted">
            You already have a ChatSyncs account for {invitation.email}. Sign in to accept the invitation.
          </p>
          <Link className={buttonClass('primary', 'md', true)} to={loginUrl}>
            Sign in to accept
          </Link>
        </div>
      </AuthLayout>
    );
  }

  // Not signed in, no account yet: create one and join in one step.
  return (
    <AuthLayout title={`Join ${invitation.workspaceName}`} lead="Create your ChatSyncs account to accept.">
      <form className="form" onSubmit={submitNewAccount} noValidate>
        {summary}
        <ErrorAlert error={accept.error} />
        <Field label="Email">
          <Input type="email" value={invitation.email} readOnly autoComplete="username" />
        </Field>
        <Field label="Your name" error={errors.name}>
          <Input
            autoComplete="name"
            value={values.name}
            autoFocus
            onChange={(e) => {
              setValues((v) => ({ ...v, name: e.target.value }));
              setErrors((er) => ({ ...er, name: undefined }));
            }}
          />
        </Field>
        <Field
          label="Choose a password"
          error={errors.password}
          hint={errors.password ? undefined : `At least ${validate.minPasswordLength} characters.`}
        >
          <Input
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => {
              setValues((v) => ({ ...v, password: e.target.value }));
              setErrors((er) => ({ ...er, password: undefined }));
            }}
          />
        </Field>
        <Button type="submit" variant="primary" block loading={accept.isPending}>
          {accept.isPending ? 'Creating your account…' : `Create account and join`}
        </Button>
      </form>
    </AuthLayout>
  );
}
