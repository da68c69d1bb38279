import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/app-process.js';
import { createCareRelay } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { connectVisitor, dropSchema, startTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { launchChromium } from '../helpers/browser.js';
import { startPrivatePostgres } from '../helpers/private-services.js';

let app: TestApp;
let browser: Browser;
// A fresh page loads its script and opens its session (a database round trip) before it says
// "Connected": on a loaded 2-core run that can pass vitest's 1 s polling default. The same bound
// as the widget's tests.
const CONNECTING = { timeout: 20_000 };

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('web chat page in a real browser', () => {
  it('sends a message with the keyboard, shows the reply, and resumes after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(app.url);
    await expect.poll(() => page.locator('#status').textContent(), CONNECTING).toBe('Connected');
    // Accessible names come from labels.
    const input = page.getByRole('textbox', { name: 'Your message' });
    await input.fill('hello');
    await input.press('Enter');
    const log = page.getByRole('log');
    await expect.poll(() => log.locator('.msg--bot').count(), { timeout: 10_000 }).toBe(1);
    expect(await log.locator('.msg--bot .msg__text').textContent()).toMatch(/virtual assistant/);
    expect(await log.locator('.msg--patient .msg__text').textContent()).toBe('hello');
    // Suggested actions are real buttons that send their question.
    const actions = log.locator('.msg--bot .msg__actions button');
    expect(await actions.count()).toBe(3);

    // Nothing overflows a phone-sized screen.
    // Evaluated in the page (a string, so this file needs no DOM typings).
    const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow).toBe(false);

    await page.reload();
    await expect.poll(() => log.locator('.msg').count(), { timeout: 10_000 }).toBe(2);
    await context.close();
  });

  it('switches the page and the bot to Spanish from the language selector', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(app.url);
    await expect.poll(() => page.locator('#status').textContent(), CONNECTING).toBe('Connected');
    await page.getByLabel('Language').selectOption('es');
    await expect.poll(() => page.locator('#send').textContent()).toBe('Enviar');
    expect(await page.evaluate('document.documentElement.lang')).toBe('es');
    await page.getByRole('textbox', { name: 'Su mensaje' }).fill('ayuda');
    await page.getByRole('button', { name: 'Enviar' }).click();
    await expect.poll(() => page.locator('.msg--bot').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.msg--bot .msg__text').textContent()).toMatch(/Puede preguntarme/);
    await context.close();
  });
});

/** How often the page's conversation holds `text` from the patient: the history a resume with the page's token gets. */
async function storedCount(url: string, page: Page, text: string): Promise<number> {
  const token = (await page.evaluate(`localStorage.getItem('carerelay.token')`)) as string;
  const visitor = await connectVisitor(url, { token });
  try {
    return (await visitor.history()).filter((m) => m.role === 'patient' && m.text === text).length;
  } finally {
    visitor.close();
  }
}

async function typeAndSend(page: Page, text: string) {
  const input = page.getByRole('textbox', { name: 'Your message' });
  await input.fill(text);
  await input.press('Enter');
}

