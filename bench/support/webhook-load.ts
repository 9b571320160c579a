/**
 * Load generator for webhook benchmarks, run as a child process (`fork`) so it does not share an
 * event loop with the server it measures. Posts signed WhatsApp webhooks over keep-alive connections
 * to one URL on 127.0.0.1 for a bounded time, then prints one JSON line with the results.
 * The mix: 70% inbound text messages (unique ids), 30% status batches of three.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';

type Args = {
  url: string;
  secret: string;
  seconds: number;
  connections: number;
  phoneNumberId: string;
  wabaId: string;
  maxRequests: number;
};

function body(n: number, args: Args, runId: string): string {
  const metadata = { display_phone_number: '15550001111', phone_number_id: args.phoneNumberId };
  const now = String(Math.floor(Date.now() / 1000));
  const from = String(15550000000 + (n % 5000));
  const value =
    n % 10 < 7
      ? {
          messaging_product: 'whatsapp',
          metadata,
          contacts: [{ profile: { name: `Customer ${n % 5000}` }, wa_id: from }],
          messages: [
            {
              from,
              id: `wamid.${runId}.${n}`,
              timestamp: now,
              type: 'text',
              text: { body: `Hello number ${n}` },
            },
          ],
        }
      : {
          messaging_product: 'whatsapp',
          metadata,
          statuses: ['sent', 'delivered', 'read'].map((status) => ({
            id: `wamid.out.${runId}.${n}`,
            status,
            timestamp: now,
            recipient_id: from,
            pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' },
          })),
        };
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: args.wabaId, changes: [{ field: 'messages', value }] }],
  });
}

export async function runWebhookLoad(
  args: Args,
): Promise<{ requests: number; errors: number; per_s: number; p50_ms: number; p99_ms: number }> {
  const target = new URL(args.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: args.connections });
  const runId = Math.random().toString(36).slice(2, 8);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = Date.now() + args.seconds * 1000;
  const post = (payload: string) =>
    new Promise<number>((resolve) => {
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            'x-hub-signature-256': `sha256=${createHmac('sha256', args.secret).update(payload).digest('hex')}`,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', () => resolve(0));
      request.end(payload);
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: args.connections }, async () => {
      while (Date.now() < deadline && next < args.maxRequests) {
        const payload = body(next++, args, runId);
        const t0 = performance.now();
        const status = await post(payload);
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(2));
  return {
    requests: latencies.length,
    errors,
    per_s: Math.round(latencies.length / elapsed),
    p50_ms: at(0.5),
    p99_ms: at(0.99),
  };
}

if (process.send) {
  process.once('message', async (args: Args) => {
    process.send!(await runWebhookLoad(args));
    process.exit(0);
  });
}
