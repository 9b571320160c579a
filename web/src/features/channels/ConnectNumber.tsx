import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useWorkspace } from '../../app/workspaceContext';
import { Alert } from '../../ui/Alert';
import { buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { CopyField } from '../../ui/CopyField';
import { PageHeader } from '../../ui/PageHeader';
import type { ConnectedChannel } from './channelsQueries';
import { EmbeddedSignup } from './EmbeddedSignup';
import { ManualConnectForm } from './ManualConnectForm';

type Tab = 'manual' | 'embedded';
const tabs: Array<{ id: Tab; label: string }> = [
  { id: 'manual', label: 'Enter the details' },
  { id: 'embedded', label: 'Embedded signup (Facebook)' },
];

/** "Connect a number": two ways in tabs, then the values to paste in Meta's dashboard. */
export function ConnectNumber({ tab }: { tab: Tab }) {
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const [connected, setConnected] = useState<ConnectedChannel | null>(null);

  const header = (
    <PageHeader title="Connect a WhatsApp number" description={<Link to=".">← WhatsApp numbers</Link>} />
  );
  if (!workspace.canManage) {
    return (
      <>
        {header}
        <Alert tone="info" title="Only admins can connect numbers">
          Ask an owner or admin of {workspace.name} to connect a WhatsApp number.
        </Alert>
      </>
    );
  }
  if (connected) return <ConnectedScreen result={connected} header={header} />;

  return (
    <>
      {header}
      <div className="stack">
        <div
          role="tablist"
          aria-label="How to connect"
          className="row"
          style={{ gap: 4, borderBottom: '1px solid var(--color-border)' }}
        >
          {tabs.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`connect-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`connect-panel-${t.id}`}
              className={tab === t.id ? 'btn btn-ghost' : 'btn btn-ghost muted'}
              style={{
                borderRadius: 0,
                borderBottom: tab === t.id ? '2px solid currentColor' : '2px solid transparent',
                fontWeight: tab === t.id ? 600 : 400,
              }}
              onClick={() => navigate(`?connect=${t.id}`, { replace: true })}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`connect-panel-${tab}`} aria-labelledby={`connect-tab-${tab}`}>
          {tab === 'manual' ? (
            <ManualConnectForm onConnected={setConnected} />
          ) : (
            <EmbeddedSignup onConnected={setConnected} />
          )}
        </div>
      </div>
    </>
  );
}

function ConnectedScreen({ result, header }: { result: ConnectedChannel; header: ReactNode }) {
  const { channel, webhook, warnings, pin } = result;
  return (
    <>
      {header}
      <div className="stack">
        <Alert tone="success" title={`“${channel.name}” is connected`}>
          <span>
            {channel.displayPhoneNumber}
            {channel.verifiedName ? ` · ${channel.verifiedName}` : ''} was checked with Meta and saved. One
            last step: tell Meta where to send incoming messages.
          </span>
        </Alert>
        {warnings.map((warning) => (
          <Alert key={warning.code} tone={warning.severity === 'danger' ? 'danger' : warning.severity}>
            {warning.message}
          </Alert>
        ))}
        <Card
          title="Paste these in your Meta app"
          description="In developers.facebook.com, open your app → WhatsApp → Configuration → Webhook → Edit. Paste both values, click “Verify and save”, then subscribe to the “messages” field."
        >
          <div className="stack">
            <CopyField autoFocus label="Callback URL" value={webhook.callbackUrl} />
            <CopyField
              label="Verify token"
              value={webhook.verifyToken}
              hint="You can find both again on the number's page."
            />
          </div>
        </Card>
        {pin ? (
          <Card title="Two-step verification PIN">
            <div className="stack">
              <Alert tone="warning" title="This is the only time the PIN is shown">
                WhatsApp asks for it if the number is ever registered again. Keep it with your other
                passwords.
              </Alert>
              <CopyField label="6-digit PIN" value={pin} />
            </div>
          </Card>
        ) : null}
        <div className="row-end">
          <Link className={buttonClass('secondary')} to=".">
            Back to all numbers
          </Link>
          <Link className={buttonClass('primary')} to={`?number=${encodeURIComponent(channel.id)}`}>
            See the number's health
          </Link>
        </div>
      </div>
    </>
  );
}
