import { friendlyErrorText } from '../../app/errors';
import { formatDateTime, initials } from '../../app/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { useToast } from '../../ui/Toast';
import { useMembers } from '../settings/settingsQueries';
import { avatarColor, formatDuration, windowLabels, windowStateAt } from './inboxFormat';
import { useConversation, useUpdateConversation } from './inboxQueries';
import { useNow } from './useNow';

interface Props {
  workspaceId: string;
  conversationId: string;
  onClose: () => void;
}

/** The right pane: who the customer is, the window, and what the team does with the chat. */
export function DetailsPane({ workspaceId, conversationId, onClose }: Props) {
  const conversation = useConversation(workspaceId, conversationId);
  const members = useMembers(workspaceId);
  const update = useUpdateConversation(workspaceId, conversationId);
  const toast = useToast();
  const now = useNow(30_000);
  const c = conversation.data;
  if (!c) return <aside className="details" aria-label="Details" />;

  const windowState = windowStateAt(c.window, now);
  const expires = c.window.expiresAt ? new Date(c.window.expiresAt).getTime() : null;
  const patch = (body: Parameters<typeof update.mutate>[0], done: string) =>
    update.mutate(body, {
      onSuccess: () => toast.success(done),
      onError: (error) => toast.error(friendlyErrorText(error)),
    });

  return (
    <aside className="details" aria-label="Details">
      <div className="details-head">
        <h2>Details</h2>
        <button type="button" className="icon-button" aria-label="Hide details" onClick={onClose}>
          <Icon name="x" />
        </button>
      </div>
      <div className="details-contact">
        <span
          className="conv-avatar conv-avatar-lg"
          style={{ background: avatarColor(c.subscriber.id) }}
          aria-hidden="true"
        >
          {initials(c.subscriber.displayName || c.subscriber.phone)}
        </span>
        <strong>{c.subscriber.displayName || c.subscriber.phone}</strong>
        <span className="muted">{c.subscriber.phone}</span>
      </div>
      <dl className="details-list">
        <div>
          <dt>WhatsApp profile name</dt>
          <dd>{c.subscriber.profileName ?? '—'}</dd>
        </div>
        <div>
          <dt>Wrote to</dt>
          <dd>
            {c.channel.name} {c.channel.kind === 'sandbox' ? <Badge tone="info">Sandbox</Badge> : null}
            <span className="details-sub">{c.channel.displayPhoneNumber}</span>
          </dd>
        </div>
        <div>
          <dt>Customer service window</dt>
          <dd>
            <span className={`window-chip window-${windowState}`}>{windowLabels[windowState]}</span>
            <span className="details-sub">
              {expires === null
                ? 'Opens when the customer writes.'
                : windowState === 'closed'
                  ? `Closed ${formatDateTime(c.window.expiresAt ?? '')}`
                  : `${formatDuration(expires - now)} left · until ${formatDateTime(c.window.expiresAt ?? '')}`}
            </span>
          </dd>
        </div>
        <div>
          <dt>
            <label htmlFor="details-assignee">Assigned to</label>
          </dt>
          <dd>
            <select
              id="details-assignee"
              className="select select-sm"
              value={c.assignee?.id ?? ''}
              disabled={update.isPending}
              onChange={(event) => {
                const id = event.target.value || null;
                const who = members.data?.find((m) => m.userId === id)?.name;
                patch({ assigneeId: id }, id ? `Assigned to ${who ?? 'teammate'}.` : 'Unassigned.');
              }}
            >
              <option value="">Unassigned</option>
              {c.assignee && !members.data?.some((m) => m.userId === c.assignee?.id) ? (
                <option value={c.assignee.id}>{c.assignee.name}</option>
              ) : null}
              {(members.data ?? []).map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd className="row">
            <Badge tone={c.status === 'open' ? 'success' : 'neutral'}>
              {c.status === 'open' ? 'Open' : 'Closed'}
            </Badge>
            <Button
              size="sm"
              variant="secondary"
              loading={update.isPending && update.variables?.status !== undefined}
              onClick={() =>
                patch(
                  { status: c.status === 'open' ? 'closed' : 'open' },
                  c.status === 'open' ? 'Conversation closed.' : 'Conversation reopened.',
                )
              }
            >
              {c.status === 'open' ? 'Close conversation' : 'Reopen'}
            </Button>
          </dd>
        </div>
        <div>
          <dt>Automation</dt>
          <dd>
            <label className="switch">
              <input
                type="checkbox"
                checked={c.botPaused}
                disabled={update.isPending}
                onChange={(event) =>
                  patch(
                    { botPaused: event.target.checked },
                    event.target.checked ? 'Bot paused: you are handling this chat.' : 'Bot resumed.',
                  )
                }
              />
              <span>Pause bot (human handoff)</span>
            </label>
            <span className="details-sub">
              {c.botPaused
                ? 'Automated replies are off for this customer.'
                : 'Bots and flows may reply automatically.'}
            </span>
          </dd>
        </div>
        <div>
          <dt>First contact</dt>
          <dd>{c.subscriber.firstInboundAt ? formatDateTime(c.subscriber.firstInboundAt) : '—'}</dd>
        </div>
        <div>
          <dt>Last message from customer</dt>
          <dd>{c.subscriber.lastInboundAt ? formatDateTime(c.subscriber.lastInboundAt) : '—'}</dd>
        </div>
      </dl>
    </aside>
  );
}
