import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareRelay, type CareRelay } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import { connectVisitor, dropKeys, dropSchema, testConfig } from './helpers/app.js';

// Everything the app logs at info level during a conversation, as raw JSON lines.
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});
const config = testConfig({ LOG_LEVEL: 'info' });
let relay: CareRelay;
let url: string;
beforeAll(async () => {
  relay = await createCareRelay(config, { logger: createLogger('info', sink) });
  url = `http://127.0.0.1:${(await relay.listen()).port}`;
});
afterAll(async () => {
  await relay.close();
  await dropSchema(config);
  if (config.redis.url) await dropKeys(config.redis.url, config.redis.keyPrefix);
});

describe('logs', () => {
  it('are JSON and never contain what the patient wrote at info level', async () => {
    const secret = 'my name is Zebulon Quartz and my number is 555-0142';
    const visitor = await connectVisitor(url);
    await visitor.send(secret);
    await visitor.next((m) => m.role === 'bot');
    visitor.close();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const all = lines.join('\n');
    expect(all).not.toContain('Zebulon');
    expect(all).not.toContain('555-0142');
  });

  it('redacts text-like fields even when a caller passes them', () => {
    const captured: string[] = [];
    const logger = createLogger('info', new Writable({ write: (c, _e, d) => (captured.push(String(c)), d()) }));
    logger.info({ text: 'secret words', from: '+15550100', nested: { phone: '+1555' } }, 'event');
    expect(captured.join('')).not.toMatch(/secret words|\+15550100|\+1555/);
  });
});
