import { compileConcepts, type ConceptMatch } from './compile.js';
import type { Token } from './text.js';
import { flagById } from './catalogue/flags.js';
import { CONCEPT_GUIDE } from './rules/base.js';
import { CATEGORIES, GUARD_CONCEPTS, type Category, type LanguageRules, type Rule } from './types.js';

const GUARDS = new Set<string>(GUARD_CONCEPTS);
const CATEGORY_RANK = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));

/** The catalogue category of a rule's red flag; an unknown flag is a mistake in the rules. */
export function categoryOf(rule: Rule): Category {
  const flag = flagById.get(rule.flag);
  if (!flag) throw new Error(`safety rule ${rule.id}: unknown red flag ${rule.flag}`);
  return flag.category;
}
const rank = (rule: Rule) => CATEGORY_RANK.get(categoryOf(rule))!;

export interface RuleHit {
  rule: Rule;
  /** `<lang>.<rule id>` */
  matched: string;
}

export interface CompiledLanguage {
  rules: LanguageRules;
  /** Rules sorted most specific category first. */
  ordered: Rule[];
  match(tokens: Token[]): ConceptMatch[];
}

export function compileLanguage(rules: LanguageRules): CompiledLanguage {
  const ordered = [...rules.rules].sort((a, b) => rank(a) - rank(b));
  for (const rule of ordered) {
    for (const name of [...rule.all.flat(), ...(rule.unless ?? [])]) {
      // A concept of the guide that a language has not filled yet simply never matches there.
      if (!rules.concepts[name] && !(name in CONCEPT_GUIDE)) throw new Error(`${rules.language}.${rule.id}: unknown concept ${name}`);
    }
  }
  const matcher = compileConcepts(rules);
  return { rules, ordered, match: (tokens) => matcher.match(tokens) };
}

const inside = (inner: ConceptMatch, outer: ConceptMatch) =>
  outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
const overlaps = (a: ConceptMatch, b: ConceptMatch) => a.start <= b.end && b.start <= a.end;

/**
 * Runs the rules of several languages over one message. Guards (negation, questions, past,
 * idioms) are pooled across those languages: a message is often mixed ("pichle saal stroke hua
 * tha"), and an English "stroke" there is still past by the Hindi "pichle saal". So are the
 * `unless` modifiers, which use the same concept names in every language (MINOR, ADMIN...).
 */
export function evaluateMessage(tokens: Token[], languages: CompiledLanguage[]): RuleHit[] {
  const perLanguage = languages.map((lang) => ({ lang, matches: lang.match(tokens) }));
  const all = perLanguage.flatMap((p) => p.matches);
  const symptoms = all.filter((m) => !GUARDS.has(m.concept));
  // A guard word that is part of a longer symptom phrase is not a guard: "can't" in "can't breathe", "不" in "叫不醒".
  const isGuard = (m: ConceptMatch, name: string) => m.concept === name && !symptoms.some((s) => inside(m, s));
  const guard = (name: string) => all.filter((m) => isGuard(m, name));
  const idioms = guard('IDIOM');
  // A negation reaches as far as its own language lets it (Hindi also negates after the word: "dard nahi hai").
  const negations = perLanguage.flatMap(({ lang, matches }) => matches.filter((m) => isGuard(m, 'NEGATION')).map((m) => ({ ...m, ...lang.rules.negation })));
  const hypotheticals = guard('HYPOTHETICAL');
  const infoQuestions = guard('INFO_QUESTION');
  const infoTopics = guard('INFO_TOPIC');
  const present = guard('PRESENT');
  const past = guard('PAST');
  const resolved = guard('RESOLVED');

  // Clauses: punctuation, plus clause-break words ("but", "pero", "lekin", "但是").
  const clauseOf = tokens.map((t) => t.clause * 10_000);
  for (const b of guard('CLAUSE_BREAK')) {
    for (let i = b.start; i < tokens.length && tokens[i]!.clause === tokens[b.start]!.clause; i++) clauseOf[i]! += 1 + b.start;
  }
  const sentenceOf = (i: number) => tokens[i]!.sentence;
  const sameClause = (a: number, b: number) => clauseOf[a] === clauseOf[b];
  const presentIn = new Set(present.map((p) => sentenceOf(p.start)));

  const isLive = (m: ConceptMatch): boolean => {
    if (idioms.some((g) => overlaps(g, m))) return false;
    const negated = negations.some((n) => {
      if (overlaps(n, m)) return false;
      if (n.end < m.start) return m.start - n.end <= n.before && sameClause(n.end, m.start);
      return n.start - m.end <= n.after && sameClause(m.end, n.start);
    });
    if (negated) return false;
    const sentence = sentenceOf(m.start);
    // Forward scope starts where the guard starts: "what does … feel like" wraps around its topic.
    if (hypotheticals.some((h) => h.start < m.start && sameClause(h.start, m.start))) return false;
    if (!presentIn.has(sentence)) {
      if (infoQuestions.some((q) => q.start < m.start && sentenceOf(q.start) === sentence)) return false;
      if (infoTopics.some((q) => sentenceOf(q.start) === sentence)) return false;
    }
    if (past.some((p) => sameClause(p.start, m.start))) return false;
    if (resolved.some((r) => m.start <= r.end && sentenceOf(r.start) === sentence)) return false;
    return true;
  };

  const liveByLanguage = perLanguage.map(({ lang, matches }) => {
    const byConcept = new Map<string, ConceptMatch[]>();
    for (const m of matches) {
      if (GUARDS.has(m.concept) || !isLive(m)) continue;
      const list = byConcept.get(m.concept);
      if (list) list.push(m);
      else byConcept.set(m.concept, [m]);
    }
    return { lang, byConcept };
  });
  const anyLive = new Set(liveByLanguage.flatMap((l) => [...l.byConcept.keys()]));

  const hits: RuleHit[] = [];
  for (const { lang, byConcept } of liveByLanguage) {
    // Most rules lack one of their concepts: rule them out before building anything.
    const present = (item: string | string[]) => (typeof item === 'string' ? byConcept.has(item) : item.some((name) => byConcept.has(name)));
    for (const rule of lang.ordered) {
      if (!rule.all.every(present)) continue;
      if (rule.unless?.some((name) => anyLive.has(name))) continue;
      const options = rule.all.map((item) => (Array.isArray(item) ? item : [item]).flatMap((name) => byConcept.get(name) ?? []));
      if (options.some((o) => o.length === 0)) continue;
      if (!separateEvidence(options, rule.window ?? Number.POSITIVE_INFINITY)) continue;
      hits.push({ rule, matched: `${lang.rules.language}.${rule.id}` });
    }
  }
  return hits.sort((a, b) => rank(a.rule) - rank(b.rule));
}

/**
 * Is there one match per requirement such that no match lies inside another (one word is not
 * two pieces of evidence: "house fire" is not both the burn and its cause) and all fit in
 * `window` tokens? Few matches, so a small search.
 */
function separateEvidence(options: ConceptMatch[][], window: number): boolean {
  const contains = (a: ConceptMatch, b: ConceptMatch) => a.start <= b.start && b.end <= a.end;
  const pick = (i: number, chosen: ConceptMatch[], lo: number, hi: number): boolean => {
    if (i === options.length) return true;
    return options[i]!.some((m) => {
      if (chosen.some((c) => contains(c, m) || contains(m, c))) return false;
      const l = Math.min(lo, m.start);
      const h = Math.max(hi, m.end);
      return h - l <= window && pick(i + 1, [...chosen, m], l, h);
    });
  };
  return pick(0, [], Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
}
