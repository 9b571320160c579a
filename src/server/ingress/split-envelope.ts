import { createHash, randomUUID } from 'node:crypto';

/** One unit of work cut out of a webhook delivery, stored as a `webhook_events` row. */
export type IngestEvent = {
  dedupeKey: string;
  kind: 'message' | 'status' | 'change' | 'error' | 'unsupported';
  phoneNumberId: string | null;
  wabaId: string | null;
  contactWaId: string | null;
  payload: Record<string, unknown>;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const digest = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(value) ?? 'undefined')
    .digest('hex')
    .slice(0, 32);

/** Ids go into unique keys (btree-indexed): a very long one is replaced by its hash. */
const keyPart = (value: string) =>
  value.length <= 200 ? value : `sha256:${createHash('sha256').update(value).digest('hex')}`;

/**
 * What PostgreSQL's jsonb cannot hold is replaced, never dropped: NUL characters become U+FFFD and
 * lone UTF-16 surrogates are made well-formed, in strings and in keys.
 */
export function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return value.toWellFormed().replaceAll('\u0000', '\uFFFD');
  if (Array.isArray(value)) return value.map(storableJson);
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [storableJson(key) as string, storableJson(item)]),
    );
  }
  return value;
}

function unsupported(
  reason: string,
  body: unknown,
  wabaId: string | null = null,
  phoneNumberId: string | null = null,
): IngestEvent {
  return {
    dedupeKey: `unsupported:${digest(body)}`,
    kind: 'unsupported',
    phoneNumberId,
    wabaId,
    contactWaId: null,
    payload: { reason, body },
  };
}

/**
 * Cuts a webhook body into events: one per inbound message (keyed by its wamid), one per status
 * (wamid + status), one per other change (keyed by the digest of its content). Only the ids needed
 * for de-duplication and routing are read here, to keep the 200 fast; the full zod validation runs
 * when each event is processed. Nothing is dropped: what cannot be cut is one `unsupported` event.
 */
export function splitEnvelope(raw: unknown, rawText?: string): IngestEvent[] {
  try {
    const body = storableJson(raw);
    const events = cutEvents(body);
    return events.length > 0 ? events : [unsupported('The webhook carries no changes.', body)];
  } catch (error) {
    // e.g. nesting too deep to walk: keep the delivery as text (jsonb could not hold the structure).
    const reason = `The body could not be read as a webhook: ${error instanceof Error ? error.message : String(error)}`;
    const text = storableJson((rawText ?? '').slice(0, 100_000)) as string;
    return [
      {
        dedupeKey: `unsupported:unreadable:${randomUUID()}`,
        kind: 'unsupported',
        phoneNumberId: null,
        wabaId: null,
        contactWaId: null,
        payload: { reason, body: text },
      },
    ];
  }
}

function cutEvents(body: unknown): IngestEvent[] {
  if (!isObject(body) || body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry)) {
    return [unsupported('The body is not a WhatsApp Business Account webhook (object/entry missing).', body)];
  }
  const events: IngestEvent[] = [];
  for (const entry of body.entry) {
    const wabaIdRaw = isObject(entry) ? str(entry.id) : null;
    const wabaId = wabaIdRaw ? keyPart(wabaIdRaw) : null;
    if (!isObject(entry) || !Array.isArray(entry.changes)) {
      events.push(unsupported('An entry has no changes array.', entry, wabaId));
      continue;
    }
    for (const change of entry.changes) {
      if (!isObject(change) || !str(change.field) || !isObject(change.value)) {
        events.push(unsupported('A change has no field or value.', change, wabaId));
        continue;
      }
      if (change.field !== 'messages') {
        events.push({
          dedupeKey: `change:${keyPart(String(change.field))}:${digest(change.value)}`,
          kind: 'change',
          phoneNumberId: null,
          wabaId,
          contactWaId: null,
          payload: { field: change.field, value: change.value, wabaId },
        });
        continue;
      }
      events.push(...splitMessagesChange(change.value, wabaId));
    }
  }
  return events;
}

function splitMessagesChange(value: Record<string, unknown>, wabaId: string | null): IngestEvent[] {
  const metadata = isObject(value.metadata) ? value.metadata : undefined;
  const phoneNumberIdRaw = str(metadata?.phone_number_id);
  const phoneNumberId = phoneNumberIdRaw ? keyPart(phoneNumberIdRaw) : null;
  if (!phoneNumberId)
    return [unsupported('A messages change has no metadata.phone_number_id.', value, wabaId)];
  const events: IngestEvent[] = [];
  const contacts = Array.isArray(value.contacts) ? value.contacts.filter(isObject) : [];
  for (const message of Array.isArray(value.messages) ? value.messages : []) {
    const id = isObject(message) ? str(message.id) : null;
    const from = isObject(message) ? str(message.from) : null;
    if (!isObject(message) || !id || !from) {
      events.push(unsupported('An inbound message has no id or sender.', message, wabaId, phoneNumberId));
      continue;
    }
    const contact =
      contacts.find((c) => c.wa_id === from) ?? (contacts.length === 1 ? contacts[0] : undefined);
    events.push({
      dedupeKey: `message:${keyPart(id)}`,
      kind: 'message',
      phoneNumberId,
      wabaId,
      contactWaId: keyPart(from),
      payload: { message, contact: contact ?? null, metadata },
    });
  }
  for (const status of Array.isArray(value.statuses) ? value.statuses : []) {
    const id = isObject(status) ? str(status.id) : null;
    const state = isObject(status) ? str(status.status) : null;
    if (!isObject(status) || !id || !state) {
      events.push(unsupported('A status has no message id or status.', status, wabaId, phoneNumberId));
      continue;
    }
    events.push({
      dedupeKey: `status:${keyPart(id)}:${keyPart(state)}`,
      kind: 'status',
      phoneNumberId,
      wabaId,
      contactWaId: str(status.recipient_id) ? keyPart(str(status.recipient_id)!) : null,
      payload: { status, metadata },
    });
  }
  if (Array.isArray(value.errors) && value.errors.length > 0) {
    events.push({
      dedupeKey: `error:${digest(value.errors)}`,
      kind: 'error',
      phoneNumberId,
      wabaId,
      contactWaId: null,
      payload: { errors: value.errors, metadata },
    });
  }
  if (events.length === 0)
    events.push(
      unsupported('A messages change carries no messages, statuses or errors.', value, wabaId, phoneNumberId),
    );
  return events;
}
