import { describe, expect, it } from 'vitest';
import { createSafetyClassifier, trainSafetyClassifier, type SafetyRow } from '../../../src/safety/classifier/classifier.js';
import { chooseThreshold, evaluateClassifierOnRows } from '../../../src/safety/classifier/evaluate-classifier.js';
import { extractFeatures, featureStrings, hashFeature } from '../../../src/safety/classifier/features.js';
import { normalise } from '../../../src/safety/text.js';

/*
 * The classifier's parts on small handmade data (not the corpus): features, training,
 * serialisation, threshold choice. The shipped model is tested in model.test.ts.
 */

const rows: SafetyRow[] = [
  { text: 'my chest is crushing and my left arm hurts', emergency: true, flag: 'chest-pain', language: 'en' },
  { text: 'crushing chest pain and sweating', emergency: true, flag: 'chest-pain', language: 'en' },
  { text: 'he is not breathing and his lips are blue', emergency: true, flag: 'cyanosis', language: 'en' },
  { text: 'my baby is not breathing properly, lips going blue', emergency: true, flag: 'cyanosis', language: 'en' },
  { text: 'can i book a flu jab next week', emergency: false, kind: 'routine', language: 'en' },
  { text: 'what time does the clinic open on saturday', emergency: false, kind: 'routine', language: 'en' },
  { text: 'i had chest pain last year, can i get my records', emergency: false, kind: 'lookalike', near: 'chest-pain', language: 'en' },
  { text: 'how do i renew my blood pressure prescription', emergency: false, kind: 'routine', language: 'en' },
  { text: '胸口压着疼出冷汗', emergency: true, flag: 'chest-pain', language: 'zh' },
  { text: '孩子嘴唇发紫喘不上气', emergency: true, flag: 'cyanosis', language: 'zh' },
  { text: '周六诊所几点开门', emergency: false, kind: 'routine', language: 'zh' },
  { text: '我想预约打流感疫苗', emergency: false, kind: 'routine', language: 'zh' },
];

describe('safety classifier features', () => {
  it('extractFeatures hashes exactly the distinct featureStrings', () => {
    for (const text of ['my baby de 2 meses tiene fiebre 38.5, 发烧了', 'सांस नहीं आ रही', 'saans nahi aa rahi', '胸口痛得厉害，喘不上气']) {
      const expected = new Set(featureStrings(text).map(hashFeature));
      const x = extractFeatures(text);
      expect(new Set(x.keys)).toEqual(expected);
      expect(x.keys.length).toBe(expected.size);
      expect(x.value).toBeCloseTo(1 / Math.sqrt(expected.size), 12);
    }
  });

  it('has word-bounded character n-grams, Han 1–3 grams and word bigrams that stop at punctuation', () => {
    const f = featureStrings('no breath, 胸口痛');
    expect(f).toEqual(expect.arrayContaining(['wno', 'bno breath', 'c<br', 'cath>', 'c<brea', 'h胸', 'h胸口', 'h胸口痛']));
    expect(f).not.toContain('bbreath 胸');
    expect(f.filter((x) => x.startsWith('c')).every((x) => x.length >= 3 && x.length <= 6)).toBe(true);
  });

  it('shares most features between a word and its typo or unaccented spelling', () => {
    const overlap = (a: string, b: string) => {
      const fa = new Set(extractFeatures(normalise(a)).keys);
      const fb = [...extractFeatures(normalise(b)).keys];
      return fb.filter((k) => fa.has(k)).length / Math.max(fa.size, fb.length);
    };
    expect(overlap('respiración', 'respiracion')).toBe(1); // the normaliser drops accents
    expect(overlap('breathing', 'breathng')).toBeGreaterThan(0.3);
    expect(overlap('saans', 'sans')).toBeGreaterThan(0.2);
  });
});

describe('safety classifier training', () => {
  it('is deterministic: the same rows and options give the same JSON', () => {
    const a = JSON.stringify(trainSafetyClassifier(rows, { epochs: 5 }));
    const b = JSON.stringify(trainSafetyClassifier(rows, { epochs: 5 }));
    expect(a).toBe(b);
    // A different seed shuffles differently, so the weights differ.
    expect(JSON.stringify(trainSafetyClassifier(rows, { epochs: 5, seed: 9 }))).not.toBe(a);
  });

  it('learns its training rows, names categories, and survives a JSON round trip', () => {
    const model = trainSafetyClassifier(rows, { epochs: 30, prune: 0 });
    expect(model.category.labels).toEqual(['chest_pain', 'breathing']);
    const classifier = createSafetyClassifier(JSON.parse(JSON.stringify(model)));
    for (const row of rows) {
      const s = classifier.score(normalise(row.text));
      expect(s.emergency).toBe(row.emergency);
      if (row.emergency) expect(s.category).toBe(row.flag === 'chest-pain' ? 'chest_pain' : 'breathing');
      else expect(s.category).toBeUndefined();
    }
    expect(evaluateClassifierOnRows(classifier, rows).find((s) => s.language === 'all')).toMatchObject({ recall: 1, falseAlarmRate: 0, categoryAccuracy: 1 });
  });

  it('rejects a model of another format', () => {
    const model = trainSafetyClassifier(rows, { epochs: 1 });
    expect(() => createSafetyClassifier({ ...model, format: 'other' } as never)).toThrow(/format/);
  });
});

describe('threshold choice', () => {
  // A scorer with fixed probabilities, to check the arithmetic.
  const probabilities = new Map<string, number>([
    ['e1', 0.9], ['e2', 0.8], ['e3', 0.3], ['r1', 0.5], ['r2', 0.2], ['r3', 0.1],
    ['z1', 0.95], ['z2', 0.6], ['zr', 0.7],
  ]);
  const scorer = { threshold: 0.5, score: (t: string) => ({ probability: probabilities.get(t)!, emergency: probabilities.get(t)! >= 0.5 }) };
  const set: SafetyRow[] = [
    ...['e1', 'e2', 'e3'].map((text) => ({ text, emergency: true, language: 'en' })),
    ...['r1', 'r2', 'r3'].map((text) => ({ text, emergency: false, language: 'en' })),
    ...['z1', 'z2'].map((text) => ({ text, emergency: true, language: 'zh' })),
    { text: 'zr', emergency: false, language: 'zh' },
  ];

  it('keeps every language at the recall target and sits halfway to the next lower score', () => {
    // en needs e3 (0.3) above the line; the next lower score is 0.2.
    expect(chooseThreshold(scorer, set, 0.99)).toBeCloseTo(0.25, 12);
    // At recall 0.5, en needs its top 2 (down to 0.8) and zh its top 1 (0.95): the line is 0.8, the next lower score 0.7.
    expect(chooseThreshold(scorer, set, 0.5)).toBeCloseTo(0.75, 12);
  });

  it('reports recall and false alarms per language at a threshold', () => {
    const [en, zh, all] = evaluateClassifierOnRows(scorer, set, { threshold: 0.25 });
    expect(en).toMatchObject({ language: 'en', emergencies: 3, detected: 3, routine: 3, falseAlarms: 1, recall: 1 });
    expect(zh).toMatchObject({ language: 'zh', detected: 2, falseAlarms: 1, falseAlarmRate: 1 });
    expect(all).toMatchObject({ language: 'all', n: 9, detected: 5, falseAlarms: 2 });
  });
});
