import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshotter, watchPageErrors } from './support/browser';
import { startTestServer } from './support/server';

// The dashboard shell, as people use it: first-run setup, sign out and in, invite a teammate
// who joins from a second browser, and an API key that is shown once and then revoked.

const owner = {
  name: 'Ada Owner',
  email: 'ada@example.com',
  password: 'correct horse battery',
  workspace: 'Acme Support',
};
const teammate = { name: 'Grace Agent', email: 'grace@example.com', password: 'another long password' };

const shot = screenshotter('shell');

describe('dashboard shell', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let ownerPage: Page;
  let ownerProblems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const context = await newContext(browser, server.url);
    ownerPage = await context.newPage();
    ownerProblems = watchPageErrors(ownerPage);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();
  const navLink = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  it('sets up the first owner account and lands in the dashboard', async () => {
    const page = ownerPage;
    await page.goto('/');
    await page.waitForURL('**/setup');
    await heading(page, 'Set up ChatSyncs');
    await shot(page, '01-setup');

    // Mistakes are explained next to the field, before anything is sent.
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account and workspace' }).click();
    await page.getByText('Enter a valid email address').waitFor();
    await page.getByText('Use at least 10 characters').waitFor();
    expect(await page.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
    await shot(page, '02-setup-validation');

    await page.getByLabel('Your name').fill(owner.name);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByLabel('Workspace name').fill(owner.workspace);
    await page.getByRole('button', { name: 'Create account and workspace' }).click();

    await page.waitForURL(/\/w\/[^/]+$/);
    await heading(page, 'Getting started');
    await page.getByRole('button', { name: new RegExp(`Workspace: ${owner.workspace}`) }).waitFor();
    await page.getByText('1 of 3 done').waitFor();
    await shot(page, '03-dashboard');
  });

  it('logs out, refuses a wrong password, and logs back in', async () => {
    const page = ownerPage;
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    await page.getByText('You have been signed out.').waitFor();
    await shot(page, '04-logged-out');

    // Signed-out visitors are sent to the login page.
    await page.goto('/');
    await page.waitForURL('**/login');

    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect' }).waitFor();
    await shot(page, '05-login-wrong-password');

    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/w\/[^/]+$/);
    await heading(page, 'Getting started');
  });

  let inviteLink = '';

  it('invites a teammate and shows the one-time link to copy', async () => {
    const page = ownerPage;
    await navLink(page, 'Members').click();
    await heading(page, 'Members');
    await page.getByRole('row', { name: new RegExp(owner.email) }).waitFor();
    await shot(page, '06-members');

    await navLink(page, 'Invitations').click();
    await heading(page, 'Invitations');
    await page.getByText('No pending invitations').waitFor();
    await shot(page, '07-invitations-empty');

    await page.getByRole('button', { name: 'Invite someone' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite someone' });
    await dialog.getByLabel('Email address').fill(teammate.email);
    await dialog.getByLabel('Role').selectOption('agent');
    await shot(page, '08-invite-dialog');
    await dialog.getByRole('button', { name: 'Create invitation link' }).click();

    const created = page.getByRole('dialog', { name: 'Invitation created' });
    const linkField = created.getByLabel('Invitation link');
    await linkField.waitFor();
    inviteLink = await linkField.inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${server.url}/invite/.+`));
    await created.getByRole('button', { name: 'Copy', exact: true }).click();
    await created.getByRole('button', { name: 'Copied', exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(inviteLink);
    await created.getByText('this link is shown only once').waitFor();
    await shot(page, '09-invite-link');

    await created.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('row', { name: new RegExp(teammate.email) }).waitFor();

    // A second invitation, sent by mistake, is revoked.
    await page.getByRole('button', { name: 'Invite someone' }).click();
    await page
      .getByRole('dialog', { name: 'Invite someone' })
      .getByLabel('Email address')
      .fill('oops@example.com');
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    await page
      .getByRole('dialog', { name: 'Invitation created' })
      .getByRole('button', { name: 'Done' })
      .click();
    const mistake = page.getByRole('row', { name: /oops@example\.com/ });
    await mistake.getByRole('button', { name: /Revoke/ }).click();
    await page
      .getByRole('dialog', { name: 'Revoke this invitation?' })
      .getByRole('button', { name: 'Revoke invitation' })
      .click();
    await page.getByText('Invitation for oops@example.com revoked.').waitFor();
    await mistake.waitFor({ state: 'detached' });
    await shot(page, '10-invitations-pending');
  });

  it('lets the invited person create an account from the link and see the workspace', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const teammateProblems = watchPageErrors(page);

    await page.goto(inviteLink);
    await heading(page, `Join ${owner.workspace}`);
    await page.getByText(`${owner.name} invited you to join ${owner.workspace} as an agent.`).waitFor();
    await shot(page, '11-accept-invitation');

    await page.getByLabel('Your name').fill(teammate.name);
    await page.getByLabel('Choose a password').fill(teammate.password);
    await page.getByRole('button', { name: 'Create account and join' }).click();

    await page.waitForURL(/\/w\/[^/]+$/);
    await heading(page, 'Getting started');
    await page.getByRole('button', { name: new RegExp(`Workspace: ${owner.workspace}`) }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Members' }).count()).toBe(1);
    // Agents don't see admin-only settings.
    expect(await nav.getByRole('link', { name: 'Invitations' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'API keys' }).count()).toBe(0);
    await shot(page, '12-teammate-dashboard');

    await page.getByRole('link', { name: 'View members' }).click();
    await page.getByRole('row', { name: new RegExp(owner.email) }).waitFor();
    await page.getByRole('row', { name: new RegExp(teammate.email) }).waitFor();
    expect(await page.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    await shot(page, '13-teammate-members');

    // The checklist remembers that the team was looked at.
    await nav.getByRole('link', { name: 'Getting started' }).click();
    await page.getByText('2 of 2 done').waitFor();

    // Typing an admin-only address doesn't reveal the page.
    await page.goto(`${new URL(page.url()).pathname}/settings/api-keys`);
    await page.getByText('This page is for workspace admins').waitFor();
    await shot(page, '14-teammate-admin-only');

    expect(teammateProblems).toEqual([]);
    await context.close();
  });

  it('changes a member role and switches between workspaces', async () => {
    const page = ownerPage;
    await navLink(page, 'Members').click();
    const row = page.getByRole('row', { name: new RegExp(teammate.email) });
    await row.getByLabel(`Role of ${teammate.name}`).selectOption('admin');
    await page.getByText(`${teammate.name} is now an admin.`).waitFor();
    expect(await row.getByLabel(`Role of ${teammate.name}`).inputValue()).toBe('admin');
    await shot(page, '15-role-changed');

    await page.getByRole('button', { name: /^Workspace: / }).click();
    await page.getByRole('button', { name: 'Create workspace' }).waitFor();
    await shot(page, '16-workspace-switcher');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a workspace' });
    await dialog.getByLabel('Workspace name').fill('Acme Sales');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('button', { name: /^Workspace: Acme Sales/ }).waitFor();
    await heading(page, 'Getting started');
    const salesUrl = page.url();

    await page.getByRole('button', { name: /^Workspace: / }).click();
    await page.getByRole('link', { name: owner.workspace, exact: true }).click();
    await page.getByRole('button', { name: new RegExp(`^Workspace: ${owner.workspace}`) }).waitFor();
    expect(page.url()).not.toBe(salesUrl);

    // The workspace opened last comes back on the next visit to `/`.
    await page.goto('/');
    await page.getByRole('button', { name: new RegExp(`^Workspace: ${owner.workspace}`) }).waitFor();

    await page.goto('/w/not-a-workspace/settings/members');
    await page.getByText("You can't open this workspace").waitFor();
    await shot(page, '17-unknown-workspace');
    await page.getByRole('link', { name: 'Go to my workspace' }).click();
    await heading(page, 'Getting started');
  });

  it('lets someone with an account sign in from an invitation and join a second workspace', async () => {
    const page = ownerPage;
    await page.getByRole('button', { name: /^Workspace: / }).click();
    await page.getByRole('link', { name: 'Acme Sales', exact: true }).click();
    await page.getByRole('button', { name: /^Workspace: Acme Sales/ }).waitFor();
    await navLink(page, 'Invitations').click();
    await page.getByRole('button', { name: 'Invite someone' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite someone' });
    await dialog.getByLabel('Email address').fill(teammate.email);
    await dialog.getByLabel('Role').selectOption('admin');
    await dialog.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await page
      .getByRole('dialog', { name: 'Invitation created' })
      .getByLabel('Invitation link')
      .inputValue();
    await page.getByRole('button', { name: 'Done' }).click();

    const context = await newContext(browser, server.url);
    const invitee = await context.newPage();
    const inviteeProblems = watchPageErrors(invitee);
    await invitee.goto(link);
    await invitee.getByText(`You already have a ChatSyncs account for ${teammate.email}`).waitFor();
    await shot(invitee, '18-accept-existing-account');
    await invitee.getByRole('link', { name: 'Sign in to accept' }).click();
    await invitee.waitForURL('**/login?**');
    expect(await invitee.getByLabel('Email').inputValue()).toBe(teammate.email);
    await invitee.getByLabel('Password').fill(teammate.password);
    await invitee.getByRole('button', { name: 'Sign in' }).click();

    // Back on the invitation, now signed in: one click to join.
    await invitee.getByRole('button', { name: 'Join Acme Sales' }).click();
    await invitee.getByRole('button', { name: /^Workspace: Acme Sales/ }).waitFor();
    await navLink(invitee, 'API keys').waitFor();
    await shot(invitee, '19-joined-second-workspace');
    expect(inviteeProblems).toEqual([]);
    await context.close();

    // The owner removes them from this workspace again.
    await navLink(page, 'Members').click();
    const row = page.getByRole('row', { name: new RegExp(teammate.email) });
    await row.getByRole('button', { name: /Remove/ }).click();
    const confirm = page.getByRole('dialog', { name: `Remove ${teammate.name}?` });
    await confirm.getByText('will lose access to Acme Sales immediately').waitFor();
    await confirm.getByRole('button', { name: 'Remove member' }).click();
    await page.getByText(`${teammate.name} was removed from Acme Sales.`).waitFor();
    await row.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: /^Workspace: / }).click();
    await page.getByRole('link', { name: owner.workspace, exact: true }).click();
    await page.getByRole('button', { name: new RegExp(`^Workspace: ${owner.workspace}`) }).waitFor();
  });

  it('creates an API key, shows the secret once, and revokes it', async () => {
    const page = ownerPage;
    await navLink(page, 'API keys').click();
    await heading(page, 'API keys');
    await page.getByText('No API keys yet').waitFor();
    await shot(page, '20-api-keys-empty');

    await page.getByRole('button', { name: 'Create API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByLabel('Key name').fill('CRM sync');
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const secretDialog = page.getByRole('dialog', { name: 'Your new API key' });
    const secret = await secretDialog.getByLabel('Secret key').inputValue();
    expect(secret).toMatch(/^csk_/);
    await secretDialog.getByText('This is the only time the key is shown').waitFor();
    await secretDialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await secretDialog.getByRole('button', { name: 'Copied', exact: true }).waitFor();
    await shot(page, '21-api-key-secret');

    await secretDialog.getByRole('button', { name: "I've copied the key" }).click();
    const row = page.getByRole('row', { name: /CRM sync/ });
    await row.getByText('Active').waitFor();
    expect(await page.content()).not.toContain(secret);
    await shot(page, '22-api-keys-list');

    await row.getByRole('button', { name: /Revoke/ }).click();
    const confirm = page.getByRole('dialog', { name: /Revoke/ });
    await shot(page, '23-api-key-revoke-confirm');
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await row.getByText(/Revoked/).waitFor();
    expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    await shot(page, '24-api-key-revoked');

    await navLink(page, 'Getting started').click();
    await page.getByText('2 of 3 done').waitFor();
    await shot(page, '25-getting-started-progress');
    expect(ownerProblems).toEqual([]);
  });
});
