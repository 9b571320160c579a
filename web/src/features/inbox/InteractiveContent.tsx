import { ChatIcon } from './ChatIcon';
import type { MessageContent as Content } from './inboxTypes';
import { WhatsAppText } from './WhatsAppText';

export interface InteractiveReply {
  kind: 'button_reply' | 'list_reply';
  id: string;
  title: string;
  description?: string;
}

/** What a customer can do with an interactive message (only the phone simulator passes these). */
export interface InteractiveActions {
  onReply(reply: InteractiveReply): void;
  onFlow(parameters: Content): void;
  onLocationRequest(): void;
}

interface Props {
  interactive: Content;
  mediaUrl: (media: { id?: string; link?: string }) => string | null;
  actions?: InteractiveActions;
}

function Header({ header, mediaUrl }: { header: Content | undefined; mediaUrl: Props['mediaUrl'] }) {
  if (!header) return null;
  if (header.type === 'text') return <div className="ia-header">{String(header.text ?? '')}</div>;
  const media = header[header.type] as Content | undefined;
  const src = media ? mediaUrl(media) : null;
  if (header.type === 'image' && src) return <img className="msg-image" src={src} alt="Header" />;
  const label =
    header.type === 'video' ? '🎥 Video' : header.type === 'document' ? '📄 Document' : '📷 Photo';
  return <div className="msg-media-missing">{label}</div>;
}

function parseJson(text: unknown): Record<string, unknown> | null {
  if (typeof text !== 'string') return null;
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

/** Interactive messages: outbound buttons, lists, CTA URL, flows; inbound replies as the chosen title. */
export function InteractiveContent({ interactive, mediaUrl, actions }: Props) {
  const type = String(interactive.type ?? '');
  if (type === 'button_reply' || type === 'list_reply') {
    const reply = (interactive[type] ?? {}) as Content;
    return (
      <div className="ia-reply">
        <WhatsAppText text={String(reply.title ?? '')} />
        {reply.description ? <div className="ia-reply-desc">{String(reply.description)}</div> : null}
      </div>
    );
  }
  if (type === 'nfm_reply') {
    const response = parseJson(interactive.nfm_reply?.response_json) ?? {};
    const fields = Object.entries(response).filter(([key]) => key !== 'flow_token');
    return (
      <div className="ia-flow-reply">
        <strong>📝 Form submitted</strong>
        {fields.length ? (
          <dl>
            {fields.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    );
  }

  const action = (interactive.action ?? {}) as Content;
  return (
    <div className="ia">
      <Header header={interactive.header} mediaUrl={mediaUrl} />
      {interactive.body?.text ? <WhatsAppText text={String(interactive.body.text)} /> : null}
      {interactive.footer?.text ? <div className="ia-footer">{String(interactive.footer.text)}</div> : null}
      <div className="ia-actions">
        {type === 'button'
          ? (Array.isArray(action.buttons) ? action.buttons : []).map((button: Content, index: number) => {
              const reply = (button.reply ?? {}) as Content;
              return (
                <button
                  key={String(reply.id ?? index)}
                  type="button"
                  className="ia-button"
                  disabled={!actions}
                  onClick={() =>
                    actions?.onReply({
                      kind: 'button_reply',
                      id: String(reply.id),
                      title: String(reply.title),
                    })
                  }
                >
                  <ChatIcon name="reply" size={14} /> {String(reply.title ?? '')}
                </button>
              );
            })
          : null}
        {type === 'list' ? <ListAction action={action} actions={actions} /> : null}
        {type === 'cta_url' ? (
          <a
            className="ia-button"
            href={
              /^https?:\/\//i.test(String(action.parameters?.url)) ? String(action.parameters.url) : undefined
            }
            target="_blank"
            rel="noopener noreferrer"
          >
            <ChatIcon name="externalLink" size={14} /> {String(action.parameters?.display_text ?? 'Open')}
          </a>
        ) : null}
        {type === 'flow' ? (
          <button
            type="button"
            className="ia-button"
            disabled={!actions}
            onClick={() => actions?.onFlow((action.parameters ?? {}) as Content)}
          >
            <ChatIcon name="form" size={14} /> {String(action.parameters?.flow_cta ?? 'Open form')}
          </button>
        ) : null}
        {type === 'location_request_message' ? (
          <button
            type="button"
            className="ia-button"
            disabled={!actions}
            onClick={() => actions?.onLocationRequest()}
          >
            <ChatIcon name="mapPin" size={14} /> Send location
          </button>
        ) : null}
      </div>
    </div>
  );
}

function ListAction({ action, actions }: { action: Content; actions?: InteractiveActions }) {
  const sections = (Array.isArray(action.sections) ? action.sections : []) as Content[];
  return (
    <details className="ia-list">
      <summary className="ia-button">
        <ChatIcon name="list" size={14} /> {String(action.button ?? 'Menu')}
      </summary>
      <div className="ia-list-sheet">
        {sections.map((section, s) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never changes
          <div key={s} className="ia-list-section">
            {section.title ? <div className="ia-list-title">{String(section.title)}</div> : null}
            {(Array.isArray(section.rows) ? section.rows : []).map((row: Content) => (
              <button
                key={String(row.id)}
                type="button"
                className="ia-list-row"
                disabled={!actions}
                onClick={() =>
                  actions?.onReply({
                    kind: 'list_reply',
                    id: String(row.id),
                    title: String(row.title),
                    description: row.description ? String(row.description) : undefined,
                  })
                }
              >
                <span>{String(row.title ?? '')}</span>
                {row.description ? <small>{String(row.description)}</small> : null}
              </button>
            ))}
          </div>
        ))}
      </div>
    </details>
  );
}
