import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/safety/catalogue/flags.js';
import { CATEGORY_FLOOR, RULE_CHECK_BELOW, SINGLE_SIGN_CHECK_BELOW, SINGLE_SIGN_RULES, UNSIGNED_CATEGORY_FLOOR, createSafetyGate, type StatisticalDetector } from '../../src/safety/gate.js';
import { createEmergencyDetector } from '../../src/safety/detector.js';

/*
 * The gate's use of the classifier's category, with a stub of our own StatisticalDetector
 * interface that says how sure its category head is.
 */

const stub = (category: Category, categoryProbability?: number): StatisticalDetector => ({
  threshold: 0.5,
  score: () => ({ probability: 0.95, category, ...(categoryProbability === undefined ? {} : { categoryProbability }) }),
});

// No rule fires on it and the rules ask nothing: only the classifier can raise it.
const CLASSIFIER_ONLY = 'grandpa is not quite himself today and keeps dropping his cup';

describe('safety gate: the classifier category', () => {
  it('a day and a time are no sign of suicide: a classifier-only suicide guess in an office message is the broad emergency flag', () => {
    // 'on thursday' and 'tonight' set the scene of a suicide plan (SUICIDE_MEANS, PLAN_COMMIT) but are everyday words.
    const gate = createSafetyGate({ classifier: stub('suicide', 0.9) });
    const { verdict } = gate.assess('can I come in on thursday, or tonight after work, for my blood test', 'en');
    expect(verdict).toMatchObject({ disposition: 'emergency', category: 'other_emergency', detectors: ['classifier'] });
    expect(verdict!.categories).toContain('suicide');
  });

  it('a classifier-only flag with an unsure category is the broad emergency flag: call the emergency number, not the crisis line', () => {
    const gate = createSafetyGate({ classifier: stub('suicide', CATEGORY_FLOOR / 2) });
    const { verdict } = gate.assess(CLASSIFIER_ONLY, 'en');
    expect(verdict).toMatchObject({ disposition: 'emergency', category: 'other_emergency', categories: ['other_emergency'], detectors: ['classifier'] });
    expect(verdict!.flag.id).toBe('sudden-confusion');
  });

  it('a sure category with a sign of its own in the message is kept, and a model that gives no category probability is taken at its word', () => {
    // Suicide is named (and negated, so no rule fires): the classifier's reading has a sign to stand on.
    const named = "i'm not suicidal but everything feels grey and pointless these days";
    expect(createSafetyGate({ classifier: stub('suicide', 0) }).assess(named, 'en').verdict?.detectors).toEqual(['classifier']);
    for (const classifier of [stub('suicide', Math.min(1, CATEGORY_FLOOR + 0.1)), stub('suicide')]) {
      const { verdict } = createSafetyGate({ classifier }).assess(named, 'en');
      expect(verdict).toMatchObject({ disposition: 'crisis', category: 'suicide', detectors: ['classifier'] });
    }
  });

  it('a sure guess of the crisis line with none of its signs in the message gets the emergency number, the guess kept as a second category (the reply adds the crisis line)', () => {
    const { verdict } = createSafetyGate({ classifier: stub('suicide', 0.7) }).assess(CLASSIFIER_ONLY, 'en');
    expect(verdict).toMatchObject({ disposition: 'emergency', category: 'other_emergency', categories: ['other_emergency', 'suicide'] });
    // Categories whose disposition is the emergency number need no corroboration.
    expect(createSafetyGate({ classifier: stub('stroke', 0.7) }).assess(CLASSIFIER_ONLY, 'en').verdict).toMatchObject({ category: 'stroke', disposition: 'emergency' });
  });

  it('categoryFloor 0 always takes the category', () => {
    const { verdict } = createSafetyGate({ classifier: stub('burns', 0.05), categoryFloor: 0, unsignedCategoryFloor: 0 }).assess(CLASSIFIER_ONLY, 'en');
    expect(verdict).toMatchObject({ category: 'burns' });
  });

  it('a body emergency the message has no sign of needs a surer guess; a pregnancy or a baby must be in the message', () => {
    // A stroke read at 0.45 as a burn would be told to cool it under running water: the broad flag instead.
    expect(createSafetyGate({ classifier: stub('burns', UNSIGNED_CATEGORY_FLOOR - 0.05) }).assess(CLASSIFIER_ONLY, 'en').verdict).toMatchObject({ category: 'other_emergency', disposition: 'emergency' });
    expect(createSafetyGate({ classifier: stub('burns', UNSIGNED_CATEGORY_FLOOR + 0.05) }).assess(CLASSIFIER_ONLY, 'en').verdict).toMatchObject({ category: 'burns' });
    // "Tell them you are pregnant" only to someone who said so.
    expect(createSafetyGate({ classifier: stub('pregnancy_warning', 0.99) }).assess(CLASSIFIER_ONLY, 'en').verdict).toMatchObject({ category: 'other_emergency' });
    expect(createSafetyGate({ classifier: stub('pregnancy_warning', 0.99) }).assess('I am 30 weeks pregnant and something feels very wrong tonight', 'en').verdict).toMatchObject({ category: 'pregnancy_warning' });
  });

  it("an unsure category does not join a rule hit's categories (it would add the crisis line to the reply)", () => {
    const text = 'my dad cant move his left arm and his face is drooping since an hour';
    const unsure = createSafetyGate({ classifier: stub('suicide', CATEGORY_FLOOR / 2) }).assess(text, 'en').verdict;
    expect(unsure).toMatchObject({ category: 'stroke', categories: ['stroke'], detectors: ['rules', 'classifier'] });
    // Nor does a sure one without a sign of its own in the message.
    const sure = createSafetyGate({ classifier: stub('suicide', 0.99) }).assess(text, 'en').verdict;
    expect(sure!.categories).toEqual(['stroke']);
    const poisoned = createSafetyGate({ classifier: stub('poisoning', 0.99) }).assess('my dad cant move his left arm and his face is drooping, he swallowed some bleach', 'en').verdict;
    expect(poisoned!.categories).toContain('poisoning');
  });
});

