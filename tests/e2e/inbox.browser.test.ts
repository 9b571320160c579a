import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshotter, watchPageErrors } from './support/browser';
import { startTestServer } from './support/server';

// The live-chat loop as a demo runs it: a simulated customer writes to the Sandbox number from the
// Phone simulator, the conversation appears in the Inbox without a reload, an agent answers, the
// phone receives it, the customer reads it and the agent's ticks turn blue.

const owner = {
  name: 'Ada Owner',
  email: 'ada@example.com',
  password: 'correct horse battery',
  workspace: 'Acme Support',
};

const shot = screenshotter('inbox');

describe('inbox and phone simulator', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let phone: Page;
  let inbox: Page;
  const problems: string[] = [];

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

  it('sets up the owner and opens the Phone simulator', async () => {
    await phone.goto('/');
    await phone.waitForURL('**/setup');
    await phone.getByLabel('Your name').fill(owner.name);
    await phone.getByLabel('Email').fill(owner.email);
    await phone.getByLabel('Password').fill(owner.password);
    await phone.getByLabel('Workspace name').fill(owner.workspace);
    await phone.getByRole('button', { name: 'Create account and workspace' }).click();
    await phone.waitForURL(/\/w\/[^/]+$/);

    await phone
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Phone simulator' })
      .click();
    await phone.getByRole('heading', { level: 1, name: 'Phone simulator' }).waitFor();
    await phone.getByRole('button', { name: 'Create customer' }).waitFor();
    await shot(phone, '01-simulator-empty');
  });

  it('creates the customer Maria and sends a message from her phone', async () => {
    await phone.getByLabel('Profile name').fill('Maria');
    await phone.getByRole('button', { name: 'Create customer' }).click();
    const phoneScreen = phone.getByRole('region', { name: /Phone of Maria/ });
    await phoneScreen.waitFor();
    await phone.getByLabel('Message as the customer').fill('Hi, is my order ready?');
    await phone.keyboard.press('Enter');
    const sent = phoneScreen.locator('.phone-row.is-mine').filter({ hasText: 'Hi, is my order ready?' });
    await sent.waitFor();
    // The customer's own message gets its ticks once the sandbox delivered it to the business.
    await sent.getByRole('img', { name: /Sent|Delivered|Read/ }).waitFor();
    await shot(phone, '02-simulator-sent');
  });

  it('shows the conversation live in the Inbox with an unread badge', async () => {
    inbox = await context.newPage();
    const inboxProblems = watchPageErrors(inbox);
    inbox.on('close', () => problems.push(...inboxProblems));
    const workspaceUrl = phone.url().replace(/\/simulator.*$/, '');
    await inbox.goto(`${workspaceUrl}/inbox`);
    await inbox.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await inbox.getByRole('link', { name: /^Maria, 1 unread/ }).waitFor();
    await shot(inbox, '03-inbox-list');

    // A second message arrives while the Inbox is open: it shows up without a reload.
    await phone.getByLabel('Message as the customer').fill('Order *#1042*, _thanks!_');
    await phone.keyboard.press('Enter');
    await inbox.getByRole('link', { name: /^Maria, 2 unread/ }).waitFor();
    await expect.poll(() => inbox.locator('.conv-preview').first().textContent()).toContain('Order *#1042*');
    await shot(inbox, '04-inbox-live-update');
  });

  it('opens the conversation, marks it read and answers', async () => {
    await inbox.getByRole('link', { name: /^Maria/ }).click();
    const thread = inbox.getByRole('region', { name: 'Conversation with Maria' });
    await thread.getByText('Hi, is my order ready?').waitFor();
    // WhatsApp formatting is rendered (bold and italic), as text.
    await thread.locator('strong', { hasText: '#1042' }).waitFor();
    await thread.locator('em', { hasText: 'thanks!' }).waitFor();
    // Opening it marks it read: the badge disappears.
    await inbox.getByRole('link', { name: 'Maria', exact: true }).waitFor();
    await inbox.getByRole('complementary', { name: 'Details' }).getByText('Window open').waitFor();
    await shot(inbox, '05-inbox-thread');

    await inbox.getByLabel('Message', { exact: true }).fill('Yes! Pick it up any time.');
    await inbox.keyboard.press('Enter');
    const reply = thread.locator('.msg-row.msg-out').filter({ hasText: 'Yes! Pick it up any time.' });
    await reply.waitFor();
    await reply.getByRole('img', { name: 'Delivered' }).waitFor({ timeout: 20_000 });
    await shot(inbox, '06-inbox-replied');
  });

  it('the phone receives the reply and reads it; the ticks in the Inbox turn blue', async () => {
    const phoneScreen = phone.getByRole('region', { name: /Phone of Maria/ });
    await phoneScreen
      .locator('.phone-row.is-theirs')
      .filter({ hasText: 'Yes! Pick it up any time.' })
      .waitFor();
    await shot(phone, '07-simulator-received');

    await phone.getByRole('button', { name: /Mark (\d+ )?as read/ }).click();
    await phoneScreen.getByText(/read by you/).waitFor();

    const reply = inbox.locator('.msg-row.msg-out').filter({ hasText: 'Yes! Pick it up any time.' });
    await reply.getByRole('img', { name: 'Read' }).waitFor({ timeout: 20_000 });
    expect(await reply.locator('svg.ticks').getAttribute('data-status')).toBe('read');
    await shot(inbox, '08-inbox-read-blue');
    await shot(phone, '09-simulator-read');
  });

  it('adds an internal note that only the team sees', async () => {
    await inbox.getByRole('button', { name: /Note/ }).click();
    await inbox.getByLabel('Internal note').fill('Customer is picking up today.');
    await inbox.keyboard.press('Enter');
    const note = inbox.locator('.msg-row.msg-note').filter({ hasText: 'Customer is picking up today.' });
    await note.getByText('Internal note').waitFor();
    await shot(inbox, '10-inbox-note');
    // The phone never shows notes.
    await phone.waitForTimeout(1500);
    expect(await phone.getByText('Customer is picking up today.').count()).toBe(0);
  });

  it('quotes, reacts and sends a photo; the phone sees all three', async () => {
    const thread = inbox.getByRole('region', { name: 'Conversation with Maria' });
    const phoneScreen = phone.getByRole('region', { name: /Phone of Maria/ });
    await inbox.getByRole('button', { name: /Note/ }).click(); // back to messages

    // Hover a customer message → Reply: the composer shows what is quoted.
    const question = thread.locator('.msg-row.msg-in').filter({ hasText: 'Hi, is my order ready?' });
    await question.hover();
    await question.getByRole('button', { name: 'Reply' }).click();
    await inbox.getByText('Replying to customer').waitFor();
    await inbox.getByLabel('Message', { exact: true }).fill('It is packed and waiting at the counter.');
    await inbox.keyboard.press('Enter');
    const quoted = thread.locator('.msg-row.msg-out').filter({ hasText: 'It is packed and waiting' });
    await quoted.locator('.msg-quote', { hasText: 'Hi, is my order ready?' }).waitFor();

    // React to the customer's second message.
    const order = thread.locator('.msg-row.msg-in').filter({ hasText: '#1042' });
    await order.hover();
    await order.getByRole('button', { name: 'React' }).click();
    await order.getByRole('menuitem', { name: 'React 👍' }).click();
    await order.locator('.msg-reactions', { hasText: '👍' }).waitFor();

    // Attach a photo with a caption; the upload shows progress, then the bubble shows the image.
    await inbox.locator('.composer input[type=file]').setInputFiles({
      name: 'receipt.png',
      mimeType: 'image/png',
      buffer: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGNkaPjPQApgIkn1qIahpAEA3+sCO/Yq4qAAAAAASUVORK5CYII=',
        'base64',
      ),
    });
    const dialog = inbox.getByRole('dialog', { name: 'Send a photo' });
    await dialog.getByLabel('Caption').fill('Your receipt');
    await shot(inbox, '11-inbox-attach');
    await dialog.getByRole('button', { name: 'Send' }).click();
    const photo = thread.locator('.msg-row.msg-out').filter({ hasText: 'Your receipt' });
    await photo.locator('img.msg-image').waitFor();
    await expect
      .poll(() => photo.locator('img.msg-image').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(16);
    await shot(inbox, '12-inbox-quote-reaction-photo');

    // (The quote itself is not checked on the phone: GET …/simulator/customers/:waId/messages
    // doesn't return the message's `context` yet.)
    await phoneScreen.locator('.phone-row.is-theirs', { hasText: 'It is packed and waiting' }).waitFor();
    await phoneScreen.locator('.phone-reactions', { hasText: '👍' }).waitFor();
    await phoneScreen.locator('.phone-row.is-theirs', { hasText: 'Your receipt' }).locator('img').waitFor();
    await shot(phone, '13-simulator-quote-reaction-photo');
  });

  it('saves a reply and inserts it by typing /shortcut', async () => {
    await inbox.getByRole('button', { name: 'Saved replies' }).click();
    const dialog = inbox.getByRole('dialog', { name: 'Saved replies' });
    await dialog.getByLabel('Shortcut').fill('hours');
    await dialog.getByLabel('Reply text').fill("We're open Monday to Friday, 9:00–18:00.");
    await dialog.getByRole('button', { name: 'Add saved reply' }).click();
    await dialog.getByText('/hours').waitFor();
    await shot(inbox, '15-saved-replies');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const box = inbox.getByLabel('Message', { exact: true });
    await box.fill('/ho');
    await inbox.locator('.slash-menu', { hasText: '/hours' }).waitFor();
    await box.press('Enter'); // picks the highlighted reply
    expect(await box.inputValue()).toBe("We're open Monday to Friday, 9:00–18:00.");
    await box.press('Enter'); // sends it
    await inbox.locator('.msg-row.msg-out', { hasText: "We're open Monday to Friday" }).waitFor();
  });

  it('shares a location from the phone; the inbox shows it with a map link', async () => {
    await phone.getByRole('button', { name: 'Share location' }).click();
    await phone
      .getByRole('dialog', { name: 'Share a location' })
      .getByRole('button', { name: 'Eiffel Tower' })
      .click();
    const location = inbox.locator('.msg-row.msg-in .msg-location', { hasText: 'Eiffel Tower' });
    await location.waitFor();
    expect(await location.getByRole('link', { name: 'Open map' }).getAttribute('href')).toContain(
      'openstreetmap.org/?mlat=48.85837&mlon=2.294481',
    );
    await shot(inbox, '14-inbox-location');
  });

  it('logged no errors in the browser', async () => {
    await inbox.close();
    await phone.close();
    expect(problems).toEqual([]);
  });
});
