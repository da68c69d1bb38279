/**
 * Adds newly written labelled safety messages (corpus/safety/raw/<lang>.jsonl, not committed) to
 * the train, dev and held-out parts by a hash of each text, so where a message lands is fixed
 * and does not depend on order: 40% held-out, 20% dev, 40% train. Messages already in a part are
 * skipped. Commit the held-out part before any detector change it measures; it is never tuned on.
 *
 * `--no-heldout`: for messages whose detector results were looked at before they were split (a
 * fresh probe of the shipped gate): the held-out part must stay unseen, so they go to train and
 * dev only, in the same 2:1 proportion.
 *
 *   npm run build && node dist/scripts/split-safety-corpus.js [--no-heldout]     (from the repository root)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../src/language/languages.js';
import { readScriptArgs } from './script-args.js';

// Run from the repository root.
const ROOT = join(process.cwd(), 'corpus', 'safety');
const PARTS = ['heldout', 'dev', 'train'] as const;

// A mistyped flag must not pass silently: '--no-held-out' would file probed messages into held-out.
const noHeldout = readScriptArgs(
  'split-safety-corpus',
  `usage: node dist/scripts/split-safety-corpus.js [--no-heldout]   (from the repository root)
  --no-heldout  messages whose detector results were already read go to train and dev only`,
  { 'no-heldout': { type: 'boolean', default: false } },
)['no-heldout'];

function partOf(text: string): (typeof PARTS)[number] {
  const bucket = createHash('sha256').update(text.normalize('NFC')).digest().readUInt16BE(0) % 100;
  if (noHeldout) return bucket < 33 ? 'dev' : 'train';
  return bucket < 40 ? 'heldout' : bucket < 60 ? 'dev' : 'train';
}

for (const language of LANGUAGES) {
  const raw = join(ROOT, 'raw', `${language}.jsonl`);
  if (!existsSync(raw)) continue;
  // The parts are the corpus; raw/ is an inbox of new messages, added to the part their hash picks.
  const seen = new Set<string>();
  const out: Record<string, string[]> = {};
  for (const part of PARTS) {
    const file = join(ROOT, part, `${language}.jsonl`);
    out[part] = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()) : [];
    for (const line of out[part]!) seen.add((JSON.parse(line) as { text: string }).text);
  }
  let added = 0;
  for (const line of readFileSync(raw, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { text: string };
    if (seen.has(row.text)) continue;
    seen.add(row.text);
    out[partOf(row.text)]!.push(JSON.stringify(row));
    added++;
  }
  for (const part of PARTS) {
    mkdirSync(join(ROOT, part), { recursive: true });
    writeFileSync(join(ROOT, part, `${language}.jsonl`), out[part]!.join('\n') + '\n');
  }
  console.log(`${language}: ${added} new; ${PARTS.map((p) => `${p} ${out[p]!.length}`).join(', ')}`);
}
