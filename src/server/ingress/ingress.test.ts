import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../whatsapp';
import {
  channels,
  conversations,
  messages,
  subscribers,
  webhookEvents,
  webhookRejections,
} from '../db/schema';
import { applyEarlyStatuses } from '../features/inbox/apply-status';
import { eventually, insertChannel } from '../testing/fixtures';
import { setupOwner } from '../testing/session-client';
import { createTestApp, type TestApp } from '../testing/test-app';
import { testDatabaseKind } from '../testing/test-database';

const PHONE_ID = '100000000000001';
const WABA = '200000000000001';
const SECRET = 'test-app-secret';

function envelope(value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WABA,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550001111', phone_number_id: PHONE_ID },
              ...value,
            },
          },
        ],
      },
    ],
  };
}
const textMessage = (id: string, body: string, from = '15551234567', ts = Math.floor(Date.now() / 1000)) =>
  envelope({
    contacts: [{ profile: { name: 'Maria' }, wa_id: from }],
    messages: [{ from, id, timestamp: String(ts), type: 'text', text: { body } }],
  });

describe(`webhook ingress (${testDatabaseKind})`, () => {
  let t: TestApp;
  let channelId: string;
  beforeAll(async () => {
    t = await createTestApp({}, { workers: true });
    const { workspaceId } = await setupOwner(t.app);
    channelId = (await insertChannel(t.ctx, workspaceId)).id;
  });
  afterAll(() => t.close());

  const post = (body: unknown, signature: string | null = 'valid') => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return t.app.inject({
      method: 'POST',
      url: '/webhooks/whatsapp',
      headers: {
        'content-type': 'application/json',
        ...(signature
          ? { 'x-hub-signature-256': signature === 'valid' ? signWebhookBody(raw, SECRET) : signature }
          : {}),
      },
      payload: raw,
    });
  };

  it('answers the verification handshake only with a known verify token', async () => {
    const ok = await t.app.inject({
      url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=12345',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('12345');
    const bad = await t.app.inject({
      url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1',
    });
    expect(bad.statusCode).toBe(403);
  });

  it('stores an inbound message before answering 200, then creates subscriber, conversation and message', async () => {
    const response = await post(textMessage('wamid.IN1', 'Hello *shop*'));
    expect(response.statusCode).toBe(200);
    const [stored] = await t.ctx.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.dedupeKey, 'message:wamid.IN1'));
    expect(stored).toMatchObject({ kind: 'message', channelId, contactWaId: '15551234567' });
    const message = await eventually(
      async () => (await t.ctx.db.select().from(messages).where(eq(messages.wamid, 'wamid.IN1')))[0],
    );
    expect(message).toMatchObject({ direction: 'in', type: 'text', status: 'received' });
    const [subscriber] = await t.ctx.db.select().from(subscribers).where(eq(subscribers.waId, '15551234567'));
    expect(subscriber).toMatchObject({ profileName: 'Maria', channelId });
    expect(subscriber!.windowExpiresAt!.getTime() - subscriber!.lastInboundAt!.getTime()).toBe(
      24 * 3_600_000,
    );
    const [conversation] = await t.ctx.db
      .select()
      .from(conversations)
      .where(eq(conversations.subscriberId, subscriber!.id));
    expect(conversation).toMatchObject({
      status: 'open',
      unreadCount: 1,
      lastMessagePreview: 'Hello *shop*',
      lastMessageDirection: 'in',
    });
    const [channel] = await t.ctx.db.select().from(channels).where(eq(channels.id, channelId));
    expect(channel!.lastWebhookAt).not.toBeNull();
  });

  it("ignores Meta's retries and duplicates", async () => {
    for (let i = 0; i < 3; i++) expect((await post(textMessage('wamid.DUP', 'once'))).statusCode).toBe(200);
    await eventually(
      async () => (await t.ctx.db.select().from(messages).where(eq(messages.wamid, 'wamid.DUP')))[0],
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await t.ctx.db.select().from(messages).where(eq(messages.wamid, 'wamid.DUP'))).toHaveLength(1);
    expect(
      await t.ctx.db.select().from(webhookEvents).where(eq(webhookEvents.dedupeKey, 'message:wamid.DUP')),
    ).toHaveLength(1);
  });

  it('refuses forged and missing signatures with 401, counts them, and stores nothing', async () => {
    const forged = await post(textMessage('wamid.FORGED', 'evil'), `sha256=${'0'.repeat(64)}`);
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('unauthorized');
    expect((await post(textMessage('wamid.UNSIGNED', 'evil'), null)).statusCode).toBe(401);
    const raw = JSON.stringify(textMessage('wamid.WRONGKEY', 'evil'));
    const wrongKey = await t.app.inject({
      method: 'POST',
      url: '/webhooks/whatsapp',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signWebhookBody(raw, 'other-secret'),
      },
      payload: raw,
    });
    expect(wrongKey.statusCode).toBe(401);
    const stored = await t.ctx.db.select().from(webhookEvents);
    expect(stored.some((e) => /FORGED|UNSIGNED|WRONGKEY/.test(e.dedupeKey))).toBe(false);
    expect((await t.ctx.db.select().from(webhookRejections)).length).toBeGreaterThanOrEqual(3);
    const [channel] = await t.ctx.db.select().from(channels).where(eq(channels.id, channelId));
    expect(channel!.webhookSignatureFailures).toBeGreaterThanOrEqual(3);
  });

  it('keeps malformed and unknown payloads as unsupported events, never a 5xx', async () => {
    for (const body of [
      'not json at all',
      '{"object":"page"}',
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: WABA, changes: [{ field: 'messages', value: { metadata: {} } }] }],
      }),
    ]) {
      const response = await post(body);
      expect(response.statusCode).toBe(200);
    }
    const unsupported = await t.ctx.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.kind, 'unsupported'));
    expect(unsupported.length).toBeGreaterThanOrEqual(3);
    expect(unsupported.map((e) => (e.payload as { reason: string }).reason).join('\n')).toMatch(/not JSON/);
  });

  it('applies statuses monotonically and keeps the failure reason', async () => {
    await post(textMessage('wamid.CTX', 'for status tests', '15559990000'));
    const inbound = await eventually(
      async () => (await t.ctx.db.select().from(messages).where(eq(messages.wamid, 'wamid.CTX')))[0],
    );
    // An outbound message as the sender would have stored it.
    await t.ctx.db.insert(messages).values({
      id: 'msg_out1',
      workspaceId: inbound.workspaceId,
      conversationId: inbound.conversationId,
      direction: 'out',
      wamid: 'wamid.OUT1',
      type: 'text',
      content: { text: { body: 'hi' } },
      status: 'accepted',
    });
    const status = (state: string, extra: Record<string, unknown> = {}) =>
      envelope({
        statuses: [
          {
            id: 'wamid.OUT1',
            status: state,
            timestamp: String(Math.floor(Date.now() / 1000)),
            recipient_id: '15559990000',
            ...extra,
          },
        ],
      });
    await post(status('read'));
    await post(
      status('delivered', {
        pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' },
      }),
    );
    await post(status('sent'));
    const read = await eventually(async () => {
      const [row] = await t.ctx.db.select().from(messages).where(eq(messages.id, 'msg_out1'));
      return row?.deliveredAt && row.sentAt ? row : undefined;
    });
    expect(read).toMatchObject({ status: 'read', pricingCategory: 'utility', billable: true });

    await t.ctx.db.insert(messages).values({
      id: 'msg_out2',
      workspaceId: inbound.workspaceId,
      conversationId: inbound.conversationId,
      direction: 'out',
      wamid: 'wamid.OUT2',
      type: 'text',
      content: { text: { body: 'late' } },
      status: 'accepted',
    });
    await post(
      envelope({
        statuses: [
          {
            id: 'wamid.OUT2',
            status: 'failed',
            timestamp: String(Math.floor(Date.now() / 1000)),
            recipient_id: '15559990000',
            errors: [
              {
                code: 131047,
                title: 'Re-engagement message',
                error_data: { details: 'Message failed to send because more than 24 hours have passed' },
              },
            ],
          },
        ],
      }),
    );
    const failed = await eventually(async () => {
      const [row] = await t.ctx.db.select().from(messages).where(eq(messages.id, 'msg_out2'));
      return row?.status === 'failed' ? row : undefined;
    });
    expect(failed.error).toMatchObject({ code: 131047, title: 'Re-engagement message' });
    expect(failed.error!.message!.length).toBeGreaterThan(10);
  });

  it('keeps a status that arrives before its message is known, without blocking the contact, and applies it once the wamid is stored', async () => {
    const [anyInbound] = await t.ctx.db.select().from(messages).where(eq(messages.wamid, 'wamid.CTX'));
    await post(
      envelope({
        statuses: [
          {
            id: 'wamid.EARLY',
            status: 'delivered',
            timestamp: String(Math.floor(Date.now() / 1000)),
            recipient_id: '15559990000',
          },
        ],
      }),
    );
    await post(textMessage('wamid.AFTER_EARLY', 'not blocked', '15559990000'));
    await eventually(
      async () => (await t.ctx.db.select().from(messages).where(eq(messages.wamid, 'wamid.AFTER_EARLY')))[0],
    );
    const [early] = await t.ctx.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.dedupeKey, 'status:wamid.EARLY:delivered'));
    expect(early?.processError).toMatch(/No message with id wamid.EARLY/);
    const [before] = await t.ctx.db.select().from(channels).where(eq(channels.id, channelId));

    await t.ctx.db.insert(messages).values({
      id: 'msg_early',
      workspaceId: anyInbound!.workspaceId,
      conversationId: anyInbound!.conversationId,
      direction: 'out',
      wamid: 'wamid.EARLY',
      type: 'text',
      content: { text: { body: 'x' } },
      status: 'accepted',
    });
    await t.ctx.db.transaction((tx) => applyEarlyStatuses(tx, 'wamid.EARLY'));
    const [row] = await t.ctx.db.select().from(messages).where(eq(messages.id, 'msg_early'));
    expect(row?.status).toBe('delivered');
    const [after] = await t.ctx.db.select().from(channels).where(eq(channels.id, channelId));
    expect(after!.webhookProcessingErrors).toBe(before!.webhookProcessingErrors);
  });
});
