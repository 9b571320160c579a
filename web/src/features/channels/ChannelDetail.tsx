import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDateTime, formatRelative } from '../../app/format';
import { useWorkspace } from '../../app/workspaceContext';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyField } from '../../ui/CopyField';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { LoadingBlock } from '../../ui/LoadingBlock';
import { PageHeader } from '../../ui/PageHeader';
import { useToast } from '../../ui/Toast';
import {
  type Channel,
  useChannel,
  useDeleteChannel,
  useRefreshChannel,
  useRenameChannel,
} from './channelsQueries';
import { qualityLabel, throughputLabel, tierLabel } from './HealthBadges';

const connectedVia = {
  manual: 'Entered by hand',
  embedded_signup: 'Embedded Signup',
  sandbox: 'Built-in sandbox',
};

/** One number: its health (quality, limits, token, webhooks), the webhook settings, and actions. */
export function ChannelDetail({ id }: { id: string }) {
  const workspace = useWorkspace();
  const channel = useChannel(workspace.id, id);
  const back = <Link to=".">← WhatsApp numbers</Link>;
  if (channel.isPending) return <LoadingBlock label="Loading the number…" />;
  if (channel.isError) {
    return (
      <>
        <PageHeader title="WhatsApp number" description={back} />
        <ErrorAlert error={channel.error} title="This number could not be loaded" />
      </>
    );
  }
  return <Detail channel={channel.data} back={back} />;
}

