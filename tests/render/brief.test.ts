import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/message.js';
import { measureSms, profiles, renderReply, smsProfile, toGsm7 } from '../../src/render/index.js';

const reply = (brief: string, language: Reply['language'] = 'en'): Reply => ({
  role: 'bot',
  language,
  text: `${brief}\n\nMore: Example https://www.example.org/page`,
  brief,
  actions: [{ title: 'Tell me more', value: 'more:x#y' }],
  sources: [{ id: 'x', title: 'X', score: 1 }],
});

describe('brief answers on SMS and voice', () => {
  it('SMS sends the answer alone, in whole sentences, within two segments', () => {
    const long = 'Most results are ready in 3–5 business days. You will see them in the portal first. Cultures and biopsies can take one to two weeks. If you have not heard from us after that, please call us.';
    const rendered = renderReply(reply(long), profiles.sms);
    expect(rendered.chunks).toHaveLength(1);
    expect(measureSms(rendered.chunks[0]!).segments).toBeLessThanOrEqual(2);
    // The en dash is GSM-7's hyphen on SMS.
    expect(rendered.chunks[0]).toMatch(/^Most results are ready in 3-5 business days\..*\.$/);
    expect(rendered.chunks[0]).not.toMatch(/https?:|Tell me more/);
    expect(rendered.options).toEqual([]);
  });

  it('writes Spanish in GSM-7 on SMS ("á" as "a"): the whole answer in two segments, not its first sentence', () => {
    const spanish = 'Los resultados de sangre y orina están listos en 3–5 días hábiles. Los verá primero en el portal. Los cultivos y las biopsias pueden tardar una o dos semanas. Si no sabe nada después, llámenos.';
    expect(measureSms(spanish).encoding).toBe('UCS-2');
    const rendered = renderReply(reply(spanish, 'es'), profiles.sms);
    expect(rendered.truncated).toBe(false);
    expect(rendered.chunks[0]).toBe('Los resultados de sangre y orina estan listos en 3-5 dias habiles. Los vera primero en el portal. Los cultivos y las biopsias pueden tardar una o dos semanas. Si no sabe nada después, llamenos.');
    expect(measureSms(rendered.chunks[0]!)).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    // GSM-7 has é, ñ, ü, ¿ and ¡: they stay. WhatsApp and the web keep every accent.
    expect(toGsm7('¿Qué año? ¡Señor pingüino!')).toBe('¿Qué año? ¡Señor pingüino!');
    expect(toGsm7('“Sí”, a 40 °C… ok')).toBe('"Si", a 40 C... ok');
    expect(renderReply(reply(spanish, 'es'), profiles.webchat).text).toContain('están listos');
  });

  it('leaves a text that stays UCS-2 anyway as written (no accent dropped for nothing)', () => {
    expect(toGsm7('Está en 北京')).toBe('Está en 北京');
    expect(toGsm7('अभी 911 पर कॉल करें – ज़रूरी')).toBe('अभी 911 पर कॉल करें – ज़रूरी');
  });

  it('keeps UCS-2 answers (Devanagari, Chinese) to two segments by default, in whole sentences, the fact first', () => {
    const hindi = 'ज़्यादातर ब्लड टेस्ट की रिपोर्ट 3–5 दिन में आ जाती है। आप उसे पोर्टल पर सबसे पहले देखेंगे। कुछ जाँचों में एक से दो हफ़्ते लगते हैं। फिर भी खबर न मिले तो हमें फ़ोन करें।';
    expect(smsProfile(2)).toBe(profiles.sms);
    const two = renderReply(reply(hindi, 'hi'), profiles.sms);
    expect(measureSms(two.chunks[0]!)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(two.chunks[0]).toMatch(/^ज़्यादातर ब्लड टेस्ट की रिपोर्ट 3–5 दिन में आ जाती है।/);
    expect(two.chunks[0]).toMatch(/।$/);
    expect(two.truncated).toBe(true);
  });

  it('gives UCS-2 answers up to four segments with SMS_UNICODE_ANSWER_SEGMENTS=4, 67 characters each, about what two GSM-7 segments hold: still whole sentences', () => {
    const hindi = 'ज़्यादातर ब्लड टेस्ट की रिपोर्ट 3–5 दिन में आ जाती है। आप उसे पोर्टल पर सबसे पहले देखेंगे। कुछ जाँचों में एक से दो हफ़्ते लगते हैं। फिर भी खबर न मिले तो हमें फ़ोन करें।';
    const four = smsProfile(4);
    const whole = renderReply(reply(hindi, 'hi'), four);
    expect(measureSms(whole.chunks[0]!)).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    expect(whole.chunks[0]).toBe(hindi);
    expect(whole.truncated).toBe(false);
    // Longer than four segments: the first whole sentences that fit.
    const longer = `${hindi} रिपोर्ट में कुछ असामान्य हो तो डॉक्टर ख़ुद आपको फ़ोन करेंगे और आगे क्या करना है बताएँगे। सामान्य रिपोर्ट पोर्टल पर एक छोटे नोट के साथ आती है।`;
    const cut = renderReply(reply(longer, 'hi'), four);
    expect(measureSms(cut.chunks[0]!).segments).toBeLessThanOrEqual(4);
    expect(cut.chunks[0]).toMatch(/^ज़्यादातर .*।$/);
    expect(cut.truncated).toBe(true);
  });

  it('voice says the answer alone, never cut mid-sentence, without links', () => {
    const rendered = renderReply(reply('We are open Monday to Friday, 8:00–18:00. On Saturday we open 9:00–13:00.'), profiles.voice);
    expect(rendered.chunks).toHaveLength(1);
    expect(rendered.chunks[0]).toMatch(/Saturday.*\.$/);
    expect(rendered.chunks[0]).not.toMatch(/https?:|More:/);
    expect(rendered.truncated).toBe(false);
  });

  it('the web keeps the whole text with its source line and buttons', () => {
    const rendered = renderReply(reply('We are open Monday to Friday.'), profiles.webchat);
    expect(rendered.text).toContain('More: Example https://www.example.org/page');
    expect(rendered.actions).toHaveLength(1);
  });
});
