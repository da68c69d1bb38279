/**
 * The chat page as a patient uses it, in real Chromium: the newest message in view, the
 * greeting, tappable links and numbers, emergency replies, the "More:" line, the interface
 * language following the conversation, a too-long message, a 320 px phone, dark mode, the
 * keyboard alone, and axe-core. Loopback only; every wait is for a condition.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OutboundMessage } from '../../src/message.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { launchChromium, screenshot, seriousViolations } from '../helpers/browser.js';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: options.viewport ?? { width: 900, height: 760 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  await page.goto(app.url);
  await expect.poll(() => page.locator('#status').textContent(), { timeout: 20_000 }).toMatch(/^(Connected|Conectado|已连接|कनेक्ट हो गया)$/);
  return { context, page };
}

const bots = (page: Page) => page.locator('[role=log] > .msg--bot:not(.msg--greeting)');

async function ask(page: Page, text: string) {
  const before = await bots(page).count();
  const box = page.getByRole('textbox');
  await box.fill(text);
  await box.press('Enter');
  await expect.poll(() => bots(page).count(), { timeout: 20_000 }).toBe(before + 1);
  return bots(page).nth(before);
}

/** The conversation behind the page, from its token (to push a nurse message into it). */
async function conversationOf(page: Page) {
  const token = (await page.evaluate(`localStorage.getItem('carerelay.token')`)) as string;
  const contact = (await app.relay.store.contacts.find('webchat', token.split('.')[1]!))!;
  return app.relay.store.conversations.current(contact);
}

async function pushNurseMessage(page: Page, text: string, id: string) {
  const conversation = await conversationOf(page);
  const message: OutboundMessage = { id, role: 'nurse', text, language: 'en', senderName: 'Ana', conversationId: conversation.id, channel: 'webchat', to: conversation.address, createdAt: new Date() };
  await app.relay.senders.get('webchat')!.send(message);
}

/** Whether an element's top is inside the conversation's visible area. */
const startVisible = (page: Page, selector: string) =>
  page.evaluate(`(() => {
    const log = document.getElementById('log').getBoundingClientRect();
    const items = document.querySelectorAll(${JSON.stringify(selector)});
    const el = items[items.length - 1];
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= log.top - 1 && r.top < log.bottom - 20;
  })()`);

