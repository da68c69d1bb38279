/**
 * Every disposition's reply, in every language, through every channel's renderer: what to do
 * now comes first and names the number to call, on the web (with the numbers for tappable
 * links), as the first line of an SMS, first in what a caller hears, and on Telegram and
 * Bot Framework. Also honesty: nothing says staff were told.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n, type TFunction } from '../../src/i18n.js';
import { LANGUAGES, type Language } from '../../src/language/languages.js';
import { profiles, renderReply } from '../../src/render/index.js';
import { DISPOSITIONS, RED_FLAGS, type Disposition } from '../../src/safety/catalogue/flags.js';
import { createSafetyGate, type SafetyVerdict } from '../../src/safety/gate.js';
import { firstAidKey, safetyModeReminder, safetyReply, type SafetyNumbers } from '../../src/safety/replies.js';

let t: (language: Language) => TFunction;
beforeAll(async () => {
  const i18n = await createI18n({ clinicName: 'Riverside Family Health', emergencyNumber: '911', crisisLine: '988' });
  t = (language) => i18n.getFixedT(language);
});

const numbers: SafetyNumbers = {
  emergencyNumber: '911',
  crisisLine: '988',
  nurseLine: '(555) 010-4299',
  poisonControl: '1-800-222-1222',
  assaultHotline: '1-800-656-4673',
  violenceHotline: '1-800-799-7233',
};
/** The numbers as i18next interpolation options. */
const vars: Record<string, string> = { ...numbers };

/** One flag of each disposition (and both kinds of safety resources). */
const cases: { disposition: Disposition; flagId: string; firstNumber: string }[] = [
  { disposition: 'emergency', flagId: 'stroke-face', firstNumber: '911' },
  { disposition: 'poison_control', flagId: 'child-ingested-medicine', firstNumber: '1-800-222-1222' },
  { disposition: 'crisis', flagId: 'passive-ideation', firstNumber: '988' },
  { disposition: 'safety_resources', flagId: 'sexual-assault', firstNumber: '911' },
  { disposition: 'safety_resources', flagId: 'domestic-violence', firstNumber: '911' },
  { disposition: 'nurse_same_day', flagId: 'child-dehydration', firstNumber: '(555) 010-4299' },
];

function verdictOf(flagId: string): SafetyVerdict {
  const flag = RED_FLAGS.find((f) => f.id === flagId)!;
  return { flag, disposition: flag.disposition, category: flag.category, categories: [flag.category], detectors: ['rules'], matched: `test.${flagId}` };
}

describe('the emergency number for a guess the gate could not confirm (src/safety/gate.ts SPEAKS_FOR)', () => {
  const fallback = (second: SafetyVerdict['category']): SafetyVerdict => ({ ...verdictOf('sudden-confusion'), category: 'other_emergency', categories: ['other_emergency', second], detectors: ['classifier'] });
  it.each(LANGUAGES)('%s: the emergency number first, then the hotline for assault or violence at home, and no "stay with them"', async (language) => {
    const stayWithThem = t(language)('safety:hint.other_emergency');
    for (const [category, hotline] of [['assault', '1-800-656-4673'], ['domestic_violence', '1-800-799-7233']] as const) {
      const reply = safetyReply(t(language), fallback(category), numbers, false);
      expect(reply.text.split('\n')[0]).toContain('911');
      expect(reply.text).toContain(hotline);
      expect(reply.text).not.toContain(stayWithThem);
      expect(reply.alert.call.map((c) => c.number)).toEqual(['911', hotline]);
    }
    // Suicide as the guess: the crisis line as a second line.
    const suicide = safetyReply(t(language), fallback('suicide'), numbers, false);
    expect(suicide.alert.call.map((c) => c.number)).toEqual(['911', '988']);
  });
});

const STAFF_TOLD = /flagged|alerted|let our care team know|notified|avisado|通知了|已告知|बता दिया|सूचित कर/i;

