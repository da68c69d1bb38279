import { compileConcepts, type ConceptMatch } from './compile.js';
import type { Token } from './text.js';
import { flagById } from './catalogue/flags.js';
import { CONCEPT_GUIDE } from './rules/base.js';
import { CATEGORIES, GUARD_CONCEPTS, type Category, type LanguageRules, type Rule } from './types.js';

const GUARDS = new Set<string>(GUARD_CONCEPTS);
/** Concepts that are no sign but hold guard words in them ('since last week' is no PAST): no reading of a sign gives way to them. */
const MARKERS: ReadonlySet<string> = new Set(['ONGOING_SINCE']);
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
  /** Per rule of `ordered`: its category's rank, and whether a resolution leaves it standing. */
  ranks: number[];
  staysDangerous: boolean[];
  /** Indices into `ordered` of the rules whose first requirement names this concept: a message's rules are looked up, not all tried. */
  anchors: ReadonlyMap<string, readonly number[]>;
  /** How far this language's negations reach, with its stop and skip words as sets (made once, not per message). */
  negationReach: LanguageRules['negation'] & { stops: ReadonlySet<string>; skips: ReadonlySet<string> };
  /** The concept phrases found, each tagged with this language and whether it is one of its `localGuards`. */
  match(tokens: Token[]): LangMatch[];
}

/** A concept match with the language whose lexicon made it. */
export type LangMatch = ConceptMatch & { language: string; local: boolean };

export function compileLanguage(rules: LanguageRules, knownWords?: ReadonlySet<string>): CompiledLanguage {
  const ordered = [...rules.rules].sort((a, b) => rank(a) - rank(b));
  for (const rule of ordered) {
    for (const name of [...rule.all.flat(), ...(rule.unless ?? [])]) {
      // A concept of the guide that a language has not filled yet simply never matches there.
      if (!rules.concepts[name] && !(name in CONCEPT_GUIDE)) throw new Error(`${rules.language}.${rule.id}: unknown concept ${name}`);
    }
  }
  const matcher = compileConcepts(rules, knownWords);
  const local = new Set(rules.localGuards ?? []);
  const words = (tokens: Token[], m: ConceptMatch) => tokens.slice(m.start, m.end + 1).map((t) => t.text).join(' ');
  const anchors = new Map<string, number[]>();
  ordered.forEach((rule, order) => {
    const first = rule.all[0];
    for (const name of first === undefined ? [] : typeof first === 'string' ? [first] : first) {
      const list = anchors.get(name);
      if (list) list.push(order);
      else anchors.set(name, [order]);
    }
  });
  return {
    rules,
    ordered,
    ranks: ordered.map(rank),
    staysDangerous: ordered.map((rule) => RESOLUTION_DOES_NOT_CANCEL.has(categoryOf(rule))),
    anchors,
    negationReach: { ...rules.negation, stops: new Set(rules.negationStops ?? []), skips: new Set(rules.negationSkips ?? []) },
    match: (tokens) =>
      matcher.match(tokens).map((m) => {
        // The matcher's objects are fresh on every call: tag them in place.
        const tagged = m as LangMatch;
        tagged.language = rules.language;
        tagged.local = local.size > 0 && GUARDS.has(m.concept) && local.has(words(tokens, m));
        return tagged;
      }),
  };
}

const inside = (inner: ConceptMatch, outer: ConceptMatch) =>
  outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
const overlaps = (a: ConceptMatch, b: ConceptMatch) => a.start <= b.end && b.start <= a.end;
/** Every token of `inner` is one that a `…` gap of `outer` stepped over: not part of outer's phrase. */
const inGapOf = (inner: ConceptMatch, outer: ConceptMatch) => {
  if (!outer.skipped || inner.start <= outer.start || inner.end >= outer.end) return false;
  for (let i = inner.start; i <= inner.end; i++) if (!outer.skipped.includes(i)) return false;
  return true;
};
/** `inner` is a word of `outer`'s phrase (not a word a gap stepped over): "can't" in "can't breathe". */
const partOf = (inner: ConceptMatch, outer: ConceptMatch) => inside(inner, outer) && !inGapOf(inner, outer);

