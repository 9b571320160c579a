import { Spinner } from '../../ui/Spinner';
import { formatWaId, type SimCustomer } from './CustomerPicker';
import { usePhoneMessages, useReadAsCustomer } from './simulatorQueries';

interface Props {
  workspaceId: string;
  customer: SimCustomer;
  autoRead: boolean;
  onAutoReadChange: (value: boolean) => void;
  inboxLink: string;
}

/** What the customer does besides typing: read the business's messages, now or automatically. */
export function PhoneControls({ workspaceId, customer, autoRead, onAutoReadChange, inboxLink }: Props) {
  const messages = usePhoneMessages(workspaceId, customer.waId);
  const read = useReadAsCustomer(workspaceId, customer.waId);
  const unread = (messages.data ?? []).filter(
    (m) => m.direction === 'outbound' && ['accepted', 'sent', 'delivered'].includes(m.status),
  ).length;

  return (
    <section className="sim-controls" aria-label="Phone controls">
      <div className="sim-who">
        Chatting as <strong>{customer.profileName ?? 'a customer'}</strong> · {formatWaId(customer.waId)}
      </div>
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        onClick={() => read.mutate()}
        disabled={read.isPending || unread === 0}
      >
        {read.isPending ? <Spinner size={12} /> : '✓✓'} {unread ? `Mark ${unread} as read` : 'Mark as read'}
      </button>
      <label className="switch">
        <input type="checkbox" checked={autoRead} onChange={(e) => onAutoReadChange(e.target.checked)} />
        <span>Auto-read (chat open on the phone)</span>
      </label>
      <p className="sim-tip">
        Read receipts turn the ticks blue in the Inbox.{' '}
        <a href={inboxLink} target="_blank" rel="noopener">
          Open this conversation in the Inbox ↗
        </a>
      </p>
    </section>
  );
}
