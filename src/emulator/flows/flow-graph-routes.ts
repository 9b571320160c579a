import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseGraphBody, requireWaba } from '../account/require-waba';
import type { EmulatorContext } from '../core/context';
import { emulatorBase } from '../graph/emulator-base';
import { GraphError, missingParam, unknownObject } from '../graph/graph-error';
import { readMultipart } from '../media/read-multipart';
import { graphListPage } from '../templates/graph-list-page';
import type { FlowStore } from './flow-store';
import { flowView, parseFlowFields } from './flow-view';

const FLOW_JSON_MAX_BYTES = 10 * 1024 * 1024;

/** Flows API (reference §10.3): create, list, assets, publish, deprecate, read, update, delete. */
export async function flowGraphRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  store: FlowStore,
): Promise<void> {
  if (!app.hasContentTypeParser('multipart/form-data'))
    await app.register(multipart, { limits: { fileSize: FLOW_JSON_MAX_BYTES } });
  const flowOf = (request: FastifyRequest) => {
    const { flowId } = request.params as { flowId: string };
    const flow = store.get(flowId);
    if (!flow || flow.wabaId !== ctx.state.wabaId) throw unknownObject(flowId, request.method);
    return flow;
  };

  app.post('/:version/:wabaId/flows', async (request) => {
    const wabaId = requireWaba(ctx, request);
    const flow = store.create(wabaId, parseGraphBody(request.body));
    return { id: flow.id, success: true, validation_errors: flow.validationErrors };
  });

  app.get('/:version/:wabaId/flows', async (request) => {
    const wabaId = requireWaba(ctx, request);
    const fields = parseFlowFields((request.query as Record<string, unknown>).fields);
    return graphListPage(request, store.list(wabaId), (f) => flowView(f, fields, request, ctx.clock.now()));
  });

  app.post('/:version/:flowId/assets', async (request) => {
    const flow = flowOf(request);
    let text: string | undefined;
    let fields: Record<string, unknown> = {};
    if (request.isMultipart()) {
      const form = await readMultipart(request);
      fields = form.fields;
      if (form.file?.tooLarge) throw new GraphError(100, { details: 'flow.json is too large.' });
      text = form.file?.buffer.toString('utf8');
    } else {
      fields = parseGraphBody(request.body);
      text =
        typeof (request.body as Record<string, unknown>)?.file === 'string'
          ? ((request.body as Record<string, string>).file as string)
          : undefined;
    }
    if (fields.asset_type !== 'FLOW_JSON')
      throw new GraphError(100, { details: 'asset_type must be FLOW_JSON.' });
    if (text === undefined) throw missingParam('file');
    return { success: true, validation_errors: store.uploadJson(flow.id, text) };
  });

  app.get('/:version/:flowId/assets', async (request) => {
    const flow = flowOf(request);
    const data = flow.flowJson
      ? [
          {
            name: 'flow.json',
            asset_type: 'FLOW_JSON',
            download_url: `${emulatorBase(request)}/_sandbox/flows/${flow.id}/flow.json`,
            id: `${flow.id}_json`,
          },
        ]
      : [];
    return graphListPage(request, data, (asset) => asset);
  });

  app.post('/:version/:flowId/publish', async (request) => {
    store.publish(flowOf(request).id);
    return { success: true };
  });

  app.post('/:version/:flowId/deprecate', async (request) => {
    store.deprecate(flowOf(request).id);
    return { success: true };
  });

  const deleteFlow = (id: string) => {
    store.delete(id);
    return { success: true };
  };
  ctx.graphNodes.register('flow', {
    owns: (id) => store.get(id)?.wabaId === ctx.state.wabaId,
    handle: {
      GET: (id, request) =>
        flowView(
          store.get(id)!,
          parseFlowFields((request.query as Record<string, unknown>).fields),
          request,
          ctx.clock.now(),
        ),
      POST: (id, request) => {
        store.updateMetadata(id, parseGraphBody(request.body));
        return { success: true };
      },
      DELETE: deleteFlow,
    },
  });
}
