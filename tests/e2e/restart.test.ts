import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, HttpSession } from './support/http-session';
import { startTestServer } from './support/server';

describe('data survives a restart on the embedded defaults', () => {
  let dataDir = '';
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps accounts, the Sandbox number and its conversations, on both sides of the emulator', async () => {
    const first = await startTestServer({}, { keepData: true });
    dataDir = first.dataDir;
    const agent = new HttpSession(first.url);
    const setup = await agent.post('/api/setup', {
      name: 'Olivia',
      email: 'olivia@example.com',
      password: 'correct horse battery',
      workspaceName: 'Acme',
    });
    const wid = setup.body.workspaces[0].id;
    await agent.post(`/api/workspaces/${wid}/simulator/customers/15551230009/messages`, {
      type: 'text',
      text: { body: 'before restart' },
    });
    const conversation = await eventually(
      async () => (await agent.get(`/api/workspaces/${wid}/conversations`)).body.data?.[0],
    );
    const before = (await agent.get(`/api/workspaces/${wid}/simulator`)).body.phoneNumber;
    await first.close();

    const second = await startTestServer({}, { dataDir, keepData: true });
    try {
      const again = new HttpSession(second.url);
      expect(
        (
          await again.post('/api/auth/login', {
            email: 'olivia@example.com',
            password: 'correct horse battery',
          })
        ).status,
      ).toBe(200);
      expect((await again.get(`/api/workspaces/${wid}/simulator`)).body.phoneNumber).toEqual(before);
      const phone = await again.get(`/api/workspaces/${wid}/simulator/customers/15551230009/messages`);
      expect(
        phone.body.data.map((m: { content: { text?: { body?: string } } }) => m.content.text?.body),
      ).toContain('before restart');
      // The sandbox still delivers to the restarted server, and replies still reach the phone.
      const reply = await again.post(`/api/workspaces/${wid}/conversations/${conversation.id}/messages`, {
        text: 'after restart',
      });
      expect(reply.status).toBe(201);
      await eventually(async () => {
        const { body } = await again.get(`/api/workspaces/${wid}/simulator/customers/15551230009/messages`);
        return body.data.some(
          (m: { content: { text?: { body?: string } } }) => m.content.text?.body === 'after restart',
        );
      });
    } finally {
      await second.close();
    }
  }, 90_000);
});
