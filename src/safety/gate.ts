import type { Language } from '../language/languages.js';
import { RED_FLAGS, flagById, type Category, type Disposition, type RedFlag } from './catalogue/flags.js';
import { SAFETY_RULES, createEmergencyDetector, type EmergencyDetector } from './detector.js';
import { categoryOf } from './evaluate.js';
import { normalise, tokenise } from './text.js';
import type { ConceptEvidence } from './classifier/features.js';
import type { ScreenHit } from './types.js';

export type DetectorName = 'rules' | 'classifier' | 'llm' | 'screening';

/** What the gate decided about one message: the red flag, what the patient must do, and who saw it. */
export interface SafetyVerdict {
  flag: RedFlag;
  disposition: Disposition;
  category: Category;
  /** Every category any detector saw, most specific first (e.g. overdose and suicide). */
  categories: Category[];
  /** Every red flag the rules saw, most specific first (none for the other detectors). */
  flags?: string[];
  /** The detectors that fired; the rules' id (never patient text) is in `matched`. */
  detectors: DetectorName[];
  matched: string;
}

/** The statistical detector: a probability that a normalised message is a red flag, and its likely category. */
export interface StatisticalDetector {
  /** `evidence`: what the concept rules saw in the message, which the shipped model also reads. */
  score(normalisedText: string, evidence?: ConceptEvidence): { probability: number; category?: Category; categoryProbability?: number };
  /** From this probability the classifier speaks up on its own. */
  readonly threshold: number;
  /**
   * From this probability its word alone raises the alarm; between `threshold` and here the
   * patient is asked about the danger signs first (the `signs` screen), unless a sign of the
   * category it names is in the message. None: every flag it raises is an alarm.
   */
  readonly alarmThreshold?: number;
}

/** A third opinion (an LLM): asked only when the other detectors found nothing; it can raise, never lower. */
export interface SecondOpinion {
  check(text: string, language: Language): Promise<{ category: Category } | null>;
}

/** One message assessed: a red flag, or else perhaps a screening question to ask. */
export interface Assessment {
  verdict: SafetyVerdict | null;
  screen: ScreenHit | null;
}

export interface SafetyGate {
  /**
   * Rules and classifier, OR-ed; synchronous and sub-millisecond. A rule hit that the classifier
   * scores below RULE_CHECK_BELOW becomes the screening question `now` instead of an alarm.
   */
  assess(text: string, language?: Language): Assessment;
  /** `assess`, then the second opinion when one is configured and no red flag was found. */
  assessWithOpinion(text: string, language: Language): Promise<Assessment>;
  /** What the rules see in a message (standing signs such as SUICIDE_MEANS, guards such as RESOLVED), for reading it in context. */
  evidence(text: string, language?: Language): ConceptEvidence;
}

// Where the first flag of a category in the catalogue is a narrow one, the broad one stands for it.
const BROADEST: Partial<Record<Category, string>> = { suicide: 'suicidal-intent', breathing: 'breathing-difficulty', stroke: 'stroke-arm', overdose: 'overdose' };
/**
 * Messages shorter than this (tokens; Chinese: characters) are judged by the rules, and by the
 * classifier only where it is sure enough to alarm on its own and the message has a sign of the
 * category it names: a few words carry too little for the n-gram model alone (it once read
 * "नमस्ते" as a disclosure). In 4-fold cross-validation over train + dev this caught 1 more of 42
 * short emergencies ("cutting rn cant stop") and alarmed on none of 335 short look-alikes and 351
 * short greetings and office questions.
 */
export const MIN_CLASSIFIER_TOKENS = 5;
/**
 * A rule hit in a message the classifier finds this unlikely to be an emergency is checked with
 * one question before the alarm ("is someone hurt or in danger right now?"): a name that looks
 * like a symptom ("Lucía", Spanish "lacia"), a floppy disk, "drowning in deadlines", an attempt
 * fifteen years ago. The rules still decide what the question is about and a "yes" raises their
 * flag. Chosen by 4-fold cross-validation on train + dev (scripts/cross-validate-safety.ts), never
 * on held-out. Gate recall / false alarms by floor (en, es, zh, hi):
 *   0     0.984/0.065  0.977/0.060  0.980/0.059  0.986/0.076
 *   0.01  0.984/0.049  0.977/0.049  0.980/0.055  0.985/0.061
 *   0.05  0.983/0.043  0.975/0.041  0.980/0.049  0.984/0.050
 *   0.1   0.983/0.041  0.975/0.037  0.979/0.044  0.984/0.047
 *   0.2   0.977/0.039  0.972/0.036  0.977/0.038  0.983/0.043
 * Past 0.01 the false alarms keep falling, but the question starts to reach clear emergencies: on
 * dev (scored by a model trained without it) 0.05 asked it of "me tomé toda la amitriptilina hace
 * como una hora, unas 40" and of an assault earlier that evening. A question before the alarm
 * costs an overdose minutes, so the floor stays at 0.01.
 */
