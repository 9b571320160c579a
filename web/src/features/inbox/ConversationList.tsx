import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useWorkspace } from '../../app/workspaceContext';
import { Button } from '../../ui/Button';
import { LoadingBlock } from '../../ui/LoadingBlock';
import { ConversationListItem } from './ConversationListItem';
import { useConversations } from './inboxQueries';
import type { InboxView, StatusFilter } from './inboxTypes';
import { useDebouncedValue } from './useDebouncedValue';
import { useNow } from './useNow';

const views: Array<{ id: InboxView; label: string }> = [
  { id: 'mine', label: 'Mine' },
  { id: 'unassigned', label: 'Unassigned' },
  { id: 'all', label: 'All' },
];
const statuses: Array<{ id: StatusFilter; label: string }> = [
  { id: 'open', label: 'Open' },
  { id: 'closed', label: 'Closed' },
  { id: 'all', label: 'All' },
];

function isView(value: string | null): value is InboxView {
  return value === 'mine' || value === 'unassigned' || value === 'all';
}
function isStatus(value: string | null): value is StatusFilter {
  return value === 'open' || value === 'closed' || value === 'all';
}

/** The left pane: filters, search, and the conversations, newest activity first. */
export function ConversationList({ selectedId }: { selectedId: string | null }) {
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const view = isView(params.get('view')) ? (params.get('view') as InboxView) : 'all';
  const status = isStatus(params.get('status')) ? (params.get('status') as StatusFilter) : 'open';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(search.trim(), 300);
  const now = useNow();
  const conversations = useConversations(workspace.id, { view, status, q });
  const items = conversations.data?.pages.flatMap((page) => page.data) ?? [];

  function setParam(name: string, value: string | null) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: mirror the debounced search in the URL
  useEffect(() => setParam('q', q || null), [q]);

  function linkTo(id: string): string {
    const next = new URLSearchParams(params);
    next.set('c', id);
    return `?${next}`;
  }

  // "Open inbox" from the phone simulator asks for the first match to be opened (`select=first`).
  const firstId = items[0]?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the first match arrives
  useEffect(() => {
    if (params.get('select') !== 'first' || !firstId) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('select');
        next.set('c', firstId);
        return next;
      },
      { replace: true },
    );
  }, [firstId]);

  // Load the next page when the end of the list scrolls into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = conversations;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <section className="inbox-list" aria-label="Conversations">
      <header className="inbox-list-header">
        <h1>Inbox</h1>
        <fieldset className="segmented">
          <legend className="visually-hidden">Show</legend>
          {views.map((v) => (
            <button
              key={v.id}
              type="button"
              aria-pressed={view === v.id}
              onClick={() => setParam('view', v.id === 'all' ? null : v.id)}
            >
              {v.label}
            </button>
          ))}
        </fieldset>
        <div className="inbox-list-tools">
          <input
            className="input inbox-search"
            type="search"
            placeholder="Search conversations"
            aria-label="Search by name, number or message text"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <select
            className="select select-sm"
            aria-label="Status"
            value={status}
            onChange={(event) =>
              setParam('status', event.target.value === 'open' ? null : event.target.value)
            }
          >
            {statuses.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </header>
      <div className="inbox-list-scroll">
        {conversations.isPending ? (
          <LoadingBlock label="Loading conversations…" />
        ) : conversations.isError ? (
          <div style={{ padding: 12 }}>
            <ErrorAlert error={conversations.error} title="Conversations could not be loaded" />
          </div>
        ) : items.length === 0 ? (
          <EmptyList view={view} status={status} q={q} simulatorPath={workspace.path('simulator')} />
        ) : (
          <ul className="conv-list">
            {items.map((c) => (
              <ConversationListItem
                key={c.id}
                conversation={c}
                selected={c.id === selectedId}
                to={linkTo(c.id)}
                now={now}
              />
            ))}
          </ul>
        )}
        <div ref={sentinel} />
        {hasNextPage ? (
          <div className="inbox-load-more">
            <Button
              size="sm"
              variant="ghost"
              loading={isFetchingNextPage}
              onClick={() => void fetchNextPage()}
            >
              Load more
            </Button>
          </div>
        ) : null}
      </div>
    </section>
  );
}

function EmptyList(props: { view: InboxView; status: StatusFilter; q: string; simulatorPath: string }) {
  let text: ReactNode;
  if (props.q)
    text = `No conversations match “${props.q}”. Search looks at names, phone numbers and message text.`;
  else if (props.view === 'mine')
    text = 'Nothing is assigned to you. Pick up a conversation from Unassigned or All.';
  else if (props.view === 'unassigned') text = 'Every conversation has someone on it.';
  else if (props.status === 'closed')
    text = 'No closed conversations. Close one from its details pane when it is done.';
  else
    text = (
      <>
        No conversations yet. Open the <Link to={props.simulatorPath}>Phone simulator</Link> and send a
        message to your Sandbox number.
      </>
    );
  return (
    <div className="inbox-empty-list">
      <p>{text}</p>
    </div>
  );
}