/**
 * Red flags whose danger does not pass with the sign, so "it went away", "ya se le pasó" or
 * "ठीक हो गया" never cancels them: stroke signs that fade are still a 999 call (NHS, CDC: a TIA),
 * so is anaphylaxis that eased after adrenaline (NHS), a swallowed battery, medicine or chemical
 * in a child who seems well (Poison Help), a head injury that was followed by vomiting or
 * confusion (NHS), a seizure, which may be a first one, even once it has stopped (NHS), a
 * fever in a baby under 3 months that a medicine brought down (AAP), and any disclosure of
 * suicide, self-harm, assault or violence.
 */
export const RESOLUTION_DOES_NOT_CANCEL: ReadonlySet<Category> = new Set<Category>([
  'anaphylaxis', 'swallowed_object', 'carbon_monoxide', 'poisoning', 'overdose', 'suicide', 'self_harm', 'assault', 'domestic_violence', 'infant_fever', 'head_injury', 'stroke', 'seizure',
]);

/**
 * Words that may stand before a resolution and still let it speak of the clause before ("..., it
 * went away", "..., वो ठीक हो गया"): pronouns and "now". A resolution after a named thing ("the
 * fever went away") speaks of that thing only.
 */
const RESOLUTION_SUBJECTS = new Set(['it', 'he', 'she', 'they', 'that', 'this', 'everything', 'all', 'now', 'its', 'hes', 'shes', 'theyre', 'im', 'were', 'is', 'are', 'was', 'ya', 'todo', 'eso', 'ahora', 'wo', 'woh', 'vo', 'vah', 'sab', 'ab', 'वो', 'वह', 'सब', 'अब', '他', '她', '它', '都', '也']);
/** Spanish names the subject after the verb ("ya se le pasó la fiebre"): an article there names what passed. */
const ARTICLES = new Set(['el', 'la', 'los', 'las', 'lo', 'su', 'sus', 'the']);

/**
 * Runs the rules of several languages over one message. Guards (negation, questions, past,
 * idioms) are pooled across those languages: a message is often mixed ("pichle saal stroke hua
 * tha"), and an English "stroke" there is still past by the Hindi "pichle saal". A language's
 * `localGuards` (words that are ordinary words of another language: Hindi "par", "han") guard
 * its own symptoms only, and a language that `mixesWith` only some others (Chinese: English)
 * takes guards from those alone: Spanish "ni" is pinyin for "you" there. The `unless` modifiers use the
 * same concept names in every language (MINOR, ADMIN...) and are pooled too.
 */
export function evaluateMessage(tokens: Token[], languages: CompiledLanguage[]): RuleHit[] {
  return assessMessage(tokens, languages).hits;
}

/** A language's standing concepts with those of the languages mixed into it. */
interface ConceptLookup {
  has(concept: string): boolean;
  get(concept: string): readonly ConceptMatch[] | undefined;
  keys(): Iterable<string>;
}

/** What the rules saw in a message: the red flags they raise, and the concepts behind them. */
export interface MessageEvidence {
  hits: RuleHit[];
  /** Sign concepts that stand (not negated, past, hypothetical...), sorted. */
  live: string[];
  /** Sign concepts mentioned but cancelled by a guard, sorted. */
  cancelled: string[];
  /** Guard concepts present (NEGATION, PAST...), sorted. */
  guards: string[];
}