describe('web chat page through outages', () => {
  it('keeps a message typed while the server is down, shows it pending, and stores it once when the server is back', async () => {
    const port = await freePort();
    // The embedded database (no DATABASE_URL) on disk, so the restarted server has the same data.
    const dataDir = mkdtempSync(join(tmpdir(), 'carerelay-restart-'));
    const config = testConfig({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir });
    // Stopped and started on the same port with the same database, as a restart would.
    let relay = await createCareRelay(config, { logger: createLogger(config.logLevel) });
    await relay.listen();
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}`);
      await expect.poll(() => page.locator('#status').textContent(), CONNECTING).toBe('Connected');
      await typeAndSend(page, 'hello');
      await expect.poll(() => page.locator('.msg--bot').count(), { timeout: 10_000 }).toBe(1);

      await relay.close();
      await expect.poll(() => page.locator('#status').textContent(), { timeout: 10_000 }).toBe('Connection lost. Reconnecting…');
      await typeAndSend(page, 'are you still there?');
      const row = page.locator('.msg--patient').last();
      expect(await row.locator('.msg__text').textContent()).toBe('are you still there?');
      expect(await row.getAttribute('class')).toContain('msg--pending');
      expect(await row.locator('.msg__state').textContent()).toBe('Waiting to send…');
      // Kept in sessionStorage too, with the clientId it will be sent with.
      const saved = JSON.parse((await page.evaluate(`sessionStorage.getItem('carerelay.pending')`)) as string) as { text: string; clientId: string }[];
      expect(saved.map((m) => m.text)).toEqual(['are you still there?']);

      relay = await createCareRelay(config, { logger: createLogger(config.logLevel) });
      await relay.listen();
      await expect.poll(() => page.locator('.msg--pending').count(), { timeout: 30_000 }).toBe(0);
      await expect.poll(() => page.locator('.msg--bot').count(), { timeout: 10_000 }).toBe(2);
      expect(await storedCount(`http://127.0.0.1:${port}`, page, 'are you still there?')).toBe(1);
      expect(await page.locator('.msg--patient .msg__text', { hasText: 'are you still there?' }).count()).toBe(1);
      expect(await page.evaluate(`sessionStorage.getItem('carerelay.pending')`)).toBeNull();
    } finally {
      await context.close();
      await relay.close();
      await dropSchema(config);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a page opened during a PostgreSQL outage reconnects by itself and sends what was typed meanwhile', async () => {
    const pg = await startPrivatePostgres();
    const config = testConfig({ DATABASE_URL: pg.url });
    const relay = await createCareRelay(config, { logger: createLogger(config.logLevel) });
    const address = await relay.listen();
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      await pg.stop();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${address.port}`);
      // The server refuses the session (connect_error `unavailable`); the page keeps trying.
      await expect.poll(() => page.locator('#status').textContent(), { timeout: 10_000 }).toBe('Connection lost. Reconnecting…');
      await typeAndSend(page, 'is anyone there?');
      expect(await page.locator('.msg--pending').count()).toBe(1);

      await pg.start();
      await expect.poll(() => page.locator('#status').textContent(), { timeout: 60_000 }).toBe('Connected');
      await expect.poll(() => page.locator('.msg--pending').count(), { timeout: 15_000 }).toBe(0);
      await expect.poll(() => page.locator('.msg--bot').count(), { timeout: 10_000 }).toBe(1);
      expect(await storedCount(`http://127.0.0.1:${address.port}`, page, 'is anyone there?')).toBe(1);
    } finally {
      await context.close();
      await relay.close();
      await pg.destroy();
    }
  }, 120_000);

  it('"End chat" ends the conversation, forgets the token and starts a new chat', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(app.url);
    await expect.poll(() => page.locator('#status').textContent(), CONNECTING).toBe('Connected');
    await typeAndSend(page, 'hello');
    await expect.poll(() => page.locator('.msg--bot').count(), { timeout: 10_000 }).toBe(1);
    const token = (await page.evaluate(`localStorage.getItem('carerelay.token')`)) as string;
    const before = (await app.relay.store.contacts.find('webchat', token.split('.')[1]!))!;
    const conversation = await app.relay.store.conversations.current(before);

    await page.getByRole('button', { name: 'End chat' }).click();
    // Asked first, in the page (a dialog that also works inside the widget's frame).
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('This device will forget the conversation.');
    await dialog.getByRole('button', { name: 'End chat' }).click();
    await expect.poll(() => page.locator('.msg:not(.msg--greeting)').count()).toBe(0);
    await expect.poll(async () => (await app.relay.store.conversations.get(conversation.id))?.mode).toBe('closed');
    // A new visitor session: a different token, and the old conversation is not shown again.
    await expect.poll(() => page.evaluate(`localStorage.getItem('carerelay.token')`), { timeout: 10_000 }).not.toBe(token);
    await expect.poll(() => page.evaluate(`localStorage.getItem('carerelay.token')`)).not.toBeNull();
    await page.reload();
    await expect.poll(() => page.locator('#status').textContent(), CONNECTING).toBe('Connected');
    expect(await page.locator('.msg:not(.msg--greeting)').count()).toBe(0);
    await context.close();
  });
});
