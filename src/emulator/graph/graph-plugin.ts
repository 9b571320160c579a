import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext, EmulatorModule } from '../core/context';
import { authenticate } from './graph-auth';
import { GraphError, unknownObject, unknownPath } from './graph-error';
import type { GraphMethod } from './graph-nodes';
import { checkGraphVersion } from './graph-version';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false on Graph routes that do not need an access token (OAuth code exchange). */
    graphAuth?: boolean;
  }
}

/** Send a GraphError as Meta's envelope. */
export function sendGraphError(reply: FastifyReply, error: GraphError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply.code(error.http).send(error.toBody());
}

/** Map any error thrown in a Graph route to the Graph envelope (client mistakes are never 500). */
function toGraphError(error: FastifyError | Error): GraphError {
  if (error instanceof GraphError) return error;
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return new GraphError(100, { details: fastifyError.message || 'Invalid parameter' });
  }
  return new GraphError(1, { http: 500, omitErrorData: true, message: 'An unknown error occurred' });
}

/**
 * The Graph side of the emulator: `/{version}/…` routes with version check, auth, fault injection,
 * Meta's error envelope, and the `/{version}/{object-id}` dispatcher. Modules add their routes here.
 */
export function graphPlugin(ctx: EmulatorContext, modules: EmulatorModule[]) {
  return async function graph(app: FastifyInstance): Promise<void> {
    if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);

    app.setErrorHandler((error: FastifyError, request, reply) => {
      const graphError = toGraphError(error);
      if (graphError.http >= 500 && !(error instanceof GraphError))
        request.log.error({ err: error }, 'emulator error');
      return sendGraphError(reply, graphError);
    });

    app.addHook('onRequest', async (request) => {
      const version = (request.params as { version?: string }).version;
      if (version !== undefined) checkGraphVersion(version);
    });

    app.addHook('preHandler', async (request) => {
      if (request.routeOptions.config.graphAuth !== false) authenticate(request, ctx.state, ctx.clock.now());
      const faults = ctx.state.config.faults;
      if (faults.graph_latency_rate > 0 && ctx.random() < faults.graph_latency_rate) {
        await new Promise((resolve) => setTimeout(resolve, faults.graph_latency_ms));
      }
      if (faults.graph_error_rate > 0 && ctx.random() < faults.graph_error_rate) {
        throw new GraphError(131000, { details: 'Injected fault: simulated server error' });
      }
    });

    for (const module of modules) await module.graphRoutes?.(app, ctx);

    const nodeHandler = (method: GraphMethod) => async (request: FastifyRequest, reply: FastifyReply) => {
      const { nodeId } = request.params as { nodeId: string };
      const kind = ctx.graphNodes.find(nodeId);
      const handle = kind?.handle[method];
      if (!handle) throw unknownObject(nodeId, method);
      return handle(nodeId, request, reply);
    };
    app.get('/:version/:nodeId', nodeHandler('GET'));
    app.post('/:version/:nodeId', nodeHandler('POST'));
    app.delete('/:version/:nodeId', nodeHandler('DELETE'));

    const unknownEdge = async (request: FastifyRequest) => {
      const { nodeId, '*': rest } = request.params as { nodeId: string; '*': string };
      if (!ctx.graphNodes.find(nodeId)) throw unknownObject(nodeId, request.method);
      throw unknownPath(`/${rest}`);
    };
    app.route({ method: ['GET', 'POST', 'DELETE'], url: '/:version/:nodeId/*', handler: unknownEdge });
  };
}