/** `evaluateMessage`, with the concept evidence (for the statistical detector's features). */
export function assessMessage(tokens: Token[], languages: CompiledLanguage[]): MessageEvidence {
  const perLanguage = languages.map((lang) => ({ lang, matches: lang.match(tokens) }));
  const all = perLanguage.flatMap((p) => p.matches);
  const symptoms = all.filter((m) => !GUARDS.has(m.concept));
  // A guard word that is part of a longer symptom phrase is not a guard: "can't" in "can't breathe", "不" in "叫不醒".
  const guards = new Map<string, LangMatch[]>();
  for (const m of all) {
    if (!GUARDS.has(m.concept) || symptoms.some((s) => partOf(m, s))) continue;
    const list = guards.get(m.concept);
    if (list) list.push(m);
    else guards.set(m.concept, [m]);
  }
  const guard = (name: string): LangMatch[] => guards.get(name) ?? [];
  // A guard counts for a symptom of its own language, or of another language that mixes with its own, unless it is local.
  const mixes = new Map(languages.map((l) => [l.rules.language as string, l.rules.mixesWith as readonly string[] | undefined]));
  const reaches = (g: LangMatch, m: LangMatch) => g.language === m.language || (!g.local && (mixes.get(m.language)?.includes(g.language) ?? true));
  const idioms = guard('IDIOM');
  const rawNegations = all.filter((m) => m.concept === 'NEGATION');
  // A negation reaches as far as its own language lets it (Hindi also negates after the word: "dard nahi hai").
  const reach = new Map(languages.map((l) => [l.rules.language as string, l.negationReach]));
  const negations = guard('NEGATION').map((m) => ({ ...m, ...reach.get(m.language)! }));
  // "paracetamol doesn't touch it and blurry vision": a negation stops at "and".
  const stopped = (stops: ReadonlySet<string>, from: number, to: number) => {
    for (let i = from; i < to; i++) if (stops.has(tokens[i]!.text)) return true;
    return false;
  };
  // Tokens from `from` to `to` (exclusive) that a negation's reach counts.
  const distance = (skips: ReadonlySet<string>, from: number, to: number) => {
    let n = to - from;
    if (skips.size) for (let i = from + 1; i < to; i++) if (skips.has(tokens[i]!.text)) n--;
    return n;
  };
  const hypotheticals = guard('HYPOTHETICAL');
  const conditionEnds = guard('HYPOTHETICAL_END');
  const infoQuestions = guard('INFO_QUESTION');
  const infoTopics = guard('INFO_TOPIC');
  const present = guard('PRESENT');
  const past = guard('PAST');
  // A resolution that shares words with a symptom describes it ("has stopped breathing", "saans ruk gayi"): no guard.
  const resolved = guard('RESOLVED').filter((r) => !symptoms.some((s) => overlaps(r, s) && !inside(s, r)));

  // Clauses: punctuation, plus clause-break words ("but", "pero", "lekin", "但是").
  const clauseOf = tokens.map((t) => t.clause * 10_000);
  for (const b of guard('CLAUSE_BREAK')) {
    for (let i = b.start; i < tokens.length && tokens[i]!.clause === tokens[b.start]!.clause; i++) clauseOf[i]! += 1 + b.start;
  }
  const sentenceOf = (i: number) => tokens[i]!.sentence;
  const sameClause = (a: number, b: number) => clauseOf[a] === clauseOf[b];
  const presentIn = new Set(present.map((p) => sentenceOf(p.start)));
  const presentClause = new Set(present.map((p) => clauseOf[p.start]));
  // Does a resolution open its clause ("…, it stopped", "pero ya se le pasó"), so that it may speak of the clause before?
  const breakStarts = new Set(guard('CLAUSE_BREAK').map((b) => b.start));
  const opensClause = (r: ConceptMatch) => {
    let i = r.start - 1;
    // "…, but it stopped", "…, pero ya se me pasó": a clause-break word and a pronoun may come first.
    for (let n = 0; n < 2 && i >= 0 && sameClause(i, r.start) && (RESOLUTION_SUBJECTS.has(tokens[i]!.text) || breakStarts.has(i)); n++) i--;
    if (i >= 0 && sameClause(i, r.start)) return false;
    const next = r.end + 1;
    return !(next < tokens.length && sameClause(next, r.end) && ARTICLES.has(tokens[next]!.text));
  };
  // "…, it went away" ends an earlier clause's sign, unless that clause says it is still going on.
  const resolves = (r: ConceptMatch, m: ConceptMatch) =>
    m.start <= r.end && sentenceOf(r.start) === sentenceOf(m.start) && (sameClause(r.start, m.start) || (opensClause(r) && !presentClause.has(clauseOf[m.start])));

  /** 'live', 'resolved' (live but for a resolution: "…, it went away") or 'dead'. */
  const status = (m: LangMatch): 'live' | 'resolved' | 'dead' => {
    // An idiom's words are no symptom, unless a longer symptom phrase takes the idiom in ("on a blood thinner").
    if (idioms.some((g) => reaches(g, m) && overlaps(g, m) && !inside(g, m))) return 'dead';
    // A symptom inside a resolution is not one ("好多了" is "much better", not "a lot").
    if (resolved.some((r) => reaches(r, m) && inside(m, r))) return 'dead';
    // A negation that a gap of the phrase stepped over negates it ("face is not drooping"), unless the phrase carries its own ("no puede ni respirar").
    const ownNegation = m.skipped !== undefined && rawNegations.some((n) => partOf(n, m));
    const negated = negations.some((n) => {
      if (!reaches(n, m)) return false;
      if (inGapOf(n, m)) return !ownNegation;
      if (overlaps(n, m)) return false;
      if (n.end < m.start) return distance(n.skips, n.end, m.start) <= n.before && sameClause(n.end, m.start) && !stopped(n.stops, n.end + 1, m.start);
      return distance(n.skips, m.end, n.start) <= n.after && sameClause(m.end, n.start) && !stopped(n.stops, m.end + 1, n.start);
    });
    if (negated) return 'dead';
    // Two readings of one negated phrase: "没有呼吸困难" is "no [breathing trouble]", not "[no breathing] trouble".
    // A symptom that begins with its own negation gives way to one that overlaps its end and runs on,
    // and that one is negated.
    const opensWithNegation = (s: ConceptMatch) => rawNegations.some((n) => n.start === s.start && partOf(n, s));
    const runsOn = (s: ConceptMatch, t: ConceptMatch) => t.concept !== s.concept && !MARKERS.has(t.concept) && !MARKERS.has(s.concept) && t.start > s.start && t.start <= s.end && t.end > s.end;
    if (opensWithNegation(m) && symptoms.some((t) => runsOn(m, t))) return 'dead';
    if (symptoms.some((s) => opensWithNegation(s) && runsOn(s, m))) return 'dead';
    const sentence = sentenceOf(m.start);
    // Forward scope starts where the guard starts: "what does … feel like" wraps around its topic.
    if (hypotheticals.some((h) => reaches(h, m) && h.start < m.start && sameClause(h.start, m.start))) return 'dead';
    if (conditionEnds.some((h) => reaches(h, m) && m.end < h.start && sameClause(h.start, m.start))) return 'dead';
    if (!presentIn.has(sentence)) {
      if (infoQuestions.some((q) => reaches(q, m) && q.start < m.start && sentenceOf(q.start) === sentence)) return 'dead';
      if (infoTopics.some((q) => reaches(q, m) && sentenceOf(q.start) === sentence)) return 'dead';
    }
    if (past.some((p) => reaches(p, m) && sameClause(p.start, m.start))) return 'dead';
    return resolved.some((r) => reaches(r, m) && resolves(r, m)) ? 'resolved' : 'live';
  };

  const liveByLanguage = perLanguage.map(({ lang, matches }) => {
    const live = new Map<string, ConceptMatch[]>();
    // The same, with resolutions ignored: for red flags a resolution does not cancel.
    const liveAnyway = new Map<string, ConceptMatch[]>();
    const add = (map: Map<string, ConceptMatch[]>, m: ConceptMatch) => {
      const list = map.get(m.concept);
      if (list) list.push(m);
      else map.set(m.concept, [m]);
    };
    for (const m of matches) {
      if (GUARDS.has(m.concept)) continue;
      const s = status(m);
      if (s === 'dead') continue;
      if (s === 'live') add(live, m);
      add(liveAnyway, m);
    }
    return { lang, live, liveAnyway };
  });
  const anyLive = new Set(liveByLanguage.flatMap((l) => [...l.live.keys()]));
  // A code-switched message names one sign in one language and the next in another ("baby is 2
  // months old y tiene 38.5 de fiebre"): the concepts share their names, so a language's rules
  // also take the evidence of the languages that mix with it.
  // Looked up, not copied: most rules lack a concept and never ask for the merged list.
  const pool = (own: Map<string, ConceptMatch[]>, pick: (l: (typeof liveByLanguage)[number]) => Map<string, ConceptMatch[]>, language: string): ConceptLookup => {
    const others: Map<string, ConceptMatch[]>[] = [];
    for (const other of liveByLanguage) {
      const from = other.lang.rules.language;
      if (from === language || !(mixes.get(language)?.includes(from) ?? true)) continue;
      const theirs = pick(other);
      if (theirs.size > 0) others.push(theirs);
    }
    if (others.length === 0) return own;
    const merged = new Map<string, ConceptMatch[] | undefined>();
    return {
      has: (concept) => own.has(concept) || others.some((o) => o.has(concept)),
      get(concept) {
        if (merged.has(concept)) return merged.get(concept);
        // Own matches first: of two matches of the same words, the language's own is kept.
        let list = own.get(concept)?.slice();
        for (const o of others) {
          const theirs = o.get(concept);
          if (!theirs) continue;
          if (!list) list = theirs.slice();
          else for (const m of theirs) if (!list.some((x) => x.start === m.start && x.end === m.end)) list.push(m);
        }
        merged.set(concept, list);
        return list;
      },
      keys: () => [...own.keys(), ...others.flatMap((o) => [...o.keys()])],
    };
  };

  const hits: (RuleHit & { rank: number; words: number; language: number; order: number })[] = [];
  for (const [language, entry] of liveByLanguage.entries()) {
    const { lang } = entry;
    const live = pool(entry.live, (l) => l.live, lang.rules.language);
    const liveAnyway = pool(entry.liveAnyway, (l) => l.liveAnyway, lang.rules.language);
    // Only rules whose first requirement stands (with resolutions ignored: the wider of the two maps) can hit.
    const candidates = new Set<number>();
    for (const concept of liveAnyway.keys()) for (const order of lang.anchors.get(concept) ?? []) candidates.add(order);
    for (const order of [...candidates].sort((a, b) => a - b)) {
      const rule = lang.ordered[order]!;
      const byConcept = lang.staysDangerous[order] ? liveAnyway : live;
      // Most rules lack one of their concepts: rule them out before building anything.
      const present = (item: string | string[]) => (typeof item === 'string' ? byConcept.has(item) : item.some((name) => byConcept.has(name)));
      if (!rule.all.every(present)) continue;
      if (rule.unless?.some((name) => anyLive.has(name))) continue;
      const options = rule.all.map((item) => (Array.isArray(item) ? item : [item]).flatMap((name) => byConcept.get(name) ?? []));
      if (options.some((o) => o.length === 0)) continue;
      const words = separateEvidence(options, rule.window ?? Number.POSITIVE_INFINITY, lang.rules.language);
      if (words === 0) continue;
      hits.push({ rule, matched: `${lang.rules.language}.${rule.id}`, rank: lang.ranks[order]!, words, language, order });
    }
  }
  // Most specific first: by category, then the red flag with the longer evidence (a plan over a
  // wish to die, an opioid overdose over an overdose, "吐了好多血" over "好多…血"), then the
  // conversation's language and its rule order (narrower flags first there).
  hits.sort((a, b) => a.rank - b.rank || b.words - a.words || a.language - b.language || a.order - b.order);
  const liveNames = new Set<string>();
  const cancelled = new Set<string>();
  for (const { live: l, liveAnyway } of liveByLanguage) for (const name of [...l.keys(), ...liveAnyway.keys()]) liveNames.add(name);
  for (const m of symptoms) if (!liveNames.has(m.concept)) cancelled.add(m.concept);
  return {
    hits: hits.map(({ rule, matched }) => ({ rule, matched })),
    live: [...liveNames].sort(),
    cancelled: [...cancelled].sort(),
    guards: [...guards.keys()].sort(),
  };
}

