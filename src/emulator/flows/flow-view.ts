import type { FastifyRequest } from 'fastify';
import { emulatorBase } from '../graph/emulator-base';
import { GraphError } from '../graph/graph-error';
import type { StoredFlow } from './flow-store';

export const FLOW_FIELDS = [
  'id',
  'name',
  'status',
  'categories',
  'validation_errors',
  'json_version',
  'data_api_version',
  'endpoint_uri',
  'preview',
  'whatsapp_business_account',
  'application',
  'health_status',
  'updated_at',
];
const DEFAULT_FIELDS = ['id', 'name', 'status', 'categories', 'validation_errors'];
const PREVIEW_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function parseFlowFields(fields: unknown): string[] {
  if (typeof fields !== 'string' || fields.trim() === '') return DEFAULT_FIELDS;
  const list = fields
    .split(',')
    .map((f) => f.trim().replace(/\..*$/, ''))
    .filter(Boolean);
  for (const field of list)
    if (!FLOW_FIELDS.includes(field))
      throw new GraphError(100, {
        omitErrorData: true,
        message: `(#100) Tried accessing nonexisting field (${field}) on node type (WhatsAppFlow)`,
      });
  return list.includes('id') ? list : [...list, 'id'];
}

/** The flow object as `GET /{flow-id}` shows it (reference §10.3). */
export function flowView(
  flow: StoredFlow,
  fields: string[],
  request: FastifyRequest,
  now: number,
): Record<string, unknown> {
  const base = emulatorBase(request);
  const canSend =
    flow.status === 'BLOCKED' || flow.status === 'DEPRECATED'
      ? 'BLOCKED'
      : flow.status === 'THROTTLED'
        ? 'LIMITED'
        : 'AVAILABLE';
  const all: Record<string, unknown> = {
    id: flow.id,
    name: flow.name,
    status: flow.status,
    categories: flow.categories,
    validation_errors: flow.validationErrors,
    json_version: flow.jsonVersion,
    data_api_version: flow.dataApiVersion,
    endpoint_uri: flow.endpointUri,
    preview: {
      preview_url: `${base}/_sandbox/flows/${flow.id}/flow.json?token=${flow.updatedAt.toString(36)}`,
      expires_at: new Date(now + PREVIEW_TTL_MS).toISOString().replace(/\.\d{3}Z$/, '+0000'),
    },
    whatsapp_business_account: { id: flow.wabaId },
    application: { id: 'sandbox-app', name: 'ChatSyncs Sandbox' },
    health_status: { can_send_message: canSend, entities: [] },
    updated_at: new Date(flow.updatedAt).toISOString().replace(/\.\d{3}Z$/, '+0000'),
  };
  const view: Record<string, unknown> = {};
  for (const field of fields) if (all[field] !== undefined) view[field] = all[field];
  return view;
}
