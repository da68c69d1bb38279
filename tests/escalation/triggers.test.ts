import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { TurnContext } from '../../src/engine/context.js';
import { createDialogEngine } from '../../src/engine/engine.js';
import { createEngine, createEngineServices } from '../../src/engine/index.js';
import type { Middleware } from '../../src/engine/pipeline.js';
import { escalationStage } from '../../src/engine/stages/escalation.js';
import { fallbackStage } from '../../src/engine/stages/fallback.js';
import { handoffStage } from '../../src/engine/stages/handoff.js';
import { languageStage } from '../../src/engine/stages/language.js';
import { isDidNotHelp, isHumanRequest } from '../../src/escalation/triggers.js';
import { createLogger } from '../../src/logger.js';
import { paths } from '../../src/paths.js';
import type { ConversationMode } from '../../src/store/store.js';
import { testConfig } from '../helpers/app.js';

const logger = createLogger('silent');

describe('escalation triggers', () => {
  it.each([
    'talk to a nurse',
    'I want to talk to a nurse',
    'Can I speak with a real person?',
    'connect me to a human please',
    'nurse',
    'hablar con una enfermera',
    'Quiero hablar con alguien',
    'quiero hablar con una persona real',
    'Enfermera',
    '转人工',
    '我要找护士',
    '我想和护士说话',
    'नर्स से बात करनी है',
    'मुझे किसी इंसान से बात करनी है',
    'nurse se baat karni hai',
    'kisi insaan se baat karni hai',
  ])('hears a request for a person: %s', (text) => {
    expect(isHumanRequest(text)).toBe(true);
  });

  it.each(['What are your opening hours?', 'What is the nurse line number?', 'My nurse said to rest', '¿Cuándo abren?', '护士站在哪里？', 'नर्सिंग होम कहाँ है?', 'How do I refill my prescription?'])(
    'does not escalate ordinary questions: %s',
    (text) => {
      expect(isHumanRequest(text)).toBe(false);
    },
  );

  it.each([
    'Is there a number I can ring to talk to someone medical after hours?',
    'what number do I call to speak to a nurse at night',
    '¿Hay algún número para hablar con una enfermera cuando están cerrados?',
    '晚上想跟护士说话，有没有电话可以打？',
    'raat ko nurse se baat karni ho to koi number hai?',
  ])('a question about which number to call is answered, not a request for a person now: %s', (text) => {
    expect(isHumanRequest(text)).toBe(false);
  });

  it.each(["that didn't help", 'That did not help at all', 'no me sirvió', 'Eso no me ayudó', '没用', '这个回答没有帮助', 'madad nahi hui', 'इससे मदद नहीं हुई'])(
    'hears "that did not help": %s',
    (text) => {
      expect(isDidNotHelp(text)).toBe(true);
    },
  );

  it.each(['en', 'es', 'zh', 'hi'])('recognises what the web chat "Talk to a nurse" button sends in %s', (lang) => {
    const strings = JSON.parse(readFileSync(join(paths.locales, lang, 'escalation.json'), 'utf8')).page;
    expect(strings.talkToNurse).toBeTruthy();
    expect(isHumanRequest(strings.talkToNurseMessage)).toBe(true);
  });

  it.each(['Did resting help?', '我从来没用过这个药', 'It helped, thanks', 'me sirvió mucho'])('does not mistake: %s', (text) => {
    expect(isDidNotHelp(text)).toBe(false);
  });
});

/** Stands in for the answer stage: reports a low-confidence answer when the text says so. */
function answerStandIn(): Middleware<TurnContext> {
  return async (ctx, next) => {
    if (ctx.message.text.startsWith('q:')) {
      const low = ctx.message.text.includes('unsure');
      ctx.reply(low ? 'I am not sure, but…' : 'Here is the answer.');
      ctx.result.answer = { ...ctx.result.answer, lowConfidence: low };
      ctx.result.handledBy = 'answer';
    }
    await next();
  };
}

