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

describe('"Talk to a nurse" button on the web chat page', () => {
  it('is labelled in the page language and sends a request the bot escalates', async () => {
    const context = await browser.newContext({ locale: 'es-ES' });
    const page = await context.newPage();
    await page.goto(app.url);
    const button = page.getByRole('button', { name: 'Hablar con una enfermera' });
    await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Conectado');
    await button.click();
    await expect.poll(() => page.locator('.msg--patient .msg__text').first().textContent(), { timeout: 10_000 }).toBe('Quiero hablar con una enfermera');
    await expect.poll(() => page.locator('.msg--bot .msg__text').last().textContent(), { timeout: 10_000 }).toMatch(/enfermería/);

    await page.getByLabel('Idioma').selectOption('zh');
    await expect.poll(() => page.getByRole('button', { name: '联系护士' }).count()).toBe(1);
    await context.close();
  });
});