export const RULE_CHECK_BELOW = 0.01;
/**
 * The same check for a rule hit that rests on one sign alone (the name of a condition, or one
 * phrase: "stroke", "choking", "floppy", "blue lips", the CO alarm) and sends to the emergency
 * number: such a word is as often a swimming stroke, a first-aid question, a film or an event
 * that is over. Crisis, poison and safety rules keep RULE_CHECK_BELOW: a patient in crisis is
 * never asked first. Chosen by 4-fold cross-validation on train + dev like RULE_CHECK_BELOW, never
 * on held-out (gate recall / look-alike false alarms, en, es, zh, hi):
 *   0.01  0.982/0.045  0.974/0.051  0.971/0.059  0.976/0.067
 *   0.05  0.982/0.037  0.974/0.044  0.971/0.054  0.976/0.059
 *   0.1   0.981/0.035  0.974/0.043  0.970/0.050  0.975/0.057
 * At 0.1 the question reached a cardiac arrest ("他倒下了，只是偶尔倒抽一口气") and bleach in an eye.
 */
export const SINGLE_SIGN_CHECK_BELOW = 0.05;
/**
 * Emergency flags whose one phrase is a disclosure, not a word with other meanings: a stated intent
 * to hurt someone ("I want to stab the guy who owes me money, the knife is in my pocket") and
 * self-harm in progress. Like crisis rules they are never asked about first (the classifier trained
 * on set 5 scored that threat 0.045 and it got the 'is anyone in danger now?' question).
 */
const DISCLOSURE_FLAGS: ReadonlySet<string> = new Set(['harm-others', 'self-harm-now']);
/** Rule ids (`<lang>.<id>`, as a hit's `matched`) of the one-sign emergency rules. */
export const SINGLE_SIGN_RULES: ReadonlySet<string> = new Set(
  Object.values(SAFETY_RULES).flatMap((language) =>
    language.rules
      .filter((rule) => !rule.screen && rule.all.length === 1 && flagById.get(rule.flag)?.disposition === 'emergency' && !DISCLOSURE_FLAGS.has(rule.flag))
      .map((rule) => `${language.language}.${rule.id}`),
  ),
);
/**
 * A flag the classifier raises alone names its category only when the category head gives that
 * category at least this probability; below it the broad emergency flag stands (call the
 * emergency number), never a guess at the crisis line, poison control or a burn ("grandpa is not
 * quite himself and keeps dropping his cup" once read as suicidal intent). Nor does an unsure
 * category join a rule hit's categories. Chosen by 4-fold cross-validation on train + dev.
 */
export const CATEGORY_FLOOR = 0.4;
/**
 * A classifier-only flag of a body emergency whose signs the message does not have names its
 * category (and so its first-aid line) only from this category probability; below it, the broad
 * emergency flag: call the emergency number, stay with them. On dev (scored by a model trained
 * without it), the unsigned guesses below 0.5 were all wrong but one (a stroke read as a burn:
 * "cool the burn under running water"), those above it mostly right.
 */
export const UNSIGNED_CATEGORY_FLOOR = 0.5;
/** Categories whose replies presume a pregnancy or a baby: named by the classifier alone only with one in the message. */
const PRESUPPOSES: ReadonlySet<Category> = new Set<Category>(['pregnancy_warning', 'pregnancy_bleeding', 'infant_fever', 'infant_unwell']);

/**
 * The sign concepts that speak for a category: those its rules use and at most two other
 * categories share (SUICIDAL, INGESTED, ASSAULT; not VOMIT or UNRESPONSIVE). A classifier-only
 * flag sends a patient to the crisis line, poison control or the assault hotlines only when one of
 * them is in the message (standing or not); otherwise the emergency number, which is right for
 * every emergency, with the crisis line as a second line when the guess was suicide or self-harm:
 * "grandpa is not quite himself and keeps dropping his cup" read at 0.70 as suicidal intent has
 * none of suicide's signs, and the family of a stroke patient is told to call the emergency number.
 */
