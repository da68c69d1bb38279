import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/language/languages.js';
import { detectClinical, type ClinicalKind } from '../../src/retrieval/clinical.js';
import { evalQuestions } from './helpers.js';

describe('clinical questions', () => {
  const cases: [string, ClinicalKind][] = [
    ['can I take ibuprofen with my lisinopril?', 'interaction'],
    ['is it ok to take advil while on warfarin', 'interaction'],
    ['does tylenol interact with my blood pressure pills', 'interaction'],
    ['¿puedo tomar ibuprofeno con la warfarina?', 'interaction'],
    ['布洛芬和华法林能一起吃吗', 'interaction'],
    ['kya main ibuprofen aur warfarin saath le sakta hu', 'interaction'],
    ['my potassium came back 5.8 is that bad', 'lab_value'],
    ['my a1c is 9.2, what does that mean', 'lab_value'],
    ['mi colesterol salió 260, ¿es malo?', 'lab_value'],
    ['我的血钾5.8正常吗', 'lab_value'],
    ['meri sugar 250 aayi hai kya ye zyada hai', 'lab_value'],
    ['मेरा कोलेस्ट्रॉल 260 है क्या ये ज्यादा है', 'lab_value'],
    ['how many mg of ibuprofen can I give my 2 year old', 'dose'],
    ['How much Tylenol can I give my kid?', 'dose'],
    ['what dose of amoxicillin should I take', 'dose'],
    ['do I have diabetes', 'diagnosis'],
    ["what's wrong with me", 'diagnosis'],
    ['should I stop my blood pressure pills', 'medication_change'],
    ['can i stop taking my insulin', 'medication_change'],
    ['¿cuántos mg de ibuprofeno le doy a mi hijo de 2 años?', 'dose'],
    ['¿tengo diabetes?', 'diagnosis'],
    ['¿puedo dejar las pastillas de la presión?', 'medication_change'],
    ['我两岁的孩子吃多少毫克布洛芬', 'dose'],
    ['我是不是得了糖尿病？', 'diagnosis'],
    ['降压药能停吗', 'medication_change'],
    ['2 saal ke bacche ko kitna mg ibuprofen de sakte hai', 'dose'],
    ['kya mujhe sugar hai?', 'diagnosis'],
    ['bp ki dawa band kar du?', 'medication_change'],
    ['मेरे 2 साल के बच्चे को कितनी mg पैरासिटामोल दूं', 'dose'],
    ['क्या मुझे डायबिटीज़ है', 'diagnosis'],
    ['बीपी की दवा बंद कर दूं?', 'medication_change'],
  ];
  it.each(cases)('"%s" → %s', (text, kind) => {
    expect(detectClinical(text)).toBe(kind);
  });

  it.each([
    'do i have to bring my id',
    'do i have an appointment tomorrow',
    'what is a normal blood pressure',
    'what can i take for a cold',
    'how many doses of the flu vaccine does my child need',
    'is 100.2 a fever for an adult',
    '¿tengo que llevar mi tarjeta del seguro?',
    '感冒了嗓子疼流鼻涕怎么办',
    'mujhe bukhar hai kya karu',
  ])('"%s" is a general question', (text) => {
    expect(detectClinical(text)).toBeUndefined();
  });

  it('leaves almost every eval question to the knowledge base', () => {
    const all = LANGUAGES.flatMap((lang) => evalQuestions(lang).map(({ q }) => q));
    const flagged = all.filter((q) => detectClinical(q) !== undefined);
    // The few flagged ask to stop a prescribed medicine ("血压正常了能停药吗") or to mix two
    // ("ibuprofen with my blood thinner"): a nurse's call, by design.
    expect(flagged.length / all.length).toBeLessThan(0.02);
  });
});
