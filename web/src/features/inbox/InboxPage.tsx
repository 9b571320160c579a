import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useWorkspace } from '../../app/workspaceContext';
import { Icon } from '../../ui/Icon';
import { ConversationList } from './ConversationList';
import { DetailsPane } from './DetailsPane';
import { Thread } from './Thread';
import { useInboxEvents } from './useInboxEvents';
import './inbox.css';

const detailsKey = 'chatsyncs.inbox.details';

/** The live-chat inbox: conversations, the open thread, and its details, updated live over SSE. */
export function InboxPage() {
  const workspace = useWorkspace();
  const [params] = useSearchParams();
  const selectedId = params.get('c');
  const { connected } = useInboxEvents(workspace.id);
  const [detailsOpen, setDetailsOpen] = useState(() => localStorage.getItem(detailsKey) !== 'closed');

  function toggleDetails(open: boolean) {
    setDetailsOpen(open);
    localStorage.setItem(detailsKey, open ? 'open' : 'closed');
  }

  return (
    <div className={['inbox', selectedId && detailsOpen ? 'with-details' : ''].join(' ')}>
      <title>Inbox · ChatSyncs</title>
      <ConversationList selectedId={selectedId} />
      {selectedId ? (
        <Thread
          key={selectedId}
          workspaceId={workspace.id}
          conversationId={selectedId}
          detailsOpen={detailsOpen}
          onToggleDetails={() => toggleDetails(!detailsOpen)}
        />
      ) : (
        <section className="thread thread-none">
          <div className="thread-none-inner">
            <div className="thread-none-icon">
              <Icon name="messageCircle" size={32} />
            </div>
            <h2>Pick a conversation</h2>
            <p>Messages from your WhatsApp numbers arrive here live. Choose one on the left to reply.</p>
          </div>
        </section>
      )}
      {selectedId && detailsOpen ? (
        <DetailsPane
          workspaceId={workspace.id}
          conversationId={selectedId}
          onClose={() => toggleDetails(false)}
        />
      ) : null}
      {!connected ? (
        <div className="inbox-reconnecting" role="status">
          Reconnecting…
        </div>
      ) : null}
    </div>
  );
}
