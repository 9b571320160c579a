import { inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from '../../whatsapp';
import type { AppContext } from '../context';
import { channels, webhookRejections } from '../db/schema';
import { newId } from '../ids';
import type { ChannelDirectory } from './channel-directory';
import { IngestBatcher } from './ingest-batcher';
import { writeEventBatch } from './ingest-writer';
import { type IngestEvent, splitEnvelope, storableJson } from './split-envelope';

export const WEBHOOK_PATH = '/webhooks/whatsapp';
const MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;

function wabaIdsOf(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { entry?: unknown }).entry))
    return [];
  return (body as { entry: Array<{ id?: unknown }> }).entry
    .map((entry) => entry?.id)
    .filter((id): id is string => typeof id === 'string');
}

/**
 * The one callback URL for every connected number. GET answers Meta's verification handshake; POST
 * checks X-Hub-Signature-256 on the raw bytes against the owning app's secret (refused and counted
 * when it does not match), stores every event durably, and only then answers 200.
 */
export function ingressRoutes(ctx: AppContext, directory: ChannelDirectory) {
  // One write at a time: measured faster than overlapping writes on PostgreSQL too (bench:ingest).
  const batcher = new IngestBatcher<IngestEvent>((events) => writeEventBatch(ctx, directory, events));

  return async (app: FastifyInstance): Promise<void> => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_WEBHOOK_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get(WEBHOOK_PATH, async (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      const token = query['hub.verify_token'];
      const known = token ? (await directory.all()).some((channel) => channel.verifyToken === token) : false;
      if (query['hub.mode'] !== 'subscribe' || !known) {
        return reply.status(403).type('text/plain').send('Verification failed: unknown verify token.');
      }
      return reply.type('text/plain').send(query['hub.challenge'] ?? '');
    });

    app.post(WEBHOOK_PATH, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = undefined;
      }
      const wabaIds = wabaIdsOf(body);
      const secrets = await directory.candidateSecrets(wabaIds);
      const signature = request.headers[WEBHOOK_SIGNATURE_HEADER];
      if (!secrets.some((secret) => verifyWebhookSignature(raw, signature, secret))) {
        await recordRejection(
          ctx,
          directory,
          wabaIds,
          signature ? 'signature does not match' : 'signature missing',
          request.ip,
        );
        return reply.status(401).send({
          error: {
            code: 'unauthorized',
            message: 'Missing or invalid X-Hub-Signature-256.',
            requestId: request.id,
          },
        });
      }
      const events = eventsOf(body, raw, request.id);
      await batcher.add(events);
      return reply.status(200).send();
    });
  };
}

/** The events of a verified delivery; a body that is not JSON is kept whole as text. */
function eventsOf(body: unknown, raw: Buffer, requestId: string): IngestEvent[] {
  const keepRaw = (reason: string): IngestEvent[] => [
    {
      dedupeKey: `unsupported:raw:${requestId}`,
      kind: 'unsupported',
      phoneNumberId: null,
      wabaId: null,
      contactWaId: null,
      payload: { reason, body: storableJson(raw.toString('utf8').slice(0, 100_000)) as string },
    },
  ];
  if (body === undefined) return keepRaw('The body is not JSON.');
  return splitEnvelope(body, raw.toString('utf8'));
}

async function recordRejection(
  ctx: AppContext,
  directory: ChannelDirectory,
  wabaIds: string[],
  reason: string,
  ip: string,
) {
  const owners = (await directory.all())
    .filter((channel) => wabaIds.includes(channel.wabaId))
    .map((channel) => channel.id);
  await ctx.db
    .insert(webhookRejections)
    .values({ id: newId('whr'), channelId: owners[0] ?? null, reason, remoteAddress: ip });
  if (owners.length > 0) {
    await ctx.db
      .update(channels)
      .set({ webhookSignatureFailures: sql`${channels.webhookSignatureFailures} + 1` })
      .where(inArray(channels.id, owners));
  }
}
