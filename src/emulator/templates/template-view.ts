import { GraphError } from '../graph/graph-error';
import type { StoredTemplate } from './template-types';

/** Fields `GET /{template-id}` and the list can return (reference §6.1). */
export const TEMPLATE_FIELDS = [
  'id',
  'name',
  'language',
  'status',
  'category',
  'components',
  'parameter_format',
  'sub_category',
  'previous_category',
  'rejected_reason',
  'quality_score',
  'message_send_ttl_seconds',
  'cta_url_link_tracking_opted_out',
  'library_template_name',
] as const;

export const DEFAULT_TEMPLATE_FIELDS = [
  'name',
  'parameter_format',
  'components',
  'language',
  'status',
  'category',
  'id',
];

/** Parse `fields=a,b` (unknown field → 100 like Graph). */
export function parseTemplateFields(fields: unknown): string[] {
  if (typeof fields !== 'string' || fields.trim() === '') return DEFAULT_TEMPLATE_FIELDS;
  const list = fields
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean);
  for (const field of list) {
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(field))
      throw new GraphError(100, {
        omitErrorData: true,
        message: `(#100) Tried accessing nonexisting field (${field}) on node type (WhatsAppBusinessHSM)`,
      });
  }
  return list.includes('id') ? list : [...list, 'id'];
}

/** The template object as Graph shows it, restricted to `fields`. */
export function templateView(template: StoredTemplate, fields: readonly string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: template.id,
    name: template.name,
    language: template.language,
    status: template.status,
    category: template.category,
    components: template.components,
    parameter_format: template.parameterFormat,
    sub_category: template.subCategory,
    rejected_reason: template.rejectedReason,
    quality_score: {
      score: template.qualityScore,
      date: Math.floor(template.qualityDate / 1000),
    },
    message_send_ttl_seconds: template.messageSendTtlSeconds,
    cta_url_link_tracking_opted_out: false,
  };
  const view: Record<string, unknown> = {};
  for (const field of fields) if (all[field] !== undefined) view[field] = all[field];
  return view;
}
