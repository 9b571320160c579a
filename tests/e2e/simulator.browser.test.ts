import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudApiClient, type SendMessagePayloadInput } from '../../src/whatsapp';
import { launchBrowser, newContext, screenshotter, watchPageErrors } from './support/browser';
import { startTestServer } from './support/server';

// The phone simulator's interactive messages: the business (the sandbox Graph API with the sandbox
// number's token) sends buttons, a list, a CTA URL, a location request, a WhatsApp Flow and a photo;
// the customer answers each one on the simulated phone and the Inbox shows the answers.

const shot = screenshotter('simulator');
const waId = '15551239876';
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGNkaPjPQApgIkn1qIahpAEA3+sCO/Yq4qAAAAAASUVORK5CYII=',
  'base64',
);
const flowJson = {
  version: '7.1',
  screens: [
    {
      id: 'DELIVERY',
      title: 'Delivery details',
      terminal: true,
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextHeading', text: 'Where should we deliver?' },
          { type: 'TextInput', name: 'full_name', label: 'Full name', required: true },
          {
            type: 'Dropdown',
            name: 'slot',
            label: 'Delivery slot',
            required: true,
            'data-source': [
              { id: 'morning', title: 'Morning (8–12)' },
              { id: 'evening', title: 'Evening (17–21)' },
            ],
          },
          {
            type: 'Footer',
            label: 'Confirm',
            'on-click-action': {
              name: 'complete',
              // biome-ignore lint/suspicious/noTemplateCurlyInString: Flow JSON's own ${form.…} syntax
              payload: { full_name: '${form.full_name}', slot: '${form.slot}' },
            },
          },
        ],
      },
    },
  ],
};

/**
 * The product retries a status for a message it did not send (it may still be saving the send) for
 * a while, and events of one customer are applied in order, so statuses of the messages this test
 * sends straight to the Graph API would hold the customer's answers back for tens of seconds. The
 * sandbox (control API, loopback only) is told to send sent/delivered statuses much later instead.
 */
async function holdStatuses(serverUrl: string): Promise<void> {
  const answer = await fetch(`${serverUrl}/sandbox/_sandbox/config`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status_delays_ms: { sent: 600_000, delivered: 600_000 } }),
  });
  if (!answer.ok) throw new Error(`PATCH /_sandbox/config answered ${answer.status}`);
}