describe('escalation stage', () => {
  async function engineFor(env: Record<string, string> = {}) {
    const config = testConfig(env);
    const services = await createEngineServices(config, logger);
    const engine = createDialogEngine(services, [languageStage(), handoffStage(), answerStandIn(), escalationStage(), fallbackStage()]);
    let state: Awaited<ReturnType<typeof engine.handle>>['state'] | undefined;
    return async (text: string, mode: ConversationMode = 'bot', locale?: string) => {
      const output = await engine.handle({
        message: { channel: 'test', conversation: { id: 'c1' }, from: { id: 'p', role: 'patient' }, text, kind: 'text', timestamp: new Date(), ...(locale ? { locale } : {}) },
        conversation: { id: 'c1', channel: 'test', mode, isNew: !state },
        state,
      });
      state = output.state;
      return output;
    };
  }

  it('escalates an explicit request and tells the patient what happens next (Mattermost off: honestly)', async () => {
    const turn = await engineFor();
    const out = await turn('quiero hablar con una enfermera');
    expect(out.result).toMatchObject({ escalate: true, reason: 'human_request', urgency: 'routine' });
    expect(out.language).toBe('es');
    expect(out.replies).toHaveLength(1);
    expect(out.replies[0]!.text).toMatch(/línea de enfermería/);
  });

  it('promises a wait based on the priority deadline when Mattermost is on', async () => {
    const turn = await engineFor({
      MATTERMOST_URL: 'http://127.0.0.1:9',
      MATTERMOST_TOKEN: 't',
      MATTERMOST_TEAM: 'clinic',
      MATTERMOST_TRIAGE_CHANNEL: 'triage',
      MATTERMOST_ACTION_SECRET: 's',
      CASE_DEADLINE_ROUTINE_MIN: '10',
    });
    const out = await turn('I want to talk to a nurse');
    expect(out.replies[0]!.text).toMatch(/within 10 minutes/);
  });

  it('escalates after two low-confidence answers in a row, not after one', async () => {
    const turn = await engineFor();
    expect((await turn('q: unsure one')).result.escalate).toBe(false);
    expect((await turn('q: sure')).result.escalate).toBe(false);
    expect((await turn('q: unsure two')).result.escalate).toBe(false);
    const out = await turn('q: unsure three');
    expect(out.result).toMatchObject({ escalate: true, reason: 'low_confidence' });
    expect(out.replies.map((r) => r.text)).toEqual(['I am not sure, but…', expect.stringMatching(/nurse/)]);
  });

  it('escalates when the patient says twice that the answers did not help', async () => {
    const turn = await engineFor();
    const first = await turn("that didn't help");
    expect(first.result.escalate).toBe(false);
    expect(first.replies[0]!.text).toMatch(/sorry/i);
    await turn('q: sure');
    const second = await turn('still not helpful');
    expect(second.result).toMatchObject({ escalate: true, reason: 'repeated_failure' });
  });

  it('stays silent while a nurse has the conversation', async () => {
    const turn = await engineFor();
    const out = await turn('q: unsure, and I want to talk to a nurse', 'handoff');
    expect(out.replies).toEqual([]);
    expect(out.result).toMatchObject({ escalate: false, handledBy: 'handoff' });
  });

  it('reports escalation in the default pipeline for a single message', async () => {
    const config = testConfig();
    const { engine } = await createEngine(config, logger);
    const out = await engine.handle({
      message: { channel: 'cli', conversation: { id: 'x' }, from: { id: 'x', role: 'patient' }, text: 'nurse se baat karni hai', kind: 'text', timestamp: new Date() },
      conversation: { id: 'x', channel: 'cli', mode: 'bot', isNew: true },
    });
    expect(out.result).toMatchObject({ escalate: true, reason: 'human_request' });
  });
});

describe('carerelay ask --json', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows escalate and reason for one message', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const code = await runCli(['ask', '--json', 'I want to talk to a nurse']);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const json = JSON.parse(lines.join('').trim().split('\n').pop()!);
    expect(json).toMatchObject({ escalate: true, reason: 'human_request', language: 'en' });
    expect(json.answer).toMatch(/nurse/);
  });
});
