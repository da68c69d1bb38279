/**
 * The red-flag catalogue: every sign the safety gate must catch, what the patient is told to
 * do, and the public guidance it comes from. Lay phrasings per language live beside this file
 * (`phrasings/<lang>.ts`); the rules and the classifier are measured against this list.
 */

/** What the patient is told to do now. */
export const DISPOSITIONS = [
  /** Call the emergency number now. */
  'emergency',
  /** Call poison control now (and the emergency number if they collapse, fit or struggle to breathe). */
  'poison_control',
  /** Call or text the crisis line now (the emergency number if in immediate danger). */
  'crisis',
  /** Sexual assault or domestic violence: hotlines from clinic.yaml, the emergency number if in danger now. */
  'safety_resources',
  /** Speak to a nurse today. */
  'nurse_same_day',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Categories, most specific first: a message that fits several is filed under the first. */
export const CATEGORIES = [
  'choking',
  'anaphylaxis',
  'swallowed_object',
  'carbon_monoxide',
  'poisoning',
  'overdose',
  'suicide',
  'self_harm',
  'assault',
  'domestic_violence',
  'infant_fever',
  'infant_unwell',
  'pregnancy_bleeding',
  'pregnancy_warning',
  'meningitis',
  'sepsis',
  'burns',
  'seizure',
  'head_injury',
  'thunderclap_headache',
  'stroke',
  'unresponsive',
  'chest_pain',
  'blood_sugar',
  'bleeding',
  'breathing',
  'abdominal',
  'other_emergency',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface GuidanceSource {
  name: string;
  url: string;
}

export interface RedFlag {
  id: string;
  category: Category;
  disposition: Disposition;
  /** One line for staff and reviewers: what the flag is. */
  summary: string;
  sources: GuidanceSource[];
}

const S = {
  nhs999: { name: 'NHS: When to call 999', url: 'https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/' },
  medline: { name: 'MedlinePlus: Recognizing medical emergencies', url: 'https://medlineplus.gov/ency/article/001927.htm' },
  redCross: { name: 'American Red Cross: First aid steps', url: 'https://www.redcross.org/take-a-class/first-aid/performing-first-aid/first-aid-steps' },
  cdcStroke: { name: 'CDC: Signs and symptoms of stroke', url: 'https://www.cdc.gov/stroke/signs-symptoms/index.html' },
  cdcHeart: { name: 'CDC: Heart attack symptoms', url: 'https://www.cdc.gov/heart-disease/about/heart-attack.html' },
  nhsHeart: { name: 'NHS: Heart attack', url: 'https://www.nhs.uk/conditions/heart-attack/' },
  nhsAsthma: { name: 'NHS: Asthma attacks', url: 'https://www.nhs.uk/conditions/asthma/asthma-attack/' },
  nhsCroup: { name: 'NHS: Croup', url: 'https://www.nhs.uk/conditions/croup/' },
  nhsAnaphylaxis: { name: 'NHS: Anaphylaxis', url: 'https://www.nhs.uk/conditions/anaphylaxis/' },
  nhsSepsis: { name: 'NHS: Sepsis', url: 'https://www.nhs.uk/conditions/sepsis/' },
  cdcSepsis: { name: 'CDC: Signs and symptoms of sepsis', url: 'https://www.cdc.gov/sepsis/signs-symptoms/index.html' },
  nhsMeningitis: { name: 'NHS: Meningitis', url: 'https://www.nhs.uk/conditions/meningitis/' },
  aapFever: { name: 'AAP HealthyChildren: When to call the pediatrician about a fever', url: 'https://www.healthychildren.org/English/health-issues/conditions/fever/Pages/When-to-Call-the-Pediatrician.aspx' },
  nhsBabyUnwell: { name: 'NHS: Signs that a baby or child is seriously ill', url: 'https://www.nhs.uk/conditions/baby/health/spotting-signs-of-illness-in-babies-and-children/' },
  nhsDehydration: { name: 'NHS: Dehydration', url: 'https://www.nhs.uk/conditions/dehydration/' },
  hearHer: { name: 'CDC Hear Her: Urgent maternal warning signs', url: 'https://www.cdc.gov/hearher/maternal-warning-signs/index.html' },
  acogBleeding: { name: 'ACOG: Bleeding during pregnancy', url: 'https://www.acog.org/womens-health/faqs/bleeding-during-pregnancy' },
  nhsEctopic: { name: 'NHS: Ectopic pregnancy', url: 'https://www.nhs.uk/conditions/ectopic-pregnancy/' },
  nhsFetalMovement: { name: "NHS: Your baby's movements", url: 'https://www.nhs.uk/pregnancy/keeping-well/your-babys-movements/' },
  acogPreterm: { name: 'ACOG: Preterm labor and birth', url: 'https://www.acog.org/womens-health/faqs/preterm-labor-and-birth' },
  poisonHelp: { name: 'HRSA Poison Help', url: 'https://poisonhelp.hrsa.gov/' },
  ncpcBattery: { name: 'National Capital Poison Center: Button batteries', url: 'https://www.poison.org/battery' },
  aapMagnets: { name: 'AAP HealthyChildren: Magnets', url: 'https://www.healthychildren.org/English/safety-prevention/at-home/Pages/Magnets.aspx' },
  cdcCO: { name: 'CDC: Carbon monoxide poisoning', url: 'https://www.cdc.gov/carbon-monoxide/about/index.html' },
  cdcOpioid: { name: 'CDC: Preventing opioid overdose', url: 'https://www.cdc.gov/overdose-prevention/' },
  niaaa: { name: 'NIAAA: Alcohol overdose', url: 'https://www.niaaa.nih.gov/publications/brochures-and-fact-sheets/understanding-dangers-of-alcohol-overdose' },
  cssrs: { name: 'Columbia Suicide Severity Rating Scale (screener)', url: 'https://cssrs.columbia.edu/the-columbia-scale-c-ssrs/about-the-scale/' },
  nimh: { name: 'NIMH: Warning signs of suicide', url: 'https://www.nimh.nih.gov/health/publications/warning-signs-of-suicide' },
  lifeline: { name: '988 Suicide & Crisis Lifeline', url: 'https://988lifeline.org/' },
  cdcHeadInjury: { name: 'CDC HEADS UP: Danger signs after a concussion', url: 'https://www.cdc.gov/heads-up/signs-symptoms/index.html' },
  nhsHeadInjury: { name: 'NHS: Head injury and concussion', url: 'https://www.nhs.uk/conditions/head-injury-and-concussion/' },
  nhsSeizure: { name: 'NHS: What to do if someone has a seizure', url: 'https://www.nhs.uk/conditions/epilepsy/what-to-do-if-someone-has-a-seizure-fit/' },
  nhsBurns: { name: 'NHS: Burns and scalds', url: 'https://www.nhs.uk/conditions/burns-and-scalds/' },
  adaHypo: { name: 'ADA: Hypoglycemia (low blood glucose)', url: 'https://diabetes.org/living-with-diabetes/treatment-care/hypoglycemia' },
  cdcDka: { name: 'CDC: Diabetic ketoacidosis', url: 'https://www.cdc.gov/diabetes/about/diabetic-ketoacidosis.html' },
  rainn: { name: 'RAINN: National Sexual Assault Hotline', url: 'https://rainn.org/' },
  dvHotline: { name: 'National Domestic Violence Hotline', url: 'https://www.thehotline.org/' },
  who: { name: 'WHO: Emergency care', url: 'https://www.who.int/health-topics/emergency-care' },
  nhsTesticle: { name: 'NHS: Testicle pain', url: 'https://www.nhs.uk/conditions/testicle-pain/' },
  nhsHeatstroke: { name: 'NHS: Heat exhaustion and heatstroke', url: 'https://www.nhs.uk/conditions/heat-exhaustion-heatstroke/' },
  nhsDvt: { name: 'NHS: Deep vein thrombosis', url: 'https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/' },
  nhsStomach: { name: 'NHS: Stomach ache', url: 'https://www.nhs.uk/conditions/stomach-ache/' },
  nhsEye: { name: 'NHS: Eye injuries', url: 'https://www.nhs.uk/conditions/eye-injuries/' },
  nhsFracture: { name: 'NHS: Broken bones', url: 'https://www.nhs.uk/conditions/broken-arm-or-wrist/' },
} satisfies Record<string, GuidanceSource>;

const flag = (id: string, category: Category, disposition: Disposition, summary: string, ...sources: GuidanceSource[]): RedFlag => ({ id, category, disposition, summary, sources });

export const RED_FLAGS: readonly RedFlag[] = [
  // ---- heart and circulation --------------------------------------------------------
  flag('chest-pain', 'chest_pain', 'emergency', 'Chest pain, pressure, tightness or heaviness now', S.nhs999, S.cdcHeart, S.medline),
  flag('heart-attack-atypical', 'chest_pain', 'emergency', 'Jaw, neck, back or arm pain with sweating, nausea or breathlessness', S.cdcHeart, S.nhsHeart),
  flag('heart-attack-named', 'chest_pain', 'emergency', 'Patient says a heart attack is happening', S.cdcHeart),
  flag('cardiac-arrest', 'unresponsive', 'emergency', 'Collapsed and not breathing normally, no pulse', S.nhs999, S.redCross),
  flag('unresponsive', 'unresponsive', 'emergency', 'Unconscious, cannot be woken, not responding', S.nhs999, S.medline),
  flag('fainting-danger', 'unresponsive', 'emergency', 'Fainted and not coming round, or fainting with chest pain or palpitations', S.medline),
  flag('palpitations-danger', 'chest_pain', 'emergency', 'Racing or irregular heartbeat with chest pain, fainting or breathlessness', S.medline, S.hearHer),
  flag('dvt-pe', 'breathing', 'emergency', 'Swollen painful leg with sudden breathlessness or chest pain (clot)', S.nhsDvt, S.hearHer),

  // ---- stroke and brain -------------------------------------------------------------
  flag('stroke-face', 'stroke', 'emergency', 'Face drooping on one side', S.cdcStroke, S.nhs999),
  flag('stroke-arm', 'stroke', 'emergency', 'Sudden weakness or numbness of an arm, leg or one side', S.cdcStroke),
  flag('stroke-speech', 'stroke', 'emergency', 'Sudden slurred, garbled or lost speech', S.cdcStroke),
  flag('stroke-balance-vision', 'stroke', 'emergency', 'Sudden loss of balance or vision, double vision (BE-FAST)', S.cdcStroke),
  flag('stroke-named', 'stroke', 'emergency', 'Patient says a stroke is happening', S.cdcStroke),
  flag('thunderclap-headache', 'thunderclap_headache', 'emergency', 'Sudden, worst-ever headache', S.nhs999, S.medline),
  flag('sudden-confusion', 'other_emergency', 'emergency', 'Sudden confusion or not making sense', S.nhs999, S.medline),
  flag('seizure', 'seizure', 'emergency', 'Seizure now, a first seizure, or one lasting over 5 minutes', S.nhsSeizure, S.nhs999),
  flag('head-injury', 'head_injury', 'emergency', 'Head injury with vomiting, confusion, drowsiness, fitting or blood thinners', S.cdcHeadInjury, S.nhsHeadInjury),

  // ---- breathing --------------------------------------------------------------------
  flag('breathing-difficulty', 'breathing', 'emergency', 'Severe difficulty breathing, gasping, cannot speak in sentences', S.nhs999, S.medline),
  flag('cyanosis', 'breathing', 'emergency', 'Blue, grey or purple lips, tongue or face', S.nhs999, S.nhsBabyUnwell),
  flag('asthma-red-zone', 'breathing', 'emergency', 'Asthma: reliever not helping, too breathless to talk, ribs pulling in', S.nhsAsthma),
  flag('stridor', 'breathing', 'emergency', 'Harsh high-pitched noise breathing in, at rest (croup, swelling)', S.nhsCroup),
  flag('infant-breathing', 'breathing', 'emergency', 'Baby grunting, pausing in breathing, or ribs sucking in', S.nhsBabyUnwell, S.aapFever),
  flag('choking', 'choking', 'emergency', 'Choking: cannot cough, speak or breathe', S.nhs999, S.redCross),

  // ---- allergy and infection ----------------------------------------------------------
  flag('anaphylaxis', 'anaphylaxis', 'emergency', 'Swelling of throat, tongue or lips, or breathing trouble after an allergen', S.nhsAnaphylaxis),
  flag('throat-closing', 'anaphylaxis', 'emergency', 'Throat closing or tightening', S.nhsAnaphylaxis),
  flag('sepsis', 'sepsis', 'emergency', 'Infection with mottled or blue skin, confusion, very fast breathing, no urine, or feeling about to die', S.nhsSepsis, S.cdcSepsis),
  flag('meningitis-rash', 'meningitis', 'emergency', 'Rash that does not fade under a pressed glass, with fever or illness', S.nhsMeningitis),
  flag('meningitis-signs', 'meningitis', 'emergency', 'Fever with stiff neck and dislike of bright light', S.nhsMeningitis),
  flag('high-fever-danger', 'sepsis', 'emergency', 'Very high fever with confusion, floppiness or a fit', S.nhsBabyUnwell, S.aapFever),

  // ---- infants and children -----------------------------------------------------------
  flag('infant-fever', 'infant_fever', 'emergency', 'Fever of 38 °C / 100.4 °F or more in a baby under 3 months', S.aapFever, S.nhsBabyUnwell),
  flag('infant-floppy', 'infant_unwell', 'emergency', 'Floppy, limp or very hard to wake baby or child', S.nhsBabyUnwell),
  flag('infant-dehydration', 'infant_unwell', 'emergency', 'No wet nappy for 8–12 hours, sunken soft spot, no tears, not feeding', S.nhsDehydration, S.nhsBabyUnwell),
  flag('infant-green-vomit', 'infant_unwell', 'emergency', 'Baby vomiting green bile or blood, or refusing all feeds', S.nhsBabyUnwell),
  flag('child-dehydration', 'other_emergency', 'nurse_same_day', 'Child or adult unable to keep fluids down, passing little urine', S.nhsDehydration),

  // ---- pregnancy ----------------------------------------------------------------------
  flag('pregnancy-bleeding', 'pregnancy_bleeding', 'emergency', 'Bleeding or fluid leaking in pregnancy', S.hearHer, S.acogBleeding),
  flag('postpartum-bleeding', 'pregnancy_bleeding', 'emergency', 'Heavy bleeding after birth: soaking a pad an hour, large clots', S.hearHer),
  flag('preeclampsia', 'pregnancy_warning', 'emergency', 'In pregnancy or after birth: headache that will not go, vision changes, swollen face or hands', S.hearHer),
  flag('ectopic', 'pregnancy_warning', 'emergency', 'Early pregnancy: one-sided belly pain, shoulder-tip pain, fainting', S.nhsEctopic),
  flag('reduced-fetal-movement', 'pregnancy_warning', 'emergency', "Baby's movements slowing or stopping", S.hearHer, S.nhsFetalMovement),
  flag('preterm-labour', 'pregnancy_warning', 'emergency', 'Contractions or waters breaking before 37 weeks', S.acogPreterm, S.hearHer),
  flag('pregnancy-fever', 'pregnancy_warning', 'emergency', 'Fever of 100.4 °F / 38 °C or more in pregnancy or after birth', S.hearHer),
  flag('pregnancy-severe-vomiting', 'pregnancy_warning', 'emergency', 'Severe nausea and vomiting in pregnancy, cannot keep anything down', S.hearHer),
  flag('pregnancy-belly-pain', 'pregnancy_warning', 'emergency', "Severe belly pain in pregnancy that doesn't go away", S.hearHer),
  flag('pregnancy-breathing-chest', 'pregnancy_warning', 'emergency', 'Trouble breathing, chest pain or fast heartbeat in pregnancy or after birth', S.hearHer),
  flag('postpartum-harm-thoughts', 'suicide', 'crisis', 'Thoughts of harming oneself or the baby during or after pregnancy', S.hearHer, S.lifeline),

  // ---- poisoning ----------------------------------------------------------------------
  flag('child-ingested-medicine', 'poisoning', 'poison_control', "A child swallowed someone's medicine or vitamins", S.poisonHelp),
  flag('household-chemical', 'poisoning', 'poison_control', 'Swallowed, splashed or breathed a household chemical (bleach, detergent pods, antifreeze)', S.poisonHelp),
  flag('plant-mushroom', 'poisoning', 'poison_control', 'Ate a wild mushroom, berries or plant', S.poisonHelp),
  flag('button-battery', 'swallowed_object', 'emergency', 'Swallowed a button battery (or put one in nose or ear)', S.ncpcBattery),
  flag('magnets', 'swallowed_object', 'emergency', 'Swallowed magnets', S.aapMagnets),
  flag('carbon-monoxide', 'carbon_monoxide', 'emergency', 'Headaches, dizziness or sickness in a household, with a heater, stove or alarm', S.cdcCO),

  // ---- overdose -----------------------------------------------------------------------
  flag('overdose', 'overdose', 'emergency', 'Took too much of a medicine or drug', S.nhs999, S.poisonHelp),
  flag('opioid-overdose', 'overdose', 'emergency', 'Opioid overdose: pinpoint pupils, slow or no breathing, cannot be woken', S.cdcOpioid),
  flag('alcohol-poisoning', 'overdose', 'emergency', 'Alcohol poisoning: cannot be woken, vomiting while drowsy, slow breathing', S.niaaa),

  // ---- suicide and self-harm ---------------------------------------------------------
  flag('suicidal-intent', 'suicide', 'crisis', 'Wants to die or kill themself', S.cssrs, S.lifeline),
  flag('suicidal-plan', 'suicide', 'crisis', 'Has a plan, means or a time to end their life', S.cssrs, S.nimh),
  flag('passive-ideation', 'suicide', 'crisis', 'Better off dead, a burden, wishing not to wake up', S.cssrs, S.nimh),
  flag('self-harm-now', 'self_harm', 'emergency', 'Self-harm in progress, or an injury or overdose from it', S.cssrs, S.nhs999),
  flag('self-harm', 'self_harm', 'crisis', 'Hurting oneself on purpose', S.nimh, S.lifeline),
  flag('harm-others', 'other_emergency', 'emergency', 'Thoughts or plans of hurting someone else', S.nimh),

  // ---- injury and other ---------------------------------------------------------------
  flag('severe-bleeding', 'bleeding', 'emergency', "Heavy bleeding that won't stop", S.nhs999, S.redCross),
  flag('vomiting-blood', 'bleeding', 'emergency', 'Vomiting or coughing blood, black tarry stool', S.medline),
  flag('severe-burn', 'burns', 'emergency', 'Large, deep, chemical or electrical burn, or burn to face, hands or genitals', S.nhsBurns),
  flag('major-trauma', 'other_emergency', 'emergency', 'Serious injury: bone through skin, fall from height, crash, neck injury with numbness', S.nhs999, S.nhsFracture),
  flag('eye-emergency', 'other_emergency', 'emergency', 'Sudden loss of sight, chemical in the eye, or penetrating eye injury', S.nhsEye),
  flag('low-blood-sugar', 'blood_sugar', 'emergency', 'Low blood sugar: shaky, sweating, confused, drowsy, fitting', S.adaHypo),
  flag('high-blood-sugar', 'blood_sugar', 'emergency', 'Very high sugar with vomiting, deep breathing, fruity breath (DKA)', S.cdcDka),
  flag('severe-abdominal', 'abdominal', 'emergency', 'Sudden severe belly pain, rigid belly, or with vomiting blood', S.nhsStomach, S.medline),
  flag('testicular-torsion', 'abdominal', 'emergency', 'Sudden severe testicle pain', S.nhsTesticle),
  flag('heatstroke', 'other_emergency', 'emergency', 'Heatstroke: hot, confused, not sweating, fitting', S.nhsHeatstroke),
  flag('drowning', 'other_emergency', 'emergency', 'Pulled from water and breathing badly or drowsy', S.nhs999),
  flag('sexual-assault', 'assault', 'safety_resources', 'Rape or sexual assault disclosed', S.rainn),
  flag('domestic-violence', 'domestic_violence', 'safety_resources', 'Being hurt, threatened or unsafe at home', S.dvHotline),
  flag('child-abuse', 'domestic_violence', 'safety_resources', 'A child being hurt or neglected at home', S.dvHotline, S.who),
];

export const RED_FLAG_IDS = new Set(RED_FLAGS.map((f) => f.id));
export const flagById = new Map(RED_FLAGS.map((f) => [f.id, f]));
