/**
 * The safety gate across turns, through the real engine: invisible characters, safety mode
 * after a red flag, screening questions and their answers, and the LLM's third opinion against
 * the fake OpenAI-compatible server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/index.js';
import type { ConversationState } from '../../src/engine/context.js';
import type { DialogEngine } from '../../src/engine/engine.js';
import type { Language } from '../../src/language/languages.js';
import { createLogger } from '../../src/logger.js';
import { createSafetyGate, type StatisticalDetector } from '../../src/safety/gate.js';
import { startFakeOpenAI, type ChatMessageIn, type FakeOpenAI } from '../fakes/openai-server.js';
import { testConfig } from '../helpers/app.js';

const logger = createLogger('silent');
let engine: DialogEngine;
let serial = 0;

/** A conversation that carries its state from turn to turn, as the turn processor does. */
function conversation(target: DialogEngine, language: Language) {
  const id = `conv-${++serial}`;
  let state: ConversationState = { turns: 0, counters: {}, language, languageChosen: true };
  return async (text: string) => {
    const out = await target.handle({
      message: { channel: 'test', conversation: { id }, from: { id: 'p', role: 'patient' }, text, kind: 'text', timestamp: new Date(), locale: language },
      conversation: { id, channel: 'test', mode: 'bot', isNew: state.turns === 0 },
      state,
    });
    state = out.state;
    return { ...out, text: out.replies.map((r) => r.text).join('\n') };
  };
}

beforeAll(async () => {
  ({ engine } = await createEngine(testConfig(), logger));
});

// Engines whose classifier is a stub of our own StatisticalDetector interface, made once per name.
const stubbed = new Map<string, Promise<DialogEngine>>();
const stubbedEngine = (name: string, classifier: StatisticalDetector) => {
  let made = stubbed.get(name);
  if (!made) {
    made = createEngine(testConfig(), logger).then(({ engine: stubEngine, services }) => {
      services.safetyGate = createSafetyGate({ classifier });
      return stubEngine;
    });
    stubbed.set(name, made);
  }
  return made;
};

// An engine whose classifier reads every message as a possible emergency, unsure of which, below its alarm level.
const signsEngine = () =>
  stubbedEngine('unsure', { threshold: 0.5, alarmThreshold: 0.9, score: () => ({ probability: 0.7, category: 'other_emergency', categoryProbability: 0.2 }) });

describe('invisible characters cannot hide a red flag', () => {
  it.each<[string, string, Language]>([
    ['zero-width space', 'i want to k\u200Bill mys\u200Belf', 'en'],
    ['soft hyphen', 'i want to kill my\u00ADself tonight', 'en'],
    ['zero-width joiner', 'my dad is cho\u200Dking and cant breathe', 'en'],
    ['word joiner and BOM', 'me quiero ma\u2060tar\uFEFF', 'es'],
    ['zero-width non-joiner in Chinese', '我想\u200C自杀', 'zh'],
    ['zero-width space in Hindi', 'मैं आत्म\u200Bहत्या करना चाहता हूँ', 'hi'],
    ['full-width letters', 'ｍｙ ｃｈｅｓｔ ｈｕｒｔｓ ｒｅａｌｌｙ ｂａｄ', 'en'],
  ])('%s', async (_name, text, language) => {
    const out = await conversation(engine, language)(text);
    expect(out.result).toMatchObject({ urgency: 'emergency', escalate: true });
  });
});

describe('Traditional Chinese reads as Simplified', () => {
  // The rules and the classifier are written in Simplified; Taiwan and Hong Kong patients write Traditional.
  it.each<[string, string]>([
    ['a heart attack, Traditional', '我爸說他心臟病又發作了，胸口很痛，含了兩顆硝酸甘油都沒用'],
    ['a child who swallowed pills, Traditional', '我兒子把奶奶的降壓藥吃了好幾顆'],
    ['a Cantonese message, Traditional', '阿爸突然半邊身郁唔到，講嘢都唔清楚'],
  ])('%s', async (_name, text) => {
    const out = await conversation(engine, 'zh')(text);
    expect(out.result.urgency).not.toBe('routine');
    expect(out.result.escalate).toBe(true);
  });
});

