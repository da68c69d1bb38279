/**
 * The shared renderer with the real locale files: SMS segments (GSM-7 vs UCS-2) in all four
 * languages, numbered options, speech rendering, per-channel limits and profiles.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n, type TFunction } from '../../src/i18n.js';
import type { Language } from '../../src/language/languages.js';
import type { Reply } from '../../src/message.js';
import {
  measureSms,
  parseChoice,
  profiles,
  renderReply,
  sentences,
  smsEncoding,
  splitIntoSegments,
  splitText,
  stripMarkdown,
  toGsm7,
  toSpeech,
} from '../../src/render/index.js';

let t: (language: Language) => TFunction;
beforeAll(async () => {
  const i18n = await createI18n({ clinicName: 'Riverside Family Health', emergencyNumber: '911', crisisLine: '988' });
  t = (language) => i18n.getFixedT(language);
});

const reply = (language: Language, text: string, extra: Partial<Reply> = {}): Reply => ({ role: 'bot', language, text, ...extra });
const codePoints = (s: string) => [...s].length;

// Long, realistic answers in the four languages (sentence punctuation of each script).
const LONG: Record<Language, string> = {
  en: 'You can request a refill through the patient portal or by calling your pharmacy. Refills are usually ready within two business days. If you are almost out of medicine, tell us so we can prioritise your request. '.repeat(12),
  es: 'Puede pedir un resurtido por el portal del paciente o llamando a su farmacia. Los resurtidos suelen estar listos en dos días hábiles. Si casi no le queda medicamento, avísenos para dar prioridad a su solicitud. '.repeat(12),
  zh: '您可以通过患者门户或致电药房申请续药。续药通常在两个工作日内准备好。如果您的药快用完了，请告诉我们，以便优先处理您的请求。'.repeat(12),
  hi: 'आप पेशेंट पोर्टल से या अपनी फ़ार्मेसी को फ़ोन करके दवा दोबारा मँगवा सकते हैं। आमतौर पर दवा दो कामकाजी दिनों में तैयार हो जाती है। अगर आपकी दवा लगभग ख़त्म हो गई है, तो हमें बताएँ ताकि हम आपके अनुरोध को प्राथमिकता दें। '.repeat(12),
};

describe('SMS segments', () => {
  it('counts GSM-7 with the extension table and UCS-2 with surrogate pairs', () => {
    expect(measureSms('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(measureSms('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(measureSms('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(measureSms('€'.repeat(81)).segments).toBe(2);
    expect(measureSms('ñé ü Ç')).toMatchObject({ encoding: 'GSM-7' });
    expect(smsEncoding('¿Qué día abren?')).toBe('UCS-2'); // á/í/ó/ú are not in GSM-7
    expect(measureSms('好'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(measureSms('好'.repeat(71)).segments).toBe(2);
  });

  it('counts multi-part Unicode texts as Twilio does, keeping each grapheme cluster in one part', () => {
    // क्ष is three code units and one cluster: 22 fit a 67-unit part whole, not 22⅓.
    const conjuncts = 'क्ष'.repeat(67);
    expect(splitIntoSegments(conjuncts)).toHaveLength(3);
    expect(measureSms(conjuncts)).toMatchObject({ encoding: 'UCS-2', units: 201, segments: 4 });
    expect(measureSms('क्ष'.repeat(23)).segments).toBe(1);
  });

  it('never splits a surrogate pair or an escape sequence across segments', () => {
    const emoji = 'a'.repeat(66) + '😀' + 'b'.repeat(10);
    const parts = splitIntoSegments(emoji);
    expect(parts.map((p) => p.length)).toEqual([66, 12]);
    expect(parts.join('')).toBe(emoji);
    const escaped = 'a'.repeat(152) + '€' + 'b'.repeat(20);
    const gsm = splitIntoSegments(escaped);
    expect(gsm[0]).toBe('a'.repeat(152));
    expect(gsm[1]!.startsWith('€')).toBe(true);
  });
});

describe('renderReply for SMS', () => {
  it.each(['en', 'es', 'zh', 'hi'] as Language[])('splits a long %s answer on sentence boundaries within 1,600 characters and 10 segments', (language) => {
    const rendered = renderReply(reply(language, LONG[language]), profiles.sms, { t: t(language) });
    expect(rendered.chunks.length).toBeGreaterThan(1);
    // Spanish too is GSM-7 on SMS: its á, í, ó and ú become a, i, o and u (toGsm7).
    const expectedEncoding = language === 'en' || language === 'es' ? 'GSM-7' : 'UCS-2';
    for (const chunk of rendered.chunks) {
      expect(codePoints(chunk)).toBeLessThanOrEqual(1600);
      const m = measureSms(chunk);
      expect(m.encoding).toBe(expectedEncoding);
      expect(m.segments).toBeLessThanOrEqual(10);
      expect(chunk).toMatch(/[.。।]$/u);
    }
    // Nothing lost or reordered: the chunks are the text's sentences in order.
    expect(rendered.chunks.join('').replace(/\s+/g, '')).toBe(toGsm7(LONG[language]).replace(/\s+/g, ''));
    // UCS-2 fits far fewer characters per message than GSM-7.
    if (language === 'zh' || language === 'hi') expect(Math.max(...rendered.chunks.map((c) => c.length))).toBeLessThanOrEqual(670);
  });

  it('turns buttons into numbered options in each language and keeps them whole at the end', () => {
    const actions = [
      { title: 'Opening hours', value: 'When are you open?' },
      { title: 'Prescription refill', value: 'How do I refill a prescription?' },
    ];
    const en = renderReply(reply('en', LONG.en, { actions }), profiles.sms, { t: t('en') });
    expect(en.chunks.at(-1)).toMatch(/Reply 1 for Opening hours\nReply 2 for Prescription refill$/);
    expect(en.options).toEqual([
      { n: 1, title: 'Opening hours', value: 'When are you open?' },
      { n: 2, title: 'Prescription refill', value: 'How do I refill a prescription?' },
    ]);
    expect(en.actions).toEqual([]);
    expect(renderReply(reply('es', 'Hola.', { actions }), profiles.sms, { t: t('es') }).text).toMatch(/Responda 1 para Opening hours/);
    expect(renderReply(reply('zh', '您好。', { actions }), profiles.sms, { t: t('zh') }).text).toMatch(/回复 1：Opening hours/);
    expect(renderReply(reply('hi', 'नमस्ते।', { actions }), profiles.sms, { t: t('hi') }).text).toMatch(/Opening hours के लिए 1 भेजें/);
  });

  it('strips markdown but keeps links readable, and names sources by title', () => {
    const rendered = renderReply(
      reply('en', '**Good news:** see [the portal](https://portal.example.org/login) for results.\n\n* fasting\n* water', {
        sources: [{ id: 'lab-results', title: 'Lab results', score: 3 }],
      }),
      profiles.sms,
      { t: t('en') },
    );
    expect(rendered.text).toBe('Good news: see the portal (https://portal.example.org/login) for results.\n\n- fasting\n- water\n\nSource: Lab results');
  });
});

describe('renderReply for voice', () => {
  it('speaks without URLs, markdown or long lists, reads numbers clearly and names sources by title', () => {
    const text = '**Call** us at (555) 123-4567 or visit https://clinic.example.org/hours.\n- Monday\n- Tuesday\n- Wednesday\n- Thursday\n- Friday\nIn an emergency call 911.';
    const rendered = renderReply(
      reply('en', text, { sources: [{ id: 'clinic-hours-locations', title: 'Opening hours and locations', score: 2, url: 'https://clinic.example.org/hours' }] }),
      profiles.voice,
      { t: t('en'), spell: ['911'] },
    );
    const spoken = rendered.chunks[0]!;
    expect(rendered.chunks).toHaveLength(1);
    expect(spoken).not.toMatch(/https?:|\*|\n/);
    expect(spoken).toContain('5 5 5, 1 2 3, 4 5 6 7');
    expect(spoken).toContain('our website');
    expect(spoken).toContain('Monday, Tuesday, Wednesday, and more.');
    expect(spoken).toContain('call 9 1 1.');
    expect(spoken).toContain('This comes from our guide on Opening hours and locations.');
  });

  it('keeps the options when it has to shorten a long answer', () => {
    const rendered = renderReply(reply('es', LONG.es, { actions: [{ title: 'horario', value: '¿Cuándo abren?' }] }), profiles.voice, { t: t('es') });
    expect(rendered.truncated).toBe(true);
    expect(codePoints(rendered.chunks[0]!)).toBeLessThanOrEqual(profiles.voice.maxChars);
    expect(rendered.chunks[0]).toMatch(/Para horario, diga u oprima 1\.$/);
    expect(rendered.chunks[0]).toMatch(/^Puede pedir un resurtido/);
  });

  it('lists in the speaker’s language', () => {
    expect(toSpeech('- uno\n- dos', { locale: 'es' })).toBe('uno y dos.');
    expect(toSpeech('- 发烧\n- 咳嗽', { locale: 'zh' })).toBe('发烧和咳嗽.');
  });
});

describe('other profiles', () => {
  it('keeps Telegram chunks within 4,096 code points and leaves buttons native', () => {
    const actions = [{ title: 'Hours', value: 'hours' }];
    const rendered = renderReply(reply('zh', LONG.zh.repeat(8), { actions, sources: [{ id: 'x', title: '续药', score: 1, url: 'https://x.example/r' }] }), profiles.telegram, { t: t('zh') });
    expect(rendered.chunks.length).toBeGreaterThan(1);
    expect(rendered.chunks.every((c) => codePoints(c) <= 4096)).toBe(true);
    expect(rendered.actions).toEqual(actions);
    expect(rendered.options).toEqual([]);
    expect(rendered.chunks.at(-1)).toMatch(/来源：续药 \(https:\/\/x\.example\/r\)$/);
  });

  it('passes web chat and Bot Framework replies through with structured sources', () => {
    const sources = [{ id: 'fever', title: 'Fever', score: 1 }];
    for (const profile of [profiles.webchat, profiles.botframework]) {
      const rendered = renderReply(reply('en', '**Rest** and drink fluids.', { sources }), profile, { t: t('en') });
      expect(rendered.chunks).toEqual(['**Rest** and drink fluids.']);
      expect(rendered.sources).toEqual(sources);
    }
  });
});

describe('helpers', () => {
  it('maps a bare number in any of the four languages back to a choice', () => {
    for (const [input, n] of [['2', 2], [' 2. ', 2], ['Two.', 2], ['dos', 2], ['二', 2], ['第二个', 2], ['दो', 2], ['२', 2], ['２', 2], ['option 3', 3]] as const) {
      expect([input, parseChoice(input)]).toEqual([input, n]);
    }
    for (const input of ['no', 'two days ago', '22', 'hola']) expect(parseChoice(input)).toBeUndefined();
  });

  it('splits on sentences in every script and falls back to words for one huge sentence', () => {
    expect(sentences('Hola. ¿Qué tal? Bien.', 'es')).toHaveLength(3);
    expect(sentences('你好。今天怎么样？很好！', 'zh')).toHaveLength(3);
    expect(sentences('नमस्ते। आप कैसे हैं?', 'hi')).toHaveLength(2);
    const words = splitText('word '.repeat(100), { fits: (s) => s.length <= 50 });
    expect(words.every((w) => w.length <= 50 && !w.startsWith(' '))).toBe(true);
    expect(words.join(' ')).toBe('word '.repeat(100).trim());
  });

  it('removes markdown emphasis without eating snake_case or arithmetic', () => {
    expect(stripMarkdown('# Title\n**bold** and _it_ but file_name and 2 * 3')).toBe('Title\nbold and it but file_name and 2 * 3');
  });
});