describe('safety gate: a classifier-only flag below its alarm level', () => {
  const scoring = (probability: number, category: Category, categoryProbability: number): StatisticalDetector => ({
    threshold: 0.5,
    alarmThreshold: 0.9,
    score: () => ({ probability, category, categoryProbability }),
  });

  it('asks about the danger signs (naming the number to call) when its category is unsure or one the question covers', () => {
    const unsure = createSafetyGate({ classifier: scoring(0.7, 'sepsis', CATEGORY_FLOOR / 2) }).assess(CLASSIFIER_ONLY, 'en');
    expect(unsure).toEqual({ verdict: null, screen: { screen: 'signs', flag: 'sudden-confusion', matched: 'classifier' } });
    const stroke = createSafetyGate({ classifier: scoring(0.7, 'stroke', 0.9) }).assess(CLASSIFIER_ONLY, 'en');
    expect(stroke.screen).toMatchObject({ screen: 'signs', flag: 'stroke-arm' });
  });

  it('raises the alarm from its alarm level, for a sure category the question does not cover, and with a sign of the category in the message', () => {
    expect(createSafetyGate({ classifier: scoring(0.95, 'sepsis', 0.2) }).assess(CLASSIFIER_ONLY, 'en').verdict).toMatchObject({ detectors: ['classifier'] });
    expect(createSafetyGate({ classifier: scoring(0.7, 'poisoning', 0.9) }).assess(CLASSIFIER_ONLY, 'en').verdict).toMatchObject({ category: 'other_emergency', categories: ['other_emergency', 'poisoning'] });
    const named = "i'm not suicidal but everything feels grey and pointless these days";
    expect(createSafetyGate({ classifier: scoring(0.7, 'suicide', 0.9) }).assess(named, 'en').verdict).toMatchObject({ disposition: 'crisis' });
  });

  it('a model without an alarm level raises every flag it gives', () => {
    const plain: StatisticalDetector = { threshold: 0.5, score: () => ({ probability: 0.6, category: 'sepsis', categoryProbability: 0.1 }) };
    expect(createSafetyGate({ classifier: plain }).assess(CLASSIFIER_ONLY, 'en').verdict).not.toBeNull();
  });
});

