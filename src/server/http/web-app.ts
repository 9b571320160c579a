import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const serverPrefixes = ['/api', '/webhooks', '/sandbox', '/healthz', '/readyz'];

/**
 * Serves the built dashboard (web/dist) with a single-page-app fallback: any GET that is not a
 * server route and asks for HTML gets index.html. Without a build, `/` explains how to make one.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain')
        .send('The dashboard has not been built. Run `npm run build:web` (npm start does this for you).'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false });
  const serveIndex = (reply: { sendFile(file: string): unknown; header(k: string, v: string): unknown }) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
  app.get('/', (_request, reply) => serveIndex(reply));
  app.get('/*', (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const isServerRoute = serverPrefixes.some((prefix) => url === prefix || url.startsWith(`${prefix}/`));
    const looksLikeFile = path.extname(url) !== '';
    if (isServerRoute || looksLikeFile) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `Nothing at ${url}.`, requestId: request.id } });
    }
    return serveIndex(reply);
  });
}
