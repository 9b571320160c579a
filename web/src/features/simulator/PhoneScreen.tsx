import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { initials } from '../../app/format';
import { Spinner } from '../../ui/Spinner';
import { ChatIcon } from '../inbox/ChatIcon';
import type { InteractiveActions } from '../inbox/InteractiveContent';
import type { MessageContent } from '../inbox/inboxTypes';
import type { SimCustomer } from './CustomerPicker';
import { formatWaId } from './CustomerPicker';
import { FlowDialog } from './FlowDialog';
import { LocationDialog } from './LocationDialog';
import { PhoneChat } from './PhoneChat';
import { PhoneComposer } from './PhoneComposer';
import {
  type PhoneMessage,
  type SimulatorInfo,
  usePhoneMessages,
  useReadAsCustomer,
  useSendAsCustomer,
} from './simulatorQueries';

interface Props {
  workspaceId: string;
  business: SimulatorInfo['phoneNumber'];
  customer: SimCustomer;
  autoRead: boolean;
}

/** A WhatsApp-like phone, logged in as the simulated customer, chatting with the business. */
export function PhoneScreen({ workspaceId, business, customer, autoRead }: Props) {
  const messages = usePhoneMessages(workspaceId, customer.waId);
  const send = useSendAsCustomer(workspaceId, customer.waId, customer.profileName);
  const read = useReadAsCustomer(workspaceId, customer.waId);
  const [replyTo, setReplyTo] = useState<PhoneMessage | null>(null);
  const [locationOpen, setLocationOpen] = useState(false);
  const [flow, setFlow] = useState<{ message: PhoneMessage; parameters: MessageContent } | null>(null);

  const list = messages.data ?? [];
  const unread = list.filter(
    (m) => m.direction === 'outbound' && ['accepted', 'sent', 'delivered'].includes(m.status),
  ).length;
  const { mutate: markRead, isPending: reading } = read;
  useEffect(() => {
    if (autoRead && unread > 0 && !reading) markRead();
  }, [autoRead, unread, reading, markRead]);

  function sendMessage(message: MessageContent, context?: string) {
    const quoted = context ?? replyTo?.id;
    send.mutate(quoted ? { ...message, context: { message_id: quoted } } : message, {
      onSuccess: () => setReplyTo(null),
    });
  }

  const actionsFor = (m: PhoneMessage): InteractiveActions => ({
    onReply: (reply) =>
      sendMessage(
        {
          type: 'interactive',
          interactive: {
            type: reply.kind,
            [reply.kind]: {
              id: reply.id,
              title: reply.title,
              ...(reply.description ? { description: reply.description } : {}),
            },
          },
        },
        m.id,
      ),
    onFlow: (parameters) => setFlow({ message: m, parameters }),
    onLocationRequest: () => setLocationOpen(true),
  });

  return (
    <div className="sim-phone-column">
      <section className="phone" aria-label={`Phone of ${customer.profileName ?? formatWaId(customer.waId)}`}>
        <div className="phone-status-bar" aria-hidden="true">
          <span>9:41</span>
          <span>5G ▮ 100%</span>
        </div>
        <header className="phone-header">
          <span className="phone-back">
            <ChatIcon name="chevronLeft" size={22} />
          </span>
          <span className="phone-avatar" aria-hidden="true">
            {initials(business.verifiedName)}
          </span>
          <div className="phone-title">
            <strong>
              {business.verifiedName}{' '}
              <span className="phone-verified" title="Verified business">
                ✓
              </span>
            </strong>
            <span>{business.displayPhoneNumber}</span>
          </div>
        </header>
        {messages.isPending ? (
          <div className="phone-chat phone-loading">
            <Spinner />
          </div>
        ) : (
          <PhoneChat workspaceId={workspaceId} messages={list} actionsFor={actionsFor} onReply={setReplyTo} />
        )}
        {send.isError || messages.isError ? (
          <div className="phone-error">
            <ErrorAlert
              error={send.error ?? messages.error}
              title={send.isError ? 'Not sent' : 'Chat not refreshed'}
            />
          </div>
        ) : null}
        <PhoneComposer
          workspaceId={workspaceId}
          waId={customer.waId}
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(null)}
          sending={send.isPending}
          onSend={(message) => sendMessage(message)}
          onLocation={() => setLocationOpen(true)}
        />
      </section>
      <LocationDialog
        open={locationOpen}
        onClose={() => setLocationOpen(false)}
        onShare={(location) => {
          setLocationOpen(false);
          sendMessage({ type: 'location', location });
        }}
      />
      <FlowDialog workspaceId={workspaceId} waId={customer.waId} flow={flow} onClose={() => setFlow(null)} />
    </div>
  );
}
