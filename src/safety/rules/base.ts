import type { Rule } from '../types.js';

/**
 * The emergency rules every language shares: which concepts, together, make an emergency.
 * Languages name the concepts in their own files and tune these rules there (`tuneRules`):
 * a wider window where the language needs more words (or Chinese characters) to say the
 * same thing, an extra guard for a local idiom, a rule dropped or added.
 */
export const BASE_RULES: readonly Rule[] = [
  { id: 'choking.choking', category: 'choking', all: ['CHOKING'] },
  { id: 'choking.object_no_air', category: 'choking', all: ['SWALLOWED_OBJECT', ['BREATH_TROUBLE', 'CYANOSIS']] },

  { id: 'anaphylaxis.word', category: 'anaphylaxis', all: ['ANAPHYLAXIS_WORD', ['BREATH_TROUBLE', 'THROAT_SWELL', 'FACE_SWELL', 'WHEEZE', 'DIZZY']] },
  { id: 'anaphylaxis.throat_closing', category: 'anaphylaxis', all: ['THROAT_CLOSING'], note: 'a closing throat is anaphylaxis whatever the trigger' },
  { id: 'anaphylaxis.throat_swelling', category: 'anaphylaxis', all: [['ALLERGEN', 'BREATH_TROUBLE', 'FACE_SWELL'], 'THROAT_SWELL'], note: 'a sore swollen throat alone is usually an infection' },
  { id: 'anaphylaxis.face_swelling', category: 'anaphylaxis', all: ['ALLERGEN', 'FACE_SWELL'], unless: ['MINOR'] },
  { id: 'anaphylaxis.breathing', category: 'anaphylaxis', all: ['ALLERGEN', ['BREATH_TROUBLE', 'WHEEZE']] },
  { id: 'anaphylaxis.hives_plus', category: 'anaphylaxis', all: ['ALLERGEN', 'HIVES', ['VOMIT', 'DIZZY', 'BREATH_TROUBLE', 'WHEEZE', 'FACE_SWELL']] },

  { id: 'overdose.word', category: 'overdose_poisoning', all: ['OVERDOSE_WORD'] },
  { id: 'overdose.large_amount', category: 'overdose_poisoning', all: ['INGESTED', 'LARGE_AMOUNT', 'DRUG'], window: 10 },
  { id: 'overdose.poison', category: 'overdose_poisoning', all: ['INGESTED', 'POISON'], window: 8 },

  { id: 'suicide.intent', category: 'suicide', all: ['SUICIDAL'] },

  { id: 'infant_fever.age', category: 'infant_fever', all: ['INFANT_AGE', 'FEVER'], unless: ['PREGNANT'] },

  { id: 'pregnancy_bleeding.heavy', category: 'pregnancy_bleeding', all: ['PREGNANT', 'BLEED', ['HEAVY_BLEED', 'SUDDEN', 'CRAMPS']] },

  { id: 'burns.severe', category: 'burns', all: ['BURN', 'BURN_SEVERE'], unless: ['MINOR'], window: 14 },
  { id: 'burns.area', category: 'burns', all: ['BURN_AREA'], unless: ['MINOR'] },

  { id: 'seizure.now', category: 'seizure', all: ['SEIZURE_NOW'] },
  { id: 'seizure.word', category: 'seizure', all: ['SEIZURE'], unless: ['ADMIN', 'HABITUAL'] },
  { id: 'seizure.signs', category: 'seizure', all: ['SHAKING', ['UNRESPONSIVE', 'SEIZURE', 'FIT']] },
  { id: 'seizure.fit', category: 'seizure', all: ['FIT', ['SHAKING', 'UNRESPONSIVE']] },

  { id: 'thunderclap.worst', category: 'thunderclap_headache', all: ['HEADACHE', 'WORST_EVER'], window: 12 },
  { id: 'thunderclap.sudden_severe', category: 'thunderclap_headache', all: ['HEADACHE', 'SUDDEN', ['SEVERE', 'VOMIT', 'STIFF_NECK', 'CONFUSED']] },
  { id: 'thunderclap.stiff_neck', category: 'thunderclap_headache', all: ['HEADACHE', 'STIFF_NECK', ['SUDDEN', 'SEVERE']] },

  { id: 'stroke.face', category: 'stroke', all: ['FACE_DROOP'], unless: ['DENTAL'] },
  { id: 'stroke.arm_plus', category: 'stroke', all: ['ARM_WEAK', ['SPEECH', 'SUDDEN', 'CONFUSED', 'VISION_LOSS']] },
  { id: 'stroke.speech_plus', category: 'stroke', all: ['SPEECH', ['SUDDEN', 'CONFUSED', 'VISION_LOSS']] },
  { id: 'stroke.now', category: 'stroke', all: ['STROKE_NOW'] },
  { id: 'stroke.word', category: 'stroke', all: ['STROKE_WORD'], unless: ['ADMIN'] },

  { id: 'unresponsive.unresponsive', category: 'unresponsive', all: ['UNRESPONSIVE'] },

  { id: 'chest_pain.pain', category: 'chest_pain', all: ['CHEST', 'CHEST_PAIN'], window: 6 },
  { id: 'chest_pain.heart_attack_now', category: 'chest_pain', all: ['HEART_ATTACK_NOW'] },
  { id: 'chest_pain.heart_attack', category: 'chest_pain', all: ['HEART_ATTACK'], unless: ['ADMIN'] },

  { id: 'bleeding.heavy', category: 'bleeding', all: ['BLEED', 'HEAVY_BLEED'], window: 8, unless: ['SMALL_WOUND'] },
  { id: 'bleeding.trauma', category: 'bleeding', all: ['BLEED', 'WOUND_TRAUMA'], window: 10 },
  { id: 'bleeding.vomit_blood', category: 'bleeding', all: ['BLOOD_VOMIT'] },

  { id: 'breathing.distress', category: 'breathing', all: ['BREATH_TROUBLE'], unless: ['EXERTION', 'HABITUAL', 'MINOR'] },
  { id: 'breathing.cyanosis', category: 'breathing', all: ['CYANOSIS'] },
  { id: 'breathing.wheeze_severe', category: 'breathing', all: ['WHEEZE', 'WHEEZE_DANGER'] },
];

export interface RuleTuning {
  /** Fields replaced on a base rule, by id (e.g. a wider `window`, more `unless` guards). */
  set?: Record<string, Partial<Omit<Rule, 'id'>>>;
  /** Base rules this language does without. */
  drop?: string[];
  /** Rules of this language only, placed after the base rule named. */
  after?: Record<string, Rule[]>;
}

/** The base rules with one language's changes; unknown ids are a mistake and throw. */
export function tuneRules(tuning: RuleTuning): Rule[] {
  const ids = new Set(BASE_RULES.map((r) => r.id));
  for (const id of [...Object.keys(tuning.set ?? {}), ...(tuning.drop ?? []), ...Object.keys(tuning.after ?? {})]) {
    if (!ids.has(id)) throw new Error(`safety rules: no base rule ${id}`);
  }
  const dropped = new Set(tuning.drop ?? []);
  return BASE_RULES.flatMap((rule) => [
    ...(dropped.has(rule.id) ? [] : [{ ...rule, ...tuning.set?.[rule.id] }]),
    ...(tuning.after?.[rule.id] ?? []),
  ]);
}