describe('safety replies', () => {
  it('covers every disposition of the catalogue', () => {
    expect(new Set(cases.map((c) => c.disposition))).toEqual(new Set(DISPOSITIONS));
  });

  describe.each(LANGUAGES)('%s', (language) => {
    it.each(cases)('$flagId ($disposition): the number to call first, on every channel', ({ flagId, firstNumber }) => {
      const verdict = verdictOf(flagId);
      const reply = safetyReply(t(language), verdict, numbers, false);
      expect(reply.alert.disposition).toBe(verdict.disposition);
      expect(reply.alert.call[0]!.number).toBe(firstNumber);
      // Within the first two sentences of the first line: the action comes before any first aid.
      const firstLine = reply.text.split('\n')[0]!;
      expect(firstLine).toContain(firstNumber);
      expect(reply.text).not.toMatch(STAFF_TOLD);
      const asReply = { role: 'bot' as const, language, text: reply.text, alert: reply.alert };
      for (const profile of [profiles.webchat, profiles.sms, profiles.telegram, profiles.botframework]) {
        const rendered = renderReply(asReply, profile, { t: t(language) });
        expect(rendered.chunks[0]!.split('\n')[0]).toContain(firstNumber);
      }
      // A caller hears it first: the spoken turn names the number (read digit by digit).
      const voice = renderReply(asReply, profiles.voice, { t: t(language), spell: [numbers.emergencyNumber, numbers.crisisLine] });
      const spokenDigits = voice.chunks[0]!.replace(/\D/g, '');
      expect(spokenDigits).toContain(firstNumber.replace(/\D/g, ''));
    });

    it('says nobody is watching the chat when no staff desk is configured, and nothing about staff when one is', () => {
      const verdict = verdictOf('chest-pain');
      const without = safetyReply(t(language), verdict, numbers, false).text;
      const withDesk = safetyReply(t(language), verdict, numbers, true).text;
      const noDesk = t(language)('safety:honesty.noDesk');
      expect(without).toContain(noDesk);
      expect(withDesk).not.toContain(noDesk);
      expect(withDesk).not.toMatch(STAFF_TOLD);
    });

    it('adds the crisis line when self-harm comes with an emergency', () => {
      const verdict = { ...verdictOf('overdose'), categories: ['overdose', 'suicide'] as SafetyVerdict['categories'] };
      const reply = safetyReply(t(language), verdict, numbers, true);
      expect(reply.text).toContain('988');
      expect(reply.alert.call.map((c) => c.number)).toEqual(['911', '988']);
    });

    it("speaks to the one worried about someone else's goodbye message, with the crisis line first on every channel", () => {
      const farewell = { ...verdictOf('suicidal-intent'), matched: `${language}.suicide.farewell` };
      const reply = safetyReply(t(language), farewell, numbers, false);
      expect(reply.text).toContain(t(language)('safety:disposition.crisisForSomeoneElse', vars));
      expect(reply.text).not.toContain(t(language)('safety:disposition.crisis', vars));
      expect(reply.alert.call.map((c) => c.number)).toEqual(['988', '911']);
      const asReply = { role: 'bot' as const, language, text: reply.text, alert: reply.alert };
      for (const profile of [profiles.webchat, profiles.sms, profiles.telegram, profiles.botframework]) {
        expect(renderReply(asReply, profile, { t: t(language) }).chunks[0]!.split('\n')[0]).toContain('988');
      }
      // Thoughts of suicide plainly told of someone else (src/safety/subject.ts): what to do for them, crisis line first.
      const helper = safetyReply(t(language), verdictOf('suicidal-plan'), numbers, false, true);
      expect(helper.text.split('\n')[0]).toBe(t(language)('safety:disposition.crisisHelper', vars));
      expect(helper.text).not.toContain(t(language)('safety:crisisMeans', vars));
      expect(helper.alert.call[0]!.number).toBe('988');
      // Any other crisis rule is about the writer: the reply for them.
      expect(safetyReply(t(language), { ...farewell, matched: `${language}.suicide.intent` }, numbers, false).text).toContain(t(language)('safety:disposition.crisis', vars));
    });

    it('reminds with care and the numbers in safety mode', () => {
      for (const { flagId, firstNumber } of cases) {
        const flag = verdictOf(flagId);
        const reminder = safetyModeReminder(t(language), flag.disposition, flag.category, numbers);
        expect(reminder.text).toContain(firstNumber === '911' && flag.disposition === 'safety_resources' ? (flag.category === 'assault' ? numbers.assaultHotline! : numbers.violenceHotline!) : firstNumber);
      }
    });
  });

  it('falls back to the emergency number when no poison control line is configured', () => {
    const { poisonControl: _unused, ...withoutPoison } = numbers;
    const reply = safetyReply(t('en'), verdictOf('household-chemical'), withoutPoison, true);
    expect(reply.alert.call[0]!.number).toBe('911');
    expect(reply.text.split('\n')[0]).toContain('911');
  });
});

