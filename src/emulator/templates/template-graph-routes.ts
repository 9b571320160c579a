import type { FastifyInstance } from 'fastify';
import { parseGraphBody, requireWaba } from '../account/require-waba';
import type { EmulatorContext } from '../core/context';
import { GraphError } from '../graph/graph-error';
import { graphListPage } from './graph-list-page';
import type { TemplateStore } from './template-store';
import type { StoredTemplate } from './template-types';
import { parseTemplateFields, templateView } from './template-view';

function listFilter(query: Record<string, unknown>): (t: StoredTemplate) => boolean {
  const text = (key: string) =>
    typeof query[key] === 'string' && query[key] !== '' ? (query[key] as string) : undefined;
  const name = text('name')?.toLowerCase();
  const statuses = text('status')?.toUpperCase().split(',');
  const category = text('category')?.toUpperCase().split(',');
  const language = text('language')?.split(',');
  const content = text('content')?.toLowerCase();
  return (t) =>
    (!name || t.name.toLowerCase().includes(name)) &&
    (!statuses || statuses.includes(t.status)) &&
    (!category || category.includes(t.category)) &&
    (!language || language.includes(t.language)) &&
    (!content ||
      t.components.some((c) => typeof c.text === 'string' && c.text.toLowerCase().includes(content)));
}

/** `/{waba-id}/message_templates` (reference §6.1). `/{template-id}` is a graph node kind. */
export function templateGraphRoutes(app: FastifyInstance, ctx: EmulatorContext, store: TemplateStore): void {
  app.post('/:version/:wabaId/message_templates', async (request) => {
    const wabaId = requireWaba(ctx, request);
    const template = store.create(wabaId, parseGraphBody(request.body));
    return { id: template.id, status: template.status, category: template.category };
  });

  app.get('/:version/:wabaId/message_templates', async (request) => {
    const wabaId = requireWaba(ctx, request);
    const query = request.query as Record<string, unknown>;
    const fields = parseTemplateFields(query.fields);
    const all = store.list(wabaId);
    const page = graphListPage(request, all.filter(listFilter(query)), (t) => templateView(t, fields));
    if (typeof query.summary !== 'string') return page;
    const summary: Record<string, number> = {};
    for (const key of query.summary.split(',').map((s) => s.trim())) {
      if (key === 'total_count') summary.total_count = all.filter(listFilter(query)).length;
      if (key === 'message_template_count')
        summary.message_template_count = new Set(all.map((t) => t.name)).size;
      if (key === 'message_template_limit') summary.message_template_limit = store.maxTemplates;
    }
    return { ...page, summary };
  });

  app.delete('/:version/:wabaId/message_templates', async (request) => {
    const wabaId = requireWaba(ctx, request);
    const { name, hsm_id: hsmId } = request.query as Record<string, unknown>;
    if (typeof name !== 'string' || name === '')
      throw new GraphError(100, {
        details: 'The parameter name is required.',
        message: '(#100) The parameter name is required',
      });
    store.delete(wabaId, name, typeof hsmId === 'string' && hsmId !== '' ? hsmId : undefined);
    return { success: true };
  });

  ctx.graphNodes.register('message_template', {
    owns: (id) => store.get(id) !== undefined,
    handle: {
      GET: (id, request) =>
        templateView(store.get(id)!, parseTemplateFields((request.query as Record<string, unknown>).fields)),
      POST: (id, request) => {
        store.edit(id, parseGraphBody(request.body));
        return { success: true };
      },
    },
  });
}
