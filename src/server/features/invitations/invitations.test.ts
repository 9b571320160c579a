import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionClient, setupOwner } from '../../testing/session-client';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testDatabaseKind } from '../../testing/test-database';

const tokenOf = (acceptUrl: string) => acceptUrl.split('/invite/')[1]!;

describe(`team: invitations, members and roles (${testDatabaseKind})`, () => {
  let t: TestApp;
  let owner: SessionClient;
  let wid: string;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://chat.example.com' });
    ({ owner, workspaceId: wid } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  it('invites by email, shows the link once, and the invitee joins with a new account', async () => {
    const created = await owner.post(`/api/workspaces/${wid}/invitations`, {
      email: 'Ada@Example.com',
      role: 'admin',
    });
    expect(created.status).toBe(201);
    expect(created.body.acceptUrl).toMatch(/^https:\/\/chat\.example\.com\/invite\/[\w-]{40,}$/);
    expect(created.body.invitation).toMatchObject({
      email: 'ada@example.com',
      role: 'admin',
      invitedBy: { name: 'Olivia Owner' },
    });
    const listed = await owner.get(`/api/workspaces/${wid}/invitations`);
    expect(listed.body.data).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(tokenOf(created.body.acceptUrl));

    const ada = new SessionClient(t.app);
    const info = await ada.get(`/api/invitations/${tokenOf(created.body.acceptUrl)}`);
    expect(info.body).toMatchObject({
      workspaceName: 'Acme',
      email: 'ada@example.com',
      role: 'admin',
      accountExists: false,
      signedInAs: null,
    });
    const missing = await ada.post(`/api/invitations/${tokenOf(created.body.acceptUrl)}/accept`, {});
    expect(missing.status).toBe(400);
    const accepted = await ada.post(`/api/invitations/${tokenOf(created.body.acceptUrl)}/accept`, {
      name: 'Ada',
      password: 'ada password 1',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.workspaces).toEqual([{ id: wid, name: 'Acme', role: 'admin' }]);
    expect(
      (await ada.get(`/api/workspaces/${wid}/members`)).body.data.map((m: { email: string }) => m.email),
    ).toEqual(['owner@example.com', 'ada@example.com']);
    // used links do not work twice, and are no longer pending
    expect(
      (await new SessionClient(t.app).get(`/api/invitations/${tokenOf(created.body.acceptUrl)}`)).status,
    ).toBe(404);
    expect((await owner.get(`/api/workspaces/${wid}/invitations`)).body.data).toHaveLength(0);
  });

  it('refuses to invite an existing member', async () => {
    const response = await owner.post(`/api/workspaces/${wid}/invitations`, {
      email: 'ada@example.com',
      role: 'agent',
    });
    expect(response.status).toBe(409);
  });

  it('a revoked invitation link stops working', async () => {
    const created = await owner.post(`/api/workspaces/${wid}/invitations`, {
      email: 'carl@example.com',
      role: 'agent',
    });
    expect(
      (await owner.delete(`/api/workspaces/${wid}/invitations/${created.body.invitation.id}`)).status,
    ).toBe(204);
    const carl = new SessionClient(t.app);
    const response = await carl.post(`/api/invitations/${tokenOf(created.body.acceptUrl)}/accept`, {
      name: 'Carl',
      password: 'carl password 1',
    });
    expect(response.status).toBe(404);
  });

  it('an existing account must sign in to accept, and only as the invited email', async () => {
    const other = await setupOwnerlessAccount(owner, wid, t);
    const created = await owner.post(`/api/workspaces/${wid}/invitations`, {
      email: 'dora@example.com',
      role: 'agent',
    });
    const anonymous = new SessionClient(t.app);
    const info = await anonymous.get(`/api/invitations/${tokenOf(created.body.acceptUrl)}`);
    expect(info.body.accountExists).toBe(true);
    expect(
      (await anonymous.post(`/api/invitations/${tokenOf(created.body.acceptUrl)}/accept`, {})).status,
    ).toBe(401);
    const wrongPerson = await owner.post(`/api/invitations/${tokenOf(created.body.acceptUrl)}/accept`, {});
    expect(wrongPerson.status).toBe(403);
    const accepted = await other.post(`/api/invitations/${tokenOf(created.body.acceptUrl)}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.workspaces.map((w: { id: string }) => w.id)).toContain(wid);
  });

  it('changes roles and removes members, but never the owner', async () => {
    const members = (await owner.get(`/api/workspaces/${wid}/members`)).body.data;
    const ada = members.find((m: { email: string }) => m.email === 'ada@example.com');
    const ownerMember = members.find((m: { role: string }) => m.role === 'owner');
    expect(
      (await owner.patch(`/api/workspaces/${wid}/members/${ada.userId}`, { role: 'agent' })).body.role,
    ).toBe('agent');
    const demote = await owner.patch(`/api/workspaces/${wid}/members/${ownerMember.userId}`, {
      role: 'agent',
    });
    expect(demote.status).toBe(400);
    expect((await owner.delete(`/api/workspaces/${wid}/members/${ownerMember.userId}`)).status).toBe(400);
    expect((await owner.delete(`/api/workspaces/${wid}/members/${ada.userId}`)).status).toBe(204);
    expect(
      (await owner.get(`/api/workspaces/${wid}/members`)).body.data.some(
        (m: { email: string }) => m.email === 'ada@example.com',
      ),
    ).toBe(false);
  });
});

/** Dora gets an account (through another workspace's invitation) before being invited to Acme. */
async function setupOwnerlessAccount(owner: SessionClient, wid: string, t: TestApp): Promise<SessionClient> {
  const second = (await owner.post('/api/workspaces', { name: 'Side project' })).body.id;
  const invite = await owner.post(`/api/workspaces/${second}/invitations`, {
    email: 'dora@example.com',
    role: 'agent',
  });
  const dora = new SessionClient(t.app);
  await dora.post(`/api/invitations/${tokenOf(invite.body.acceptUrl)}/accept`, {
    name: 'Dora',
    password: 'dora password 1',
  });
  expect(wid).not.toBe(second);
  return dora;
}