describe('first aid that follows the red flag, not only its category (firstAidKey)', () => {
  const gate = createSafetyGate();
  const cases: Record<Language, { dka: string; lowSugarLikeStroke: string }> = {
    en: { dka: 'my daughter has type 1 diabetes, her meter says HI, she keeps vomiting and her breath smells fruity', lowSugarLikeStroke: "my husband is diabetic, he's confused and sweating a lot and not making sense" },
    es: { dka: 'mi hijo es diabético, el glucómetro marca 480, vomita y respira muy hondo', lowSugarLikeStroke: 'mi esposo es diabético, está confundido, sudando y no dice cosas con sentido' },
    zh: { dka: '我女儿有1型糖尿病，血糖仪显示HI，一直吐，呼吸很深', lowSugarLikeStroke: '我老公有糖尿病，现在出冷汗，说话糊里糊涂' },
    hi: { dka: 'beti ko type 1 diabetes hai, meter HI dikha raha hai, ulti ho rahi hai aur saans gehri chal rahi hai', lowSugarLikeStroke: 'pati ko sugar hai, pasina aa raha hai aur ulti seedhi baatein kar rahe hain' },
  };
  it.each([
    ['zh', '我爸在太阳底下干活，现在浑身发烫，不出汗，说胡话'],
    ['hi', 'पापा धूप में काम कर रहे थे, अब शरीर बहुत गर्म है, पसीना नहीं आ रहा और बहकी बातें कर रहे हैं'],
    ['en', "my dad was working in the sun all day, now he's burning hot, not sweating and talking nonsense"],
  ] as const)('%s: burning hot and confused after heat exposure is cooled (heatstroke), not told "it could be sepsis"', (language, message) => {
    const tl = t(language);
    const verdict = gate.assess(message, language).verdict!;
    expect(verdict.flags).toContain('heatstroke');
    const text = safetyReply(tl, verdict, numbers, true).text;
    expect(text).toContain(tl('safety:flagHint.heatstroke'));
    expect(text).not.toContain(tl('safety:hint.sepsis'));
  });

  it.each([
    ['en', 'my period is so heavy im soaking a pad every hour and passing big clots'],
    ['es', 'con la regla estoy empapando una toalla cada hora y me mareo'],
    ['zh', '来月经了，量特别多，一个小时就湿透一片卫生巾'],
    ['hi', 'periods me bahut zyada khoon aa raha hai, har ghante pad bheeg jata hai'],
    ['hi', 'पीरियड्स में बहुत ज़्यादा खून आ रहा है, हर घंटे पैड भीग जाता है'],
  ] as const)('%s: a very heavy period is severe bleeding, told to lie down and count pads (ACOG), never to press on a wound', (language, message) => {
    const tl = t(language);
    const verdict = gate.assess(message, language).verdict!;
    expect(verdict).toMatchObject({ flag: { id: 'severe-bleeding' }, disposition: 'emergency', matched: `${language}.bleeding.menstrual` });
    const text = safetyReply(tl, verdict, numbers, true).text;
    expect(text.split('\n')[0]).toContain('911');
    expect(text).toContain(tl('safety:ruleHint.menstrual_bleeding'));
    expect(text).not.toContain(tl('safety:hint.bleeding'));
    // Safety mode keeps the same first aid.
    expect(safetyModeReminder(tl, verdict.disposition, verdict.category, numbers, firstAidKey(verdict.flag.id, verdict.category, verdict.flags, verdict.matched)).text).toContain(
      tl('safety:ruleHint.menstrual_bleeding'),
    );
    // A cut that pours blood is still a wound to press on; pregnancy keeps its own flag.
    expect(firstAidKey('severe-bleeding', 'bleeding', ['severe-bleeding'], `${language}.bleeding.heavy`)).toBe('safety:hint.bleeding');
  });

  it('bleeding in pregnancy is not taken for a heavy period', () => {
    expect(gate.assess('im 10 weeks pregnant and soaking a pad every hour', 'en').verdict?.flag.id).toBe('pregnancy-bleeding');
  });

  it.each(LANGUAGES)('%s: very high sugar is never told to give sugar; a confused, sweating diabetic is (if awake and able to swallow), not "no food or drink"', (language) => {
    const tl = t(language);
    const dka = gate.assess(cases[language].dka, language).verdict!;
    expect(dka.flag.id).toBe('high-blood-sugar');
    const high = safetyReply(tl, dka, numbers, true).text;
    expect(high).toContain(tl('safety:flagHint.high-blood-sugar'));
    expect(high).not.toContain(tl('safety:hint.blood_sugar'));
    // Safety mode keeps the same first aid ("ok" after the alarm).
    expect(safetyModeReminder(tl, dka.disposition, dka.category, numbers, firstAidKey(dka.flag.id, dka.category, dka.flags)).text).toContain(tl('safety:flagHint.high-blood-sugar'));

    const low = gate.assess(cases[language].lowSugarLikeStroke, language).verdict!;
    expect(low.flags).toContain('low-blood-sugar');
    const text = safetyReply(tl, low, numbers, true).text;
    expect(text.split('\n')[0]).toContain('911');
    expect(text).toContain(tl('safety:hint.blood_sugar'));
    expect(text).not.toContain(tl('safety:hint.stroke'));
  });
});

