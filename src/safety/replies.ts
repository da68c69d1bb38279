import type { TFunction } from '../i18n.js';
import type { Disposition } from './catalogue/flags.js';
import type { SafetyVerdict } from './gate.js';

/** The numbers a reply tells the patient to call, for channels that make them tappable or dial them. */
export interface SafetyAlert {
  disposition: Disposition;
  /** Most urgent first; `label` is already in the patient's language. */
  call: { label: string; number: string }[];
}

/** Phone numbers and lines the replies name: the clinic's facts and the configured emergency numbers. */
export interface SafetyNumbers {
  emergencyNumber: string;
  crisisLine: string;
  nurseLine: string;
  poisonControl?: string;
  assaultHotline?: string;
  violenceHotline?: string;
}

export interface SafetyReply {
  text: string;
  alert: SafetyAlert;
}

/** Crisis rules that can only be about someone else (another person's farewell). */
const FOR_SOMEONE_ELSE = /\.suicide\.farewell$/;

/**
 * The patient's reply for a verdict: what to do now comes first (the emergency number, poison
 * control, the crisis line or a hotline), then one first-aid line for the category. It never
 * says that staff were told: that notice comes from escalation once the case has reached them.
 * `deskWatching` false adds that nobody is watching the chat, so the patient calls instead of waiting.
 */
export function safetyReply(t: TFunction, verdict: SafetyVerdict, numbers: SafetyNumbers, deskWatching: boolean, helper = false): SafetyReply {
  const vars = { ...numbers } as Record<string, string>;
  const lines: string[] = [];
  const call: SafetyAlert['call'] = [];
  const emergency = { label: numbers.emergencyNumber, number: numbers.emergencyNumber };
  const crisis = { label: numbers.crisisLine, number: numbers.crisisLine };
  switch (verdict.disposition) {
    case 'poison_control':
      if (numbers.poisonControl) {
        lines.push(t('safety:disposition.poison_control', vars));
        call.push({ label: numbers.poisonControl, number: numbers.poisonControl }, emergency);
      } else {
        lines.push(t('safety:disposition.poison_control_no_line', vars));
        call.push(emergency);
      }
      break;
    case 'crisis':
      // The writer is the one worried, not the one at risk (a goodbye message from someone who
      // now does not answer; "my brother says he wants to kill himself"): what to do for them
      // (988 Lifeline: call for them, stay with them, put the means away).
      if (FOR_SOMEONE_ELSE.test(verdict.matched)) lines.push(t('safety:disposition.crisisForSomeoneElse', vars));
      else if (helper) lines.push(t('safety:disposition.crisisHelper', vars));
      else {
        lines.push(t('safety:disposition.crisis', vars));
        // A plan or the means at hand: distance from the means saves lives (988 Lifeline, NIMH, CDC).
        if (verdict.flag.id === 'suicidal-plan') lines.push(t('safety:crisisMeans', vars));
      }
      call.push(crisis, emergency);
      break;
    case 'safety_resources': {
      const assault = verdict.category === 'assault';
      const line = assault ? numbers.assaultHotline : numbers.violenceHotline;
      lines.push(t(`safety:disposition.${assault ? 'assault' : 'violence'}`, { ...vars, [assault ? 'assaultHotline' : 'violenceHotline']: line ?? numbers.nurseLine }));
      call.push(emergency, ...(line ? [{ label: line, number: line }] : []));
      break;
    }
    case 'nurse_same_day':
      lines.push(t('safety:disposition.nurse_same_day', vars));
      call.push({ label: numbers.nurseLine, number: numbers.nurseLine }, emergency);
      break;
    default:
      lines.push(t('safety:disposition.emergency', vars));
      call.push(emergency);
  }
  // The emergency number for what may also be assault or violence at home (a guess the gate kept
  // as a second category): the hotline as well, and no "stay with them" (they may be the danger).
  const unsafe = verdict.disposition === 'emergency' && verdict.categories.some((c) => c === 'assault' || c === 'domestic_violence');
  const hintKey = firstAidKey(verdict.flag.id, verdict.category, verdict.flags, verdict.matched);
  const hint = firstAidLine(t, hintKey, vars, helper);
  if (hint && hint !== hintKey && !unsafe && verdict.disposition !== 'crisis' && verdict.disposition !== 'safety_resources') lines.push(hint);
  if (unsafe) {
    for (const [category, key, line] of [['assault', 'assaultAlso', numbers.assaultHotline], ['domestic_violence', 'violenceAlso', numbers.violenceHotline]] as const) {
      if (!verdict.categories.includes(category)) continue;
      const number = line ?? numbers.nurseLine;
      lines.push(t(`safety:emergency.${key}`, { ...vars, [category === 'assault' ? 'assaultHotline' : 'violenceHotline']: number }));
      call.push({ label: number, number });
    }
  }
  // Self-harm with an injury, or an overdose that may be deliberate: the crisis line as well.
  if (verdict.disposition !== 'crisis' && verdict.categories.some((c) => c === 'suicide' || c === 'self_harm')) {
    lines.push(t('safety:emergency.crisisAlso', vars));
    call.push(crisis);
  }
  if (!deskWatching) lines.push(t('safety:honesty.noDesk', vars));
  return { text: lines.join('\n'), alert: { disposition: verdict.disposition, call } };
}