describe('safety mode after a red flag', () => {
  it.each<[Language, string, string[]]>([
    ['en', 'my husband collapsed and is not breathing', ['ok', 'thanks', 'what should i do while we wait?']],
    ['es', 'mi esposo se desmayó y no respira', ['ok', 'gracias', '¿qué hago mientras esperamos?']],
    ['zh', '我爸爸突然倒下了，没有呼吸', ['好的', '谢谢', '等的时候我该怎么办？']],
    ['hi', 'papa gir gaye aur saans nahi le rahe', ['ok', 'shukriya', 'intezaar karte hue kya karu?']],
  ])('%s: "ok", "thanks" and "what now" get care and the number again, never small talk', async (language, first, after) => {
    const say = conversation(engine, language);
    const alarm = await say(first);
    expect(alarm.result.urgency).toBe('emergency');
    for (const text of after) {
      const out = await say(text);
      expect(out.result.handledBy).toBe('safety-mode');
      expect(out.text).toContain('911');
      expect(out.replies[0]!.alert?.call[0]?.number).toBe('911');
      expect(out.text).not.toMatch(/welcome|de nada|不客气|स्वागत/i);
    }
    // Safety mode ends after a few turns: the bot is itself again.
    const later = await say('thanks');
    expect(later.result.handledBy).not.toBe('safety-mode');
  });

  it.each<[Language, string, string, RegExp, RegExp]>([
    ['en', 'my dad has crushing chest pain and is sweating', 'I have crushing chest pain and I am sweating', /Have them stop/, /Stop what you're doing/],
    ['es', 'mi papá tiene un dolor muy fuerte en el pecho y está sudando', 'tengo un dolor muy fuerte en el pecho y estoy sudando', /Haga que deje/, /Deje lo que está haciendo/],
    ['zh', '我爸爸胸口剧痛，一直出冷汗', '我胸口剧痛，一直出冷汗', /请让病人停下/, /请停下手上的事/],
    ['hi', 'mere papa ke seene mein tez dard hai aur pasina aa raha hai', 'mere seene mein tez dard hai aur pasina aa raha hai', /Unhe jo kar rahe hain/, /Jo kar rahe hain use rok/],
  ])('%s: the first aid speaks to a helper when the emergency is someone else\'s, in the alarm and in safety mode', async (language, helper, self, forHelper, forSelf) => {
    const say = conversation(engine, language);
    const alarm = await say(helper);
    expect(alarm.result.urgency).toBe('emergency');
    expect(alarm.text).toMatch(forHelper);
    expect(alarm.text).not.toMatch(forSelf);
    expect((await say('ok')).text).toMatch(forHelper);
    const own = await conversation(engine, language)(self);
    expect(own.result.urgency).toBe('emergency');
    expect(own.text).toMatch(forSelf);
  });

  it.each<[Language, string, string, string]>([
    ['en', 'I was raped last night', "I don't want to go to the police, I just want to forget it", '1-800-656-4673'],
    ['es', 'anoche me violaron', 'no quiero ir a la policía, solo quiero olvidarlo', '1-800-656-4673'],
    ['zh', '我昨晚被强奸了', '我不想报警，我只想忘掉这件事', '1-800-656-4673'],
    ['hi', 'kal raat mera rape hua', 'main police ke paas nahi jaana chahti, bas bhool jaana chahti hoon', '1-800-656-4673'],
  ])('%s: the classifier alone reading the same danger again keeps safety mode, never a second, vaguer alarm', async (language, first, next, hotline) => {
    // A classifier that reads every message as an unsure emergency.
    const stub = await stubbedEngine('sure-unsure', { threshold: 0.5, score: () => ({ probability: 0.99, category: 'other_emergency', categoryProbability: 0.2 }) });
    const say = conversation(stub, language);
    const alarm = await say(first);
    expect(alarm.result.safety?.redFlag?.category).toBe('assault');
    const out = await say(next);
    expect(out.result.handledBy).toBe('safety-mode');
    expect(out.text).toContain(hotline);
    expect(out.replies[0]!.alert?.disposition).toBe('safety_resources');
    // A danger the rules see is still raised as it is.
    const other = await say(language === 'en' ? 'my friend collapsed and is not breathing' : language === 'es' ? 'mi amiga se desmayó y no respira' : language === 'zh' ? '我朋友突然倒下了，没有呼吸' : 'dost gir gaya aur saans nahi le raha');
    expect(other.result).toMatchObject({ urgency: 'emergency', handledBy: 'safety' });
  });

  it.each<[Language, string, string, RegExp]>([
    ['en', 'everyone would be better off without me', "I have my dad's gun", /put distance between you and it/],
    ['es', 'me quiero morir', 'tengo muchas pastillas guardadas', /aléjela de usted/],
    ['zh', '我不想活了', '我已经把药攒好了', /离您远一点/],
    ['hi', 'main mar jaana chahta hoon', 'ghar mein chooha maar dawai rakhi hai', /apne se door kar dein/],
  ])('%s: after a crisis reply, the means at hand is a plan: escalated, with the advice to put distance from them', async (language, first, means, advice) => {
    const say = conversation(engine, language);
    expect((await say(first)).result.safety?.redFlag?.disposition).toBe('crisis');
    const out = await say(means);
    expect(out.result).toMatchObject({ urgency: 'emergency', escalate: true, handledBy: 'safety' });
    expect(out.result.safety?.redFlag?.flag).toBe('suicidal-plan');
    expect(out.text).toMatch(advice);
    expect(out.text).toContain('988');
    // The same words without the crisis before them are no plan.
    expect((await conversation(engine, language)(means)).result.safety?.redFlag?.flag).not.toBe('suicidal-plan');
  });

  it.each<[Language, string, string, string]>([
    ['en', 'I have crushing chest pain', 'no its been there for a week when I walk up stairs', 'can you tell me the address of the clinic please'],
    ['es', 'tengo un dolor muy fuerte en el pecho', 'no, ya lleva una semana y me pasa cuando subo las escaleras', '¿me puede decir cuál es la dirección de la clínica, por favor?'],
    ['zh', '我胸口剧痛', '不是，已经一个星期了，爬楼梯的时候才疼', '诊所地址在哪里？'],
    ['hi', 'mere seene mein tez dard hai', 'nahi, ek hafte se hai jab seedhiyan chadhta hoon tab hota hai', 'clinic ka address kya hai, mujhe wahan jaana hai'],
  ])('%s: in safety mode a longer message is answered from the knowledge base only when it is an office matter; more about the symptoms gets the care and the number again', async (language, first, more, office) => {
    const say = conversation(engine, language);
    expect((await say(first)).result.urgency).toBe('emergency');
    const symptoms = await say(more);
    expect(symptoms.result.handledBy).toBe('safety-mode');
    expect(symptoms.text).toContain('911');
    expect(symptoms.result.sources).toEqual([]);
    const address = await say(office);
    expect(address.result.handledBy).not.toBe('safety-mode');
    expect(address.result.sources[0]?.id).toBe('clinic-hours-locations');
  });

  it('in safety mode a question goes on to the knowledge base, as a statement of symptoms does not', async () => {
    const say = conversation(engine, 'en');
    await say('I have crushing chest pain');
    const question = await say('when should I go to urgent care instead of the emergency room?');
    expect(question.result.handledBy).not.toBe('safety-mode');
    expect(question.result.sources.length).toBeGreaterThan(0);
  });

  it.each<[Language, string, string, RegExp]>([
    ['en', 'my son drank some bleach', 'he seems fine now, do I still need to call?', /even if they seem fine/],
    ['es', 'mi hijo se tomó cloro', 'parece que ya está bien, ¿todavía tengo que llamar?', /aunque ahora parezca estar bien/],
    ['zh', '我儿子喝了漂白水', '他现在看起来没事了，还需要打电话吗？', /即使现在看起来没事/],
    ['hi', 'bete ne bleach pi liya', 'ab theek lag raha hai, kya phir bhi call karna zaroori hai?', /phir bhi kripya call karein/],
  ])('%s: "seems fine now, do I still need to call?" after a poisoning: yes, with the number again (Poison Help)', async (language, first, fine, still) => {
    const say = conversation(engine, language);
    expect((await say(first)).result.safety?.redFlag?.disposition).toBe('poison_control');
    const out = await say(fine);
    expect(out.result.handledBy).toBe('safety-mode');
    expect(out.text).toMatch(still);
    expect(out.text).toContain('1-800-222-1222');
  });

  it.each<[Language, string, string]>([
    ['en', 'my dad has crushing chest pain and is sweating', 'the ambulance is here now, thank you'],
    ['es', 'mi papá tiene un dolor muy fuerte en el pecho', 'ya llegó la ambulancia, gracias'],
    ['zh', '我爸爸胸口剧痛', '救护车到了，谢谢'],
    ['hi', 'papa ko heart attack aa raha hai', 'ambulance aa gayi hai, shukriya'],
  ])('%s: once help has arrived, safety mode ends without another "please call now"', async (language, first, arrived) => {
    const say = conversation(engine, language);
    expect((await say(first)).result.urgency).toBe('emergency');
    const out = await say(arrived);
    expect(out.result.handledBy).toBe('safety-mode');
    expect(out.text).not.toContain('911');
    expect(out.state.safety).toBeUndefined();
  });

  it('in safety mode, a classifier-only flag of another danger is context (a stroke patient "on blood thinners"), unless it asks for the emergency number after another line', async () => {
    const bleeding = await stubbedEngine('sure-bleeding', { threshold: 0.5, score: () => ({ probability: 0.99, category: 'bleeding', categoryProbability: 0.99 }) });
    const say = conversation(bleeding, 'en');
    expect((await say('my mom is having a stroke, her face is drooping')).result.safety?.redFlag?.category).toBe('stroke');
    const context = await say("she's 78 and on blood thinners, what else should I tell them");
    expect(context.result.handledBy).toBe('safety-mode');
    expect(context.text).toContain('911');
    // After the crisis line, a body emergency the classifier reads is raised with the emergency number.
    const crisis = conversation(bleeding, 'en');
    await crisis('everyone would be better off without me');
    const body = await crisis('there is so much blood on the floor and it keeps coming out');
    expect(body.result).toMatchObject({ urgency: 'emergency', handledBy: 'safety' });
  });

  it.each<[Language, string, string, string]>([
    ['en', 'everyone would be better off without me', 'can you help me find a counselor or therapist?', '988'],
    ['es', 'quiero desaparecer para siempre', '¿me pueden dar una cita con un psicólogo?', '988'],
  ])('%s: an answer in the middle of a crisis keeps the crisis line in sight', async (language, first, question, line) => {
    const say = conversation(engine, language);
    await say(first);
    const out = await say(question);
    expect(out.result.handledBy).not.toBe('safety-mode');
    expect(out.result.sources.length).toBeGreaterThan(0);
    expect(out.replies.at(-1)!.text).toContain(line);
    expect(out.replies.at(-1)!.alert?.call[0]?.number).toBe(line);
  });

  it('after a crisis reply, the crisis line again', async () => {
    const say = conversation(engine, 'en');
    await say('everyone would be better off without me');
    const out = await say('ok');
    expect(out.text).toContain('988');
  });

  it('a new red flag in safety mode is raised again', async () => {
    const say = conversation(engine, 'en');
    await say('i think im having a heart attack');
    const out = await say('now my wife is choking too');
    expect(out.result).toMatchObject({ urgency: 'emergency', escalate: true, handledBy: 'safety' });
  });
});

describe('screening questions', () => {
  it.each<[Language, string, string, string, 'emergency' | 'routine']>([
    ['en', 'my baby has a fever', "he's 4", 'weeks', 'emergency'],
    ['en', 'my baby has a fever', "he's 4", 'months', 'routine'],
    ['es', 'mi bebé tiene fiebre', 'tiene 2', 'semanas', 'emergency'],
    ['zh', '宝宝发烧了', '2', '个月', 'emergency'],
    ['hi', 'baby ko bukhar hai', '5', 'mahine', 'routine'],
  ])('%s: "%s" → "%s" asks weeks, months or years before a nurse is needed; "%s" decides (%s)', async (language, first, bare, unit, urgency) => {
    const say = conversation(engine, language);
    await say(first);
    const again = await say(bare);
    expect(again.result).toMatchObject({ handledBy: 'safety-screen', escalate: false, safety: { screen: { screen: 'age', answer: 'unitless' } } });
    expect(again.text).toMatch(/\d/);
    const decided = await say(unit);
    expect(decided.result.urgency).toBe(urgency);
    expect(decided.result.escalate).toBe(urgency === 'emergency');
  });

  it('a second answer without a unit goes to a nurse, as any unclear answer does', async () => {
    const say = conversation(engine, 'en');
    await say('my baby has a fever');
    await say("he's 4");
    const unclear = await say('4');
    expect(unclear.result).toMatchObject({ escalate: true, reason: 'safety_screen' });
  });

  it.each<[Language, string, string, string]>([
    ['en', 'my baby has a fever', '6 weeks', '8 months'],
    ['es', 'mi bebé tiene fiebre', 'tiene 5 semanas', '10 meses'],
    ['zh', '宝宝发烧了', '两个月', '一岁'],
    ['hi', 'mere baby ko bukhar hai', '3 hafte', '9 mahine'],
  ])('%s: a baby with a fever is asked its age; under 3 months is an emergency', async (language, first, young, older) => {
    const say = conversation(engine, language);
    const asked = await say(first);
    expect(asked.result).toMatchObject({ handledBy: 'safety-screen', urgency: 'urgent', escalate: false });
    const answer = await say(young);
    expect(answer.result).toMatchObject({ urgency: 'emergency', escalate: true, reason: 'emergency' });
    expect(answer.result.safety?.redFlag).toMatchObject({ flag: 'infant-fever', detectors: ['screening'] });

    const again = conversation(engine, language);
    await again(first);
    const calm = await again(older);
    expect(calm.result).toMatchObject({ urgency: 'routine', escalate: false, handledBy: 'safety-screen' });
    expect(calm.text).toContain('911');
  });

  it('"she took some pills": asks whose and how many; yes goes to poison control or the emergency number', async () => {
    const say = conversation(engine, 'en');
    const asked = await say('my husband took some pills, not sure how many');
    expect(asked.result.handledBy).toBe('safety-screen');
    const yes = await say('yes');
    expect(yes.result).toMatchObject({ urgency: 'emergency', escalate: true });
  });

  it('a head knock: no danger signs gets what to watch for', async () => {
    const say = conversation(engine, 'en');
    const asked = await say('my son bumped his head on the table');
    expect(asked.result.handledBy).toBe('safety-screen');
    const no = await say('no');
    expect(no.result).toMatchObject({ urgency: 'routine', escalate: false });
    expect(no.text).toContain('24 hours');
  });

  it.each<[Language, string, string, string]>([
    ['en', 'my son hit his head on the playground', 'he threw up twice', 'head-injury'],
    ['es', 'mi hijo se golpeó la cabeza en el parque', 'vomitó dos veces', 'head-injury'],
    ['zh', '儿子在操场上撞到头了', '吐了两次', 'head-injury'],
    ['hi', 'beta ka sir khelte hue takra gaya', 'do baar ulti ki', 'head-injury'],
    ['en', 'my friend took some of her pills', 'she took 15 of them', 'overdose'],
  ])('%s: naming a sign the question asked about is a yes ("%s" / "%s")', async (language, first, answer, flag) => {
    const say = conversation(engine, language);
    expect((await say(first)).result.handledBy).toBe('safety-screen');
    const out = await say(answer);
    expect(out.result).toMatchObject({ urgency: 'emergency', escalate: true, handledBy: 'safety' });
    expect(out.result.safety?.redFlag?.flag).toBe(flag);
  });

  it('low mood gets the Columbia question; yes is a crisis', async () => {
    const say = conversation(engine, 'en');
    const asked = await say('i feel so hopeless lately');
    expect(asked.text).toMatch(/thoughts of killing yourself/);
    const yes = await say('yeah sometimes');
    expect(yes.result.safety?.redFlag).toMatchObject({ disposition: 'crisis' });
    expect(yes.text).toContain('988');
  });

  it.each<[Language, string, string, string]>([
    ['en', 'i feel so hopeless lately', 'no', 'yes please'],
    ['es', 'me siento muy deprimida y sin esperanza', 'no', 'sí, por favor'],
    ['zh', '我感到很绝望', '没有', '好的'],
    ['hi', 'main bahut udaas hoon, koi umeed nahi', 'nahi', 'haan'],
  ])('%s: after "no" to the low-mood question, the offered nurse is brought in on "yes" (it had been "I\'m not sure I understood")', async (language, first, no, yes) => {
    const say = conversation(engine, language);
    expect((await say(first)).result.handledBy).toBe('safety-screen');
    expect((await say(no)).result.safety?.screen?.answer).toBe('no');
    const out = await say(yes);
    expect(out.result).toMatchObject({ escalate: true, reason: 'human_request' });
    // Taken up once: a later "yes" is not another request.
    expect((await say(yes)).result.reason).not.toBe('human_request');
  });

  it('low mood named beside feeling down is asked about whatever the classifier says (the question that stands on its own comes first)', async () => {
    const quiet = await stubbedEngine('quiet', { threshold: 0.5, score: () => ({ probability: 0.01 }) });
    const asked = await conversation(quiet, 'en')('feeling low and hopeless');
    expect(asked.result.handledBy).toBe('safety-screen');
    expect(asked.text).toMatch(/thoughts of killing yourself/);
  });

  // Look-alikes of the training split: a rule fires, the classifier finds the message routine.
  it.each<[Language, string, string, string, string]>([
    ['en', "my mum survived sepsis last year and she's still more tired than before, is there a post-sepsis clinic?", 'no', 'yes', 'sepsis'],
    ['es', 'me agredieron sexualmente a los 19, tengo 34 y estoy bien, pero se viene mi primer papanicolau y me pone nerviosa, ¿puedo pedir enfermera mujer y más tiempo?', 'no', 'sí', 'sexual-assault'],
    ['zh', '昨晚通宵追剧，今天叫都叫不醒，差点错过预约，下午还能来吗', '没有', '是的', 'unresponsive'],
    ['hi', 'बड़े डॉक्टर साहब आज दौरे पर गए हैं क्या? रिपोर्ट दिखानी थी', 'नहीं', 'हाँ', 'seizure'],
  ])('%s: a rule hit in a message that reads as routine is checked first; "no" answers the message, "yes" raises the flag', async (language, first, no, yes, flag) => {
    const say = conversation(engine, language);
    const asked = await say(first);
    expect(asked.result).toMatchObject({ handledBy: 'safety-screen', escalate: false, safety: { screen: { screen: 'now' } } });
    expect(asked.replies).toHaveLength(1);
    const answered = await say(no);
    expect(answered.result.urgency).not.toBe('emergency');
    expect(answered.result.safety?.screen).toMatchObject({ screen: 'now', answer: 'no' });
    // The thanks, then the stages after safety answer the message that was held back.
    expect(answered.replies.length).toBeGreaterThanOrEqual(2);
    expect(answered.result.handledBy).not.toBe('safety-screen');

    const again = conversation(engine, language);
    await again(first);
    const raised = await again(yes);
    expect(raised.result).toMatchObject({ escalate: true });
    expect(raised.result.safety?.redFlag).toMatchObject({ flag, detectors: ['screening'] });
  });

  it.each<[Language, string, string, string, RegExp]>([
    ['en', 'my back hurts since i lifted a box, what can I take', 'no', 'yes', /call 911 now/],
    ['es', 'me duele la espalda desde que cargué una caja, qué puedo tomar', 'no', 'sí', /llame al 911 ahora/],
    ['zh', '搬箱子以后腰一直疼，可以吃什么药', '没有', '有', /请立即拨打 911/],
    ['hi', 'dabba uthane ke baad se kamar me dard hai, kya le sakta hu', 'nahi', 'haan', /abhi 911 par call karein/i],
  ])('%s: a flag only the classifier raises, below its alarm level, asks about the danger signs with the number first; "no" answers the message, "yes" raises the flag', async (language, first, no, yes, callNow) => {
    const checking = await signsEngine();
    const say = conversation(checking, language);
    const asked = await say(first);
    expect(asked.result).toMatchObject({ handledBy: 'safety-screen', escalate: false, safety: { screen: { screen: 'signs', matched: 'classifier' } } });
    expect(asked.text).toMatch(callNow);
    const answered = await say(no);
    expect(answered.result.safety?.screen).toMatchObject({ screen: 'signs', answer: 'no' });
    expect(answered.result.handledBy).not.toBe('safety-screen');
    expect(answered.replies.length).toBeGreaterThanOrEqual(2);

    const again = conversation(checking, language);
    await again(first);
    const raised = await again(yes);
    expect(raised.result).toMatchObject({ escalate: true, urgency: 'emergency' });
    expect(raised.result.safety?.redFlag).toMatchObject({ detectors: ['screening'] });
  });

  it.each<[Language, string]>([
    ['en', "I can't log in to the patient portal, it says my account is locked"],
    ['es', 'no puedo entrar al portal, me dice que mi cuenta esta bloqueada'],
  ])('%s: the same unsure hunch about a message the knowledge base reads as an office matter is answered, not asked about danger signs', async (language, text) => {
    const say = conversation(await signsEngine(), language);
    const out = await say(text);
    expect(out.result.safety?.screen).toBeUndefined();
    expect(out.result).toMatchObject({ handledBy: 'answer', urgency: 'routine' });
    expect(out.result.sources[0]?.id).toBe('patient-portal');
  });

  it.each<[Language, string, string, string]>([
    ['en', 'my son has a fever of 101', '6 weeks old', '4 years old'],
    ['es', 'mi hijo tiene fiebre de 38.5, que hago', 'tiene 6 semanas', 'tiene 4 años'],
    ['zh', '我儿子发烧38度5，怎么办', '6个星期', '4岁'],
    ['hi', 'beta ko 101 bukhar hai kya karu', '6 hafte ka hai', '4 saal ka hai'],
  ])('%s: a fever in a child of no stated age that the classifier reads as an emergency asks the age instead; under 3 months raises it', async (language, first, baby, child) => {
    const feverish = await stubbedEngine('sure-sepsis', { threshold: 0.5, score: () => ({ probability: 0.95, category: 'sepsis', categoryProbability: 0.7 }) });
    const say = conversation(feverish, language);
    const asked = await say(first);
    expect(asked.result).toMatchObject({ handledBy: 'safety-screen', escalate: false, safety: { screen: { screen: 'age' } } });
    const older = await say(child);
    expect(older.result.safety?.screen).toMatchObject({ screen: 'age', answer: 'no' });
    expect(older.result.urgency).not.toBe('emergency');

    const again = conversation(feverish, language);
    await again(first);
    const raised = await again(baby);
    expect(raised.result.safety?.redFlag).toMatchObject({ flag: 'infant-fever', detectors: ['screening'] });

    // Without the classifier's alarm the question is not asked: the message is answered.
    const quiet = await stubbedEngine('quiet', { threshold: 0.5, score: () => ({ probability: 0.1 }) });
    const answered = await conversation(quiet, language)(first);
    expect(answered.result.safety?.screen).toBeUndefined();
    expect(answered.result.urgency).not.toBe('emergency');
  });

  it('an answer that is not an answer goes to a nurse', async () => {
    const say = conversation(engine, 'en');
    await say('my baby has a fever');
    const out = await say('what time do you open tomorrow?');
    expect(out.result).toMatchObject({ escalate: true, reason: 'safety_screen', urgency: 'urgent' });
  });
});

describe('Hindi in Latin letters', () => {
  const DEVANAGARI = /\p{Script=Devanagari}/u;
  it('gets the alarm, safety mode and a screening question in Latin letters; Devanagari keeps Devanagari', async () => {
    const roman = conversation(engine, 'hi');
    const alarm = await roman('papa ka chehra ek taraf latak gaya hai aur haath nahi utha pa rahe');
    expect(alarm.result.urgency).toBe('emergency');
    expect(alarm.text).toMatch(/911/);
    expect(alarm.text).not.toMatch(DEVANAGARI);
    expect(alarm.state.romanised).toBe(true);
    const ok = await roman('ok');
    expect(ok.result.handledBy).toBe('safety-mode');
    expect(ok.text).toMatch(/911/);
    expect(ok.text).not.toMatch(DEVANAGARI);

    const asked = await conversation(engine, 'hi')('mere pati ne kuch goliyan kha li hain, pata nahi kitni');
    expect(asked.result.handledBy).toBe('safety-screen');
    expect(asked.text).not.toMatch(DEVANAGARI);

    const devanagari = await conversation(engine, 'hi')('पापा का चेहरा एक तरफ़ लटक गया है और हाथ नहीं उठा पा रहे');
    expect(devanagari.result.urgency).toBe('emergency');
    expect(devanagari.text).toMatch(DEVANAGARI);
  });
});

describe('the LLM as a third opinion', () => {
  let fake: FakeOpenAI;
  let withLlm: DialogEngine;
  const isTriage = (messages: ChatMessageIn[]) => String(messages[0]?.content ?? '').startsWith('You triage messages');
  let verdict: string;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: 'sk-test' });
    fake.setChatReply((messages) => (isTriage(messages) ? verdict : 'Our clinic opens at 8:00 [1].'));
    ({ engine: withLlm } = await createEngine(testConfig({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test', LLM_MODEL: 'gpt-test', LLM_TIMEOUT_MS: '800' }), logger));
    // The client's first request pays its cold start (lazy SDK paths, the first connection): ten
    // times a warm one, and past the 800 ms budget on a loaded full run. These tests are about
    // what the opinion decides, so that cost is paid here; the timeout has a test of its own.
    verdict = '{"red_flag": false, "category": null}';
    await conversation(withLlm, 'en')('when are you open on saturday?');
  });
  afterAll(async () => fake?.close());
  const triageRequests = () => fake.requests.filter((r) => r.path === '/v1/chat/completions' && isTriage(r.body.messages));

  it('raises a message the other detectors let through', async () => {
    verdict = '{"red_flag": true, "category": "stroke"}';
    // A vague message that rules and classifier both let through (the classifier now catches "his
    // left hand feels like someone else's" and, since its threshold is 0.70, "grandpa seems a bit off").
    const out = await conversation(withLlm, 'en')('my father has been forgetful this week and his hand feels odd to him');
    expect(out.result).toMatchObject({ urgency: 'emergency', escalate: true });
    expect(out.result.safety?.redFlag).toMatchObject({ detectors: ['llm'], category: 'stroke' });
  });

  it('is not asked when the rules already raised the flag, so it can never lower one', async () => {
    verdict = '{"red_flag": false, "category": null}';
    const before = triageRequests().length;
    const out = await conversation(withLlm, 'en')('my dad is choking and cant breathe');
    expect(out.result.urgency).toBe('emergency');
    expect(triageRequests().length).toBe(before);
  });

  it('a "no", an unreadable answer, an error or a timeout leave the turn routine', async () => {
    verdict = '{"red_flag": false, "category": null}';
    expect((await conversation(withLlm, 'en')('when are you open on saturday?')).result.urgency).toBe('routine');
    verdict = 'I am not sure, sorry.';
    expect((await conversation(withLlm, 'en')('when are you open on saturday?')).result.urgency).toBe('routine');
    fake.failNext(1, 500);
    expect((await conversation(withLlm, 'en')('when are you open on saturday?')).result.urgency).toBe('routine');
    fake.delayMs(5000);
    try {
      verdict = '{"red_flag": true, "category": "stroke"}';
      expect((await conversation(withLlm, 'en')('when are you open on saturday?')).result.urgency).toBe('routine');
    } finally {
      fake.delayMs(0);
    }
  });

  it('sends the normalised text, without invisible characters', async () => {
    verdict = '{"red_flag": false, "category": null}';
    await conversation(withLlm, 'en')('where do I p\u200Bark?');
    const last = triageRequests().at(-1)!;
    expect(JSON.stringify(last.body.messages[1].content)).toContain('where do I park?');
  });
});
