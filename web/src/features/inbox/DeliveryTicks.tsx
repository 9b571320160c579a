import type { MessageStatus } from './inboxTypes';

const labels: Partial<Record<MessageStatus, string>> = {
  pending: 'Sending',
  accepted: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not delivered',
};

/** WhatsApp's delivery marks: clock, ✓ sent, ✓✓ delivered (grey), ✓✓ read (blue), red ! failed. */
export function DeliveryTicks({ status }: { status: MessageStatus }) {
  const label = labels[status];
  if (!label) return null;
  if (status === 'failed') {
    return (
      <span className="ticks ticks-failed" role="img" aria-label={label} title={label}>
        !
      </span>
    );
  }
  if (status === 'pending' || status === 'accepted') {
    return (
      <svg
        className="ticks ticks-pending"
        width="14"
        height="14"
        viewBox="0 0 16 16"
        role="img"
        aria-label={label}
      >
        <title>{label}</title>
        <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path
          d="M8 4.5V8l2.5 1.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinecap="round"
        />
      </svg>
    );
  }
  const double = status === 'delivered' || status === 'read';
  return (
    <svg
      className={`ticks ticks-${status}`}
      width={double ? 18 : 14}
      height="14"
      viewBox={double ? '0 0 20 14' : '0 0 14 14'}
      role="img"
      aria-label={label}
      data-status={status}
    >
      <title>{label}</title>
      <path
        d="M1.5 7.5 5 11l7-8"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      {double ? (
        <path
          d="M8.5 10.2 9.5 11l7-8"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ) : null}
    </svg>
  );
}
