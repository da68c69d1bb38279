import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { launchChromium } from '../helpers/browser.js';

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

describe('web chat page in a real browser', () => {
  it('sends a message with the keyboard, shows the reply, and resumes after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(app.url);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Connected');
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
    await expect.poll(() => page.locator('#status').textContent()).toBe('Connected');
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
