import http from 'node:http';
import https from 'node:https';

export interface PostResult {
  status: number | null;
  body: string;
  error?: string;
  durationMs: number;
}

/** Keep-alive agents shared by all deliveries (bounded sockets; concurrency is bounded upstream). */
export function createAgents(maxSockets: number): { http: http.Agent; https: https.Agent } {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets }),
    https: new https.Agent({ keepAlive: true, maxSockets }),
  };
}

/** One HTTP request with a hard timeout; never throws. Reads at most 64 KB of the answer. */
export function sendRequest(
  method: 'GET' | 'POST',
  url: string,
  body: string | undefined,
  headers: Record<string, string>,
  timeoutMs: number,
  agents: { http: http.Agent; https: https.Agent },
): Promise<PostResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: Omit<PostResult, 'durationMs'>): void => {
      if (settled) return;
      settled = true;
      resolve({ ...result, durationMs: Math.round((performance.now() - started) * 10) / 10 });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      done({ status: null, body: '', error: 'invalid callback URL' });
      return;
    }
    const isHttps = target.protocol === 'https:';
    const request = (isHttps ? https : http).request(
      target,
      {
        method,
        agent: isHttps ? agents.https : agents.http,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < 65_536) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          done({ status: response.statusCode ?? null, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', (error) =>
          done({ status: response.statusCode ?? null, body: '', error: error.message }),
        );
      },
    );
    request.on('timeout', () => {
      request.destroy(new Error(`timed out after ${timeoutMs} ms`));
    });
    request.on('error', (error) => done({ status: null, body: '', error: error.message }));
    request.end(body);
  });
}