const SPEAKS_FOR = (() => {
  const categoriesOf = new Map<string, Set<Category>>();
  for (const language of Object.values(SAFETY_RULES)) {
    for (const rule of language.rules) {
      if (rule.screen) continue;
      for (const concept of rule.all.flat()) {
        if (rule.contextOnly?.includes(concept)) continue;
        const set = categoriesOf.get(concept) ?? new Set<Category>();
        set.add(categoryOf(rule));
        categoriesOf.set(concept, set);
      }
    }
  }
  const out = new Map<Category, Set<string>>();
  for (const [concept, categories] of categoriesOf) {
    if (categories.size > 3) continue;
    for (const category of categories) out.set(category, (out.get(category) ?? new Set()).add(concept));
  }
  return out;
})();
const corroborated = (category: Category, evidence: ConceptEvidence | undefined) => {
  const signs = SPEAKS_FOR.get(category);
  return Boolean(signs && evidence && (evidence.live.some((c) => signs.has(c)) || evidence.cancelled.some((c) => signs.has(c))));
};

/**
 * Categories whose emergencies the `signs` question covers (danger to anyone, trouble breathing,
 * chest pain, fainting or hard to wake, a seizure, sudden confusion or weakness, heavy bleeding).
 * A sure guess of any other category (an assault, a poisoning, a pregnancy or a baby) is never met
 * with that question: it stays an alarm. An unsure category is only the broad emergency flag anyway.
 */
const SIGNS_CHECK: ReadonlySet<Category> = new Set<Category>([
  'other_emergency', 'sepsis', 'breathing', 'chest_pain', 'stroke', 'unresponsive', 'seizure', 'bleeding', 'abdominal', 'head_injury', 'blood_sugar', 'thunderclap_headache',
]);

/** The categories each rule screening question is about (see `assess`). */
const SCREEN_COVERS: Partial<Record<ScreenHit['screen'], ReadonlySet<Category>>> = {
  age: new Set<Category>(['infant_fever', 'infant_unwell', 'sepsis', 'meningitis', 'other_emergency']),
  ingestion: new Set<Category>(['poisoning', 'overdose', 'suicide', 'self_harm', 'swallowed_object', 'other_emergency']),
  head: new Set<Category>(['head_injury', 'unresponsive', 'other_emergency']),
  mood: new Set<Category>(['suicide', 'self_harm', 'other_emergency']),
};

const FIRST_FLAG_OF = new Map<Category, RedFlag>();
for (const flag of RED_FLAGS) if (!FIRST_FLAG_OF.has(flag.category)) FIRST_FLAG_OF.set(flag.category, flagById.get(BROADEST[flag.category] ?? '') ?? flag);
const FALLBACK_FLAG = flagById.get('sudden-confusion') ?? RED_FLAGS[0]!;

/** The catalogue flag that stands for a category when a detector names only the category. */
export function flagForCategory(category: Category | undefined): RedFlag {
  return (category && FIRST_FLAG_OF.get(category)) ?? { ...FALLBACK_FLAG, category: 'other_emergency' };
}

export interface SafetyGateOptions {
  rules?: EmergencyDetector;
  classifier?: StatisticalDetector;
  opinion?: SecondOpinion;
  /** See RULE_CHECK_BELOW; 0 turns the check off (the rules alone decide on their hits). */
  ruleCheckBelow?: number;
  /** See SINGLE_SIGN_CHECK_BELOW (never below `ruleCheckBelow`). */
  singleSignCheckBelow?: number;
  /** False: messages under MIN_CLASSIFIER_TOKENS are the rules' alone, whatever the classifier says. */
  shortMessages?: boolean;
  /** See CATEGORY_FLOOR; 0 always takes the classifier's category (with `unsignedCategoryFloor` 0). */
  categoryFloor?: number;
  /** See UNSIGNED_CATEGORY_FLOOR. */
  unsignedCategoryFloor?: number;
}