/**
 * A category's first-aid line, in the words for a helper (`safety:hintOther.<category>`) when the
 * message is about someone else and the line for the patient would be wrong for them ("sit down,
 * don't drive yourself" to a daughter whose father has chest pain). Returns the key when missing.
 */
function firstAidLine(t: TFunction, hintKey: string, vars: Record<string, string>, helper: boolean): string {
  if (helper && hintKey.startsWith('safety:hint.')) {
    const otherKey = hintKey.replace('safety:hint.', 'safety:hintOther.');
    const other = t(otherKey, vars);
    // A missing string comes back as its key (with or without the namespace).
    if (other && !other.endsWith(otherKey.slice('safety:'.length))) return other;
  }
  return t(hintKey, vars);
}

/**
 * Red flags whose first aid differs from their category's line (`safety:flagHint.<id>`): very high
 * blood sugar is never told to give sugar (CDC: DKA); a child who cannot keep fluids down, sent to
 * a nurse today, is not told to wait for help to arrive (NHS: dehydration); threats to hurt
 * someone are not met with "stay with them"; heatstroke is cooled (NHS); an eye is not rubbed and
 * a chemical rinsed out (NHS); a possible neck or back injury is not moved (NHS); a baby's
 * breathing is watched, not treated with an inhaler; vomited blood gets nothing by mouth;
 * and alcohol poisoning is never left to sleep it off (NHS).
 */
const FLAG_FIRST_AID: ReadonlySet<string> = new Set([
  'high-blood-sugar', 'child-dehydration', 'harm-others', 'heatstroke', 'eye-emergency', 'major-trauma', 'infant-breathing', 'vomiting-blood', 'alcohol-poisoning',
]);

/**
 * Rules whose first aid differs from their flag's (`safety:ruleHint.<key>`): a very heavy period
 * is severe bleeding, but not a wound to press on; lie down, and count the pads for the medical
 * team (ACOG, NHS: heavy periods).
 */
const RULE_FIRST_AID: ReadonlyMap<string, string> = new Map([['bleeding.menstrual', 'menstrual_bleeding']]);

/**
 * The first-aid line's key: the flag's own where it has one, else the category's. Heatstroke's
 * line wins over the fever rules' when the rules also saw heat exposure. When the rules
 * saw low blood sugar behind a stroke-like picture (a confused, sweating diabetic), low sugar's
 * line replaces the stroke's "don't give food or drink": sugar by mouth for someone awake who can
 * swallow is what reverses it, and nothing by mouth otherwise (ADA: hypoglycemia).
 */
export function firstAidKey(flag: string, category: string, flags: readonly string[] = [flag], matched?: string): string {
  if (FLAG_FIRST_AID.has(flag)) return `safety:flagHint.${flag}`;
  // `matched` is `<lang>.<rule id>` for the rules, a detector's name otherwise.
  const byRule = matched && RULE_FIRST_AID.get(matched.slice(matched.indexOf('.') + 1));
  if (byRule) return `safety:ruleHint.${byRule}`;
  if (category === 'stroke' && flags.includes('low-blood-sugar')) return 'safety:hint.blood_sugar';
  // Burning hot and confused after heat exposure: heatstroke's cooling, whatever the fever rules say (NHS).
  if (category === 'sepsis' && flags.includes('heatstroke')) return 'safety:flagHint.heatstroke';
  return `safety:hint.${category}`;
}

/** `hint`: the first-aid line's key when the red flag chose one (firstAidKey); the category's otherwise. */
export function safetyModeReminder(t: TFunction, disposition: Disposition, category: string, numbers: SafetyNumbers, hint?: string, helper = false): SafetyReply {
  const vars = { ...numbers } as Record<string, string>;
  if (disposition === 'crisis') {
    return { text: t('safety:mode.reminderCrisis', vars), alert: { disposition, call: [{ label: numbers.crisisLine, number: numbers.crisisLine }] } };
  }
  const first =
    disposition === 'poison_control' && numbers.poisonControl
      ? numbers.poisonControl
      : disposition === 'safety_resources'
        ? (category === 'assault' ? numbers.assaultHotline : numbers.violenceHotline) ?? numbers.emergencyNumber
        : disposition === 'nurse_same_day'
          ? numbers.nurseLine
          : numbers.emergencyNumber;
  const key = disposition === 'safety_resources' ? 'safety:mode.reminderSafety' : 'safety:mode.reminder';
  const lines = [t(key, { ...vars, call: first })];
  const hintKey = hint ?? `safety:hint.${category}`;
  const firstAid = firstAidLine(t, hintKey, vars, helper);
  if (disposition !== 'safety_resources' && firstAid && firstAid !== hintKey) lines.push(firstAid);
  return { text: lines.join('\n'), alert: { disposition, call: [{ label: first, number: first }] } };
}
