import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshotDir = path.resolve('test-output/screenshots');

/** Debian's Chromium, headless, with background traffic (updates, sync, QUIC) turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh, isolated browser profile (its own cookies and storage) sized like a laptop screen. */
export async function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: baseUrl });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  return context;
}

/**
 * Records what a user would consider broken: uncaught exceptions and console errors other than
 * the browser's own "Failed to load resource" lines for expected 4xx answers.
 */
export function watchPageErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  return problems;
}

/** Saves a full-page screenshot as test-output/screenshots/<prefix>-<name>.png. */
export function screenshotter(prefix: string) {
  mkdirSync(screenshotDir, { recursive: true });
  return async (page: Page, name: string): Promise<void> => {
    await page.screenshot({
      path: path.join(screenshotDir, `${prefix}-${name}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  };
}
