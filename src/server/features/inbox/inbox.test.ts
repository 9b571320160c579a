import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../../whatsapp';
import { messages, subscribers } from '../../db/schema';
import { eventually, insertChannel } from '../../testing/fixtures';
import { SessionClient, setupOwner } from '../../testing/session-client';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testDatabaseKind } from '../../testing/test-database';

const PHONE_ID = '100000000000001';
const WABA = '200000000000001';
const SECRET = 'test-app-secret';

describe(`inbox API (${testDatabaseKind})`, () => {
  let t: TestApp;
  let owner: SessionClient;
  let wid: string;

  const inbound = async (from: string, id: string, body: string, name: string) => {
    const raw = JSON.stringify({
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
                contacts: [{ profile: { name }, wa_id: from }],
                messages: [
                  {
                    from,
                    id,
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    type: 'text',
                    text: { body },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const response = await t.app.inject({
      method: 'POST',
      url: '/webhooks/whatsapp',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(raw, SECRET) },
      payload: raw,
    });
    expect(response.statusCode).toBe(200);
    await eventually(async () => (await t.ctx.db.select().from(messages).where(eq(messages.wamid, id)))[0]);
  };

  beforeAll(async () => {
    t = await createTestApp({}, { workers: true });
    ({ owner, workspaceId: wid } = await setupOwner(t.app));
    await insertChannel(t.ctx, wid);
    for (let i = 0; i < 5; i++)
      await inbound(
        `1555000000${i}`,
        `wamid.A${i}`,
        i === 3 ? 'Where is my parcel?' : `Hello ${i}`,
        `Customer ${i}`,
      );
  });
  afterAll(() => t.close());

  it('lists conversations newest first with keyset pagination', async () => {
    const first = await owner.get(`/api/workspaces/${wid}/conversations?limit=2`);
    expect(
      first.body.data.map((c: { subscriber: { displayName: string } }) => c.subscriber.displayName),
    ).toEqual(['Customer 4', 'Customer 3']);
    const second = await owner.get(
      `/api/workspaces/${wid}/conversations?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(
      second.body.data.map((c: { subscriber: { displayName: string } }) => c.subscriber.displayName),
    ).toEqual(['Customer 2', 'Customer 1']);
    const third = await owner.get(
      `/api/workspaces/${wid}/conversations?limit=2&cursor=${second.body.nextCursor}`,
    );
    expect(third.body.data).toHaveLength(1);
    expect(third.body.nextCursor).toBeNull();
  });

  it('searches by name, number and message text', async () => {
    const names = async (q: string) =>
      (await owner.get(`/api/workspaces/${wid}/conversations?q=${encodeURIComponent(q)}`)).body.data.map(
        (c: { subscriber: { displayName: string } }) => c.subscriber.displayName,
      );
    expect(await names('parcel')).toEqual(['Customer 3']);
    expect(await names('+1 555 000 0002')).toEqual(['Customer 2']);
    expect(await names('customer 1')).toEqual(['Customer 1']);
    expect(await names('100%')).toEqual([]);
  });

  it('assigns to members only, and filters mine / unassigned / closed', async () => {
    const [conversation] = (await owner.get(`/api/workspaces/${wid}/conversations?q=parcel`)).body.data;
    const me = (await owner.get('/api/auth/me')).body.user.id;
    expect(
      (
        await owner.patch(`/api/workspaces/${wid}/conversations/${conversation.id}`, {
          assigneeId: 'usr_stranger',
        })
      ).status,
    ).toBe(400);
    const assigned = await owner.patch(`/api/workspaces/${wid}/conversations/${conversation.id}`, {
      assigneeId: me,
      botPaused: true,
    });
    expect(assigned.body).toMatchObject({ assignee: { id: me, name: 'Olivia Owner' }, botPaused: true });
    expect(
      (await owner.get(`/api/workspaces/${wid}/conversations?view=mine`)).body.data.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual([conversation.id]);
    expect((await owner.get(`/api/workspaces/${wid}/conversations?view=unassigned`)).body.data).toHaveLength(
      4,
    );
    await owner.patch(`/api/workspaces/${wid}/conversations/${conversation.id}`, { status: 'closed' });
    expect((await owner.get(`/api/workspaces/${wid}/conversations`)).body.data).toHaveLength(4);
    expect(
      (await owner.get(`/api/workspaces/${wid}/conversations?status=closed`)).body.data.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual([conversation.id]);
    // A new message from the customer reopens it.
    await inbound('15550000003', 'wamid.A3b', 'Any news?', 'Customer 3');
    expect((await owner.get(`/api/workspaces/${wid}/conversations/${conversation.id}`)).body).toMatchObject({
      status: 'open',
      unreadCount: 2,
    });
  });

  it('keeps internal notes in the thread without sending them', async () => {
    const [conversation] = (await owner.get(`/api/workspaces/${wid}/conversations?q=Hello 0`)).body.data;
    const note = await owner.post(`/api/workspaces/${wid}/conversations/${conversation.id}/notes`, {
      text: 'VIP customer, be nice',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ direction: 'note', sentBy: { name: 'Olivia Owner' } });
    const thread = (await owner.get(`/api/workspaces/${wid}/conversations/${conversation.id}/messages`)).body
      .data;
    expect(thread.map((m: { direction: string }) => m.direction)).toEqual(['in', 'note']);
    const [row] = await t.ctx.db.select().from(messages).where(eq(messages.id, note.body.id));
    expect(row?.wamid).toBeNull();
  });

  it('refuses a free-form reply when the 24-hour window is closed, with a readable reason', async () => {
    const [conversation] = (await owner.get(`/api/workspaces/${wid}/conversations?q=Hello 1`)).body.data;
    await t.ctx.db
      .update(subscribers)
      .set({ windowExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(subscribers.id, conversation.subscriber.id));
    const summary = (await owner.get(`/api/workspaces/${wid}/conversations/${conversation.id}`)).body;
    expect(summary.window.state).toBe('closed');
    const refused = await owner.post(`/api/workspaces/${wid}/conversations/${conversation.id}/messages`, {
      text: 'Are you there?',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/24-hour/);
    const thread = (await owner.get(`/api/workspaces/${wid}/conversations/${conversation.id}/messages`)).body
      .data;
    expect(thread.some((m: { direction: string }) => m.direction === 'out')).toBe(false);
  });

  it('shows "closing soon" in the last two hours of the window', async () => {
    const [conversation] = (await owner.get(`/api/workspaces/${wid}/conversations?q=Hello 2`)).body.data;
    await t.ctx.db
      .update(subscribers)
      .set({ windowExpiresAt: new Date(Date.now() + 3_600_000) })
      .where(eq(subscribers.id, conversation.subscriber.id));
    expect(
      (await owner.get(`/api/workspaces/${wid}/conversations/${conversation.id}`)).body.window.state,
    ).toBe('closing');
  });

  it('manages saved replies with unique shortcuts', async () => {
    const created = await owner.post(`/api/workspaces/${wid}/saved-replies`, {
      shortcut: 'Hours',
      text: 'We are open 9–17.',
    });
    expect(created.body).toMatchObject({ shortcut: 'hours' });
    expect(
      (await owner.post(`/api/workspaces/${wid}/saved-replies`, { shortcut: 'hours', text: 'again' })).status,
    ).toBe(409);
    expect(
      (await owner.post(`/api/workspaces/${wid}/saved-replies`, { shortcut: 'no spaces', text: 'x' })).status,
    ).toBe(400);
    expect((await owner.get(`/api/workspaces/${wid}/saved-replies`)).body.data).toHaveLength(1);
    expect((await owner.delete(`/api/workspaces/${wid}/saved-replies/${created.body.id}`)).status).toBe(204);
  });

  it("hides one workspace's conversations from another", async () => {
    const other = new SessionClient(t.app);
    await other.post('/api/auth/login', { email: 'owner@example.com', password: 'correct horse battery' });
    const otherWid = (await other.post('/api/workspaces', { name: 'Other' })).body.id;
    const [conversation] = (await owner.get(`/api/workspaces/${wid}/conversations`)).body.data;
    expect((await other.get(`/api/workspaces/${otherWid}/conversations`)).body.data).toEqual([]);
    expect((await other.get(`/api/workspaces/${otherWid}/conversations/${conversation.id}`)).status).toBe(
      404,
    );
    expect(
      (await other.get(`/api/workspaces/${otherWid}/conversations/${conversation.id}/messages`)).status,
    ).toBe(404);
    expect(
      (await other.post(`/api/workspaces/${otherWid}/conversations/${conversation.id}/notes`, { text: 'x' }))
        .status,
    ).toBe(404);
  });
});
