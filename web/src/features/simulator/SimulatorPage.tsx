import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert';
import { isApiError } from '../../app/errors';
import { useWorkspace } from '../../app/workspaceContext';
import { buttonClass } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { LoadingBlock } from '../../ui/LoadingBlock';
import { PageHeader } from '../../ui/PageHeader';
import { CustomerPicker, type SimCustomer } from './CustomerPicker';
import { PhoneControls } from './PhoneControls';
import { PhoneScreen } from './PhoneScreen';
import { useSimulator } from './simulatorQueries';
import '../inbox/thread.css';
import '../inbox/composer.css';
import './simulator.css';

function draftsKey(wid: string) {
  return `chatsyncs.simulator.drafts.${wid}`;
}

function loadDrafts(wid: string): SimCustomer[] {
  try {
    const value = JSON.parse(sessionStorage.getItem(draftsKey(wid)) ?? '[]');
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** Chat with the workspace's Sandbox number as a simulated WhatsApp customer. */
export function SimulatorPage() {
  const workspace = useWorkspace();
  const info = useSimulator(workspace.id);
  const [params, setParams] = useSearchParams();
  const selected = params.get('customer');
  const [autoRead, setAutoRead] = useState(false);
  const [drafts, setDrafts] = useState<SimCustomer[]>(() => loadDrafts(workspace.id));

  useEffect(
    () => sessionStorage.setItem(draftsKey(workspace.id), JSON.stringify(drafts)),
    [drafts, workspace.id],
  );

  const known = info.data?.customers ?? [];
  const customers: SimCustomer[] = [
    ...drafts.filter((d) => !known.some((k) => k.waId === d.waId)),
    ...known.map((k) => ({
      waId: k.waId,
      profileName: k.profileName ?? drafts.find((d) => d.waId === k.waId)?.profileName ?? null,
      lastMessage: k.lastMessage,
    })),
  ];
  const current = customers.find((c) => c.waId === selected) ?? null;

  function select(waId: string) {
    setParams({ customer: waId }, { replace: true });
  }

  const inboxLink = current
    ? `${workspace.path('inbox')}?q=${encodeURIComponent(current.waId)}&status=all&select=first`
    : workspace.path('inbox');

  return (
    <>
      <PageHeader
        title="Phone simulator"
        description="Be your own customer: chat with your Sandbox number from a simulated WhatsApp phone. Messages reach the Inbox, bots and flows like real ones."
        actions={
          <a className={buttonClass('secondary')} href={inboxLink} target="_blank" rel="noopener">
            Open inbox
          </a>
        }
      />
      {info.isPending ? (
        <LoadingBlock label="Starting the simulator…" />
      ) : info.isError ? (
        isApiError(info.error, 'not_found') ? (
          <EmptyState
            icon="smartphone"
            title="No Sandbox number in this workspace"
            action={
              <Link className={buttonClass('primary')} to={workspace.path()}>
                Back to Getting started
              </Link>
            }
          >
            The phone simulator talks to the workspace's Sandbox number, which the built-in emulator provides.
            {info.error.message ? ` ${info.error.message}` : ''}
          </EmptyState>
        ) : (
          <ErrorAlert error={info.error} title="The simulator could not be loaded" />
        )
      ) : (
        <div className="sim-layout">
          <div className="sim-side">
            <CustomerPicker
              customers={customers}
              selected={selected}
              onSelect={select}
              onCreate={(customer) => {
                setDrafts((all) => [customer, ...all.filter((d) => d.waId !== customer.waId)]);
                select(customer.waId);
              }}
            />
            {current ? (
              <PhoneControls
                workspaceId={workspace.id}
                customer={current}
                autoRead={autoRead}
                onAutoReadChange={setAutoRead}
                inboxLink={inboxLink}
              />
            ) : null}
          </div>
          {current ? (
            <PhoneScreen
              key={current.waId}
              workspaceId={workspace.id}
              business={info.data.phoneNumber}
              customer={current}
              autoRead={autoRead}
            />
          ) : (
            <div className="sim-placeholder">
              <EmptyState icon="smartphone" title="Pick a customer">
                Choose a simulated customer on the left, or create one with any number and name, then send a
                message to {info.data.phoneNumber.verifiedName} ({info.data.phoneNumber.displayPhoneNumber}).
              </EmptyState>
            </div>
          )}
        </div>
      )}
    </>
  );
}
