/**
 * Writes corpus/safety/known-words.txt: the correctly spelled words of the knowledge base (its
 * prose in every language, and the example questions of the office topics, where patients'
 * typos cannot be typos of a red-flag word), so the safety rules' typo tolerance leaves real
 * words alone (src/safety/known-words.ts). Example questions of clinical topics are left out:
 * a typo written there on purpose ("cant breth") must stay a typo.
 *
 *   npm run build && node dist/scripts/build-known-words.js
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../src/language/languages.js';
import { paths } from '../src/paths.js';
import { KNOWN_WORDS_PATH } from '../src/safety/known-words.js';
import { normalise, tokenise } from '../src/safety/text.js';

/** Topics about offices, money and paperwork: their example questions are everyday words. */
const OFFICE_TOPICS = new Set([
  'appointment-booking', 'appointment-changes', 'billing-payments', 'clinic-hours-locations', 'insurance-coverage',
  'interpreter-services', 'medical-records', 'new-patient-registration', 'patient-portal', 'prescription-refills',
  'privacy-rights', 'visit-preparation',
]);
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
      if (inQuestions && !OFFICE_TOPICS.has(topic)) continue;
      // Front matter keywords and sources are words too; URLs are not.
      for (const t of tokenise(normalise(line.replace(/https?:\S+/g, ' ').replace(/\{\{[^}]*\}\}/g, ' ')))) {
        if (t.num === undefined && t.text.length >= MIN_LENGTH && !/\p{Script=Han}/u.test(t.text)) words.add(t.text);
      }
    }
  }
}
const sorted = [...words].sort();
writeFileSync(KNOWN_WORDS_PATH, `# Everyday words of the knowledge base (scripts/build-known-words.ts); the safety rules never read them as typos.\n${sorted.join('\n')}\n`);
console.log(`wrote ${sorted.length} words to ${KNOWN_WORDS_PATH}`);
