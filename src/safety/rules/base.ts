import type { Rule } from '../types.js';

/**
 * The emergency rules every language shares: which concepts, together, make a red flag of the
 * catalogue (src/safety/catalogue/flags.ts). Languages name the concepts in their own files
 * and tune these rules there (`tuneRules`): a wider window where the language needs more words
 * (or Chinese characters) to say the same thing, an extra guard for a local idiom, a rule
 * dropped or added. `CONCEPT_GUIDE` says what each concept stands for, so every language
 * fills it with its own lay words.
 */
export const BASE_RULES: readonly Rule[] = [
  { id: 'choking.choking', flag: 'choking', all: ['CHOKING'] },
  { id: 'choking.object_no_air', flag: 'choking', all: ['SWALLOWED_OBJECT', ['BREATH_TROUBLE', 'CYANOSIS']] },

  { id: 'anaphylaxis.word', flag: 'anaphylaxis', all: ['ANAPHYLAXIS_WORD', ['BREATH_TROUBLE', 'THROAT_SWELL', 'FACE_SWELL', 'WHEEZE', 'DIZZY']] },
  { id: 'anaphylaxis.throat_closing', flag: 'throat-closing', all: ['THROAT_CLOSING'], note: 'a closing throat is anaphylaxis whatever the trigger' },
  { id: 'anaphylaxis.throat_swelling', flag: 'anaphylaxis', all: [['ALLERGEN', 'BREATH_TROUBLE', 'FACE_SWELL'], 'THROAT_SWELL'], note: 'a sore swollen throat alone is usually an infection' },
  { id: 'anaphylaxis.face_swelling', flag: 'anaphylaxis', all: ['ALLERGEN', 'FACE_SWELL'], unless: ['MINOR'] },
  { id: 'anaphylaxis.breathing', flag: 'anaphylaxis', all: ['ALLERGEN', ['BREATH_TROUBLE', 'WHEEZE']] },
  { id: 'anaphylaxis.hives_plus', flag: 'anaphylaxis', all: ['ALLERGEN', 'HIVES', ['VOMIT', 'DIZZY', 'BREATH_TROUBLE', 'WHEEZE', 'FACE_SWELL']] },

  { id: 'swallowed.battery', flag: 'button-battery', all: [['INGESTED', 'INSERTED'], 'BATTERY'], window: 10 },
  { id: 'swallowed.magnet', flag: 'magnets', all: ['INGESTED', 'MAGNET'], window: 10 },
  { id: 'swallowed.battery_suspected', flag: 'button-battery', all: ['SUSPECTED_SWALLOW', 'BATTERY'], window: 25, note: 'a button battery a child may have swallowed is treated as swallowed (Poison Control: go to the emergency room now, do not wait for symptoms)' },
  { id: 'swallowed.magnet_suspected', flag: 'magnets', all: ['SUSPECTED_SWALLOW', 'MAGNET'], window: 25 },
  // A battery or magnet gone missing is a swallow only where a child was: a lost remote battery is not.
  { id: 'swallowed.battery_missing', flag: 'button-battery', all: ['BATTERY_MISSING', 'CHILD'], window: 40 },
  { id: 'swallowed.magnet_missing', flag: 'magnets', all: ['MAGNET_MISSING', 'CHILD'], window: 40 },

  { id: 'co.source_symptoms', flag: 'carbon-monoxide', all: ['CO_SOURCE', ['HEADACHE', 'DIZZY', 'VOMIT', 'NAUSEA', 'DROWSY', 'CONFUSED', 'UNRESPONSIVE']] },
  { id: 'co.alarm', flag: 'carbon-monoxide', all: ['CO_ALARM'] },

  { id: 'poisoning.child_medicine', flag: 'child-ingested-medicine', all: ['CHILD', 'INGESTED', 'DRUG'], window: 16, unless: ['PRESCRIBED_FOR_CHILD'] },
  { id: 'poisoning.chemical', flag: 'household-chemical', all: [['INGESTED', 'SPLASHED'], 'POISON'], window: 10 },
  { id: 'poisoning.plant', flag: 'plant-mushroom', all: ['INGESTED', 'WILD_PLANT'], window: 10 },

  { id: 'overdose.opioid', flag: 'opioid-overdose', all: ['OPIOID', ['UNRESPONSIVE', 'BREATH_TROUBLE', 'CYANOSIS', 'PINPOINT', 'DROWSY', 'SLOW_BREATHING']] },
  { id: 'overdose.alcohol', flag: 'alcohol-poisoning', all: ['ALCOHOL', ['UNRESPONSIVE', 'SLOW_BREATHING', 'CYANOSIS', 'SEIZURE']] },
  { id: 'overdose.word', flag: 'overdose', all: ['OVERDOSE_WORD'] },
  { id: 'overdose.large_amount', flag: 'overdose', all: ['INGESTED', 'LARGE_AMOUNT', 'DRUG'], window: 10 },
  { id: 'overdose.count', flag: 'overdose', all: ['INGESTED', 'PILL_COUNT'], window: 10, note: '"took 20 paracetamol": the count and the medicine in one phrase' },
  { id: 'overdose.count_after_question', flag: 'overdose', all: ['DOSE_QUESTION', 'TAKEN_COUNT', ['DRUG', 'OPIOID']], window: 24, unless: ['DOSE_UNIT'], note: '"how many co-codamol is too many? I\'ve had about 20 today": the count answers the question, often in the next sentence' },

  // A day, a time or a 'plan' is everyday talk on its own: it makes a plan of a wish to die, not a sign of one (contextOnly).
  { id: 'suicide.plan', flag: 'suicidal-plan', all: [['SUICIDAL', 'PASSIVE_IDEATION'], 'SUICIDE_MEANS'], contextOnly: ['SUICIDE_MEANS'] },
  { id: 'suicide.means_commit', flag: 'suicidal-plan', all: ['LETHAL_MEANS', 'PLAN_COMMIT'], contextOnly: ['PLAN_COMMIT'], window: 20, note: 'a plan without the word: the means at hand or the place chosen, and a time, a farewell or a decision ("I\'ve picked the bridge and I\'m going on Sunday")' },
  { id: 'suicide.intent', flag: 'suicidal-intent', all: ['SUICIDAL'] },
  // A goodbye message and then silence is a warning sign of suicide (988 Lifeline, NIMH): the crisis line, not only the emergency number.
  { id: 'suicide.farewell', flag: 'suicidal-intent', all: ['FAREWELL', 'UNREACHABLE'], window: 30 },
  { id: 'suicide.passive', flag: 'passive-ideation', all: ['PASSIVE_IDEATION'] },
  { id: 'suicide.harm_baby', flag: 'postpartum-harm-thoughts', all: ['HARM_BABY'] },
  { id: 'self_harm.now', flag: 'self-harm-now', all: ['SELF_HARM_NOW'] },
  { id: 'self_harm.self_harm', flag: 'self-harm', all: ['SELF_HARM'] },
  { id: 'harm_others.harm_others', flag: 'harm-others', all: ['HARM_OTHERS'] },

  { id: 'assault.assault', flag: 'sexual-assault', all: ['ASSAULT'] },
  { id: 'violence.home', flag: 'domestic-violence', all: ['DOMESTIC_VIOLENCE'] },
  { id: 'violence.child', flag: 'child-abuse', all: ['CHILD_ABUSE'] },

  { id: 'infant_fever.age', flag: 'infant-fever', all: ['INFANT_AGE', 'FEVER'], unless: ['PREGNANT', 'NORMAL_TEMP'] },
  { id: 'infant_fever.reading', flag: 'infant-fever', all: ['INFANT_AGE', 'FEVER_READING'], unless: ['PREGNANT'], note: 'a reading of 38 or more counts even beside a normal one ("37.9 under the arm, 38.3 rectal")' },
  { id: 'infant.floppy', flag: 'infant-floppy', all: ['FLOPPY'] },
  { id: 'infant.dehydration', flag: 'infant-dehydration', all: ['DEHYDRATION_SIGNS'] },
  { id: 'infant.green_vomit', flag: 'infant-green-vomit', all: ['GREEN_VOMIT'] },
  { id: 'infant.refuses_feeds', flag: 'infant-green-vomit', all: [['INFANT_AGE', 'BABY'], 'REFUSES_FEEDS'] },
  { id: 'dehydration.fluids', flag: 'child-dehydration', all: ['CANT_KEEP_DOWN'], unless: ['PREGNANT'], note: 'nobody keeps fluids down: a nurse today' },
  { id: 'infant.breathing', flag: 'infant-breathing', all: ['INFANT_BREATHING'] },

  { id: 'pregnancy_bleeding.heavy', flag: 'pregnancy-bleeding', all: ['PREGNANT', 'BLEED', ['HEAVY_BLEED', 'SUDDEN', 'CRAMPS']] },
  // "I think I'm having a miscarriage": bleeding and pain in early pregnancy, which may also be an ectopic (ACOG, NHS).
  { id: 'pregnancy_bleeding.miscarriage', flag: 'pregnancy-bleeding', all: ['MISCARRIAGE_NOW'] },
  { id: 'pregnancy_bleeding.any', flag: 'pregnancy-bleeding', all: ['PREGNANT', ['BLEED', 'WATERS']], unless: ['SPOTTING_ONLY'], window: 14 },
  { id: 'pregnancy.postpartum_bleeding', flag: 'postpartum-bleeding', all: ['POSTPARTUM', 'BLEED', 'HEAVY_BLEED'] },
  { id: 'pregnancy.preeclampsia_headache', flag: 'preeclampsia', all: [['PREGNANT', 'POSTPARTUM'], 'HEADACHE', ['VISION_SPOTS', 'SWELL_FACE_HANDS', 'SEVERE', 'PERSISTENT']] },
  { id: 'pregnancy.preeclampsia_vision', flag: 'preeclampsia', all: [['PREGNANT', 'POSTPARTUM'], 'VISION_SPOTS'] },
  { id: 'pregnancy.preeclampsia_swelling', flag: 'preeclampsia', all: [['PREGNANT', 'POSTPARTUM'], 'SWELL_FACE_HANDS', ['HEADACHE', 'VISION_SPOTS', 'SUDDEN', 'SEVERE']] },
  { id: 'pregnancy.ectopic', flag: 'ectopic', all: ['PREGNANT', ['ONE_SIDED_PAIN', 'SHOULDER_TIP']] },
  { id: 'pregnancy.fetal_movement', flag: 'reduced-fetal-movement', all: ['FETAL_MOVEMENT_LESS'] },
  { id: 'pregnancy.nothing_felt', flag: 'reduced-fetal-movement', all: [['PREGNANT', 'PRETERM_WEEKS'], 'NOTHING_FELT'], window: 24, note: '"I\'m 32 weeks and haven\'t felt anything since last night": the baby is not named, the weeks say whose movements' },
  { id: 'pregnancy.preterm', flag: 'preterm-labour', all: ['PRETERM_WEEKS', ['CONTRACTIONS', 'WATERS']] },
  { id: 'pregnancy.fever', flag: 'pregnancy-fever', all: [['PREGNANT', 'POSTPARTUM'], 'FEVER'], unless: ['MINOR', 'NORMAL_TEMP'] },
  { id: 'pregnancy.fever_reading', flag: 'pregnancy-fever', all: [['PREGNANT', 'POSTPARTUM'], 'FEVER_READING'] },
  { id: 'pregnancy.vomiting', flag: 'pregnancy-severe-vomiting', all: ['PREGNANT', 'CANT_KEEP_DOWN'] },
  { id: 'pregnancy.vomiting_severe', flag: 'pregnancy-severe-vomiting', all: ['PREGNANT', 'VOMIT', 'SEVERE'] },
  { id: 'pregnancy.belly_pain', flag: 'pregnancy-belly-pain', all: ['PREGNANT', 'BELLY_PAIN', ['SEVERE', 'PERSISTENT']] },
  { id: 'pregnancy.breathing_chest', flag: 'pregnancy-breathing-chest', all: [['PREGNANT', 'POSTPARTUM'], ['BREATH_TROUBLE', 'PALPITATIONS']] },

  { id: 'meningitis.rash', flag: 'meningitis-rash', all: ['RASH_NONBLANCHING'] },
  { id: 'meningitis.signs', flag: 'meningitis-signs', all: ['STIFF_NECK', ['FEVER', 'LIGHT_HURTS', 'HEADACHE']], unless: ['MINOR'] },
  { id: 'sepsis.word', flag: 'sepsis', all: ['SEPSIS_WORD'], unless: ['ADMIN'] },
  { id: 'sepsis.signs', flag: 'sepsis', all: [['INFECTION', 'FEVER'], 'SEPSIS_SIGN'] },
  { id: 'sepsis.fever_confused', flag: 'high-fever-danger', all: ['FEVER', ['CONFUSED', 'FLOPPY', 'SEIZURE', 'SEIZURE_NOW', 'FIT', 'UNRESPONSIVE']] },

  { id: 'burns.severe', flag: 'severe-burn', all: ['BURN', 'BURN_SEVERE'], unless: ['MINOR'], window: 14 },
  { id: 'burns.area', flag: 'severe-burn', all: ['BURN_AREA'], unless: ['MINOR'] },

  { id: 'seizure.now', flag: 'seizure', all: ['SEIZURE_NOW'] },
  { id: 'seizure.word', flag: 'seizure', all: ['SEIZURE'], unless: ['ADMIN', 'HABITUAL'] },
  { id: 'seizure.signs', flag: 'seizure', all: ['SHAKING', ['UNRESPONSIVE', 'SEIZURE', 'FIT']] },
  { id: 'seizure.fit', flag: 'seizure', all: ['FIT', ['SHAKING', 'UNRESPONSIVE']] },

  { id: 'head_injury.signs', flag: 'head-injury', all: ['HEAD_HIT', ['VOMIT', 'CONFUSED', 'DROWSY', 'UNRESPONSIVE', 'SEIZURE', 'CLEAR_FLUID', 'BLOOD_THINNER', 'SPEECH', 'VISION_LOSS']] },

  { id: 'thunderclap.worst', flag: 'thunderclap-headache', all: ['HEADACHE', 'WORST_EVER'], window: 12 },
  { id: 'thunderclap.sudden_severe', flag: 'thunderclap-headache', all: ['HEADACHE', 'SUDDEN', ['SEVERE', 'VOMIT', 'STIFF_NECK', 'CONFUSED']] },
  { id: 'thunderclap.stiff_neck', flag: 'thunderclap-headache', all: ['HEADACHE', 'STIFF_NECK', ['SUDDEN', 'SEVERE']] },

  { id: 'stroke.face', flag: 'stroke-face', all: ['FACE_DROOP'], unless: ['DENTAL'] },
  { id: 'stroke.arm_plus', flag: 'stroke-arm', all: ['ARM_WEAK', ['SPEECH', 'SUDDEN', 'CONFUSED', 'VISION_LOSS']], unless: ['HABITUAL'] },
  { id: 'stroke.arm_one_side', flag: 'stroke-arm', all: ['ONE_SIDE_WEAK'], unless: ['HABITUAL'], note: 'weakness left by an old stroke, or numbness that comes and goes at night, is not a new one' },
  { id: 'stroke.speech_plus', flag: 'stroke-speech', all: ['SPEECH', ['SUDDEN', 'CONFUSED', 'VISION_LOSS']] },
  { id: 'stroke.vision_balance', flag: 'stroke-balance-vision', all: [['VISION_LOSS', 'BALANCE_LOSS'], 'SUDDEN'] },
  { id: 'stroke.now', flag: 'stroke-named', all: ['STROKE_NOW'] },
  { id: 'stroke.word', flag: 'stroke-named', all: ['STROKE_WORD'], unless: ['ADMIN'] },
  { id: 'confusion.sudden', flag: 'sudden-confusion', all: ['CONFUSED', 'SUDDEN'] },

  // Not breathing is the narrower flag (cardiac arrest: start CPR): it goes first.
  { id: 'unresponsive.not_breathing', flag: 'cardiac-arrest', all: ['NOT_BREATHING'] },
  { id: 'unresponsive.unresponsive', flag: 'unresponsive', all: ['UNRESPONSIVE'] },

  { id: 'chest_pain.pain', flag: 'chest-pain', all: ['CHEST', 'CHEST_PAIN'], window: 6 },
  { id: 'chest_pain.heart_attack_now', flag: 'heart-attack-named', all: ['HEART_ATTACK_NOW'] },
  { id: 'chest_pain.heart_attack', flag: 'heart-attack-named', all: ['HEART_ATTACK'], unless: ['ADMIN'] },
  { id: 'chest_pain.atypical', flag: 'heart-attack-atypical', all: ['RADIATING_PAIN', ['SWEAT', 'NAUSEA', 'VOMIT', 'BREATH_TROUBLE', 'DIZZY']] },
  // CHEST_PAIN is any pain word ("hurts", "pressure"): these need the chest named, or a swollen, painful knee is a clot.
  { id: 'chest_pain.palpitations', flag: 'palpitations-danger', all: ['PALPITATIONS', ['CHEST', 'DIZZY', 'UNRESPONSIVE', 'BREATH_TROUBLE']] },
  { id: 'circulation.clot', flag: 'dvt-pe', all: ['LEG_SWELL', ['BREATH_TROUBLE', 'CHEST']] },

  { id: 'blood_sugar.low', flag: 'low-blood-sugar', all: [['DIABETIC', 'LOW_SUGAR'], ['CONFUSED', 'SWEAT', 'SHAKY', 'DROWSY', 'UNRESPONSIVE', 'SEIZURE', 'SPEECH']] },
  { id: 'blood_sugar.low_reading', flag: 'low-blood-sugar', all: ['LOW_SUGAR', ['SUDDEN', 'SEVERE', 'DIZZY', 'VOMIT']] },
  { id: 'blood_sugar.high', flag: 'high-blood-sugar', all: ['HIGH_SUGAR', ['VOMIT', 'FRUITY_BREATH', 'BREATH_TROUBLE', 'CONFUSED', 'DROWSY']] },

  // A period soaking a pad or more an hour, or with dizziness: lie down and count pads, not "press on the wound" (NHS, ACOG).
  { id: 'bleeding.menstrual', flag: 'severe-bleeding', all: ['MENSTRUAL', 'BLEED', 'HEAVY_BLEED'], unless: ['PREGNANT', 'POSTPARTUM'] },
  { id: 'bleeding.heavy', flag: 'severe-bleeding', all: ['BLEED', 'HEAVY_BLEED'], window: 8, unless: ['SMALL_WOUND'] },
  { id: 'bleeding.trauma', flag: 'severe-bleeding', all: ['BLEED', 'WOUND_TRAUMA'], window: 10 },
  { id: 'bleeding.thinner', flag: 'severe-bleeding', all: ['BLEED', 'BLOOD_THINNER', ['HEAVY_BLEED', 'PERSISTENT']], note: 'on blood thinners even a nosebleed that will not stop needs A&E (NHS)' },
  { id: 'bleeding.vomit_blood', flag: 'vomiting-blood', all: ['BLOOD_VOMIT'] },

  // The narrower breathing flags first: the general one stands for them only when they do not fire.
  { id: 'breathing.cyanosis', flag: 'cyanosis', all: ['CYANOSIS'] },
  { id: 'breathing.wheeze_severe', flag: 'asthma-red-zone', all: [['WHEEZE', 'ASTHMA'], 'WHEEZE_DANGER'] },
  { id: 'breathing.stridor', flag: 'stridor', all: ['STRIDOR'] },
  { id: 'breathing.distress', flag: 'breathing-difficulty', all: ['BREATH_TROUBLE'], unless: ['EXERTION', 'HABITUAL', 'MINOR'] },

  { id: 'abdominal.severe', flag: 'severe-abdominal', all: ['BELLY_PAIN', ['RIGID_BELLY', 'WORST_EVER']] },
  { id: 'abdominal.sudden_severe', flag: 'severe-abdominal', all: ['BELLY_PAIN', 'SUDDEN', 'SEVERE'] },
  { id: 'abdominal.torsion', flag: 'testicular-torsion', all: ['TESTICLE', ['SUDDEN', 'SEVERE']] },

  { id: 'other.heatstroke', flag: 'heatstroke', all: ['HEAT', ['CONFUSED', 'UNRESPONSIVE', 'SEIZURE', 'NOT_SWEATING']] },
  { id: 'other.drowning', flag: 'drowning', all: ['DROWNING'] },
  { id: 'other.major_trauma', flag: 'major-trauma', all: ['MAJOR_TRAUMA'] },
  { id: 'other.eye', flag: 'eye-emergency', all: ['EYE_EMERGENCY'] },
  // Screening: not enough alone, so the gate asks one question and the answer decides.
  { id: 'screen.baby_fever', flag: 'infant-fever', screen: 'age', all: ['BABY', 'FEVER'], unless: ['AGE_GIVEN', 'PREGNANT', 'NORMAL_TEMP'] },
  // "My son has a fever of 101", which the classifier reads as sepsis: a fever is an emergency under
  // 3 months (AAP), not at 3 years; the age decides. "How do I bring down my kid's fever" is answered.
  { id: 'screen.child_fever', flag: 'infant-fever', screen: 'age', all: ['CHILD', 'FEVER'], unless: ['AGE_GIVEN', 'PREGNANT', 'NORMAL_TEMP'], beforeClassifierOnly: true },
  { id: 'screen.some_pills', flag: 'overdose', screen: 'ingestion', all: ['INGESTED', 'SOME_AMOUNT', 'DRUG'], window: 10 },
  { id: 'screen.head_knock', flag: 'head-injury', screen: 'head', all: ['HEAD_HIT'], unless: ['MINOR'] },
  { id: 'screen.low_mood', flag: 'passive-ideation', screen: 'mood', all: ['LOW_MOOD'] },
  // "I've been feeling down, nothing is fun any more" (the two PHQ-2 items) that the classifier
  // reads as an emergency: the question about thoughts of suicide, not the list of body signs.
  { id: 'screen.mood_down', flag: 'passive-ideation', screen: 'mood', all: ['MOOD_DOWN'], beforeClassifierOnly: true },

  { id: 'other.fainting', flag: 'fainting-danger', all: ['FAINTED', ['CHEST', 'PALPITATIONS', 'BREATH_TROUBLE', 'NOT_WAKING']] },
];

