/**
 * The channel contract's boundary (src/channel/contract.ts): a file under channels/ imports the
 * contract module, shared pure helpers and its provider's SDK; never the store, the outbox, the
 * state store, the database, escalation, the turn processor or the app (whose import of the
 * channels would make a cycle). Read from the source, so a new file or a dynamic import counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHANNELS = join(root, 'channels');
const FORBIDDEN = ['src/store/', 'src/outbox/', 'src/state/', 'src/db/', 'src/escalation/', 'src/turns.', 'src/app.'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'public' ? [] : sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a file names: static imports and re-exports (type-only too) and dynamic import(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of source.matchAll(/\bimport\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of source.matchAll(/\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g)) found.push(m[1]!);
  return found;
}

const files = sourceFiles(CHANNELS);

describe('channel contract boundary', () => {
  it('finds the channel sources and reads their imports', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(specifiers(`import type { A } from './a.js';\nexport { B } from "../b.js";\nconst c = await import('../../src/db/x.js');\nimport './side.js';`)).toEqual([
      './a.js',
      '../b.js',
      './side.js',
      '../../src/db/x.js',
    ]);
  });

  it('no file under channels/ imports the store, outbox, state store, database, escalation, turn processor or app', () => {
    const offending: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = relative(root, resolve(dirname(file), spec)).replaceAll('\\', '/');
        if (FORBIDDEN.some((prefix) => target.startsWith(prefix))) offending.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('no channel edits the after-turn hooks: their order is the core\'s', () => {
    const offending = files.filter((file) => /\.hooks\s*\.\s*(push|unshift|splice)\b|\bhooks\s*\[/.test(readFileSync(file, 'utf8')));
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });
});
