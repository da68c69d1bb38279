import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('configuration', () => {
  it('starts with embedded defaults and says which channels are off', () => {
    const config = parseConfig({});
    expect(config.http).toEqual({ port: 3000, host: '127.0.0.1', publicUrl: 'http://127.0.0.1:3000' });
    expect(config.dataDir).toBe('./data');
    expect(config.database.url).toBeUndefined();
    expect(config.redis.url).toBeUndefined();
    expect(config.languages).toEqual(['en', 'es', 'zh', 'hi']);
    expect(config.defaultLanguage).toBe('en');
    expect([config.emergencyNumber, config.crisisLine]).toEqual(['911', '988']);
    expect(config.twilio ?? config.telegram ?? config.mattermost ?? config.llm).toBeUndefined();
    expect(config.notices.join('\n')).toMatch(/Twilio SMS and voice is off/);
    expect(config.notices.join('\n')).toMatch(/Mattermost is off/);
    expect(config.caseDeadlinesMs).toEqual({ emergency: 120_000, urgent: 300_000, routine: 900_000 });
  });

  it('gives UCS-2 SMS answers two segments unless SMS_UNICODE_ANSWER_SEGMENTS says otherwise (1 to 10)', () => {
    expect(parseConfig({}).smsUnicodeAnswerSegments).toBe(2);
    expect(parseConfig({ SMS_UNICODE_ANSWER_SEGMENTS: '4' }).smsUnicodeAnswerSegments).toBe(4);
    expect(() => parseConfig({ SMS_UNICODE_ANSWER_SEGMENTS: '0' })).toThrow(/SMS_UNICODE_ANSWER_SEGMENTS/);
    expect(() => parseConfig({ SMS_UNICODE_ANSWER_SEGMENTS: 'many' })).toThrow(/SMS_UNICODE_ANSWER_SEGMENTS/);
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LANGUAGES: 'en,fr', REDIS_URL: 'http://nope', PUBLIC_URL: 'not a url' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'LANGUAGES', 'REDIS_URL', 'PUBLIC_URL']) expect(problems).toContain(name);
  });

  it('refuses half-configured channels and names what is missing', () => {
    expect(() => parseConfig({ TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}` })).toThrow(/TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER missing/);
    expect(() => parseConfig({ MATTERMOST_URL: 'http://mm.local' })).toThrow(/MATTERMOST_TOKEN/);
    expect(() => parseConfig({ LLM_MODEL: 'x' })).toThrow(/OPENAI_API_KEY or OPENAI_BASE_URL/);
    expect(() => parseConfig({ LANGUAGES: 'es,zh', DEFAULT_LANGUAGE: 'en' })).toThrow(/DEFAULT_LANGUAGE/);
  });

  it('turns a channel on when all of its settings are present', () => {
    const config = parseConfig({
      TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'secret',
      TWILIO_FROM_NUMBER: '+15550100000',
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_WEBHOOK_SECRET: 'hook_secret-1',
      PUBLIC_URL: 'https://chat.clinic.example/',
    });
    expect(config.twilio?.fromNumber).toBe('+15550100000');
    expect(config.telegram?.apiRoot).toBe('https://api.telegram.org');
    expect(config.http.publicUrl).toBe('https://chat.clinic.example');
  });

  it('turns WhatsApp on with the Twilio account and a sender, with SMS off or on', () => {
    const account = { TWILIO_ACCOUNT_SID: `AC${'b'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'secret' };
    const alone = parseConfig({ ...account, WHATSAPP_FROM: '+14155550123', WHATSAPP_TEMPLATE_SID: `HX${'c'.repeat(32)}` });
    expect(alone.twilio).toBeUndefined();
    expect(alone.whatsapp).toMatchObject({ from: 'whatsapp:+14155550123', templates: { default: `HX${'c'.repeat(32)}` } });
    expect(alone.notices.join('\n')).toMatch(/Twilio SMS and voice is off \(set TWILIO_FROM_NUMBER/);
    const perLanguage = parseConfig({ ...account, TWILIO_FROM_NUMBER: '+15550100000', WHATSAPP_FROM: 'whatsapp:+14155550123', WHATSAPP_TEMPLATE_SID: `en:HX${'1'.repeat(32)}, es:HX${'2'.repeat(32)}` });
    expect(perLanguage.whatsapp?.templates).toEqual({ en: `HX${'1'.repeat(32)}`, es: `HX${'2'.repeat(32)}` });
    expect(perLanguage.twilio?.fromNumber).toBe('+15550100000');
    expect(parseConfig({ ...account, WHATSAPP_FROM: '+14155550123' }).notices.join('\n')).toMatch(/WHATSAPP_TEMPLATE_SID not set/);
    expect(parseConfig({}).notices.join('\n')).toMatch(/WhatsApp is off/);
    expect(() => parseConfig({ WHATSAPP_FROM: '+14155550123' })).toThrow(/WhatsApp: WHATSAPP_FROM set but TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN missing/);
    expect(() => parseConfig({ ...account, WHATSAPP_FROM: '+14155550123', WHATSAPP_TEMPLATE_SID: 'HX123' })).toThrow(/WHATSAPP_TEMPLATE_SID.*Content SID/);
    expect(() => parseConfig({ ...account, WHATSAPP_FROM: 'whatsapp:14155550123' })).toThrow(/WHATSAPP_FROM/);
  });

  it('fails when services are required but not given', () => {
    expect(() => parseConfig({ REQUIRE_SERVICES: '1' })).toThrow(/REQUIRE_SERVICES: DATABASE_URL must be set[\s\S]*REDIS_URL must be set/);
  });
});
