import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatRelative } from '../../app/format';
import { useWorkspace } from '../../app/workspaceContext';
import { Badge } from '../../ui/Badge';
import { buttonClass } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { LoadingBlock } from '../../ui/LoadingBlock';
import { PageHeader } from '../../ui/PageHeader';
import { Table } from '../../ui/Table';
import { ChannelDetail } from './ChannelDetail';
import { ConnectNumber } from './ConnectNumber';
import { useChannels } from './channelsQueries';
import { HealthBadges } from './HealthBadges';

/**
 * "WhatsApp numbers": the list, `?connect=manual|embedded` (connect a number) and `?number=<id>`
 * (one number's health). Sub-pages are search parameters because the shell gives a feature one path.
 */
export function ChannelsPage() {
  const [params] = useSearchParams();
  const number = params.get('number');
  const connect = params.get('connect');
  if (number) return <ChannelDetail key={number} id={number} />;
  if (connect !== null) return <ConnectNumber tab={connect === 'embedded' ? 'embedded' : 'manual'} />;
  return <ChannelList />;
}

function ChannelList() {
  const workspace = useWorkspace();
  const channels = useChannels(workspace.id);
  const connectLink = (
    <Link className={buttonClass('primary')} to="?connect=manual">
      <Icon name="plus" />
      Connect a number
    </Link>
  );
  const hasCloud = channels.data?.some((c) => c.kind === 'cloud') ?? false;

  return (
    <>
      <PageHeader
        title="WhatsApp numbers"
        description="The WhatsApp Business numbers this workspace sends and receives messages with, and how healthy they are."
        actions={workspace.canManage && hasCloud ? connectLink : null}
      />
      {channels.isPending ? (
        <LoadingBlock label="Loading numbers…" />
      ) : channels.isError ? (
        <ErrorAlert error={channels.error} title="The numbers could not be loaded" />
      ) : (
        <div className="stack">
          {channels.data.length > 0 ? (
            <Table
              caption="WhatsApp numbers"
              columns={[{ label: 'Number' }, { label: 'Health' }, { label: 'Last message from Meta' }]}
            >
              {channels.data.map((channel) => (
                <tr key={channel.id}>
                  <td>
                    <Link to={`?number=${encodeURIComponent(channel.id)}`}>
                      <strong>{channel.name}</strong>
                    </Link>{' '}
                    {channel.kind === 'sandbox' ? <Badge tone="info">Sandbox</Badge> : null}
                    <span className="cell-secondary">
                      {channel.displayPhoneNumber}
                      {channel.verifiedName ? ` · ${channel.verifiedName}` : ''}
                    </span>
                  </td>
                  <td>
                    <HealthBadges channel={channel} />
                  </td>
                  <td>
                    {channel.kind === 'sandbox'
                      ? 'Built-in emulator'
                      : channel.health.lastWebhookAt
                        ? formatRelative(channel.health.lastWebhookAt)
                        : 'Nothing yet'}
                  </td>
                </tr>
              ))}
            </Table>
          ) : null}
          {!hasCloud ? (
            <EmptyState
              icon="plus"
              title={channels.data.length > 0 ? 'Connect your own WhatsApp number' : 'No WhatsApp number yet'}
              action={workspace.canManage ? connectLink : null}
            >
              {workspace.canManage
                ? 'Connect a WhatsApp Business number from your Meta app to message your real customers. You need its Phone number ID, WhatsApp Business Account ID, an access token and the app secret — or sign in with Facebook.'
                : 'Ask an admin of this workspace to connect a WhatsApp Business number.'}
              {channels.data.length > 0
                ? ' The Sandbox number above is for trying things out: it talks to a built-in emulator, not to real people.'
                : ''}
            </EmptyState>
          ) : null}
        </div>
      )}
    </>
  );
}
