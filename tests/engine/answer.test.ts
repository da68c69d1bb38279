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
import { measureSms, profiles, renderReply } from '../../src/render/index.js';
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
  const { engine, services } = await createEngine(testConfig({ EMERGENCY_NUMBER: '112' }), logger);
  const web = (out: TurnOutput) => out.replies.map((r) => renderReply(r, profiles.webchat, { t: services.t(r.language) }).text).join('\n\n');
  const sms = (out: TurnOutput) => out.replies.map((r) => renderReply(r, profiles.sms, { t: services.t(r.language) }));
  const voice = (out: TurnOutput) => out.replies.map((r) => renderReply(r, profiles.voice, { t: services.t(r.language) }));

  it.each([
    ['en', 'how long until my blood work results come back', 'lab-results', 'results-time', /3–5/],
    ['es', '¿a qué hora abren el sábado?', 'clinic-hours-locations', 'saturday-hours', /9:00–13:00/],
    ['zh', '验血结果要几天才能出来', 'lab-results', 'results-time', /3–5/],
    ['hi', 'दवा की रीफ़िल में कितने दिन लगते हैं', 'prescription-refills', 'refill-time', /2/],
  ] as const)('%s: states the fact of the right unit first, then one line with its public source', async (language, question, topic, unit, fact) => {
    const out = await engine.handle(turn(question));
    expect(out.language).toBe(language);
    expect(out.result).toMatchObject({ handledBy: 'answer', escalate: false, reason: null, answer: { lowConfidence: false, kind: 'extractive', topic, unit } });
    expect(out.result.sources[0]).toMatchObject({ id: topic, unit, score: expect.any(Number) });
    const [reply] = out.replies;
    expect(reply!.brief).toMatch(fact);
    expect(reply!.text.startsWith(reply!.brief!)).toBe(true);
    expect(reply!.text.split('\n\n')).toHaveLength(2);
    expect(reply!.text.split('\n\n')[1]).toMatch(/https:\/\//);
    expect(reply!.text).not.toMatch(/Here's what|Esto es lo que|\{\{/);
    expect(reply!.actions).toEqual([{ title: expect.any(String), value: `more:${topic}#${unit}` }]);
    // "Tell me more" gives the longer answer of the same unit.
    const more = await engine.handle(turn(reply!.actions![0]!.value, { kind: 'postback', state: out.state }));
    expect(more.result.answer).toMatchObject({ unit, topic });
    expect(more.replies[0]!.text.length).toBeGreaterThan(reply!.brief!.length);
  });

  it('answers romanised Hindi in romanised Hindi, and Devanagari in Devanagari', async () => {
    const roman = await engine.handle(turn('lab report kitne din mein aati hai', { language: 'hi' }));
    expect(roman.result.answer).toMatchObject({ topic: 'lab-results' });
    expect(roman.replies[0]!.brief).not.toMatch(/\p{Script=Devanagari}/u);
    expect(roman.replies[0]!.brief).toMatch(/[a-z]{3}/);
    const devanagari = await engine.handle(turn('लैब रिपोर्ट कितने दिन में आती है', { language: 'hi' }));
    expect(devanagari.replies[0]!.brief).toMatch(/\p{Script=Devanagari}/u);
  });

  it.each([
    ['en', 'is feeling down all the time something a doctor can help with?'],
    ['es', 'me siento triste casi todos los días, ¿me pueden ayudar?'],
    ['zh', '最近心情一直很低落，什么都不想做'],
    ['hi', 'काम की टेंशन से बहुत तनाव रहता है, नींद नहीं आती'],
  ] as const)('%s: an answer about low mood also gives the crisis line, once', async (language, question) => {
    const out = await engine.handle(turn(question, { language }));
    expect(out.result.answer?.topic).toBe('mental-health');
    const text = textOf(out);
    expect(text.split(services.t(language)('answers:crisisLine')).length - 1).toBe(1);
    expect(voice(out).map((r) => r.text).join(' ')).toMatch(/988/);
  });

  it.each([
    ['en', 'who should get a flu shot', 'flu-vaccine', /6 months and older/],
    ['es', '¿cómo pido un resurtido?', 'prescription-refills', /2 días hábiles/],
  ] as const)('%s: "%s" is near two units of one topic: the web states both, SMS and voice the best one', async (language, question, topic, fact) => {
    const out = await engine.handle(turn(question, { language }));
    const [reply] = out.replies;
    expect(reply!.sources!.map((s) => s.id)).toEqual([topic, topic]);
    const [first, second] = reply!.sources!;
    expect(second!.unit).not.toBe(first!.unit);
    expect(out.result.answer?.unit).toBe(first!.unit);
    // Both short answers, then the one "more" line of the best.
    const paragraphs = reply!.text.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe(reply!.brief);
    expect(reply!.text).toMatch(fact);
    expect(web(out)).toMatch(fact);
    for (const rendered of [...sms(out), ...voice(out)]) {
      expect(rendered.text).not.toContain(paragraphs[1]!.slice(0, 40));
      expect(rendered.truncated).toBe(false);
    }
  });

  it.each([
    ['en', 'what time do you open on weekdays', 'and on sunday?', 'clinic-hours-locations', 'sunday-closed'],
    ['en', 'how do I cancel my appointment', 'and will I be charged for that?', 'appointment-changes', undefined],
    ['es', '¿a qué hora abren entre semana?', '¿y los sábados?', 'clinic-hours-locations', 'saturday-hours'],
    ['zh', '你们平时几点开门', '周日开吗', 'clinic-hours-locations', 'sunday-closed'],
    ['hi', 'clinic kitne baje khulta hai', 'aur parking hai kya?', 'clinic-hours-locations', 'parking'],
    // A Devanagari opener ("और", "तो") and a longer message that points back ("he", "it").
    ['hi', 'क्लिनिक शनिवार को खुलता है?', 'और रविवार को?', 'clinic-hours-locations', 'sunday-closed'],
    ['en', 'I tested positive for covid this morning', 'my wife has been with me all week, what should she do', 'covid-testing', undefined],
    // A complete question after the unit it is the next step of (Follows: in the knowledge base).
    ['en', 'how do you know if someone is having a stroke', 'what do we do until the paramedics get here?', 'emergency-warning-signs', 'stroke-while-waiting'],
    ['es', '¿cuáles son las señales de un derrame cerebral?', '¿y qué hacemos mientras llega la ambulancia?', 'emergency-warning-signs', 'stroke-while-waiting'],
    ['zh', '中风有哪些征兆', '等救护车来之前我们该怎么做', 'emergency-warning-signs', 'stroke-while-waiting'],
    ['en', 'what are the warning signs of a heart attack', 'what should I do while waiting for the ambulance?', 'emergency-warning-signs', 'while-waiting'],
  ] as const)('%s: resolves the follow-up "%s → %s" against the conversation', async (language, first, followUp, topic, unit) => {
    const a = await engine.handle(turn(first, { language }));
    const b = await engine.handle(turn(followUp, { state: a.state }));
    expect(b.result.answer?.topic).toBe(topic);
    if (unit) expect(b.result.answer?.unit).toBe(unit);
    else if (topic === 'appointment-changes') expect(['no-show-fee', 'cancel-charge']).toContain(b.result.answer?.unit);
  });

  it('after a stroke warning, "what do we do while we wait" gets the stroke advice, never aspirin', async () => {
    const alarm = await engine.handle(turn("my dad's face is drooping on one side and he can't lift his arm", { language: 'en' }));
    expect(alarm.result.urgency).toBe('emergency');
    const wait = await engine.handle(turn('what should we do while we wait for the ambulance?', { state: alarm.state }));
    expect(wait.result.safety?.waitingAdvice).toBe(true);
    expect(textOf(wait)).toMatch(/112/);
    expect(textOf(wait)).not.toMatch(/chew (an )?aspirin|take (an )?aspirin/i);
    expect(textOf(wait)).toMatch(/time/i);
  });

  it.each([
    ['en', 'what do i do while waiting for the ambulance', /Possible stroke: no aspirin/],
    ['es', '¿qué hago mientras llega la ambulancia?', /¿Derrame cerebral\? Ninguna medicina, ni aspirina/],
    ['zh', '等救护车的时候要做什么', /可能是中风时，不要给阿司匹林/],
    ['hi', 'एम्बुलेंस आने तक क्या करें', /स्ट्रोक लगे तो aspirin या कोई दवा न दें/],
    ['hi', 'ambulance kab tak aayegi, tab tak kya karu', /Stroke lage to aspirin ya koi dawa na dein/],
  ] as const)('%s: the general "while you wait" answer, "%s", says no aspirin for a possible stroke in its short answer (SMS and voice send only that)', async (language, question, stroke) => {
    const out = await engine.handle(turn(question, { language }));
    expect(out.result.answer?.unit).toBe('while-waiting');
    expect(out.replies[0]!.brief ?? out.replies[0]!.text).toMatch(stroke);
  });

  it.each([
    ['a threat to hurt someone', 'I want to stab the guy who owes me money, the knife is already in my pocket', /apart and away from any weapon/],
    ['a confused, sweating diabetic', "my husband is diabetic, he's confused and sweating a lot and not making sense", /give sugar now/],
  ])('after %s, "what do we do while we wait" repeats the flag’s own first aid, not the general advice', async (_name, message, firstAid) => {
    const alarm = await engine.handle(turn(message, { language: 'en' }));
    expect(alarm.result.urgency).toBe('emergency');
    const wait = await engine.handle(turn('what should we do while we wait for the ambulance?', { state: alarm.state }));
    expect(textOf(wait)).toMatch(/112/);
    expect(textOf(wait)).toMatch(firstAid);
    expect(textOf(wait)).not.toMatch(/stay with the person|do not give food, drink/i);
  });

  it.each([
    ['en', 'my hamster has a lump, can your doctor see him?'],
    ['es', '¿va a llover mañana en la ciudad?'],
    ['zh', '附近哪里可以修自行车'],
    ['hi', 'kal mausam kaisa hoga'],
    // The patient's own animal, however many of the knowledge base's words it uses.
    ['en', 'can my cat get a flu shot at your clinic'],
    ['es', 'le pueden poner la vacuna de la gripe a mi gato'],
    ['zh', '我家狗狗能在你们这打流感疫苗吗'],
    ['hi', 'meri billi ko flu ka teeka lag sakta hai?'],
  ] as const)('%s: says kindly that "%s" is not something it can help with, and what it can do', async (language, question) => {
    const out = await engine.handle(turn(question, { language }));
    expect(out.result.answer?.outOfScope).toBe(true);
    expect(out.result.escalate).toBe(false);
    expect(out.replies[0]!.actions!.length).toBeGreaterThanOrEqual(3);
  });

  it('asks gibberish to rephrase, twice, without ever opening a case; a real unclear question twice gets the nurse', async () => {
    const first = await engine.handle(turn('asdfgh jklqwe', { language: 'en' }));
    const second = await engine.handle(turn('zxcvbn qwrtpsdf', { state: first.state }));
    for (const out of [first, second]) {
      expect(out.result.answer?.gibberish).toBe(true);
      expect(out.result.escalate).toBe(false);
      expect(out.replies[0]!.text).toMatch(/other words/);
    }
  });

  it('fills every placeholder in every topic and language, with the configured emergency number', async () => {
    for (const language of LANGUAGES) {
      for (const id of TOPIC_IDS) {
        const out = await engine.handle(turn(`topic:${id}`, { kind: 'postback', language }));
        expect(out.result.sources[0]?.id, `${language}/${id}`).toBe(id);
        expect(textOf(out), `${language}/${id}`).not.toContain('{{');
        // A chosen topic offers its units as buttons.
        expect(out.replies[0]!.actions!.every((a) => a.value.startsWith(`unit:${id}#`))).toBe(true);
      }
    }
    const emergency = await engine.handle(turn('unit:emergency-warning-signs#stroke-signs', { kind: 'postback', language: 'en' }));
    expect(textOf(emergency)).toContain('112');
  });

  it.each([
    ['en', 'how many mg of ibuprofen can I give my 2 year old'],
    ['en', 'can I take advil with my lisinopril'],
    ['en', 'should I stop my blood pressure pills'],
    ['es', '¿cuántos mg de paracetamol le doy a mi hijo de 3 años?'],
    ['es', '¿puedo tomar ibuprofeno si tomo warfarina?'],
    ['zh', '吃华法林的时候能吃布洛芬吗'],
    ['hi', 'bp ki dawa band kar du?'],
    ['hi', 'मेरा पोटैशियम 5.9 है क्या यह ठीक है'],
  ] as const)('%s: hands the medicine question "%s" to a nurse with general safety information', async (language, question) => {
    const out = await engine.handle(turn(question, { language }));
    expect(out.result).toMatchObject({ escalate: true, reason: 'clinical' });
    // What the knowledge base says in general may come with it: from the question's own topic, or
    // a unit about medicines in general (a child's dose goes by weight and the label).
    expect(out.result.sources.every((s) => ['medication-safety', 'lab-results', 'fever', 'pregnancy-care', 'cold-flu-self-care', 'allergies', 'diabetes-care', 'blood-pressure'].includes(s.id))).toBe(true);
    if (out.result.sources[0]?.id === 'fever') expect(out.result.answer?.unit).toBe('fever-child-dose');
    expect(out.result.answer?.lowConfidence).toBeUndefined();
    expect(out.replies[0]!.text.split('\n').length).toBeGreaterThanOrEqual(2);
    // Handed over in this turn, and told so: no "Talk to a nurse" button asks for it again.
    const tl = services.t(language, language === 'hi' && !/\p{Script=Devanagari}/u.test(question) ? 'latin' : undefined);
    expect(out.replies.at(-1)!.text).toBe(tl('escalation:stage.unconfigured', { nurseLine: services.clinic.get('nurse_line', language) }));
    expect(out.replies.flatMap((r) => r.actions ?? []).map((a) => a.value)).not.toContain(tl('answers:nurseActionValue'));
  });

  it.each([
    ['en', 'how much childrens tylenol can i give my son hes 30 lbs', /weight/],
    ['es', '¿cuánto ibuprofeno infantil le doy a mi niño de 2 años? pesa 12 kilos', /peso/],
  ] as const)('%s: a child\'s dose, "%s", goes to a nurse with the dosing rules; SMS keeps the hand-over and its safety line', async (language, question, rule) => {
    const out = await engine.handle(turn(question, { language }));
    expect(out.result).toMatchObject({ escalate: true, reason: 'clinical', sources: [{ id: 'fever' }] });
    expect(out.result.answer?.unit).toBe('fever-child-dose');
    expect(out.replies[0]!.text).toMatch(rule);
    const [lead, safety] = out.replies[0]!.text.split('\n');
    const texted = sms(out)[0]!.chunks.join(' ');
    expect(texted).toContain(lead!.slice(0, 40));
    expect(texted).toContain(safety!.slice(0, 40));
  });

  it.each([
    ['es', 'quiero hacer una cita porque me duele la rodilla desde hace semanas', 'me duele la rodilla desde hace semanas'],
    ['en', 'can I get an appointment for my husband, his lower back has hurt for a month', 'my lower back has hurt for a month'],
  ] as const)('%s: a symptom in a request to book a visit gets the booking answer; the symptom alone goes to a nurse', async (language, booking, symptom) => {
    const booked = await engine.handle(turn(booking, { language }));
    expect(booked.result.sources[0]?.id).toBe('appointment-booking');
    expect(booked.result.reason).not.toBe('clinical');
    const alone = await engine.handle(turn(symptom, { language }));
    expect(alone.result).toMatchObject({ escalate: true, reason: 'clinical' });
  });

  it('a home glucose reading handed to a nurse comes with the published thresholds', async () => {
    const out = await engine.handle(turn('im type 1 and my sugar is 290 since lunch even after correcting, when do i call you?', { language: 'en' }));
    expect(out.result).toMatchObject({ escalate: true, reason: 'clinical', sources: [{ id: 'diabetes-care' }] });
    expect(out.result.answer?.unit).toBe('high-sugar');
    expect(out.replies[0]!.text).toMatch(/ketones/);
  });

  it.each([
    ['en', 'I need a refill on my lisinopril'],
    ['es', 'necesito resurtir mi metformina'],
    ['zh', '我需要续开二甲双胍'],
    ['hi', 'mujhe lisinopril ka refill chahiye'],
  ] as const)('%s: answers the refill request "%s" from the refill units, though it names a medicine', async (language, question) => {
    const out = await engine.handle(turn(question, { language }));
    expect(out.result.reason).not.toBe('clinical');
    expect(out.result.sources[0]?.id).toBe('prescription-refills');
    expect(out.result.answer?.unit).toBe('request-refill');
  });

  it.each([
    ['en', 'can I get my refill of lisinopril at a higher dose'],
    ['es', 'necesito resurtir mi losartán pero en otra dosis'],
  ] as const)('%s: a refill that changes the dose, "%s", still goes to a nurse', async (language, question) => {
    const out = await engine.handle(turn(question, { language }));
    expect(out.result).toMatchObject({ escalate: true, reason: 'clinical' });
  });

  it.each([
    ['en', 'my ankle has been aching for a week since the hike, it clicks when i walk'],
    ['en', 'my husband has a painful bump on his heel, worse in the mornings'],
    ['es', 'me duele el hombro cuando levanto el brazo, ya van varios dias'],
    ['zh', '手腕打字打久了就疼，已经一个多星期了'],
    ['hi', 'घुटने में दो हफ़्ते से दर्द है, सीढ़ियाँ चढ़ने में दिक्कत होती है'],
    ['hi', 'meri kamar me 3 din se dard hai, jhukne pe zyada hota hai'],
  ] as const)('%s: a symptom no unit assesses, "%s", goes to a nurse with the "if it gets worse" line, not to a unit that shares its words', async (language, message) => {
    const out = await engine.handle(turn(message, { language }));
    expect(out.result).toMatchObject({ escalate: true, reason: 'clinical', answer: { clinical: 'symptom' } });
    expect(out.result.answer?.unit).toBeUndefined();
    const tl = services.t(language, language === 'hi' && !/\p{Script=Devanagari}/u.test(message) ? 'latin' : undefined);
    const first = out.replies[0]!;
    expect(first.text.split('\n')[0]).toBe(tl('answers:symptom'));
    expect(first.text).toContain(tl('answers:clinicalSafety.diagnosis', { emergencyNumber: '112' }));
    // Handed over in this turn, and told so: no "Talk to a nurse" button asks for it again.
    expect(out.replies.at(-1)!.text).toBe(tl('escalation:stage.unconfigured', { nurseLine: services.clinic.get('nurse_line', language) }));
    expect(out.replies.flatMap((r) => r.actions ?? []).map((a) => a.value)).not.toContain(tl('answers:nurseActionValue'));
  });

  it.each([
    ['en', 'my throat is sore and my nose is stuffed up since friday, what helps at home', 'cold-flu-self-care'],
    ['es', 'tengo la nariz tapada y me duele la garganta desde el viernes, qué hago en casa', 'cold-flu-self-care'],
    ['zh', '一到春天就打喷嚏流鼻涕眼睛痒，怎么办', 'allergies'],
    ['en', 'do you treat dogs? my puppy is limping', null],
    // Times, days and a journey are no emergency ('started 30 min ago' is how emergencies also talk).
    ['en', 'will you still be open on wednesday if I leave work at 5:30? the bus takes about 35 minutes', 'clinic-hours-locations'],
    ['es', '¿sigue abierto el jueves si salgo del trabajo a las 5? el camión tarda como 40 minutos', 'clinic-hours-locations'],
  ] as const)('%s: a symptom the knowledge base answers, "%s", is answered from it (or kindly declined), not handed over', async (language, message, topic) => {
    const out = await engine.handle(turn(message, { language }));
    expect(out.result.answer?.clinical).toBeUndefined();
    if (topic) expect(out.result.sources[0]?.id).toBe(topic);
    else expect(out.result.answer?.outOfScope).toBe(true);
  });

  it('answers a person bitten by their own dog, not "not here"', async () => {
    const out = await engine.handle(turn('my dog bit my hand and it is swollen, do I need a tetanus shot?', { language: 'en' }));
    expect(out.result.answer?.outOfScope).toBeUndefined();
  });

  it.each([
    ['en', 'can I take advil with my lisinopril', /raise blood pressure/, /medlineplus\.gov/],
    ['es', '¿puedo tomar ibuprofeno si tomo warfarina?', /riesgo de sangr/, /https:/],
    ['zh', '吃华法林的时候能吃布洛芬吗', /出血风险/, /https:/],
    ['hi', 'bp ki dawa band kar du?', /band na karein|बंद न करें/i, /https:/],
  ] as const)('%s: the hand-over of "%s" also says what the medication-safety unit says in general, with its source', async (language, question, general, link) => {
    const out = await engine.handle(turn(question, { language }));
    expect(out.result).toMatchObject({ escalate: true, reason: 'clinical', sources: [{ id: 'medication-safety' }] });
    // The unit whose answer it states is reported (ask --json `unit`).
    expect(out.result.answer?.unit).toMatch(/^[a-z0-9-]+$/);
    const text = out.replies[0]!.text;
    expect(text).toMatch(general);
    expect(text).toMatch(link);
    // The hand-over and its safety line come first.
    expect(text.indexOf('\n')).toBeGreaterThan(0);
    expect(text.search(general)).toBeGreaterThan(text.split('\n')[0]!.length);
  });

  it.each([
    ['en', 'what should i bring to my first appointment'],
    ['es', '¿qué documentos llevo a mi primera cita?'],
    ['zh', '第一次看病要带什么'],
    ['hi', 'ब्लड टेस्ट की रिपोर्ट कितने दिन में आती है'],
    ['hi', 'pehli visit pe kya kya lana hai'],
  ] as const)('%s: fits each channel — web under 450 characters, SMS in at most 2 segments (4 in UCS-2), voice never cut mid-sentence', async (language, question) => {
    const out = await engine.handle(turn(question, { language }));
    expect(out.result.answer?.unit).toBeDefined();
    expect(web(out).length).toBeLessThan(450);
    for (const rendered of sms(out)) {
      expect(rendered.chunks).toHaveLength(1);
      const { encoding, segments } = measureSms(rendered.chunks[0]!);
      expect(segments).toBeLessThanOrEqual(encoding === 'UCS-2' ? 4 : 2);
      expect(rendered.chunks[0]).not.toMatch(/https?:/);
    }
    for (const rendered of voice(out)) {
      expect(rendered.chunks).toHaveLength(1);
      expect(rendered.chunks[0]).toMatch(/[.!?。！？।]$/u);
    }
  });

  it('says it is not sure below the threshold, offers the closest topics and a nurse, and answers the chosen topic', async () => {
    const out = await engine.handle(turn('can I ask about my uncle', { language: 'en' }));
    expect(out.result.answer).toMatchObject({ lowConfidence: true });
    expect(out.result.escalate).toBe(false);
    const actions = out.replies[0]!.actions!;
    expect(actions.at(-1)).toEqual({ title: 'Talk to a nurse', value: 'I want to talk to a nurse' });
    const topicChoice = actions.find((a) => a.value.startsWith('topic:'))!;
    const chosen = await engine.handle(turn(topicChoice.value, { kind: 'postback', state: out.state }));
    expect(chosen.result.answer).toMatchObject({ lowConfidence: false, confidence: 1 });
  });

  it('escalates after two unsure answers in a row, and the nurse button asks for a person', async () => {
    const first = await engine.handle(turn('can I ask about my uncle', { language: 'en' }));
    expect(first.result.escalate).toBe(false);
    const second = await engine.handle(turn('so what now', { state: first.state }));
    expect(second.result).toMatchObject({ escalate: true, reason: 'low_confidence' });

    const nurse = first.replies[0]!.actions!.at(-1)!;
    const asked = await engine.handle(turn(nurse.value, { kind: 'postback', state: first.state }));
    expect(asked.result).toMatchObject({ escalate: true, reason: 'human_request' });
    expect(asked.replies).toHaveLength(1);
    expect(asked.result.answer?.lowConfidence).toBeUndefined();
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

  it('answers from the retrieved units only, in the patient’s language, with the conversation so far, citing the topic', async () => {
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

    // A follow-up carries the earlier turns, so the model can tell what "that" is.
    const followUp = await engine.handle(turn('¿y cuánto tarda?', { state: out.state }));
    const history = chatRequests().at(-1)!.body.messages as { role: string; content: string }[];
    expect(history.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(history[1]!.content).toBe('¿cómo pido un refill de mi receta?');
    expect(followUp.result.answer?.topic).toBe('prescription-refills');

    expect(out.result.answer).toMatchObject({ kind: 'llm', lowConfidence: false });
    expect(out.result.sources[0]?.id).toBe('prescription-refills');
    const reply = out.replies[0]!;
    expect(reply.text).toMatch(/^Based on the provided information: "\[1\] /);
    expect(reply.text).toMatch(/Más: .+ https:\/\//);
    expect(reply.sources?.[0]?.id).toBe('prescription-refills');
  });

  it('falls back to the extractive answer when the model fails', async () => {
    fake.failNext(2, 500); // the safety gate's triage call first, then the answer
    const out = await engine.handle(turn('how do i pay my bill'));
    expect(out.result.answer).toMatchObject({ kind: 'extractive', llmFallback: expect.any(String) });
    expect(out.result.answer).toMatchObject({ topic: 'billing-payments', unit: 'ways-to-pay' });
    expect(out.replies[0]!.text).toBe(`${out.replies[0]!.brief}\n\n${out.replies[0]!.text.split('\n\n')[1]}`);
  });

  it('falls back to the extractive answer when the model is slower than LLM_TIMEOUT_MS', async () => {
    fake.delayMs(3000);
    try {
      const out = await engine.handle(turn('how do i pay my bill'));
      expect(out.result.answer).toMatchObject({ kind: 'extractive', llmFallback: expect.any(String) });
      expect(out.replies[0]!.text).toMatch(/More: /);
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
  it('fills sources with the topics used, most relevant first, and names the unit', () => {
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
    expect(out.unit).toBe('request-refill');
  });

  it.each([
    ['web', (answer: string) => expect(answer).toMatch(/More: .+https:\/\//)],
    ['sms', (answer: string) => expect(measureSms(answer).segments).toBeLessThanOrEqual(2)],
    ['voice', (answer: string) => expect(answer).not.toMatch(/https?:|\*\*/)],
  ] as const)('--channel %s renders the answer as that channel would', (channel, check) => {
    const r = spawnSync(process.execPath, [join(paths.root, 'bin', 'carerelay.js'), 'ask', '--json', '--channel', channel, 'how long do refills take'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim());
    expect(out.unit).toBe('refill-time');
    check(out.answer);
  });
});
