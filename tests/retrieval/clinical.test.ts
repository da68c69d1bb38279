import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/language/languages.js';
import { detectClinical, isBookingRequest, type ClinicalKind } from '../../src/retrieval/clinical.js';
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
    // Chinese: brand names, "while on X can I take Y", halving or stopping a named medicine, a report value.
    ['我在吃华法林，牙疼能不能吃点芬必得', 'interaction'],
    ['吃着降压药，感冒了能同时吃白加黑吗', 'interaction'],
    ['吃头孢期间可以喝一点红酒吗', 'interaction'],
    ['老妈的降压药一天一片，最近血压低能不能改成半片', 'medication_change'],
    ['二甲双胍吃了半年，血糖挺好的，可以不吃了吧', 'medication_change'],
    ['抗抑郁药吃了想吐，我想自己先停几天', 'medication_change'],
    ['我的肌酐 130，肾是不是出问题了', 'lab_value'],
    ['体检低密度4.2，要吃药吗', 'lab_value'],
    // Hindi: Indian brand names, "X chal rahi hai, Y le sakta hu?", stopping or halving a few words on.
    ['papa Ecosprin lete hai, ghutne ke dard ke liye Brufen de du?', 'interaction'],
    ['बीपी की दवा चल रही है, सर्दी के लिए डी-कोल्ड ले सकता हूँ?', 'interaction'],
    ['sugar control me hai ab, Glycomet lena chhod doon?', 'medication_change'],
    ['डिप्रेशन की गोली से जी मिचलाता है, कुछ दिन के लिए बंद कर दूँ?', 'medication_change'],
    ['mummy ka bp kam aa raha hai, Amlong aadhi kar de kya', 'medication_change'],
    ['BP normal aa raha hai, Telma ek din chhod ke le lu?', 'medication_change'],
    ['रिपोर्ट में विटामिन बी12 150 है, इंजेक्शन लगवाना पड़ेगा?', 'lab_value'],
    ['孩子4岁16公斤，发烧了对乙酰氨基酚混悬液一次倒多少', 'dose'],
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
    // A target range, a choice between two, classes compared, food not medicine, a date not a value.
    '饭前血糖80到130对吗',
    '泰诺还是美林退烧',
    '感冒药和退烧药有什么区别',
    'A1C 6.8 什么时候复查',
    '头疼，又在吃抗凝药，能吃什么',
    'bp kam karne ke liye kya khana band karu',
    'kal subah blood test hai, aaj raat kitne baje ke baad khana band karu',
    'pandrah din se bukhar hai',
    'dawai chhod ke aur kya kar sakte hain',
    'बी12 की कमी के लक्षण क्या हैं',
    // About people in general, nobody of the patient's own: the medication-safety unit answers.
    'why should people on warfarin avoid ibuprofen?',
    '¿por qué las personas que toman anticoagulantes no deben tomar ibuprofeno?',
    '为什么吃华法林的人不能随便吃布洛芬？一般了解',
    // Everything but a medicine.
    'what can I do besides medication to bring my blood pressure down?',
    'दवा के अलावा शुगर कम करने के लिए क्या करें?',
    'bina dawai ke bp kam karne ka tarika batao',
  ])('"%s" is a general question', (text) => {
    expect(detectClinical(text)).toBeUndefined();
  });

  it.each([
    'I take warfarin, in general is ibuprofen ok for me?',
    'mi papá toma anticoagulantes, en general puede tomar ibuprofeno?',
    '我在吃华法林，一般了解一下能吃布洛芬吗',
  ])('"%s" names someone of the patient\'s own: a nurse answers', (text) => {
    expect(detectClinical(text)).toBe('interaction');
  });

  it('leaves almost every eval question to the knowledge base', () => {
    const all = LANGUAGES.flatMap((lang) => evalQuestions(lang).map(({ q }) => q));
    const flagged = all.filter((q) => detectClinical(q) !== undefined);
    // The few flagged ask to stop a prescribed medicine ("血压正常了能停药吗") or to mix two
    // ("ibuprofen with my blood thinner"): a nurse's call, by design.
    expect(flagged.length / all.length).toBeLessThan(0.02);
  });
});

describe('a request to book a visit', () => {
  it.each(['I would like to book an appointment for my son', 'quisiera pedir una cita para mi esposo', '我想预约看医生', 'mujhe appointment chahiye', 'डॉक्टर का अपॉइंटमेंट लेना है'])('"%s" asks to book', (text) => {
    expect(isBookingRequest(text)).toBe(true);
  });
  it.each(['I need to cancel my appointment', 'quiero cambiar mi cita del martes', '我想取消预约', 'my knee hurts', 'what time is my appointment?'])('"%s" does not', (text) => {
    expect(isBookingRequest(text)).toBe(false);
  });
});
