/**
 * The one-tag widget on a clinic's site, in real Chromium: the site is http://localhost:<port>,
 * the chat server http://127.0.0.1:<port>, so the chat frame is another site's (third-party
 * storage blocked). Loopback only; every wait is for a condition, bounded in time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../bench/app-process.js';
import { createCareRelay } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import type { OutboundMessage } from '../../src/message.js';
import { connectVisitor, dropSchema, startTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { blockStorageScript, launchChromium, screenshot, seriousViolations, startSite } from '../helpers/browser.js';

// Real browser and server on a shared two-core machine: generous bounds, never fixed sleeps.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });

type Site = Awaited<ReturnType<typeof startSite>>;
let chatUrl = '';
/** The clinic's page: some content and the one tag, with data- options from the query string. */
const clinicPage = (path: string) => {
  const query = new URL(path, 'http://x').searchParams;
  const data = ['language', 'position', 'colour', 'open']
    .filter((k) => query.has(k))
    .map((k) => ` data-${k}="${query.get(k)}"`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Riverside Family Health</title></head>
<body><main><h1>Riverside Family Health</h1><p>Welcome to our clinic. <a href="#hours">Opening hours</a></p></main>
<script src="${chatUrl}/widget.js"${data} async></script></body></html>`;
};

let site: Site;
let otherSite: Site;
let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  site = await startSite(clinicPage);
  otherSite = await startSite(clinicPage);
  app = await startTestApp({ ALLOWED_ORIGINS: site.url });
  chatUrl = app.url;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await site?.close();
  await otherSite?.close();
});

/** A browser profile whose chat frames may not use storage (and, with `everywhere`, no page may). */
async function newContext(options: { everywhere?: boolean; viewport?: { width: number; height: number }; chatOrigin?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-US', viewport: options.viewport ?? { width: 1100, height: 800 } });
  await context.addInitScript(blockStorageScript(options.everywhere ? undefined : new URL(options.chatOrigin ?? chatUrl).origin));
  return context;
}

const chatFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-carerelay-frame]');
const status = (frame: FrameLocator) => frame.locator('#status').textContent();
const realMessages = (frame: FrameLocator) => frame.locator('[role=log] > .msg:not(.msg--greeting)');

async function ask(frame: FrameLocator, text: string, botCount: number) {
  const box = frame.getByRole('textbox');
  await box.fill(text);
  await box.press('Enter');
  await expect.poll(() => frame.locator('[role=log] > .msg--bot:not(.msg--greeting)').count(), { timeout: 20_000 }).toBe(botCount);
}

describe('one script tag on a clinic site', () => {
  it('opens the chat from the launcher with third-party storage blocked, keeps the token in the site’s storage, and resumes after a reload', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(site.url);
    const launcher = page.locator('[data-carerelay-launcher]');
    await expect.poll(() => launcher.textContent()).toBe('Chat with us');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    // Nothing loads from the chat server until the patient asks for it.
    expect(await page.locator('iframe[data-carerelay-frame]').count()).toBe(0);

    await launcher.click();
    const frame = chatFrame(page);
    await expect.poll(() => status(frame), { timeout: 20_000 }).toBe('Connected');
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    // The frame really has no storage: the page works from memory and the site's storage.
    const frameStorage = await page.frames().find((f) => f.url().startsWith(chatUrl))!.evaluate(`(() => { try { localStorage.length; return 'usable'; } catch { return 'blocked'; } })()`);
    expect(frameStorage).toBe('blocked');
    // A greeting with the top topics as buttons.
    const greeting = frame.locator('[role=log] > .msg--greeting');
    expect(await greeting.locator('.msg__text').textContent()).toMatch(/virtual assistant of Riverside Family Health/);
    expect(await greeting.getByRole('button').allTextContents()).toContain('Prescription refills');

    await ask(frame, 'How do I get a prescription refill?', 1);
    const key = `carerelay:${new URL(chatUrl).origin}:token`;
    const token = (await page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`)) as string;
    expect(token).toMatch(/^v2\./);
    await screenshot(page, 'widget-desktop-open');

    // Tokens carry their issue time in seconds: let that second pass, so the token the server
    // issues on resume differs from this one and the test can see it reach the site.
    const issuedSeconds = parseInt(token.split('.')[2]!, 36);
    await expect.poll(() => Math.floor(Date.now() / 1000) > issuedSeconds, { timeout: 5_000 }).toBe(true);
    // Reload the clinic's page: the chat opens again (it was open) with the same conversation.
    await page.reload();
    await expect.poll(() => status(frame), { timeout: 20_000 }).toBe('Connected');
    await expect.poll(() => realMessages(frame).count(), { timeout: 10_000 }).toBe(2);
    expect(await frame.locator('[role=log] > .msg--patient .msg__text').textContent()).toBe('How do I get a prescription refill?');
    await ask(frame, 'thanks', 2);
    // The rotated token went back to the site.
    await expect.poll(() => page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`)).not.toBe(token);

    // Closing gives the page back; Escape does it too, and focus returns to the launcher.
    await frame.getByRole('button', { name: 'Close chat' }).click();
    await expect.poll(() => page.locator('[data-carerelay-panel]').isVisible()).toBe(false);
    expect(await page.evaluate('document.activeElement?.hasAttribute("data-carerelay-launcher")')).toBe(true);

    // A nurse writes while the chat is closed: the launcher says so, until it is opened.
    const visitor = ((await page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`)) as string).split('.')[1]!;
    const conversation = await app.relay.store.conversations.current((await app.relay.store.contacts.find('webchat', visitor))!);
    const nurse: OutboundMessage = { id: 'embed-nurse-1', role: 'nurse', text: 'Hello, this is Ana.', language: 'en', senderName: 'Ana', conversationId: conversation.id, channel: 'webchat', to: conversation.address, createdAt: new Date() };
    await app.relay.senders.get('webchat')!.send(nurse);
    await expect.poll(() => page.locator('[data-carerelay-unread]').isVisible()).toBe(true);
    expect(await launcher.getAttribute('aria-label')).toBe('Chat with us (new message)');
    await launcher.click();
    expect(await page.locator('[data-carerelay-unread]').isVisible()).toBe(false);
    await expect.poll(() => frame.locator('[role=log] > .msg--nurse').count()).toBe(1);
    await context.close();
  });

  it('works for the visit when no storage works at all, and a reconnect resumes from memory', async () => {
    const context = await newContext({ everywhere: true });
    const page = await context.newPage();
    await page.goto(site.url);
    await page.locator('[data-carerelay-launcher]').click();
    const frame = chatFrame(page);
    await expect.poll(() => status(frame), { timeout: 20_000 }).toBe('Connected');
    await ask(frame, 'hello', 1);

    // The server drops every connection; the page comes back to the same conversation.
    const before = new Set([...app.relay.io.of('/').sockets.keys()]);
    app.relay.io.disconnectSockets(true);
    await expect.poll(() => [...app.relay.io.of('/').sockets.keys()].some((id) => !before.has(id)), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => status(frame), { timeout: 20_000 }).toBe('Connected');
    await ask(frame, 'what are your hours?', 2);
    expect(await realMessages(frame).count()).toBe(4);
    expect(await frame.locator('.msg--greeting').count()).toBe(0);
    await context.close();
  });

  it('takes its options from data- attributes: language, position, colour, open on load', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/?language=es&position=left&colour=%237a1f5c&open=true`);
    const frame = chatFrame(page);
    // Open without a click, in Spanish.
    await expect.poll(() => status(frame), { timeout: 20_000 }).toBe('Conectado');
    expect(await frame.locator('#send').textContent()).toBe('Enviar');
    const launcher = page.locator('[data-carerelay-launcher]');
    await expect.poll(() => launcher.textContent()).toBe('Cerrar el chat');
    const box = (await launcher.boundingBox())!;
    expect(box.x).toBeLessThan(100);
    expect(await launcher.evaluate((el: any) => (globalThis as any).getComputedStyle(el).backgroundColor)).toBe('rgb(122, 31, 92)');
    // The clinic's colour is the chat's accent too.
    expect(await frame.locator('#send').evaluate((el: any) => (globalThis as any).getComputedStyle(el).backgroundColor)).toBe('rgb(122, 31, 92)');
    await context.close();
  });

  it('cannot be shown on a site that is not in ALLOWED_ORIGINS (frame-ancestors): the widget offers a new window instead', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(otherSite.url);
    await page.locator('[data-carerelay-launcher]').click();
    const fallback = page.locator('[data-carerelay-fallback]');
    await expect.poll(() => fallback.count(), { timeout: 20_000 }).toBe(1);
    expect(await chatFrame(page).locator('[role=log]').count()).toBe(0);
    const href = (await fallback.getAttribute('href'))!;
    expect(new URL(href).origin).toBe(new URL(chatUrl).origin);
    expect(href).not.toContain('embed=1');
    await context.close();
  });

  it('keyboard only: Tab to the launcher, Enter opens the chat with the focus in the message box, Escape closes it', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await page.locator('[data-carerelay-launcher]').waitFor();
    // The site's own link, then the launcher.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.hasAttribute("data-carerelay-launcher")')).toBe(true);
    await page.keyboard.press('Enter');
    const frame = chatFrame(page);
    await expect.poll(() => status(frame), { timeout: 20_000 }).toBe('Connected');
    await expect.poll(() => frame.locator('#message').evaluate((el: any) => el === (globalThis as any).document.activeElement)).toBe(true);
    await page.keyboard.type('How do I get a prescription refill?');
    await page.keyboard.press('Enter');
    await expect.poll(() => frame.locator('[role=log] > .msg--bot').count(), { timeout: 20_000 }).toBe(1);
    // Shift+Tab from the message box walks back to the reply's "Tell me more" button.
    const more = frame.getByRole('button', { name: 'Tell me more' });
    for (let i = 0; i < 12 && !(await more.evaluate((el: any) => el === (globalThis as any).document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
    expect(await more.evaluate((el: any) => el === (globalThis as any).document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => frame.locator('[role=log] > .msg--bot').count(), { timeout: 20_000 }).toBe(2);
    expect(await frame.locator('[role=log] > .msg--patient .msg__text').last().textContent()).toBe('Tell me more');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-carerelay-panel]').isVisible()).toBe(false);
    expect(await page.evaluate('document.activeElement?.hasAttribute("data-carerelay-launcher")')).toBe(true);
    await context.close();
  });

  it('fills a 320 px phone screen, and the clinic page with the widget has no serious accessibility violations', async () => {
    const context = await newContext({ viewport: { width: 320, height: 568 } });
    const page = await context.newPage();
    await page.goto(site.url);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-carerelay-launcher]').click();
    const frame = chatFrame(page);
    await expect.poll(() => status(frame), { timeout: 20_000 }).toBe('Connected');
    const panel = (await page.locator('[data-carerelay-panel]').boundingBox())!;
    expect(panel).toMatchObject({ x: 0, y: 0, width: 320, height: 568 });
    // The launcher makes way; the chat's own Close button is there instead.
    expect(await page.locator('[data-carerelay-launcher]').isVisible()).toBe(false);
    expect(await frame.getByRole('button', { name: 'Close chat' }).isVisible()).toBe(true);
    await ask(frame, 'How do I get a prescription refill?', 1);
    await screenshot(page, 'widget-phone-320');
    await context.close();
  });
});

describe('the widget through a server restart', () => {
  it('keeps a message typed while the server is down, through a reload of the clinic page, and delivers it once when the server is back', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'carerelay-widget-'));
    const config = testConfig({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, ALLOWED_ORIGINS: site.url });
    let relay = await createCareRelay(config, { logger: createLogger(config.logLevel) });
    await relay.listen();
    const ownChat = chatUrl;
    chatUrl = `http://127.0.0.1:${port}`;
    const context = await newContext({ chatOrigin: chatUrl });
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      await page.locator('[data-carerelay-launcher]').click();
      const frame = chatFrame(page);
      await expect.poll(() => status(frame), { timeout: 20_000 }).toBe('Connected');
      await ask(frame, 'hello', 1);

      // relay.close() waits for every HTTP connection to end, and Chromium holds a preconnected
      // one that Node ends only at its 60 s headers timeout: end them all, as a stop would.
      const closing = relay.close();
      (relay.io as unknown as { httpServer: Server }).httpServer.closeAllConnections();
      await closing;
      await expect.poll(() => status(frame), { timeout: 20_000 }).toBe('Connection lost. Reconnecting…');
      const box = frame.getByRole('textbox');
      await box.fill('are you still there?');
      await box.press('Enter');
      const row = frame.locator('[role=log] > .msg--patient').last();
      expect(await row.getAttribute('class')).toContain('msg--pending');
      expect(await row.locator('.msg__state').textContent()).toBe('Waiting to send…');
      // The frame may not store it; the clinic's page does.
      await expect.poll(() => page.evaluate(`sessionStorage.getItem(${JSON.stringify(`carerelay:${chatUrl}:pending`)})`)).toContain('are you still there?');

      // A reload while the server is down: the chat frame cannot load (widget.js itself may come
      // from the browser's cache, or not load either), and the message is not lost.
      const pendingKey = JSON.stringify(`carerelay:${chatUrl}:pending`);
      await page.reload();
      expect(await page.evaluate(`sessionStorage.getItem(${pendingKey})`)).toContain('are you still there?');
      relay = await createCareRelay(config, { logger: createLogger(config.logLevel) });
      await relay.listen();
      // The widget loads its frame again until the server answers; without a cached widget.js,
      // the next page the patient opens on the site brings the chat back, open.
      if ((await page.locator('[data-carerelay-launcher]').count()) === 0) await page.reload();
      await expect.poll(() => status(frame), { timeout: 60_000 }).toBe('Connected');
      await expect.poll(() => frame.locator('.msg--pending').count(), { timeout: 20_000 }).toBe(0);
      await expect.poll(() => frame.locator('[role=log] > .msg--bot').count(), { timeout: 20_000 }).toBe(2);
      // Stored once: the history a resume with the token the widget keeps for the clinic's page.
      const token = (await page.evaluate(`localStorage.getItem(${JSON.stringify(`carerelay:${chatUrl}:token`)})`)) as string;
      const resumed = await connectVisitor(chatUrl, { token });
      const history = await resumed.history().finally(() => resumed.close());
      expect(history.filter((m) => m.role === 'patient' && m.text === 'are you still there?')).toHaveLength(1);
      expect(await frame.locator('[role=log] > .msg--patient .msg__text', { hasText: 'are you still there?' }).count()).toBe(1);
      await expect.poll(() => page.evaluate(`sessionStorage.getItem(${pendingKey})`)).toBeNull();
    } finally {
      chatUrl = ownChat;
      await context.close();
      await relay.close();
      await dropSchema(config);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
