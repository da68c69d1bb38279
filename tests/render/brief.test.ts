import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/message.js';
import { measureSms, profiles, renderReply } from '../../src/render/index.js';

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
    expect(rendered.chunks[0]).toMatch(/^Most results are ready in 3–5 business days\..*\.$/);
    expect(rendered.chunks[0]).not.toMatch(/https?:|Tell me more/);
    expect(rendered.options).toEqual([]);
  });

  it('counts UCS-2 segments for Hindi and Chinese: fewer characters fit, still whole sentences', () => {
    const hindi = 'ज़्यादातर ब्लड टेस्ट की रिपोर्ट 3–5 दिन में आ जाती है। आप उसे पोर्टल पर सबसे पहले देखेंगे। कुछ जाँचों में एक से दो हफ़्ते लगते हैं। फिर भी खबर न मिले तो हमें फ़ोन करें।';
    const rendered = renderReply(reply(hindi, 'hi'), profiles.sms);
    expect(measureSms(rendered.chunks[0]!).segments).toBeLessThanOrEqual(2);
    expect(rendered.chunks[0]).toMatch(/^ज़्यादातर .*।$/);
    expect(rendered.truncated).toBe(true);
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