describe('red flags with first aid of their own', () => {
  const own = RED_FLAGS.filter((f) => firstAidKey(f.id, f.category).startsWith('safety:flagHint.'));
  it('has one for each flag whose category line would mislead, in every language', () => {
    expect(own.map((f) => f.id).sort()).toEqual(
      ['alcohol-poisoning', 'child-dehydration', 'eye-emergency', 'harm-others', 'heatstroke', 'high-blood-sugar', 'infant-breathing', 'major-trauma', 'vomiting-blood'],
    );
    for (const language of LANGUAGES) for (const flag of own) expect(t(language)(`safety:flagHint.${flag.id}`)).not.toMatch(/^safety:/);
  });
  it.each(LANGUAGES)('%s: the reply gives the flag’s line instead of the category’s (no "stay with them" for a threat, no "until help arrives" for a nurse today)', (language) => {
    const tl = t(language);
    for (const flag of own) {
      const text = safetyReply(tl, verdictOf(flag.id), numbers, true).text;
      expect(text).toContain(tl(`safety:flagHint.${flag.id}`));
      expect(text).not.toContain(tl(`safety:hint.${flag.category}`));
    }
  });
});

describe('first aid for a helper (safety:hintOther)', () => {
  it.each(LANGUAGES)('%s: every red flag has a first-aid line for a helper, never a key: the helper\'s own where the patient\'s would mislead, the patient\'s otherwise', (language) => {
    const tl = t(language);
    for (const flag of RED_FLAGS) {
      const verdict = verdictOf(flag.id);
      const forHelper = safetyReply(tl, verdict, numbers, false, true).text;
      const forPatient = safetyReply(tl, verdict, numbers, false, false).text;
      expect(forHelper, flag.id).not.toMatch(/hint(Other)?\.|flagHint\./);
      const key = firstAidKey(flag.id, flag.category);
      const other = tl(key.replace('safety:hint.', 'safety:hintOther.'));
      if (key.startsWith('safety:hint.') && !other.startsWith('hintOther.') && flag.disposition !== 'crisis' && flag.disposition !== 'safety_resources') {
        expect(forHelper, flag.id).toContain(other);
        expect(forPatient, flag.id).not.toContain(other);
      } else if (flag.disposition === 'crisis') {
        // Thoughts of suicide told of someone else: what to do for them, not the words for the person at risk.
        expect(forHelper.split('\n')[0], flag.id).toBe(tl('safety:disposition.crisisHelper', vars));
        expect(forPatient.split('\n')[0], flag.id).toBe(tl('safety:disposition.crisis', vars));
      } else {
        expect(forHelper, flag.id).toBe(forPatient);
      }
      const reminder = safetyModeReminder(tl, flag.disposition, flag.category, numbers, undefined, true).text;
      expect(reminder, flag.id).not.toMatch(/hint(Other)?\./);
    }
  });
});
