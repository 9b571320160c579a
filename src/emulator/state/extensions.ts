/**
 * Extension points other emulator modules plug into (templates, media, flows, account).
 * The core only depends on these small interfaces; a module registers an implementation with
 * `state.templates = …` etc. in its `setup()`.
 */

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export type TemplateStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED'
  | 'PAUSED'
  | 'DISABLED'
  | 'IN_APPEAL'
  | 'PENDING_DELETION'
  | 'DELETED'
  | 'FLAGGED'
  | 'REINSTATED'
  | 'LIMIT_EXCEEDED'
  | 'ARCHIVED'
  | 'UNARCHIVED'
  | 'LOCKED';

/** One component of a template as created (`POST /{waba-id}/message_templates`, reference §6.2). */
export interface TemplateComponentDefinition {
  type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS' | 'CAROUSEL' | 'LIMITED_TIME_OFFER' | string;
  format?: string;
  text?: string;
  buttons?: Array<{ type: string; text?: string; url?: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

/** What the send path needs to know about a template. */
export interface TemplateForSend {
  id: string;
  name: string;
  language: string;
  status: TemplateStatus;
  category: TemplateCategory;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: TemplateComponentDefinition[];
}

/** Registered by the templates module. Without it, every template send answers 132001. */
export interface TemplateLookup {
  /** Any status: the send path answers 132015/132016/132001 from the status. Null if name+language is unknown. */
  findForSend(wabaId: string, name: string, language: string): TemplateForSend | null;
  /**
   * Optional: replaces the core's parameter checks (132000/132005/132012/132018) for a template the
   * send path found sendable. Throw GraphError on a mismatch. `components` is `template.components`
   * of the send body (an array, structurally checked).
   */
  checkSendParameters?(template: TemplateForSend, components: unknown): void;
  /** Optional: called after a template send was accepted (e.g. for quality simulation). */
  onSent?(template: TemplateForSend, waId: string): void;
}

/** Registered by the media module. Without it, any media id is accepted. */
export interface MediaLookup {
  /** True when the media id exists and is usable by this phone number. */
  exists(mediaId: string, phoneNumberId: string): boolean;
  /** Register media a simulated customer sends (control API inbound image without `id`). */
  createInbound?(input: { phoneNumberId: string; kind: string; mimeType: string; filename?: string }): {
    id: string;
    mime_type: string;
    sha256: string;
    url?: string;
  };
}

export type FlowStatus = 'DRAFT' | 'PUBLISHED' | 'DEPRECATED' | 'BLOCKED' | 'THROTTLED';

/** Registered by the flows module. Without it, any flow id/name is accepted. */
export interface FlowLookup {
  findForSend(
    wabaId: string,
    ref: { flowId?: string; flowName?: string },
  ): { id: string; status: FlowStatus } | null;
  /** Sends of this flow in the last hour (for the THROTTLED 10/hour rule); optional. */
  sendsInLastHour?(flowId: string): number;
  onSent?(flowId: string): void;
}

/** A store that survives restarts: its JSON is kept in the state file under its key. */
export interface PersistentStore {
  toJSON(): unknown;
  load(data: unknown): void;
}
