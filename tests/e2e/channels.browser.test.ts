import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SECRET,
  PHONE_IDS,
  startTestEmulator,
  type TestEmulator,
  WABA_ID,
} from '../../src/server/features/channels/channels.test-support';
import { launchBrowser, newContext, screenshotter, watchPageErrors } from './support/browser';
import { startTestServer } from './support/server';

// Connecting a WhatsApp number as an admin would: the product talks to a separate Cloud API
// emulator standing in for graph.facebook.com (WHATSAPP_GRAPH_URL).

const shot = screenshotter('channels');

describe('WhatsApp numbers page', () => {
  let em: TestEmulator;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    em = await startTestEmulator();
    server = await startTestServer({ WHATSAPP_GRAPH_URL: em.url });
    browser = await launchBrowser();
    const context = await newContext(browser, server.url);
    // Meta's SDK cannot load here (no internet); answer its URL with nothing instead of waiting.
    await context.route('https://connect.facebook.net/**', (route) => route.abort());
    page = await context.newPage();
    problems = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await em?.close();
  });

  const heading = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

  it('shows the sandbox number and says how to connect a real one', async () => {
    await page.goto('/');
    await page.waitForURL('**/setup');
    await page.getByLabel('Your name').fill('Ada Owner');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByLabel('Workspace name').fill('Acme Support');
    await page.getByRole('button', { name: 'Create account and workspace' }).click();
    await page.waitForURL(/\/w\/[^/]+$/);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'WhatsApp numbers' })
      .click();
    await heading('WhatsApp numbers');
    await page.getByRole('heading', { name: 'Connect your own WhatsApp number' }).waitFor();
    const sandboxRow = page.getByRole('row', { name: /Sandbox/ });
    await sandboxRow.getByText('Quality: high').waitFor();
    await shot(page, '01-list-sandbox-only');
  });

  it('checks the form before sending, then explains what Meta refused', async () => {
    await page.getByRole('link', { name: 'Connect a number' }).click();
    await heading('Connect a WhatsApp number');
    await page.getByRole('button', { name: 'Check and connect' }).click();
    await page.getByText('Enter the Phone number ID.').waitFor();
    expect(await page.getByLabel('Phone number ID').getAttribute('aria-invalid')).toBe('true');
    await shot(page, '02-manual-validation');

    const token = await em.token('temporary');
    await page.getByLabel('Phone number ID').fill('123456789012345');
    await page.getByLabel('WhatsApp Business Account ID').fill(WABA_ID);
    await page.getByLabel('Access token').fill(token);
    await page.getByLabel('App secret').fill(APP_SECRET);
    await page.getByRole('button', { name: 'Check and connect' }).click();
    await page
      .getByRole('alert')
      .getByText(/no phone number with this ID/)
      .waitFor();
    await page.getByText('(Meta error 100)').waitFor();
    await shot(page, '03-manual-meta-error');
  });

  it('connects the number and shows what to paste in Meta, with the temporary-token warning', async () => {
    await page.getByLabel('Phone number ID').fill(PHONE_IDS[0]);
    await page.getByLabel('Name in ChatSyncs').fill('Support line');
    await page.getByRole('button', { name: 'Check and connect' }).click();
    await page.getByText('“Support line” is connected').waitFor();
    expect(await page.getByLabel('Callback URL').inputValue()).toBe(`${server.url}/webhooks/whatsapp`);
    expect(await page.getByLabel('Verify token').inputValue()).toMatch(/^[\w-]{30,}$/);
    await page.getByText(/This is a temporary access token/).waitFor();
    await shot(page, '04-connected');

    await page.getByRole('link', { name: "See the number's health" }).click();
    await heading('Support line');
    await page.getByText('Temporary — expires').waitFor();
    await page.getByText('No webhook has arrived from Meta yet').waitFor();
    await shot(page, '05-detail');

    await page.getByRole('button', { name: 'Refresh from Meta' }).click();
    await page.getByText('Health refreshed from Meta.').waitFor();
  });

  it('lists both numbers with health badges, and explains the sandbox number', async () => {
    await page.getByRole('link', { name: '← WhatsApp numbers' }).click();
    await heading('WhatsApp numbers');
    const row = page.getByRole('row', { name: /Support line/ });
    await row.getByText(/Temporary token · expires/).waitFor();
    await row.getByText('250 people / day').waitFor();
    await shot(page, '06-list');

    await page.getByRole('link', { name: 'Sandbox', exact: true }).click();
    await page.getByText(/can’t be refreshed against Meta or removed/).waitFor();
    expect(await page.getByRole('button', { name: 'Remove' }).count()).toBe(0);
    await shot(page, '07-sandbox-detail');
  });

  it('asks for the Meta app settings before offering Connect with Facebook', async () => {
    await page.goto(`${new URL(page.url()).pathname}?connect=embedded`);
    await page.getByRole('heading', { name: 'Embedded Signup settings' }).waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Enter the App ID (digits only).').waitFor();
    const app = (await em.control('GET', '/oauth/app')) as { app_id: string; app_secret: string };
    await page.getByLabel('Meta App ID').fill(app.app_id);
    await page.getByLabel('Configuration ID').fill('778899001122');
    await page.getByLabel('App secret').fill(app.app_secret);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('button', { name: 'Connect with Facebook' }).waitFor();
    await shot(page, '08-embedded-ready');
    // without internet Meta's SDK cannot load: the person is told so
    await page.getByRole('button', { name: 'Connect with Facebook' }).click();
    await page.getByText(/sign-in script could not be loaded/).waitFor();
    await shot(page, '09-embedded-no-sdk');
    expect(problems).toEqual([]);
  });
});