describe('phone simulator: interactive messages', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let phone: Page;
  let inbox: Page;
  let business: ReturnType<typeof createCloudApiClient>;
  let phoneNumberId: string;
  let flowId: string;
  const problems: string[] = [];
  const screen = () => phone.getByRole('region', { name: /Phone of Maria/ });
  const thread = () => inbox.getByRole('region', { name: 'Conversation with Maria' });
  const send = (message: Record<string, unknown>) =>
    business.sendMessage(phoneNumberId, {
      messaging_product: 'whatsapp',
      to: waId,
      ...message,
    } as SendMessagePayloadInput);
  const received = (text: string | RegExp): Locator =>
    screen().locator('.phone-row.is-theirs').filter({ hasText: text }).last();
  const inboxIn = (text: string): Locator =>
    thread().locator('.msg-row.msg-in').filter({ hasText: text }).last();

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    context = await newContext(browser, server.url);
    phone = await context.newPage();
    problems.push(...[]);
    const phoneProblems = watchPageErrors(phone);
    phone.on('close', () => problems.push(...phoneProblems));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the customer writes first, the business gets its sandbox credentials and a published flow', async () => {
    await phone.goto('/');
    await phone.waitForURL('**/setup');
    await phone.getByLabel('Your name').fill('Ada Owner');
    await phone.getByLabel('Email').fill('ada@example.com');
    await phone.getByLabel('Password').fill('correct horse battery');
    await phone.getByLabel('Workspace name').fill('Acme Support');
    await phone.getByRole('button', { name: 'Create account and workspace' }).click();
    await phone.waitForURL(/\/w\/[^/]+$/);
    const workspaceUrl = phone.url();
    const wid = workspaceUrl.split('/w/')[1]!;
    await phone.goto(`${workspaceUrl}/simulator`);
    await phone.getByLabel('WhatsApp number (wa_id)').fill(waId);
    await phone.getByLabel('Profile name').fill('Maria');
    await phone.getByRole('button', { name: 'Create customer' }).click();
    await phone.getByLabel('Message as the customer').fill('Hi! What can I order?');
    await phone.keyboard.press('Enter');
    await screen()
      .locator('.phone-row.is-mine')
      .getByRole('img', { name: /Sent|Delivered|Read/ })
      .waitFor();

    const info = await context.request.get(`/api/workspaces/${wid}/simulator`);
    phoneNumberId = (await info.json()).phoneNumber.id;
    const identity = JSON.parse(readFileSync(path.join(server.dataDir, 'sandbox-identity.json'), 'utf8'));
    business = createCloudApiClient({
      baseUrl: `${server.url}/sandbox`,
      apiVersion: 'v24.0',
      accessToken: identity.accessToken,
    });
    flowId = (await business.createFlow(identity.wabaId, { name: 'delivery', categories: ['OTHER'] })).id;
    expect((await business.uploadFlowJson(flowId, flowJson)).validation_errors).toEqual([]);
    await business.publishFlow(flowId);
    await holdStatuses(server.url);

    inbox = await context.newPage();
    const inboxProblems = watchPageErrors(inbox);
    inbox.on('close', () => problems.push(...inboxProblems));
    await inbox.goto(`${workspaceUrl}/inbox`);
    await inbox.getByRole('link', { name: /^Maria/ }).click();
    await inboxIn('Hi! What can I order?').waitFor();
  });

  it('taps a reply button: the Inbox shows the chosen title', async () => {
    await send({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'What would you like today?' },
        footer: { text: 'Acme Bakery' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'bread', title: 'Bread' } },
            { type: 'reply', reply: { id: 'cake', title: 'Cake' } },
            { type: 'reply', reply: { id: 'coffee', title: 'Coffee' } },
          ],
        },
      },
    });
    const message = received('What would you like today?');
    await message.getByRole('button', { name: 'Coffee' }).waitFor();
    await shot(phone, '01-reply-buttons');
    await message.getByRole('button', { name: 'Cake' }).click();
    await screen().locator('.phone-row.is-mine').filter({ hasText: 'Cake' }).waitFor();
    await inboxIn('Cake').waitFor();
    await shot(phone, '02-button-tapped');
    await shot(inbox, '03-inbox-button-reply');
  });

  it('picks a row of a list with two sections: the Inbox shows it', async () => {
    await send({
      type: 'interactive',
      interactive: {
        type: 'list',
        header: { type: 'text', text: 'Menu' },
        body: { text: 'Pick a cake' },
        action: {
          button: 'See cakes',
          sections: [
            {
              title: 'Classics',
              rows: [
                { id: 'choc', title: 'Chocolate', description: 'Dark, 70%' },
                { id: 'cheese', title: 'Cheesecake' },
              ],
            },
            {
              title: 'Seasonal',
              rows: [{ id: 'pumpkin', title: 'Pumpkin pie', description: 'Autumn only' }],
            },
          ],
        },
      },
    });
    const message = received('Pick a cake');
    await message.getByText('See cakes').click();
    await message.getByText('Seasonal').waitFor();
    await shot(phone, '04-list-open');
    await message.getByRole('button', { name: /Pumpkin pie/ }).click();
    await screen().locator('.phone-row.is-mine').filter({ hasText: 'Pumpkin pie' }).waitFor();
    await inboxIn('Pumpkin pie').waitFor();
    await shot(inbox, '05-inbox-list-reply');
  });

  it('opens a CTA URL button in a new tab', async () => {
    const url = 'https://shop.acme.example/track?order=1042';
    // No network in tests: the shop's page is answered here.
    await context.route('https://shop.acme.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Order 1042: on its way</h1>' }),
    );
    await send({
      type: 'interactive',
      interactive: {
        type: 'cta_url',
        body: { text: 'Track your order online' },
        action: { name: 'cta_url', parameters: { display_text: 'Track order', url } },
      },
    });
    const link = received('Track your order online').getByRole('link', { name: 'Track order' });
    await link.waitFor();
    await shot(phone, '06-cta-url');
    const [popup] = await Promise.all([phone.waitForEvent('popup'), link.click()]);
    await popup.waitForURL(url);
    expect(popup.url()).toBe(url);
    await popup.close();
  });

  it('answers a location request by sharing a location', async () => {
    await send({
      type: 'interactive',
      interactive: {
        type: 'location_request_message',
        body: { text: 'Where should we deliver?' },
        action: { name: 'send_location' },
      },
    });
    await received('Where should we deliver?').getByRole('button', { name: 'Send location' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Share a location' });
    await dialog.waitFor();
    await shot(phone, '07-location-request');
    await dialog.getByRole('button', { name: 'Eiffel Tower' }).click();
    await inbox.locator('.msg-row.msg-in .msg-location', { hasText: 'Eiffel Tower' }).waitFor();
    await shot(inbox, '08-inbox-location');
  });

  it('fills the WhatsApp Flow form drawn from its Flow JSON: the Inbox shows the submission', async () => {
    await send({
      type: 'interactive',
      interactive: {
        type: 'flow',
        body: { text: 'Tell us how to deliver' },
        action: {
          name: 'flow',
          parameters: {
            flow_message_version: '3',
            flow_token: 'delivery-7',
            flow_id: flowId,
            flow_cta: 'Delivery form',
            flow_action: 'navigate',
            flow_action_payload: { screen: 'DELIVERY' },
          },
        },
      },
    });
    await received('Tell us how to deliver').getByRole('button', { name: 'Delivery form' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Delivery details' });
    await dialog.getByRole('heading', { name: 'Where should we deliver?' }).waitFor();
    await shot(phone, '09-flow-form');
    // Required fields are checked before anything is sent.
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.getByText('Fill in “Full name”.').waitFor();
    await dialog.getByLabel('Full name').fill('Maria Lopez');
    await dialog.getByLabel('Delivery slot').selectOption('evening');
    await shot(phone, '10-flow-filled');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const submitted = inboxIn('📝 Form submitted');
    await submitted.waitFor();
    await submitted.getByText('Maria Lopez').waitFor();
    await submitted.getByText('evening').waitFor();
    await shot(inbox, '11-inbox-form-submitted');
    await shot(phone, '12-flow-sent');
  });

  it('shows a photo the business uploaded', async () => {
    const media = await business.uploadMedia(phoneNumberId, {
      data: png,
      mimeType: 'image/png',
      filename: 'cake.png',
    });
    await send({ type: 'image', image: { id: media.id, caption: 'Your cake is ready' } });
    const photo = received('Your cake is ready').locator('img');
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);
    await shot(phone, '13-photo');
  });

  it('logged no errors in the browser', async () => {
    await inbox.close();
    await phone.close();
    expect(problems).toEqual([]);
  });
});