function Detail({ channel, back }: { channel: Channel; back: ReactNode }) {
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const toast = useToast();
  const refresh = useRefreshChannel(workspace.id);
  const remove = useDeleteChannel(workspace.id);
  const [renaming, setRenaming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const { health } = channel;
  const sandbox = channel.kind === 'sandbox';
  const quality = qualityLabel(health.qualityRating);

  return (
    <>
      <PageHeader
        title={channel.name}
        description={
          <>
            {back} · {channel.displayPhoneNumber}
            {channel.verifiedName ? ` · ${channel.verifiedName}` : ''}
          </>
        }
        actions={
          workspace.canManage ? (
            <>
              <Button onClick={() => setRenaming(true)}>Rename</Button>
              {sandbox ? null : (
                <>
                  <Button
                    icon="arrowRight"
                    loading={refresh.isPending}
                    onClick={() =>
                      refresh.mutate(channel.id, {
                        onSuccess: (updated) =>
                          updated.health.lastCheck?.error
                            ? toast.error('Meta answered with a problem — see the health below.')
                            : toast.success('Health refreshed from Meta.'),
                      })
                    }
                  >
                    Refresh from Meta
                  </Button>
                  <Button variant="danger-ghost" onClick={() => setRemoving(true)}>
                    Remove
                  </Button>
                </>
              )}
            </>
          ) : null
        }
      />
      <div className="stack">
        {sandbox ? (
          <Alert tone="info" title="Sandbox number">
            This number lives in ChatSyncs’ built-in WhatsApp emulator, for trying flows and the inbox without
            a Meta account. It doesn’t reach real people, so it can’t be refreshed against Meta or removed.
          </Alert>
        ) : null}
        <ErrorAlert error={refresh.error} title="The health could not be refreshed" />
        {health.warnings.map((warning) => (
          <Alert key={warning.code} tone={warning.severity === 'danger' ? 'danger' : warning.severity}>
            {warning.message}
          </Alert>
        ))}
        <Card title="Health">
          <dl className="stack" style={{ margin: 0, gap: 10 }}>
            <Row label="Quality rating">
              <Badge tone={quality.tone}>{quality.label}</Badge>
            </Row>
            <Row label="Messaging limit" hint="People you can start conversations with in 24 hours">
              {tierLabel(health.messagingLimitTier)}
            </Row>
            <Row label="Throughput">{throughputLabel(health.throughputLevel)}</Row>
            {health.status ? <Row label="Status at Meta">{health.status}</Row> : null}
            {sandbox ? null : (
              <Row label="Access token">
                {health.token.expiresAt
                  ? `${health.token.temporary ? 'Temporary — ' : ''}expires ${formatRelative(health.token.expiresAt)} (${formatDateTime(health.token.expiresAt)})`
                  : health.token.type
                    ? 'Never expires'
                    : 'Expiry unknown'}
                {health.token.type ? (
                  <span className="muted"> · {health.token.type.replace('_', ' ').toLowerCase()} token</span>
                ) : null}
              </Row>
            )}
            <Row label="Last webhook received">
              {health.lastWebhookAt
                ? `${formatRelative(health.lastWebhookAt)} (${formatDateTime(health.lastWebhookAt)})`
                : 'None yet'}
            </Row>
            <Row label="Webhooks with a bad signature">
              {health.webhookSignatureFailures > 0 ? (
                <Badge tone="danger">{health.webhookSignatureFailures}</Badge>
              ) : (
                '0'
              )}
            </Row>
            <Row label="Webhooks that failed processing">
              {health.webhookProcessingErrors > 0 ? (
                <Badge tone="warning">{health.webhookProcessingErrors}</Badge>
              ) : (
                '0'
              )}
            </Row>
            <Row label="Last checked with Meta">
              {health.lastCheck ? formatRelative(health.lastCheck.at) : 'Never'}
              {health.lastCheck?.error?.cloudApiCode ? (
                <span className="muted"> · Meta error {health.lastCheck.error.cloudApiCode}</span>
              ) : null}
            </Row>
          </dl>
        </Card>
        {channel.webhook ? (
          <Card
            title="Webhook settings for Meta"
            description="Paste these in your Meta app → WhatsApp → Configuration → Webhook, then subscribe to the “messages” field."
          >
            <div className="stack">
              <CopyField label="Callback URL" value={channel.webhook.callbackUrl} />
              <CopyField label="Verify token" value={channel.webhook.verifyToken} />
            </div>
          </Card>
        ) : null}
        <Card title="Details">
          <dl className="stack" style={{ margin: 0, gap: 10 }}>
            <Row label="Phone number ID">
              <code>{channel.phoneNumberId}</code>
            </Row>
            <Row label="WhatsApp Business Account ID">
              <code>{channel.wabaId}</code>
            </Row>
            <Row label="Connected">{`${formatDateTime(channel.createdAt)} · ${connectedVia[channel.connectedVia]}`}</Row>
          </dl>
        </Card>
      </div>
      <RenameDialog channel={channel} open={renaming} onClose={() => setRenaming(false)} />
      <ConfirmDialog
        open={removing}
        title={`Remove “${channel.name}”?`}
        confirmLabel="Remove number"
        pending={remove.isPending}
        error={remove.error ? <ErrorAlert error={remove.error} /> : null}
        onClose={() => setRemoving(false)}
        onConfirm={() =>
          remove.mutate(channel.id, {
            onSuccess: () => {
              toast.success(`“${channel.name}” was removed.`);
              navigate('.', { replace: true });
            },
          })
        }
      >
        ChatSyncs stops receiving and sending messages on {channel.displayPhoneNumber}, and its conversations
        and contacts are deleted. The number itself stays in your Meta account; you can connect it again
        later.
      </ConfirmDialog>
    </>
  );
}

function Row({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <div
      className="row"
      style={{ justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}
    >
      <dt className="muted">
        {label}
        {hint ? <span className="visually-hidden"> ({hint})</span> : null}
      </dt>
      <dd style={{ margin: 0, textAlign: 'right' }} title={hint}>
        {children}
      </dd>
    </div>
  );
}

function RenameDialog({ channel, open, onClose }: { channel: Channel; open: boolean; onClose: () => void }) {
  const workspace = useWorkspace();
  const rename = useRenameChannel(workspace.id);
  const [name, setName] = useState(channel.name);
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 80) return setError('Use 1 to 80 characters.');
    rename.mutate({ id: channel.id, name: trimmed }, { onSuccess: onClose });
  }
  return (
    <Dialog open={open} onClose={onClose} title="Rename number" dismissable={!rename.isPending}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={rename.error} />
        <Field label="Name in ChatSyncs" error={error}>
          <Input
            value={name}
            autoFocus
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
        </Field>
        <div className="row-end">
          <Button onClick={onClose} disabled={rename.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={rename.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