describe('safety gate: a rule screening question and a sure classifier', () => {
  const sure = (category: Category): StatisticalDetector => ({ threshold: 0.5, score: () => ({ probability: 0.95, category, categoryProbability: 0.9 }) });
  const text = 'my son pulled the teapot off the table onto his chest, big blisters and the skin is peeling';

  it('the question stands when the classifier sees what it is about, and gives way to a sure classifier that sees another emergency', () => {
    const fever = 'my son has a fever of 101 since this morning';
    expect(createSafetyGate({ classifier: sure('sepsis') }).assess(fever, 'en')).toMatchObject({ verdict: null, screen: { screen: 'age' } });
    const scald = createSafetyGate({ classifier: sure('burns') }).assess(`${text}, he feels hot`, 'en');
    expect(scald.verdict).toMatchObject({ category: 'burns', detectors: ['classifier'] });
  });
});

const routine = (probability: number): StatisticalDetector => ({ threshold: 0.5, score: () => ({ probability }) });

describe('safety gate: a rule hit the classifier finds routine', () => {

  it('one sign alone (the name of a condition) asks "is it happening now?" below SINGLE_SIGN_CHECK_BELOW; a crisis or a fuller picture does not', () => {
    expect(SINGLE_SIGN_CHECK_BELOW).toBeGreaterThan(RULE_CHECK_BELOW);
    const between = (RULE_CHECK_BELOW + SINGLE_SIGN_CHECK_BELOW) / 2;
    const gate = createSafetyGate({ classifier: routine(between) });
    const stroke = 'is it ok to swim breast stroke after my shoulder surgery, or front crawl?';
    expect(SINGLE_SIGN_RULES.has(createEmergencyDetector().detect(stroke, 'en')!.matched)).toBe(true);
    expect(gate.assess(stroke, 'en')).toMatchObject({ verdict: null, screen: { screen: 'now', flag: 'stroke-named' } });
    // The crisis line is never held back behind a question.
    expect(gate.assess('i am going to kill myself tonight, i have the pills here', 'en').verdict?.disposition).toBe('crisis');
    // Signs with their context (a face drooping, an arm that will not lift, a sudden start) are more than one sign.
    expect(gate.assess('my dads face is drooping on one side and he cant lift his left arm, started 20 minutes ago', 'en').verdict?.flag.category).toBe('stroke');
    // Below RULE_CHECK_BELOW every rule hit is asked first, as before.
    expect(createSafetyGate({ classifier: routine(RULE_CHECK_BELOW / 2) }).assess('my dads face is drooping on one side and he cant lift his left arm, started 20 minutes ago', 'en').screen?.screen).toBe('now');
    // From SINGLE_SIGN_CHECK_BELOW the one sign raises the alarm.
    expect(createSafetyGate({ classifier: routine(SINGLE_SIGN_CHECK_BELOW) }).assess(stroke, 'en').verdict?.flag.id).toBe('stroke-named');
  });
});