export function createSafetyGate(options: SafetyGateOptions = {}): SafetyGate {
  const rules = options.rules ?? createEmergencyDetector();
  const { classifier, opinion } = options;
  const checkBelow = options.ruleCheckBelow ?? RULE_CHECK_BELOW;
  const singleSignBelow = Math.max(checkBelow, options.singleSignCheckBelow ?? SINGLE_SIGN_CHECK_BELOW);
  const categoryFloor = options.categoryFloor ?? CATEGORY_FLOOR;
  const unsignedFloor = options.unsignedCategoryFloor ?? UNSIGNED_CATEGORY_FLOOR;
  const shortReads = options.shortMessages ?? true;

  const assess = (text: string, language?: Language): Assessment => {
    const inspected = rules.inspect(text, language);
    const { hit, screen, evidence } = inspected;
    const normalised = inspected.normalised ?? normalise(text);
    const tokens = inspected.tokens ?? tokenise(normalised).length;
    const short = tokens < MIN_CLASSIFIER_TOKENS;
    const read = classifier && (!short || shortReads) ? classifier.score(normalised, evidence) : undefined;
    // A short message is the rules' unless the classifier is sure enough to alarm on its own and
    // the message has a sign of the category it names ("cutting rn cant stop").
    const shortBacked = short && read && read.probability >= (classifier!.alarmThreshold ?? 1) && read.category !== undefined && (read.categoryProbability ?? 1) >= categoryFloor && corroborated(read.category, evidence);
    const scored = short ? (shortBacked ? read : undefined) : read;
    const classified = scored && scored.probability >= classifier!.threshold ? scored : undefined;
    // Models that give no category probability are taken at their word.
    const sure = classified && (classified.categoryProbability ?? 1) >= categoryFloor ? classified.category : undefined;
    // A line other than the emergency number needs a sign of its own in the message (SPEAKS_FOR);
    // a body emergency without one needs a surer guess, or its first aid may be another's.
    // A pregnancy's or a baby's flag also needs the pregnancy or the baby in the message: its
    // first aid speaks of them ("tell them you are pregnant").
    const signed = sure && corroborated(sure, evidence);
    const unsignedOk = sure && !PRESUPPOSES.has(sure) && flagForCategory(sure).disposition === 'emergency' && (classified?.categoryProbability ?? 1) >= unsignedFloor;
    const category = sure && (signed || unsignedOk) ? sure : undefined;
    // One rule on one sign is weaker evidence than several, or than a sign with its context.
    const floor = hit && hit.flags.length === 1 && SINGLE_SIGN_RULES.has(hit.matched) ? singleSignBelow : checkBelow;
    if (hit && scored && scored.probability < floor) {
      return { verdict: null, screen: { screen: 'now', flag: hit.flag, matched: hit.matched } };
    }
    if (hit) {
      const flag = flagById.get(hit.flag)!;
      const categories = category && !hit.categories.includes(category) ? [...hit.categories, category] : hit.categories;
      const detectors: DetectorName[] = classified ? ['rules', 'classifier'] : ['rules'];
      return { verdict: { flag, disposition: flag.disposition, category: flag.category, categories, flags: hit.flags, detectors, matched: hit.matched }, screen: null };
    }
    // The rules recognised the situation but found it ambiguous and ask one short question ("she
    // took some pills": whose, how many?): the answer decides, not the classifier's guess.
    // A classifier sure of an emergency the question is not about (a scald in a message that also
    // says "hot" and "my son") is taken at its word; a guess the message does not back (a pregnancy
    // read into "me siento muy triste y sin ganas de nada") is not.
    if (classified && screen && (!category || SCREEN_COVERS[screen.screen]?.has(category))) return { verdict: null, screen };
    if (classified) {
      const flag = flagForCategory(category);
      // Everyday messages about symptoms far outnumber emergencies the rules miss: below its alarm
      // level, a guess the message does not back up asks about the danger signs, and says what to
      // do if there are any, before treating a cold or a sprain as an emergency.
      const unsure = classified.probability < (classifier!.alarmThreshold ?? 0) && !(sure && corroborated(sure, evidence));
      if (unsure && (!sure || SIGNS_CHECK.has(sure))) return { verdict: null, screen: { screen: 'signs', flag: flag.id, matched: 'classifier' } };
      const verdict = verdictFor(flag, 'classifier');
      // A sure but uncorroborated guess stays among the categories: the emergency reply then also
      // gives the crisis line for suicide or self-harm (src/safety/replies.ts).
      if (sure && !category) verdict.categories.push(sure);
      return { verdict, screen: null };
    }
    return { verdict: null, screen: screen?.beforeClassifierOnly ? null : screen };
  };

  return {
    assess,
    evidence: (text, language) => rules.inspect(text, language).evidence ?? { live: [], cancelled: [], guards: [] },
    async assessWithOpinion(text, language) {
      const first = assess(text, language);
      if (first.verdict || !opinion) return first;
      const second = await opinion.check(text, language).catch(() => null);
      return second ? { verdict: verdictFor(flagForCategory(second.category), 'llm'), screen: null } : first;
    },
  };
}

function verdictFor(flag: RedFlag, detector: DetectorName): SafetyVerdict {
  return { flag, disposition: flag.disposition, category: flag.category, categories: [flag.category], detectors: [detector], matched: detector };
}
