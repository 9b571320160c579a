import { type ChangeEvent, type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { focusFirstInvalid } from '../../app/focusFirstInvalid';
import { formatDateTime } from '../../app/format';
import { collectErrors } from '../../app/validate';
import { useWorkspace } from '../../app/workspaceContext';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { LoadingBlock } from '../../ui/LoadingBlock';
import {
  type ConnectedChannel,
  type EmbeddedSignupSettings,
  useCompleteEmbeddedSignup,
  useSaveSignupSettings,
  useSignupSettings,
} from './channelsQueries';
import { preloadFacebookSdk, runEmbeddedSignup } from './facebookSdk';

/** Embedded Signup: the Meta app settings (admins), then “Connect with Facebook”. */
export function EmbeddedSignup({ onConnected }: { onConnected: (result: ConnectedChannel) => void }) {
  const workspace = useWorkspace();
  const settings = useSignupSettings(workspace.id, workspace.canManage);
  const [editing, setEditing] = useState(false);

  if (settings.isPending) return <LoadingBlock label="Loading the Embedded Signup settings…" />;
  if (settings.isError) return <ErrorAlert error={settings.error} title="The settings could not be loaded" />;
  const current = settings.data;
  return (
    <div className="stack">
      {current && !editing ? (
        <ConnectWithFacebook settings={current} onConnected={onConnected} onEdit={() => setEditing(true)} />
      ) : (
        <SettingsForm
          current={current}
          onSaved={() => setEditing(false)}
          onCancel={current ? () => setEditing(false) : null}
        />
      )}
    </div>
  );
}

function ConnectWithFacebook({
  settings,
  onConnected,
  onEdit,
}: {
  settings: EmbeddedSignupSettings;
  onConnected: (result: ConnectedChannel) => void;
  onEdit: () => void;
}) {
  const workspace = useWorkspace();
  const complete = useCompleteEmbeddedSignup(workspace.id);
  const [popupError, setPopupError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  useEffect(preloadFacebookSdk, []);

  async function start() {
    if (pin && !/^\d{6}$/.test(pin)) return setPinError('The PIN is exactly 6 digits.');
    setPopupError(null);
    complete.reset();
    setOpening(true);
    try {
      const result = await runEmbeddedSignup(settings);
      complete.mutate({ ...result, ...(pin ? { pin } : {}) }, { onSuccess: onConnected });
    } catch (error) {
      setPopupError(error instanceof Error ? error.message : 'The signup did not finish.');
    } finally {
      setOpening(false);
    }
  }

  return (
    <Card
      title="Connect with Facebook"
      description="Your customer (or you) signs in with Facebook, picks or creates a WhatsApp Business Account and number, and ChatSyncs finishes the setup: it subscribes the app, registers the number and saves it."
    >
      <div className="stack">
        {popupError ? (
          <Alert tone="danger" title="The signup did not finish">
            {popupError}
          </Alert>
        ) : null}
        <ErrorAlert error={complete.error} title="The number could not be connected" />
        <Field
          label="Two-step verification PIN (optional)"
          error={pinError}
          hint="Only if the number already has a two-step verification PIN. Leave empty and ChatSyncs sets a new one and shows it to you once."
        >
          <Input
            value={pin}
            inputMode="numeric"
            maxLength={6}
            autoComplete="off"
            onChange={(e) => {
              setPin(e.target.value.replace(/\D/g, ''));
              setPinError(null);
            }}
          />
        </Field>
        <div className="row" style={{ justifyContent: 'space-between', flexWrap: 'wrap' }}>
          <span className="muted">
            Meta app {settings.appId} · configuration {settings.configurationId} ·{' '}
            <button type="button" className="btn btn-ghost btn-sm" onClick={onEdit}>
              Change settings
            </button>
          </span>
          <Button variant="primary" onClick={start} loading={opening || complete.isPending}>
            {complete.isPending ? 'Finishing the setup…' : 'Connect with Facebook'}
          </Button>
        </div>
      </div>
    </Card>
  );
}

type SettingsKey = 'appId' | 'configurationId' | 'appSecret';

function SettingsForm({
  current,
  onSaved,
  onCancel,
}: {
  current: EmbeddedSignupSettings | null;
  onSaved: () => void;
  onCancel: (() => void) | null;
}) {
  const workspace = useWorkspace();
  const save = useSaveSignupSettings(workspace.id);
  const [values, setValues] = useState({
    appId: current?.appId ?? '',
    configurationId: current?.configurationId ?? '',
    appSecret: '',
  });
  const [errors, setErrors] = useState<Partial<Record<SettingsKey, string>>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const digits = (value: string, what: string) =>
      /^\d{3,25}$/.test(value.trim()) ? null : `Enter the ${what} (digits only).`;
    const problems = collectErrors<SettingsKey>({
      appId: digits(values.appId, 'App ID'),
      configurationId: digits(values.configurationId, 'configuration ID'),
      appSecret: !current && !values.appSecret.trim() ? 'Paste the app secret.' : null,
    });
    setErrors(problems);
    if (Object.keys(problems).length > 0) return focusFirstInvalid(event.currentTarget);
    save.mutate(
      {
        appId: values.appId.trim(),
        configurationId: values.configurationId.trim(),
        ...(values.appSecret.trim() ? { appSecret: values.appSecret.trim() } : {}),
      },
      { onSuccess: onSaved },
    );
  }

  const input = (key: SettingsKey) => ({
    value: values[key],
    autoComplete: 'off',
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setValues((v) => ({ ...v, [key]: e.target.value }));
      setErrors((x) => ({ ...x, [key]: undefined }));
    },
  });

  return (
    <Card
      title="Embedded Signup settings"
      description={
        current
          ? `Last changed ${formatDateTime(current.updatedAt)}.`
          : 'Embedded Signup needs your own Meta app, set up as a Tech Provider with “Facebook Login for Business”. Enter its details once; then anyone with admin rights can connect numbers in a few clicks.'
      }
    >
      <form className="form" onSubmit={submit} noValidate aria-label="Embedded Signup settings">
        <ErrorAlert error={save.error} title="The settings could not be saved" />
        <Field
          label="Meta App ID"
          error={errors.appId ?? null}
          hint="developers.facebook.com → your app → App settings → Basic → App ID."
        >
          <Input {...input('appId')} inputMode="numeric" />
        </Field>
        <Field
          label="Configuration ID"
          error={errors.configurationId ?? null}
          hint="Your app → Facebook Login for Business → Configurations: create one for “WhatsApp Embedded Signup” and copy its ID."
        >
          <Input {...input('configurationId')} inputMode="numeric" />
        </Field>
        <Field
          label="App secret"
          error={errors.appSecret ?? null}
          hint={
            current
              ? 'Saved. Leave empty to keep it, or paste a new one to replace it.'
              : 'App settings → Basic → App secret. It is stored encrypted and never shown again.'
          }
        >
          <Input {...input('appSecret')} type="password" />
        </Field>
        <div className="row-end">
          {onCancel ? (
            <Button onClick={onCancel} disabled={save.isPending}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save settings
          </Button>
        </div>
      </form>
    </Card>
  );
}