describe('safety gate: low mood that the classifier reads as an emergency', () => {
  it('asks the question about thoughts of suicide, not the body signs or the emergency number, unless the guess is backed', () => {
    // An unbacked guess (a pregnancy in a message that names none) yields to the mood question.
    const unbacked: StatisticalDetector = { threshold: 0.5, alarmThreshold: 0.8, score: () => ({ probability: 0.9, category: 'pregnancy_warning', categoryProbability: 0.74 }) };
    for (const [language, text] of [
      ['en', "I've been feeling really down lately, nothing seems fun anymore"],
      ['es', 'me siento muy triste y sin ganas de nada desde hace semanas'],
      ['zh', '最近心情一直很低落，什么都不想做，也提不起兴趣'],
      ['hi', 'kuch hafton se man nahi lagta, udaas rehti hu'],
    ] as const) {
      expect(createSafetyGate({ classifier: unbacked }).assess(text, language)).toMatchObject({ verdict: null, screen: { screen: 'mood', flag: 'passive-ideation' } });
      // Without the classifier's concern the message is answered (the mood question stands only in its place).
      expect(createSafetyGate({ classifier: routine(0.3) }).assess(text, language)).toEqual({ verdict: null, screen: null });
    }
  });
});

describe('safety gate: hopelessness in Spanish', () => {
  it('asks the question about thoughts of suicide on its own, as "hopeless" does in English; pain that cannot be borne does not', () => {
    const gate = createSafetyGate({ classifier: routine(0.3) });
    for (const text of ['me siento sin esperanza', 'ya no aguanto esta vida, nada tiene sentido', 'me siento vacía y desesperanzada']) {
      expect(gate.assess(text, 'es')).toMatchObject({ verdict: null, screen: { screen: 'mood', flag: 'passive-ideation' } });
    }
    expect(gate.assess('i feel so hopeless lately', 'en').screen?.screen).toBe('mood');
    for (const text of ['ya no aguanto el dolor de muela, ¿tienen dentista?', 'perdí la esperanza de que me llamen para la cita jaja']) {
      expect(gate.assess(text, 'es').screen?.screen).not.toBe('mood');
    }
  });
});

describe('safety gate: disclosures are never asked about first', () => {
  it('a stated intent to hurt someone raises its flag where a one-word sign would be asked about', () => {
    const gate = createSafetyGate({ classifier: routine(0.03) });
    expect(gate.assess('I want to stab the guy who owes me money, the knife is already in my pocket', 'en').verdict?.flag.id).toBe('harm-others');
    expect(gate.assess('tengo una navaja en la bolsa y estoy esperando a mi cuñado para clavársela', 'es').verdict?.flag.id).toBe('harm-others');
    // A one-sign emergency rule (the name of a condition) at the same score is still asked about first.
    expect(gate.assess('my dad is having a stroke', 'en')).toMatchObject({ verdict: null, screen: { screen: 'now', flag: 'stroke-named' } });
  });
});

describe('safety gate: short messages', () => {
  const sure = (category: Category, probability: number): StatisticalDetector => ({
    threshold: 0.5,
    alarmThreshold: 0.8,
    score: () => ({ probability, category, categoryProbability: 0.9 }),
  });

  it('a few words are the rules’ unless the classifier is sure enough to alarm and the message has a sign of its category', () => {
    // "cant stop" is a sign of heavy bleeding: four words the rules alone let pass.
    expect(createSafetyGate({ classifier: sure('bleeding', 0.95), shortMessages: false }).assess('cutting rn cant stop', 'en').verdict).toBeNull();
    expect(createSafetyGate({ classifier: sure('bleeding', 0.95) }).assess('cutting rn cant stop', 'en').verdict?.detectors).toEqual(['classifier']);
    // Below the alarm level, or with no sign of the category in the message: nothing.
    expect(createSafetyGate({ classifier: sure('bleeding', 0.7) }).assess('cutting rn cant stop', 'en').verdict).toBeNull();
    expect(createSafetyGate({ classifier: sure('suicide', 0.99) }).assess('नमस्ते', 'hi').verdict).toBeNull();
    expect(createSafetyGate({ classifier: sure('suicide', 0.99) }).assess('ok thanks', 'en')).toEqual({ verdict: null, screen: null });
  });
});
