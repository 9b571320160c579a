import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: unknown;
  /** The body parsed as multipart/form-data (undefined otherwise). */
  form(): Promise<FormData>;
}

export interface Reply {
  status?: number;
  json?: unknown;
  text?: string;
  body?: Buffer;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** A tiny Graph stand-in on 127.0.0.1: records every request and answers with `handler`. */
export async function startTestGraphServer(handler: (req: RecordedRequest) => Reply | undefined) {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks);
      let json: unknown;
      try {
        json = body.length ? JSON.parse(body.toString('utf8')) : undefined;
      } catch {
        json = undefined;
      }
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        json,
        form: () =>
          new Response(body, { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData(),
      };
      requests.push(recorded);
      const reply = handler(recorded) ?? { status: 404, json: { error: { code: 100, message: 'no route' } } };
      const send = () => {
        const payload = reply.body ?? Buffer.from(reply.text ?? JSON.stringify(reply.json ?? {}));
        const type =
          reply.text !== undefined
            ? 'text/html'
            : reply.body
              ? 'application/octet-stream'
              : 'application/json';
        res.writeHead(reply.status ?? 200, { 'content-type': type, ...reply.headers });
        res.end(payload);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
