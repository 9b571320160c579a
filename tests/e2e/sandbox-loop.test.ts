import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type HttpSession, setupOwnerSession } from './support/http-session';
import { startTestServer } from './support/server';

/**
 * The whole product as `npm start` runs it, with the embedded sandbox: a simulated customer writes
 * to the workspace's Sandbox number, the message arrives through the real signed webhook, an agent
 * replies from the inbox through the real Graph API path, and the ticks move.
 */
describe('sandbox end to end: simulator → webhook → inbox → Graph API → simulator', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let agent: HttpSession;
  let wid: string;
  beforeAll(async () => {
    server = await startTestServer();
    ({ agent, wid } = await setupOwnerSession(server.url));
  }, 60_000);
  afterAll(() => server?.close());

  it('gives a new workspace a Sandbox number', async () => {
    const simulator = await agent.get(`/api/workspaces/${wid}/simulator`);
    expect(simulator.status).toBe(200);
    expect(simulator.body.phoneNumber.verifiedName).toBe('ChatSyncs Sandbox');
  });

  it('delivers a customer message to the inbox, sends the reply back, and tracks it to read', async () => {
    const sent = await agent.post(`/api/workspaces/${wid}/simulator/customers/15551230001/messages`, {
      type: 'text',
      text: { body: 'Hi, is my order ready?' },
      profile_name: 'Maria',
    });
    expect(sent.status).toBe(200);
    const conversation = await eventually(
      async () => (await agent.get(`/api/workspaces/${wid}/conversations`)).body.data?.[0],
    );
    expect(conversation).toMatchObject({
      unreadCount: 1,
      lastMessagePreview: 'Hi, is my order ready?',
      subscriber: { displayName: 'Maria', phone: '+15551230001' },
      channel: { kind: 'sandbox' },
      window: { state: 'open' },
    });

    const reply = await agent.post(`/api/workspaces/${wid}/conversations/${conversation.id}/messages`, {
      text: 'Yes! Pick it up any time.',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.status).toBe('pending');

    const onPhone = await eventually(async () => {
      const { body } = await agent.get(`/api/workspaces/${wid}/simulator/customers/15551230001/messages`);
      return body.data.find(
        (m: any) => m.direction === 'outbound' && m.content?.text?.body === 'Yes! Pick it up any time.',
      );
    });
    expect(onPhone.type).toBe('text');
    const delivered = await eventually(async () => {
      const { body } = await agent.get(`/api/workspaces/${wid}/conversations/${conversation.id}/messages`);
      const out = body.data.find((m: any) => m.id === reply.body.id);
      return out?.status === 'delivered' ? out : undefined;
    });
    expect(delivered.deliveredAt).not.toBeNull();

    expect((await agent.post(`/api/workspaces/${wid}/simulator/customers/15551230001/read`)).status).toBe(
      200,
    );
    const read = await eventually(async () => {
      const { body } = await agent.get(`/api/workspaces/${wid}/conversations/${conversation.id}/messages`);
      const out = body.data.find((m: any) => m.id === reply.body.id);
      return out?.status === 'read' ? out : undefined;
    });
    expect(read.readAt).not.toBeNull();

    expect((await agent.post(`/api/workspaces/${wid}/conversations/${conversation.id}/read`)).status).toBe(
      204,
    );
    expect(
      (await agent.get(`/api/workspaces/${wid}/conversations/${conversation.id}`)).body.unreadCount,
    ).toBe(0);
  });

  it('downloads an inbound photo through the Media API and serves it to members only', async () => {
    const form = new FormData();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    form.append('file', new Blob([png], { type: 'image/png' }), 'photo.png');
    const upload = await agent.request(
      'POST',
      `/api/workspaces/${wid}/simulator/customers/15551230001/media`,
      form,
    );
    expect(upload.status).toBe(200);
    await agent.post(`/api/workspaces/${wid}/simulator/customers/15551230001/messages`, {
      type: 'image',
      image: { id: upload.body.id, caption: 'the receipt' },
    });
    const conversation = (await agent.get(`/api/workspaces/${wid}/conversations`)).body.data[0];
    const photo = await eventually(async () => {
      const { body } = await agent.get(`/api/workspaces/${wid}/conversations/${conversation.id}/messages`);
      return body.data.find((m: any) => m.type === 'image' && m.hasMedia);
    });
    const media = await fetch(`${server.url}/api/workspaces/${wid}/messages/${photo.id}/media`, {
      headers: { cookie: (agent as any).cookie },
    });
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await media.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(`${server.url}/api/workspaces/${wid}/messages/${photo.id}/media`)).status).toBe(401);
  });

  it("shows WhatsApp's asynchronous 131047 failure with a readable reason when its window has closed", async () => {
    await agent.post(`/api/workspaces/${wid}/simulator/customers/15551230002/messages`, {
      type: 'text',
      text: { body: 'old message' },
    });
    const conversation = await eventually(
      async () => (await agent.get(`/api/workspaces/${wid}/conversations?q=old message`)).body.data?.[0],
    );
    // Move the product's view of the window back by simulating time: the window is stored on the subscriber.
    const control = await fetch(`${server.url}/sandbox/_sandbox/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_seconds: 25 * 3600 }),
    });
    expect(control.status).toBe(200);
    const refused = await agent.post(`/api/workspaces/${wid}/conversations/${conversation.id}/messages`, {
      text: 'late reply',
    });
    // The product's clock is real time, so its own window is still open; WhatsApp (the emulator) refuses asynchronously.
    expect(refused.status).toBe(201);
    const failed = await eventually(async () => {
      const { body } = await agent.get(`/api/workspaces/${wid}/conversations/${conversation.id}/messages`);
      const out = body.data.find((m: any) => m.id === refused.body.id);
      return out?.status === 'failed' ? out : undefined;
    });
    expect(failed.error).toMatchObject({ code: 131047 });
    expect(failed.error.message.length).toBeGreaterThan(20);
  });
});