/**
 * What each concept stands for: the brief every language's lexicon answers. Guard concepts
 * (NEGATION, PAST, ...) are described in types.ts. A language may leave a concept empty only
 * where the test `every language defines every concept` allows it.
 */
export const CONCEPT_GUIDE: Record<string, string> = {
  CHOKING: 'choking, something stuck in the throat',
  SWALLOWED_OBJECT: 'swallowed a small object (coin, toy, grape, bone)',
  BREATH_TROUBLE: "can't breathe, struggling or gasping for breath, very short of breath",
  NOT_BREATHING: 'not breathing, stopped breathing, no pulse',
  SLOW_BREATHING: 'breathing very slowly, shallow, snoring-like gurgling breaths, long pauses',
  CYANOSIS: 'lips, face or tongue turning blue, grey or purple',
  ANAPHYLAXIS_WORD: 'anaphylaxis, an allergic reaction, used an EpiPen',
  THROAT_SWELL: 'throat or tongue swelling or tight',
  THROAT_CLOSING: 'throat closing, closing up',
  FACE_SWELL: 'lips, face, eyes or tongue swelling up',
  WHEEZE: 'wheezing',
  ASTHMA: 'asthma, asthma attack, inhaler, puffer, nebuliser',
  WHEEZE_DANGER: "inhaler not helping, too breathless to talk or speak in sentences, ribs pulling in",
  STRIDOR: 'a harsh, high-pitched or whistling noise when breathing in (stridor), croup noise at rest',
  INFANT_BREATHING: 'a baby grunting with each breath, pausing in breathing, ribs or belly sucking in, nostrils flaring',
  DIZZY: 'dizzy, light-headed, faint',
  ALLERGEN: 'allergy triggers: stings, peanuts, nuts, shellfish, a new medicine, an antibiotic',
  MINOR: 'a little, slight, mild, minor, small spot (the sign is mild)',
  HIVES: 'hives, welts, rash all over',
  VOMIT: 'vomiting, throwing up',
  NAUSEA: 'nausea, feeling sick',
  CANT_KEEP_DOWN: "can't keep anything down, not even water",
  INGESTED: 'swallowed, ate, drank, took, got into',
  INSERTED: 'put something in the nose or ear',
  SPLASHED: 'splashed, sprayed, breathed in (a chemical)',
  LARGE_AMOUNT: 'a whole bottle, too many, a handful, a large number of pills',
  DOSE_QUESTION: 'asking how many of a medicine is too many, an overdose, the most one may take',
  TAKEN_COUNT: 'ten or more taken so far, without the pill word ("I\'ve had about 20 today", "llevo como 15")',
  DOSE_UNIT: 'a dose in units (400 mg, 10 ml): a dose, not a count of pills',
  PILL_COUNT: 'ten or more pills or tablets counted together with the medicine ("20 paracetamol", "30 of my sleeping pills")',
  DRUG: 'pills, tablets, medicine, named medicines and drugs, vitamins, gummies',
  POISON: 'household chemicals: bleach, detergent pods, drain cleaner, antifreeze, pesticide, lamp oil',
  WILD_PLANT: 'wild mushrooms, berries, a plant or its leaves',
  BATTERY: 'button, coin, watch or hearing-aid battery',
  MAGNET: 'magnets, magnet balls',
  SUSPECTED_SWALLOW: 'a swallow that is feared but not seen: may have swallowed, not sure whether swallowed',
  BATTERY_MISSING: 'a button battery gone missing or not to be found, named in the phrase',
  MAGNET_MISSING: 'a magnet gone missing or not to be found, named in the phrase',
  CO_SOURCE: 'carbon monoxide and its sources: gas heater, generator, boiler, furnace, charcoal indoors, car running in a garage, CO alarm',
  CO_ALARM: 'the carbon monoxide alarm going off, or "carbon monoxide" suspected now',
  OVERDOSE_WORD: 'overdose, overdosed, OD',
  OPIOID: 'opioids: heroin, fentanyl, oxycodone, morphine, methadone, pain pills',
  PINPOINT: 'pinpoint or tiny pupils',
  ALCOHOL: 'drunk, alcohol, drinking, shots, vodka',
  CHILD: 'a young child: toddler, baby, kid, son, daughter, grandchild, a child of N years',
  PRESCRIBED_FOR_CHILD: "the child's own prescribed medicine at the right dose",
  SUICIDAL: 'wants to die, kill oneself, suicide, end my life',
  PASSIVE_IDEATION: 'better off without me, I am a burden, wish I were dead, wish I could sleep and not wake up, no point living',
  SUICIDE_MEANS: 'a plan, a method or the means: saved pills, a gun, rope, a date, a note, giving things away',
  LETHAL_MEANS: 'means that are hard to read any other way: a rope or noose got ready, pills saved up or counted, how many it would take, the bridge or the tracks chosen, the hose in the garage',
  FAREWELL: 'a goodbye or farewell message, note or letter sent or left, saying goodbye to everyone (not a goodbye email or party at work)',
  UNREACHABLE: 'not answering or picking up, phone switched off, cannot be reached or found',
  PLAN_COMMIT: 'when or how sure: tonight, on Sunday, after everyone is asleep, this is my last week, I have decided, letters written, goodbyes said, I know where she keeps them',
  HARM_BABY: 'thoughts of harming the baby, scared I will hurt my baby',
  SELF_HARM: 'cutting or hurting oneself on purpose, self-harm',
  SELF_HARM_NOW: 'self-harm now: just cut myself and it is bleeding, cut too deep, cutting right now',
  HARM_OTHERS: 'wants to or is going to kill or hurt someone else',
  ASSAULT: 'raped, sexually assaulted, forced sex, drugged and assaulted, molested',
  DOMESTIC_VIOLENCE: 'hit, beaten, strangled or threatened by a partner or family member; afraid to go home; not safe at home',
  CHILD_ABUSE: 'someone is hurting, beating or sexually abusing a child',
  INFANT_AGE: 'a baby under 3 months: newborn, N days or weeks old, 1 or 2 months old',
  BABY: 'baby, infant, newborn',
  FEVER: 'fever, high temperature, 38 °C / 100.4 °F or more',
  NORMAL_TEMP: 'a temperature stated below 38 °C / 100.4 °F (37.2, 99 °F): no fever',
  FEVER_READING: 'a temperature stated at 38 °C / 100.4 °F or more, with its unit or a temperature word',
  FLOPPY: 'floppy, limp, very hard to wake, not responding normally (a baby or child)',
  DEHYDRATION_SIGNS: 'no wet nappy or no pee for 8 hours or more, sunken soft spot, no tears when crying',
  GREEN_VOMIT: 'vomiting green (bile)',
  REFUSES_FEEDS: 'refusing all feeds or bottles, not feeding at all',
  PREGNANT: 'pregnant, N weeks pregnant, expecting',
  POSTPARTUM: 'just had a baby, after giving birth, postpartum, after a C-section',
  BLEED: 'bleeding, blood',
  HEAVY_BLEED: "a lot of blood, soaking, gushing, won't stop",
  MENSTRUAL: 'a period, menstrual bleeding, the time of the month',
  SPOTTING_ONLY: 'light spotting only, a little brown discharge',
  WATERS: 'waters broke, leaking fluid',
  CONTRACTIONS: 'contractions, labour pains, tightening every few minutes',
  MISCARRIAGE_NOW: 'a miscarriage happening now: losing the pregnancy (not one in the past, which the guards cancel)',
  PRETERM_WEEKS: 'a pregnancy under 37 weeks (N weeks pregnant, N from 20 to 36)',
  VISION_SPOTS: 'seeing spots, flashing lights, blurry vision, vision changes',
  SWELL_FACE_HANDS: 'face, hands or feet suddenly very swollen',
  PERSISTENT: "won't go away, not going away, for hours, medicine not helping",
  ONE_SIDED_PAIN: 'sharp pain low on one side of the belly',
  SHOULDER_TIP: 'pain at the tip of the shoulder',
  FETAL_MOVEMENT_LESS: "the baby isn't moving, is moving less, no kicks today",
  NOTHING_FELT: "nothing felt for hours, said without naming the baby's movements (\"haven't felt anything since last night\", \"sin una sola patada\")",
  CRAMPS: 'cramps, severe belly pain, clots',
  BELLY_PAIN: 'stomach, belly or abdominal pain',
  RIGID_BELLY: 'belly hard as a board, rigid, cannot be touched',
  RASH_NONBLANCHING: "a rash that doesn't fade under a pressed glass, purple or dark red spots, bruise-like rash",
  LIGHT_HURTS: 'bright light hurts the eyes',
  STIFF_NECK: 'stiff neck, cannot bend the neck',
  INFECTION: 'an infection, UTI, pneumonia, flu, infected wound, cellulitis',
  SEPSIS_WORD: 'sepsis, septic',
  SEPSIS_SIGN: 'mottled, blotchy or blue skin; shivering uncontrollably; not peeing all day; breathing very fast; "feel like I am going to die"',
  HEAD_HIT: 'hit or banged the head, fell on the head, head injury, concussion',
  CLEAR_FLUID: 'clear fluid from the nose or ears',
  BLOOD_THINNER: 'blood thinners: warfarin, apixaban, rivaroxaban, clopidogrel',
  DROWSY: 'very sleepy, drowsy, hard to keep awake',
  CONFUSED: 'confused, disoriented, not making sense',
  SPEECH: 'slurred or garbled speech, trouble speaking',
  VISION_LOSS: 'sudden loss of vision, double vision, blind in one eye',
  BALANCE_LOSS: 'sudden loss of balance or coordination, cannot walk straight',
  ARM_WEAK: 'an arm, leg or hand weak, numb or cannot be lifted',
  ONE_SIDE_WEAK: 'one side of the body weak or numb',
  FACE_DROOP: 'face drooping, lopsided smile',
  DENTAL: 'dental numbness, anaesthetic, Bell’s palsy already known',
  STROKE_WORD: 'stroke',
  STROKE_NOW: 'having a stroke, is this a stroke',
  SUDDEN: 'suddenly, all of a sudden, minutes ago, just now',
  SEVERE: 'severe, very bad, terrible, unbearable, worst',
  WORST_EVER: 'the worst ever, never had one like this, exploding, like being hit',
  HEADACHE: 'headache',
  CHEST: 'chest, heart, breastbone',
  CHEST_PAIN: 'pain, pressure, tightness, heaviness, squeezing',
  HEART_ATTACK: 'heart attack, cardiac arrest',
  HEART_ATTACK_NOW: 'having a heart attack, is this a heart attack',
  RADIATING_PAIN: 'pain in the jaw, neck, back, shoulder or arm (as heart pain is felt)',
  SWEAT: 'sweating, cold sweat, clammy',
  PALPITATIONS: 'heart racing, pounding, fluttering, irregular heartbeat',
  LEG_SWELL: 'one leg or calf swollen, red, painful',
  DIABETIC: 'diabetic, diabetes, on insulin',
  LOW_SUGAR: 'low blood sugar, a low reading (below 70 mg/dL or 4 mmol/L), hypo',
  HIGH_SUGAR: 'very high sugar, meter reads HI, ketones',
  SHAKY: 'shaky, trembling',
  FRUITY_BREATH: 'fruity or acetone breath, deep fast breathing',
  SMALL_WOUND: 'a small cut, scratch, nosebleed, bleeding gums',
  WOUND_TRAUMA: 'stabbed, shot, deep cut, severed',
  BLOOD_VOMIT: 'vomiting or coughing up blood, black tarry stool',
  UNRESPONSIVE: "unconscious, won't wake up, not responding, collapsed",
  FAINTED: 'fainted, passed out',
  NOT_WAKING: 'not coming round, still not awake',
  SEIZURE: 'seizure, convulsion',
  SEIZURE_NOW: 'having a seizure now, convulsing, eyes rolled back',
  FIT: 'having a fit',
  SHAKING: 'shaking all over, jerking',
  BURN: 'burned, scalded, on fire',
  BURN_SEVERE: 'skin white, black or peeling, big area, chemical or electrical burn',
  BURN_AREA: 'a burn to the face, neck, airway, hands or genitals',
  TESTICLE: 'testicle or scrotum pain',
  HEAT: 'out in the heat, heatstroke, in a hot car',
  NOT_SWEATING: 'hot and dry skin, stopped sweating',
  DROWNING: 'pulled out of the water, nearly drowned',
  MAJOR_TRAUMA: 'bone through the skin, fall from a height, car crash, cannot feel the legs after a fall, hit by a car',
  EYE_EMERGENCY: 'chemical in the eye, something stuck in the eye, eye cut, suddenly cannot see',
  AGE_GIVEN: 'an explicit age of a child (N days, weeks, months or years old)',
  SOME_AMOUNT: 'some, a few, several, a couple of (pills), an unknown number',
  LOW_MOOD: "hopeless, can't go on, so depressed, nothing matters any more, can't cope (low mood without a stated wish to die)",
  MOOD_DOWN: 'feeling down, low or sad most days, no interest or pleasure in things any more (the PHQ-2 questions in lay words)',
  DIARRHEA: 'diarrhoea, loose or watery stools',
  LITTLE_URINE: 'peeing very little or not at all, dark urine',
  ADMIN: 'refill, appointment, records, insurance (a routine request about the condition)',
  EXERTION: 'when climbing stairs, exercising',
  HABITUAL: 'sometimes, usually, for years, chronic, ever since (an old event)',
  HARM_PRONOUN: 'harming or killing him or her (a baby only where the message is about a baby or a birth)',
  /** No rule asks for it: it holds the long-ago words it contains, so they are no PAST guard ('since last week' is still going on). */
  ONGOING_SINCE: 'since last week, desde hace tres días, pichle hafte se, 从上周开始: going on since then, not over',
};

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
