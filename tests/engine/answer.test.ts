import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationState } from '../../src/engine/context.js';
import type { DialogEngine, TurnOutput } from '../../src/engine/engine.js';
import { createEngine } from '../../src/engine/index.js';
import { TOPIC_IDS } from '../../src/knowledge/topics.js';
import { LANGUAGES, type Language } from '../../src/language/languages.js';
import { createLogger } from '../../src/logger.js';
import { paths } from '../../src/paths.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { testConfig } from '../helpers/app.js';

const logger = createLogger('silent');

function turn(text: string, options: { state?: ConversationState; kind?: 'text' | 'postback'; language?: Language } = {}) {
  const state = options.state ?? (options.language ? { turns: 0, counters: {}, language: options.language, languageChosen: true } : undefined);
  return {
    message: { channel: 'test', conversation: { id: 'c1' }, from: { id: 'p1', role: 'patient' as const }, text, kind: options.kind ?? ('text' as const), timestamp: new Date() },
    conversation: { id: 'c1', channel: 'test', mode: 'bot' as const, isNew: !state },
    state,
  };
}

const textOf = (out: TurnOutput) => out.replies.map((r) => r.text).join('\n\n');

describe('answer stage without an LLM (extractive)', async () => {
  const { engine } = await createEngine(testConfig({ EMERGENCY_NUMBER: '112' }), logger);

  it.each([
    ['en', 'how do i refill my prescription', 'prescription-refills', /^Here's what our information on Prescription refills says:/, /Source: Prescription refills$/],
    ['es', '¿a qué hora abren el sábado?', 'clinic-hours-locations', /^Esto es lo que dice nuestra información sobre /, /Fuente: /],
    ['zh', '我的验血结果出来没', 'lab-results', /^关于“化验和检查结果”/, /来源：化验和检查结果$/],
    ['hi', 'मेरा ब्लड प्रेशर बढ़ा हुआ रहता है क्या करूं', 'blood-pressure', /के बारे में हमारी जानकारी यह कहती है:/, /स्रोत: /],
  ] as const)('%s: answers from the best passage and cites the topic it came from', async (language, question, topic, lead, citation) => {
    const out = await engine.handle(turn(question));
    expect(out.language).toBe(language);
    expect(out.result).toMatchObject({ handledBy: 'answer', escalate: false, reason: null, details: { lowConfidence: false, answer: 'extractive', topic } });
    expect(out.result.sources[0]).toMatchObject({ id: topic, score: expect.any(Number) });
    expect(out.result.details.confidence).toBeGreaterThanOrEqual(0.4);
    expect(out.replies).toHaveLength(1);
    const [reply] = out.replies;
    expect(reply!.sources).toEqual([expect.objectContaining({ id: topic, title: out.result.sources[0]!.title })]);
    expect(reply!.text).toMatch(lead);
    expect(reply!.text).toMatch(citation);
    expect(reply!.text).toContain(out.result.sources[0]!.title);
    expect(reply!.text).not.toMatch(/^#|\*\*|\{\{/m);
  });

  it('answers romanised Hindi in Hindi', async () => {
    const out = await engine.handle(turn('bukhar 3 din se utar nahi raha kya karu'));
    expect(out.language).toBe('hi');
    expect(out.result.sources[0]?.id).toBe('fever');
    expect(out.replies[0]!.text).toMatch(/\p{Script=Devanagari}/u);
  });

  it('fills every placeholder in every topic and language, with the configured emergency number', async () => {
    for (const language of LANGUAGES) {
      for (const id of TOPIC_IDS) {
        const out = await engine.handle(turn(`topic:${id}`, { kind: 'postback', language }));
        expect(out.result.sources[0]?.id, `${language}/${id}`).toBe(id);
        expect(textOf(out), `${language}/${id}`).not.toContain('{{');
      }
    }
    const emergency = await engine.handle(turn('topic:emergency-warning-signs', { kind: 'postback', language: 'en' }));
    expect(textOf(emergency)).toContain('112');
  });

  it.each([
    ['en', 'how many mg of ibuprofen can I give my 2 year old'],
    ['en', 'do I have diabetes'],
    ['en', 'should I stop my blood pressure pills'],
    ['es', '¿cuántos mg de paracetamol le doy a mi hijo de 3 años?'],
    ['zh', '我是不是得了糖尿病？'],
    ['hi', 'bp ki dawa band kar du?'],
    ['hi', 'क्या मुझे डायबिटीज़ है'],
  ] as const)('%s: hands the clinical question "%s" to a nurse instead of answering', async (language, question) => {
    const out = await engine.handle(turn(question, { language }));
    expect(out.result).toMatchObject({ escalate: true, reason: 'clinical', sources: [] });
    expect(out.result.details.lowConfidence).toBeUndefined();
    expect(out.replies[0]!.actions?.length).toBeGreaterThan(0);
    expect(out.replies.some((r) => r.sources?.length)).toBe(false);
  });

  it('says it is not sure below the threshold, offers the closest topics and a nurse, and answers the chosen topic', async () => {
    const out = await engine.handle(turn('do you sell garden furniture'));
    expect(out.result.details).toMatchObject({ lowConfidence: true });
    expect(out.result.details.confidence).toBeLessThan(0.4);
    expect(out.result.escalate).toBe(false);
    const actions = out.replies[0]!.actions!;
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(actions.at(-1)).toEqual({ title: 'Talk to a nurse', value: 'I want to talk to a nurse' });
    const topicChoice = actions.find((a) => a.value.startsWith('topic:'))!;
    expect(out.result.sources.map((s) => `topic:${s.id}`)).toContain(topicChoice.value);

    const chosen = await engine.handle(turn(topicChoice.value, { kind: 'postback', state: out.state }));
    expect(chosen.result.details).toMatchObject({ lowConfidence: false, confidence: 1 });
    expect(chosen.replies[0]!.text).toContain(topicChoice.title);
  });

  it('says so when nothing matches at all', async () => {
    const out = await engine.handle(turn('qwxz zzkq vvbn', { language: 'en' }));
    expect(out.result.details.lowConfidence).toBe(true);
    expect(out.replies[0]!.text).toMatch(/couldn't find anything/);
  });

  it('escalates after two unsure answers in a row, and the nurse button asks for a person', async () => {
    const first = await engine.handle(turn('who won the football game'));
    expect(first.result.escalate).toBe(false);
    const second = await engine.handle(turn('tell me a joke please', { state: first.state }));
    expect(second.result).toMatchObject({ escalate: true, reason: 'low_confidence' });

    const nurse = first.replies[0]!.actions!.at(-1)!;
    const asked = await engine.handle(turn(nurse.value, { kind: 'postback', state: first.state }));
    expect(asked.result).toMatchObject({ escalate: true, reason: 'human_request' });
    // The knowledge base stays out of it: the only reply is the escalation notice.
    expect(asked.replies).toHaveLength(1);
    expect(asked.result.details.lowConfidence).toBeUndefined();
  });
});

describe('answer stage with an LLM (fake OpenAI-compatible server)', () => {
  let fake: FakeOpenAI;
  let engine: DialogEngine;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: 'sk-test' });
    ({ engine } = await createEngine(testConfig({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test', LLM_MODEL: 'gpt-test', LLM_TIMEOUT_MS: '800' }), logger));
  });
  afterAll(async () => fake?.close());

  // The safety gate's own triage question to the model is not an answer request.
  const chatRequests = () => fake.requests.filter((r) => r.path === '/v1/chat/completions' && !String(r.body?.messages?.[0]?.content ?? '').startsWith('You triage messages'));

  it('answers from the retrieved passages only, in the patient’s language, citing the topic', async () => {
    const before = chatRequests().length;
    const out = await engine.handle(turn('¿cómo pido un refill de mi receta?'));
    expect(chatRequests()).toHaveLength(before + 1);
    const request = chatRequests().at(-1)!;
    expect(request.status).toBe(200);
    expect(request.body.model).toBe('gpt-test');
    const [system, user] = request.body.messages as { role: string; content: string }[];
    expect(system!.role).toBe('system');
    expect(system!.content).toMatch(/Español/);
    expect(user!.content).toMatch(/^<context>\n\[1\] /);
    expect(user!.content).toContain('¿cómo pido un refill de mi receta?');

    expect(out.result.details).toMatchObject({ answer: 'llm', lowConfidence: false });
    expect(out.result.sources[0]?.id).toBe('prescription-refills');
    const reply = out.replies[0]!;
    expect(reply.text).toMatch(/^Based on the provided information: "\[1\] /);
    expect(reply.text).toMatch(/Fuente: /);
    expect(reply.sources?.[0]?.id).toBe('prescription-refills');
  });

  it('falls back to the extractive answer when the model fails', async () => {
    fake.failNext(2, 500); // the safety gate's triage call first, then the answer
    const out = await engine.handle(turn('how do i pay my bill'));
    expect(out.result.details).toMatchObject({ answer: 'extractive', llmFallback: expect.any(String) });
    expect(out.result.sources[0]?.id).toBe('billing-payments');
    expect(out.replies[0]!.text).toMatch(/^Here's what our information on /);
  });

  it('falls back to the extractive answer when the model is slower than LLM_TIMEOUT_MS', async () => {
    fake.delayMs(3000);
    try {
      const out = await engine.handle(turn('how do i pay my bill'));
      expect(out.result.details).toMatchObject({ answer: 'extractive', llmFallback: expect.any(String) });
      expect(out.replies[0]!.text).toMatch(/Source: /);
    } finally {
      fake.delayMs(0);
    }
  });

  it('does not send clinical questions to the model', async () => {
    const before = chatRequests().length;
    const out = await engine.handle(turn('how many mg of ibuprofen can I give my 2 year old'));
    expect(out.result.reason).toBe('clinical');
    expect(chatRequests()).toHaveLength(before);
  });
});

describe('carerelay ask --json', () => {
  it('fills sources with the topics used, most relevant first', () => {
    const r = spawnSync(process.execPath, [join(paths.root, 'bin', 'carerelay.js'), 'ask', '--json', 'how do i refill my prescription'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout.trim());
    expect(out.sources[0]).toMatchObject({ id: 'prescription-refills', title: 'Prescription refills', score: expect.any(Number) });
    const scores = out.sources.map((s: { score: number }) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(out.answer).toContain('Prescription refills');
  });
});