/**
 * Is there one match per requirement such that no match lies inside another (one word is not
 * two pieces of evidence: "house fire" is not both the burn and its cause) and all fit in
 * `window` tokens, with at least one piece in the rule's own `language` (evidence all in another
 * language is that language's rules' to judge, with its own tuning)? Returns the most words such
 * a choice of evidence covers (0: none fits), so that the rule a message says more about is
 * reported first. Few matches, so a small search.
 */
function separateEvidence(options: ConceptMatch[][], window: number, language: string): number {
  // One word is not two pieces of evidence; the words a gap of a phrase stepped over are not its words ("肚子突然疼": 突然 is free).
  const contains = (a: ConceptMatch, b: ConceptMatch) => a.start <= b.start && b.end <= a.end && !inGapOf(b, a);
  let best = 0;
  let steps = 0;
  const pick = (i: number, chosen: ConceptMatch[], lo: number, hi: number, words: number): void => {
    if (i === options.length) {
      if (chosen.some((c) => (c as LangMatch).language === language)) best = Math.max(best, words);
      return;
    }
    for (const m of options[i]!) {
      // Long messages can offer many combinations: the first ones found are enough.
      if (best > 0 && ++steps > 256) return;
      if (chosen.some((c) => contains(c, m) || contains(m, c))) continue;
      const l = Math.min(lo, m.start);
      const h = Math.max(hi, m.end);
      if (h - l <= window) pick(i + 1, [...chosen, m], l, h, words + m.end - m.start + 1);
    }
  };
  pick(0, [], Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0);
  return best;
}
