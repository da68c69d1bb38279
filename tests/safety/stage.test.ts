import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { createEngine } from '../../src/engine/index.js';
import type { DialogEngine } from '../../src/engine/engine.js';
import type { Language } from '../../src/language/languages.js';
import { createLogger } from '../../src/logger.js';
import type { ConversationMode } from '../../src/store/store.js';
import { testConfig } from '../helpers/app.js';

const logger = createLogger('silent');
let engine: DialogEngine;
let turn = 0;

/** One turn through the real engine and its default stages, in a fresh conversation. */
async function ask(target: DialogEngine, text: string, language: Language, mode: ConversationMode = 'bot') {
  const id = `safety-${++turn}`;
  return target.handle({
    message: { channel: 'test', conversation: { id }, from: { id: 'patient', role: 'patient' }, text, kind: 'text', timestamp: new Date(), locale: language },
    conversation: { id, channel: 'test', mode, isNew: true },
    state: { turns: 0, counters: {}, language, languageChosen: true },
  });
}

beforeAll(async () => {
  ({ engine } = await createEngine(testConfig(), logger));
});

describe('safety stage through the engine', () => {
  it.each<[Language, string, string, string]>([
    ['en', 'my dad is choking on a piece of meat and cant breathe', 'choking', 'Call 911 now'],
    ['es', 'mi esposo se desmayó y no despierta', 'unresponsive', 'Llame al 911'],
    ['zh', '我胸口很痛，像压了块大石头一样', 'chest_pain', '请立即拨打 911'],
    // Hindi in Latin letters is answered in Latin letters; in Devanagari, in Devanagari.
    ['hi', 'bacche ko daura pad raha hai, muh se jhaag aa raha hai', 'seizure', 'Abhi 911 par call karein'],
    ['hi', 'बच्चे को दौरा पड़ रहा है, मुँह से झाग आ रहा है', 'seizure', 'अभी 911 पर कॉल करें'],
  ])('%s: tells the patient to call now, escalates and stops the pipeline', async (language, text, category, callNow) => {
    const out = await ask(engine, text, language);
    expect(out.result).toMatchObject({ urgency: 'emergency', escalate: true, reason: 'emergency', handledBy: 'safety' });
    expect(out.result.safety?.redFlag).toMatchObject({ category, matched: expect.stringMatching(new RegExp(`^(en|es|zh|hi)\\.`)) });
    // Nothing after the gate spoke: one reply, in the patient's language, call-now first.
    expect(out.replies).toHaveLength(1);
    expect(out.replies[0]!.language).toBe(language);
    expect(out.replies[0]!.text.split('\n')[0]).toContain(callNow);
    expect(out.result.sources).toEqual([]);
  });

  it('meets suicide risk warmly with the crisis line, and the emergency number for immediate danger', async () => {
    const out = await ask(engine, 'i want to kill myself tonight', 'en');
    // A time ("tonight") makes it a plan (Columbia screener), the more specific flag.
    expect(out.result.safety?.redFlag).toMatchObject({ category: 'suicide', flag: 'suicidal-plan', disposition: 'crisis', matched: 'en.suicide.plan' });
    const text = out.replies[0]!.text;
    expect(text).toMatch(/^Thank you for telling me/);
    expect(text).toContain('call or text 988');
    expect(text).toContain('call 911');
  });

  it('adds the crisis line when an overdose comes with suicidal words', async () => {
    const out = await ask(engine, 'ya no quiero vivir, me tomé todo el frasco de pastillas', 'es');
    expect(out.result.safety?.redFlag).toMatchObject({ category: 'overdose' });
    expect(out.replies[0]!.text).toContain('Llame al 911');
    expect(out.replies[0]!.text).toContain('988');
  });

  it('uses the configured numbers', async () => {
    const { engine: local } = await createEngine(testConfig({ EMERGENCY_NUMBER: '112', CRISIS_LINE: '116 123' }), logger);
    expect((await ask(local, 'my husband collapsed and wont wake up', 'en')).replies[0]!.text).toContain('Call 112 now');
    expect((await ask(local, 'no quiero vivir', 'es')).replies[0]!.text).toContain('116 123');
  });

  it('keeps the patient’s words out of the result details', async () => {
    const text = 'my wife is pregnant and bleeding heavily';
    const out = await ask(engine, text, 'en');
    expect(out.result.safety?.redFlag).toMatchObject({ category: 'pregnancy_bleeding' });
    expect(JSON.stringify(out.result)).not.toContain('bleeding heavily');
  });

  it('still acts while a nurse has the conversation', async () => {
    const out = await ask(engine, 'my son is having a seizure right now', 'en', 'handoff');
    expect(out.result).toMatchObject({ urgency: 'emergency', escalate: true, reason: 'emergency' });
    expect(out.replies).toHaveLength(1);
    // A rule hit the bot would first check with a question is raised at once: the bot asks nothing in handoff.
    const checked = await ask(engine, "my mum survived sepsis last year and she's still more tired than before, is there a post-sepsis clinic?", 'en', 'handoff');
    expect(checked.result).toMatchObject({ escalate: true, safety: { redFlag: { flag: 'sepsis', detectors: ['rules'], matched: 'en.sepsis.word' } } });
    // An ordinary message in handoff stays with the nurse: the gate passes it on and nobody answers.
    const quiet = await ask(engine, 'ok thank you, i will wait', 'en', 'handoff');
    expect(quiet.result).toMatchObject({ urgency: 'routine', escalate: false });
    expect(quiet.replies).toEqual([]);
  });

  it('passes other messages on to the next stages', async () => {
    const out = await ask(engine, 'what are the signs of a stroke?', 'en');
    expect(out.result).toMatchObject({ urgency: 'routine', escalate: false, reason: null });
    expect(out.result.safety?.redFlag).toBeUndefined();
    expect(out.result.handledBy).not.toBe('safety');
    expect(out.replies.length).toBeGreaterThan(0);
  });
});

describe('carerelay ask --json', () => {
  it('reports an emergency as urgency emergency, escalate true, reason emergency', async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    let code: number;
    try {
      code = await runCli(['ask', '--json', '--lang', 'hi', 'meri maa behosh ho gayi hai, jawab nahi de rahi']);
    } finally {
      process.stdout.write = write;
    }
    expect(code).toBe(0);
    const result = JSON.parse(lines.join('').trim().split('\n').pop()!);
    expect(result).toMatchObject({ language: 'hi', urgency: 'emergency', escalate: true, reason: 'emergency' });
    expect(result.answer).toContain('911');
  });
});
