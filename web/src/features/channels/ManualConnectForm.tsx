import { type ChangeEvent, type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { focusFirstInvalid } from '../../app/focusFirstInvalid';
import { collectErrors } from '../../app/validate';
import { useWorkspace } from '../../app/workspaceContext';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { type ConnectedChannel, type ManualConnectInput, useConnectManually } from './channelsQueries';

type Values = Required<ManualConnectInput>;
type Key = keyof Values;

const empty: Values = { phoneNumberId: '', wabaId: '', accessToken: '', appSecret: '', name: '' };

function check(values: Values): Partial<Record<Key, string>> {
  const digits = (value: string, what: string) =>
    !value.trim()
      ? `Enter the ${what}.`
      : /^\d{5,25}$/.test(value.trim())
        ? null
        : `The ${what} is a long number (digits only), not a phone number.`;
  return collectErrors<Key>({
    phoneNumberId: digits(values.phoneNumberId, 'Phone number ID'),
    wabaId: digits(values.wabaId, 'WhatsApp Business Account ID'),
    accessToken: !values.accessToken.trim()
      ? 'Paste the access token.'
      : values.accessToken.trim().length < 20
        ? 'This looks too short for an access token — copy the whole token.'
        : null,
    appSecret: !values.appSecret.trim()
      ? 'Paste the app secret.'
      : values.appSecret.trim().length < 8
        ? 'This looks too short for an app secret.'
        : null,
    name: values.name.length > 80 ? 'Use at most 80 characters.' : null,
  });
}

const hints: Record<Key, string> = {
  phoneNumberId:
    'In developers.facebook.com → your app → WhatsApp → API Setup, under “From”: the “Phone number ID” (a long number, not the phone number itself).',
  wabaId: 'On the same API Setup page: “WhatsApp Business Account ID”.',
  accessToken:
    'Recommended: a system-user token (business.facebook.com → Business Settings → Users → System users → Generate token, with whatsapp_business_management and whatsapp_business_messaging). The temporary token on API Setup stops working after 24 hours.',
  appSecret:
    'Your app → App settings → Basic → App secret (click Show). ChatSyncs uses it to check that incoming messages really come from Meta.',
  name: 'Optional. Shown in ChatSyncs only, like “Support” or “Sales”. Defaults to the verified business name.',
};

/** The manual connect form: four values from Meta's dashboard, checked with Meta before saving. */
export function ManualConnectForm({ onConnected }: { onConnected: (result: ConnectedChannel) => void }) {
  const workspace = useWorkspace();
  const connect = useConnectManually(workspace.id);
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});

  function field(key: Key) {
    return {
      value: values[key],
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        setValues((v) => ({ ...v, [key]: event.target.value }));
        setErrors((e) => ({ ...e, [key]: undefined }));
      },
    };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = check(values);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return focusFirstInvalid(event.currentTarget);
    const { name, ...rest } = values;
    const trimmed = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.trim()])) as Omit<
      Values,
      'name'
    >;
    connect.mutate({ ...trimmed, ...(name.trim() ? { name: name.trim() } : {}) }, { onSuccess: onConnected });
  }

  const label = (key: Key, text: string) => (
    <Field label={text} error={errors[key] ?? null} hint={hints[key]}>
      <Input
        {...field(key)}
        autoComplete="off"
        spellCheck={false}
        inputMode={key === 'phoneNumberId' || key === 'wabaId' ? 'numeric' : undefined}
        type={key === 'accessToken' || key === 'appSecret' ? 'password' : 'text'}
        name={key}
      />
    </Field>
  );

  return (
    <Card
      title="Enter the details from Meta"
      description="ChatSyncs checks every value with Meta before saving, and subscribes your app to the number's messages."
    >
      <form className="form" onSubmit={submit} noValidate aria-label="Connect a number manually">
        <ErrorAlert error={connect.error} title="The number could not be connected" />
        {label('phoneNumberId', 'Phone number ID')}
        {label('wabaId', 'WhatsApp Business Account ID')}
        {label('accessToken', 'Access token')}
        {label('appSecret', 'App secret')}
        {label('name', 'Name in ChatSyncs')}
        <div className="row-end">
          <Button type="submit" variant="primary" loading={connect.isPending}>
            {connect.isPending ? 'Checking with Meta…' : 'Check and connect'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
