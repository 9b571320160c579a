import { CloudApiValidationError } from '../errors/cloud-api-error';
import { graphSuccessSchema } from '../schemas/graph/paging';
import {
  createTemplateResponseSchema,
  type MessageTemplate,
  messageTemplateSchema,
  templateListResponseSchema,
} from '../schemas/graph/templates';
import {
  type TemplateDefinitionInput,
  templateDefinitionSchema,
} from '../schemas/templates/template-definition';
import type { GraphTransport } from './graph-transport';
import { paginate } from './paginate';

export interface ListTemplatesParams {
  limit?: number;
  after?: string;
  before?: string;
  fields?: readonly string[];
  name?: string;
  status?: string;
  category?: string;
  language?: string;
  /** e.g. ["total_count", "message_template_limit"] */
  summary?: readonly string[];
}

/** Message templates: create, list (one page or all), get, delete (§6). */
export function templateMethods(http: GraphTransport) {
  function listTemplates(wabaId: string, params: ListTemplatesParams = {}) {
    return http.request(templateListResponseSchema, {
      method: 'GET',
      path: [wabaId, 'message_templates'],
      query: { ...params },
    });
  }

  return {
    /** Validates the definition against Meta's creation rules (§6.4), then submits it for review. */
    async createTemplate(wabaId: string, body: TemplateDefinitionInput) {
      const parsed = templateDefinitionSchema.safeParse(body);
      if (!parsed.success) throw new CloudApiValidationError(parsed.error.issues, 'template');
      return http.request(createTemplateResponseSchema, {
        method: 'POST',
        path: [wabaId, 'message_templates'],
        json: parsed.data,
      });
    },

    listTemplates,

    /** Every template across all pages (`limit` sets the page size; `after` the starting cursor). */
    iterateTemplates(
      wabaId: string,
      params: Omit<ListTemplatesParams, 'before'> = {},
    ): AsyncGenerator<MessageTemplate> {
      const { after, ...rest } = params;
      return paginate((cursor) => listTemplates(wabaId, { ...rest, after: cursor }), after);
    },

    getTemplate(templateId: string, fields?: readonly string[]) {
      return http.request(messageTemplateSchema, { method: 'GET', path: [templateId], query: { fields } });
    },

    /** Deletes every language of `name`, or only the version `hsmId` when given. */
    deleteTemplate(wabaId: string, params: { name: string; hsmId?: string }) {
      return http.request(graphSuccessSchema, {
        method: 'DELETE',
        path: [wabaId, 'message_templates'],
        query: { name: params.name, hsm_id: params.hsmId },
      });
    },
  };
}