describe('the conversation view', () => {
  it('keeps the newest message in view, and offers a "New messages" pill once the patient scrolls up', async () => {
    const { context, page } = await open({ viewport: { width: 390, height: 700 } });
    const questions = ['How do I get a prescription refill?', 'What are your opening hours?', 'How do I pay my bill?', 'Where do I park?', 'When are lab results ready?', 'Do you take my insurance?', 'How do I book a video visit?'];
    for (const q of questions) {
      await ask(page, q);
      expect(await startVisible(page, '[role=log] > .msg--bot'), q).toBe(true);
    }
    // The page itself never scrolls: the log does, and "Talk to a nurse" stays on screen.
    expect(await page.evaluate('document.scrollingElement.scrollHeight <= window.innerHeight + 1')).toBe(true);
    const nurse = (await page.getByRole('button', { name: 'Talk to a nurse' }).boundingBox())!;
    expect(nurse.y + nurse.height).toBeLessThanOrEqual(700);
    await screenshot(page, 'page-after-7-exchanges');

    // The patient scrolls up to read; a nurse writes: the view stays, a pill says so.
    const log = page.getByRole('log');
    await log.hover();
    await page.mouse.wheel(0, -5000);
    await expect.poll(() => log.evaluate((el: any) => el.scrollTop)).toBe(0);
    await pushNurseMessage(page, 'Hello, this is Ana from the nursing team.', 'nurse-test-1');
    const pill = page.getByRole('button', { name: /New messages/ });
    await expect.poll(() => pill.isVisible()).toBe(true);
    expect(await log.evaluate((el: any) => el.scrollTop)).toBe(0);
    expect(await startVisible(page, '[role=log] > .msg--nurse')).toBe(false);
    await screenshot(page, 'page-new-messages-pill');
    await pill.click();
    await expect.poll(() => startVisible(page, '[role=log] > .msg--nurse')).toBe(true);
    expect(await pill.isVisible()).toBe(false);
    expect(await page.locator('.msg--nurse .msg__who').textContent()).toBe('Nurse Ana');
    await context.close();
  });

  it('greets a new visitor with the top topics; a topic button shows its title as the patient’s message', async () => {
    const { context, page } = await open();
    const greeting = page.locator('[role=log] > .msg--greeting');
    expect(await greeting.count()).toBe(1);
    expect(await greeting.getByRole('button').allTextContents()).toEqual(['Hours and locations', 'Book a visit', 'Prescription refills', 'Test results', 'Bills and payments']);
    await greeting.getByRole('button', { name: 'Test results' }).click();
    await expect.poll(() => bots(page).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[role=log] > .msg--patient .msg__text').textContent()).toBe('Test results');
    expect(await page.locator('[role=log] > .msg--greeting').count()).toBe(0);
    // The topic's answer offers its questions as buttons.
    expect(await bots(page).last().locator('.msg__actions button').count()).toBeGreaterThan(0);
    // After a reload, the stored "topic:…" message still reads as the button did.
    await page.reload();
    await expect.poll(() => page.locator('[role=log] > .msg').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('[role=log] > .msg--patient .msg__text').textContent()).toBe('Test results');
    await context.close();
  });
});

describe('replies', () => {
  it('makes links and phone numbers tappable, shows "More:" as a link to the public page, and "Tell me more" gives the longer answer', async () => {
    const { context, page } = await open();
    // The emergency banner's numbers are links too.
    expect(await page.locator('.chat__emergency a[href="tel:911"]').count()).toBe(1);
    expect(await page.locator('.chat__emergency a[href="tel:988"]').count()).toBe(1);

    const reply = await ask(page, 'How do I get a prescription refill?');
    const portal = reply.locator('.msg__text a[href^="https://portal."]');
    expect(await portal.count()).toBe(1);
    expect(await portal.getAttribute('target')).toBe('_blank');
    expect(await portal.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await reply.locator('.msg__text a[href^="tel:"]').first().getAttribute('href')).toMatch(/^tel:\d{10}$/);
    // "More: <title> <url>" becomes the title, linked; the same source is not listed twice.
    const more = reply.locator('.msg__more a');
    expect(await more.count()).toBe(1);
    expect(await more.getAttribute('href')).toMatch(/^https:\/\//);
    expect(await more.textContent()).not.toMatch(/https?:/);
    expect(await reply.locator('.msg__text').textContent()).not.toContain('More:');
    expect(await reply.locator('.msg__sources').count()).toBe(0);

    await reply.getByRole('button', { name: 'Tell me more' }).click();
    await expect.poll(() => bots(page).count(), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('[role=log] > .msg--patient .msg__text').last().textContent()).toBe('Tell me more');
    const longer = bots(page).last();
    expect((await longer.locator('.msg__text').textContent())!.length).toBeGreaterThan((await reply.locator('.msg__text').textContent())!.length);
    await screenshot(page, 'page-links-and-more', { fullPage: true });
    await context.close();
  });

  it('renders Markdown-lite (bold, lists, links) and nothing executable', async () => {
    const { context, page } = await open();
    await ask(page, 'hello');
    const hostile = [
      'Here is what to bring:',
      '- your **insurance card**',
      '- a list of your medicines',
      '',
      'Read [our guide](https://example.org/guide) or [this](javascript:alert(1)).',
      '<img src=x onerror="document.title=\'owned\'"> <script>document.title="owned"</script>',
    ].join('\n');
    await pushNurseMessage(page, hostile, 'nurse-markdown-1');
    const item = page.locator('[role=log] > .msg--nurse');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('ul > li').count()).toBe(2);
    expect(await item.locator('strong').textContent()).toBe('insurance card');
    expect(await item.locator('a[href="https://example.org/guide"]').textContent()).toBe('our guide');
    expect(await item.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await item.locator('img, script').count()).toBe(0);
    expect(await item.textContent()).toContain('<img src=x');
    expect(await page.title()).not.toBe('owned');
    await context.close();
  });

  it('styles an emergency reply apart, with a large call button', async () => {
    const { context, page } = await open({ viewport: { width: 390, height: 740 } });
    const reply = await ask(page, 'I have crushing chest pain and I can’t breathe');
    expect(await reply.getAttribute('class')).toContain('msg--alert');
    const call = reply.getByRole('link', { name: 'Call 911' });
    expect(await call.getAttribute('href')).toBe('tel:911');
    const box = (await call.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    expect(box.width).toBeGreaterThan(250);
    expect(await reply.locator('.msg__badge').textContent()).toBe('Urgent');
    expect(await startVisible(page, '[role=log] > .msg--alert')).toBe(true);
    await screenshot(page, 'page-emergency-reply');
    // Resumed after a reload, it looks the same (the alert is kept with the message).
    await page.reload();
    await expect.poll(() => page.locator('[role=log] > .msg--alert a.msg__call').count(), { timeout: 20_000 }).toBe(1);
    await context.close();
  });
});

describe('language', () => {
  it('follows the conversation into Hindi when the patient writes romanised Hindi, in Latin letters, and into Devanagari when they switch', async () => {
    const { context, page } = await open();
    await ask(page, 'clinic kab khulta hai');
    // The page speaks as the patient writes: Hindi in Latin letters.
    await expect.poll(() => page.locator('#send').textContent()).toBe('Bhejein');
    expect(await page.evaluate('document.documentElement.lang')).toBe('hi-Latn');
    expect(await page.locator('#status').textContent()).toBe('Connect ho gaya');
    expect(await page.getByLabel('Bhasha').inputValue()).toBe('hi');
    expect(await page.locator('#message').getAttribute('placeholder')).toBe('Apna sawaal likhein…');
    await expect.poll(() => page.getByRole('button', { name: 'Nurse se baat karein' }).count()).toBe(1);
    // What the page wrote on messages already shown follows too.
    expect(await bots(page).first().locator('.msg__role').textContent()).toBe('Sahayak');
    expect(await page.locator('[role=log] > .msg--patient .msg__role').textContent()).toBe('Aap');
    // The answer is in Latin letters, as asked; its "Aur jaankari:" line is still the link to the source.
    const answer = bots(page).last();
    await expect.poll(() => answer.locator('.msg__more a').count()).toBe(1);
    expect(await answer.locator('.msg__text').textContent()).not.toMatch(/\p{Script=Devanagari}|Aur jaankari/u);
    await screenshot(page, 'page-hindi-latin');
    // Resumed after a reload, the page still speaks as the last reply did.
    await page.reload();
    await expect.poll(() => page.locator('#send').textContent(), { timeout: 20_000 }).toBe('Bhejein');
    // The patient writes in Devanagari: the page follows.
    await ask(page, 'क्लिनिक कब खुलता है');
    await expect.poll(() => page.locator('#send').textContent()).toBe('भेजें');
    expect(await page.evaluate('document.documentElement.lang')).toBe('hi');
    expect(await page.locator('#status').textContent()).toBe('कनेक्ट हो गया');
    await expect.poll(() => page.getByRole('button', { name: 'नर्स से बात करें' }).count()).toBe(1);
    await screenshot(page, 'page-hindi');
    await context.close();
  });

  it('shows the server’s own words, in Spanish, for a message that is too long, and gives it back to edit', async () => {
    const { context, page } = await open();
    await page.getByLabel('Language').selectOption('es');
    await expect.poll(() => page.locator('#status').textContent()).toBe('Conectado');
    const text = 'a'.repeat(4001);
    const box = page.getByRole('textbox');
    await box.fill(text);
    await box.press('Enter');
    const row = page.locator('[role=log] > .msg--patient');
    await expect.poll(() => row.locator('.msg__error').textContent(), { timeout: 20_000 }).toBe('El mensaje es demasiado largo. Use menos de 4000 caracteres.');
    expect(await box.inputValue()).toBe('');
    await row.getByRole('button', { name: 'Editar' }).click();
    expect(await box.inputValue()).toBe(text);
    expect(await row.count()).toBe(0);
    await context.close();
  });
});

describe('phones, dark mode, keyboard and accessibility', () => {
  it('fits a 320 px phone: a compact header, the answer in view without scrolling, nothing wider than the screen', async () => {
    const { context, page } = await open({ viewport: { width: 320, height: 568 } });
    const header = (await page.locator('.chat__header').boundingBox())!;
    expect(header.height).toBeLessThan(568 * 0.15);
    await ask(page, 'How do I get a prescription refill?');
    expect(await startVisible(page, '[role=log] > .msg--bot')).toBe(true);
    expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    expect(await page.evaluate('document.scrollingElement.scrollHeight <= window.innerHeight + 1')).toBe(true);
    expect(await page.getByRole('textbox').isVisible()).toBe(true);
    await screenshot(page, 'page-phone-320');
    await context.close();
  });

  it('works with the keyboard alone: a topic, a question, and ending the chat', async () => {
    const { context, page } = await open();
    const focused = () => page.evaluate(`document.activeElement?.textContent?.trim() || document.activeElement?.id || ''`);
    // Tab forward from the top of the page to the greeting's first topic.
    for (let i = 0; i < 10 && (await focused()) !== 'Hours and locations'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Hours and locations');
    await page.keyboard.press('Enter');
    await expect.poll(() => bots(page).count(), { timeout: 20_000 }).toBe(1);
    // On to the message box, a question, Enter.
    for (let i = 0; i < 20 && (await focused()) !== 'message'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('message');
    await page.keyboard.type('How do I pay my bill?');
    await page.keyboard.press('Enter');
    await expect.poll(() => bots(page).count(), { timeout: 20_000 }).toBe(2);
    // Back to "End chat"; the dialog opens on "Keep chatting"; Tab, Enter ends it.
    for (let i = 0; i < 5 && (await focused()) !== 'End chat'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('End chat');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused()).toBe('Keep chatting');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('End chat');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 20_000 }).toBe('Chat ended. You can start a new one.');
    await expect.poll(() => page.locator('[role=log] > .msg--greeting').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[role=log] > .msg:not(.msg--greeting)').count()).toBe(0);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe-core violations (${colorScheme}), with an answer, an emergency reply and a pending message`, async () => {
      const { context, page } = await open({ colorScheme, viewport: { width: 390, height: 844 } });
      expect(await seriousViolations(page)).toEqual([]);
      await ask(page, 'How do I get a prescription refill?');
      await ask(page, 'I have crushing chest pain');
      await pushNurseMessage(page, 'I am here. Did you call **911**?', `nurse-axe-${colorScheme}`);
      await expect.poll(() => page.locator('[role=log] > .msg--nurse').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      if (colorScheme === 'dark') expect(await page.evaluate(`getComputedStyle(document.body).backgroundColor`)).toBe('rgb(14, 19, 25)');
      await screenshot(page, `page-${colorScheme}`);
      // The end-chat dialog too.
      await page.getByRole('button', { name: 'End chat' }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
