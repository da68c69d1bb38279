import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/index.js';
import { compose } from '../../src/engine/pipeline.js';
import { parseLanguageSwitch } from '../../src/engine/stages/language.js';
import { createLogger } from '../../src/logger.js';
import { testConfig } from '../helpers/app.js';

const turn = (text: string, extra: { locale?: string; state?: any } = {}) => ({
  message: { channel: 'test', conversation: { id: 'c' }, from: { id: 'p', role: 'patient' as const }, text, kind: 'text' as const, timestamp: new Date(), locale: extra.locale },
  conversation: { id: 'c', channel: 'test', mode: 'bot' as const, isNew: true },
  state: extra.state,
});

describe('pipeline', () => {
  it('runs stages in order, lets a stage stop the chain, and refuses next() twice', async () => {
    const trail: string[] = [];
    await compose<string[]>([
      async (t, next) => {
        t.push('a>');
        await next();
        t.push('<a');
      },
      async (t) => void t.push('b'),
      async (t) => void t.push('never'),
    ])(trail);
    expect(trail).toEqual(['a>', 'b', '<a']);
    await expect(
      compose<null>([
        async (_c, next) => {
          await next();
          await next();
        },
      ])(null),
    ).rejects.toThrow(/twice/);
  });
});

describe('dialog engine', async () => {
  const { engine } = await createEngine(testConfig(), createLogger('silent'));

  it('greets in the patient’s language', async () => {
    const cases: [string, string, RegExp][] = [
      ['hello', 'en', /^Hello!/],
      ['buenos días', 'es', /^¡Hola!/],
      ['你好', 'zh', /^您好/],
      ['नमस्ते', 'hi', /^नमस्ते/],
    ];
    for (const [text, language, reply] of cases) {
      const out = await engine.handle(turn(text));
      expect(out.language).toBe(language);
      expect(out.replies[0]?.text).toMatch(reply);
      expect(out.result).toMatchObject({ urgency: 'routine', escalate: false, reason: null, handledBy: 'greeting' });
    }
  });

  it('switches language on request and remembers it', async () => {
    const out = await engine.handle(turn('/lang es'));
    expect(out.replies[0]?.text).toBe('Muy bien, seguimos en español.');
    expect(out.state).toMatchObject({ language: 'es', languageChosen: true });
    const next = await engine.handle({ ...turn('help'), state: out.state });
    expect(next.language).toBe('es');
    expect((await engine.handle(turn('हिंदी'))).language).toBe('hi');
    expect((await engine.handle(turn('请用中文'))).language).toBe('zh');
    const unknown = await engine.handle(turn('/lang fr'));
    expect(unknown.replies[0]?.text).toMatch(/can't chat in that language/);
  });

  it('takes the channel’s locale as a first guess for ambiguous text', async () => {
    const out = await engine.handle(turn('ok', { locale: 'es-MX' }));
    expect(out.language).toBe('es');
  });

  it('recognises language requests but not ordinary sentences', () => {
    expect(parseLanguageSwitch('English please')).toBe('en');
    expect(parseLanguageSwitch('en español por favor')).toBe('es');
    expect(parseLanguageSwitch('I speak English but my mother speaks Spanish')).toBeUndefined();
    expect(parseLanguageSwitch('/lang')).toBe('unknown');
  });
});

describe('"anything else I can help you with?"', async () => {
  const { engine } = await createEngine(testConfig(), createLogger('silent'));
  const say = async (texts: string[], locale: string) => {
    let state: any = { turns: 0, counters: {}, language: locale, languageChosen: true };
    const outs = [];
    for (const text of texts) {
      const out = await engine.handle(turn(text, { locale, state }));
      state = out.state;
      outs.push(out);
    }
    return outs;
  };

  it.each([
    ['en', 'thanks', 'no', /Take care/],
    ['es', 'gracias', 'no gracias', /Cuídese/],
    ['zh', '谢谢', '没有了', /保重/],
    ['hi', 'shukriya', 'nahi', /ध्यान रखें|dhyaan rakhein/],
  ])('%s: "no" after it is a goodbye, not a search for "no"', async (locale, thanks, no, bye) => {
    const [first, last] = await say([thanks, no], locale);
    expect(first!.result.handledBy).toBe('thanks');
    expect(last!.result.handledBy).toBe('thanks');
    expect(last!.replies[0]!.text).toMatch(bye);
    expect(last!.result.sources).toEqual([]);
  });

  it('"yes" asks what, with the topic buttons; "yes" with a question answers the question; the offer is taken up once', async () => {
    const [, yes] = await say(['thanks', 'yes'], 'en');
    expect(yes!.replies[0]!.text).toBe('What would you like to know?');
    expect(yes!.replies[0]!.actions?.length).toBeGreaterThan(0);
    const [, question] = await say(['thanks', 'yes, how do I pay my bill?'], 'en');
    expect(question!.result.handledBy).toBe('answer');
    expect(question!.result.sources[0]?.id).toBe('billing-payments');
    const [, , later] = await say(['thanks', 'what time do you open on saturday', 'no'], 'en');
    expect(later!.replies[0]!.text).not.toMatch(/Take care/);
  });
});
