import Fastify from 'fastify';
import { createEmulator, type Emulator } from '../../../emulator';
import { SessionClient } from '../../testing/session-client';
import type { TestApp } from '../../testing/test-app';

export const PHONE_IDS = [
  '106540352242922',
  '106540352242923',
  '106540352242924',
  '106540352242925',
  '106540352242926',
] as const;
export const WABA_ID = '102290129340398';
export const APP_SECRET = '4f9c1d2e8a7b6c5d4e3f2a1b0c9d8e7f';

/** A one-shot answer the emulator server gives instead of the emulator (cases the emulator can't produce). */
type Fault = { method: string; path: RegExp; reply: { status: number; body: unknown } | 'drop' };

export type TestEmulator = {
  emulator: Emulator;
  url: string;
  control<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body?: unknown,
  ): Promise<T>;
  /** A new token the emulator accepts: `system_user` never expires, `temporary` lasts 24 h. */
  token(type: 'system_user' | 'temporary', expiresInSeconds?: number): Promise<string>;
  /** The next request matching method + path gets this answer (or its connection dropped). */
  fault(fault: Fault): void;
  close(): Promise<void>;
};

/** A real Cloud API emulator on its own Fastify server at 127.0.0.1:<random port>. */
export async function startTestEmulator(): Promise<TestEmulator> {
  const emulator = createEmulator({
    phoneNumbers: PHONE_IDS.map((id) => ({ id })),
    wabaId: WABA_ID,
    appSecret: APP_SECRET,
  });
  const server = Fastify();
  const faults: Fault[] = [];
  server.addHook('onRequest', async (request, reply) => {
    const index = faults.findIndex((f) => f.method === request.method && f.path.test(request.url));
    if (index < 0) return;
    const [fault] = faults.splice(index, 1);
    if (fault!.reply === 'drop') {
      request.raw.socket.destroy();
      return reply;
    }
    return reply.status(fault!.reply.status).send(fault!.reply.body);
  });
  await server.register(emulator.plugin);
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok)
      throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    emulator,
    url,
    control,
    async token(type, expiresInSeconds) {
      const body = await control('POST', '/tokens', {
        type,
        ...(expiresInSeconds ? { expires_in_seconds: expiresInSeconds } : {}),
      });
      return String(body.access_token);
    },
    fault: (fault) => faults.push(fault),
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}

/** A Graph error body as Meta sends it. */
export function graphError(code: number, message: string, extra: Record<string, unknown> = {}) {
  return {
    error: {
      message: `(#${code}) ${message}`,
      type: 'OAuthException',
      code,
      fbtrace_id: 'AbCdEfGh123',
      ...extra,
    },
  };
}

/** Invites a person with `role` and returns them signed in. */
export async function addMember(
  t: TestApp,
  owner: SessionClient,
  wid: string,
  role: 'admin' | 'agent',
  email: string,
) {
  const invited = await owner.post(`/api/workspaces/${wid}/invitations`, { email, role });
  if (invited.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invited.body)}`);
  const member = new SessionClient(t.app);
  const token = String(invited.body.acceptUrl).split('/invite/')[1];
  const accepted = await member.post(`/api/invitations/${token}/accept`, {
    name: `Test ${role}`,
    password: 'a long password 1',
  });
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return member;
}
