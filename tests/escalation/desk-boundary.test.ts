import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The staff desk is an interface (src/escalation/desk.ts); Mattermost is one implementation,
// in its own folder. These checks read the import statements of the product's source.

const ROOT = resolve(import.meta.dirname, '../..');
const PRODUCT = ['src', 'channels', 'scripts', 'bench'];
const MATTERMOST_DIR = 'src/escalation/mattermost/';

const posix = (path: string) => path.split(sep).join('/');

function sourceFiles(dir: string): string[] {
  const full = join(ROOT, dir);
  if (!existsSync(full)) return [];
  const out: string[] = [];
  for (const name of readdirSync(full)) {
    const path = join(full, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(relative(ROOT, path)));
    else if (/\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(posix(relative(ROOT, path)));
  }
  return out;
}

/** Every module a file names: static imports and re-exports (type-only too), `import()` and `require`. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** A relative specifier as a repository path (`./x.js` → `src/…/x.ts`), or undefined for packages. */
function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = posix(join(dirname(from), specifier));
  for (const candidate of [base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), base, `${base}.ts`, `${base}/index.ts`]) {
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile()) return candidate;
  }
  return undefined;
}

/** The files `entries` reach through local imports, each with the chain that reached it. */
function reachable(entries: string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>(entries.map((e) => [e, [e]]));
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    for (const specifier of importsOf(file)) {
      const target = resolveLocal(file, specifier);
      if (!target || seen.has(target)) continue;
      seen.set(target, [...seen.get(file)!, target]);
      queue.push(target);
    }
  }
  return seen;
}

describe('staff desk boundary', () => {
  const files = PRODUCT.flatMap(sourceFiles);

  it('finds the product source (the checks below read something)', () => {
    expect(files).toContain('src/escalation/desk.ts');
    expect(files).toContain('src/escalation/mattermost/gateway.ts');
    expect(files).toContain('src/turns.ts');
  });

  it('imports @mattermost packages only under src/escalation/mattermost/', () => {
    const users = files.filter((f) => importsOf(f).some((s) => s.startsWith('@mattermost/')));
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((f) => !f.startsWith(MATTERMOST_DIR))).toEqual([]);
  });

  it('keeps the engine and the turn processor clear of the Mattermost folder, also through what they import', () => {
    const entries = [...files.filter((f) => f.startsWith('src/engine/')), 'src/turns.ts'];
    expect(entries.length).toBeGreaterThan(5);
    const reached = reachable(entries);
    const offending = [...reached.entries()].filter(([file]) => file.startsWith(MATTERMOST_DIR)).map(([, chain]) => chain.join(' → '));
    expect(offending).toEqual([]);
    // Nor do they import an @mattermost package by any path.
    expect([...reached.keys()].filter((f) => importsOf(f).some((s) => s.startsWith('@mattermost/')))).toEqual([]);
  });

  it('keeps the generic escalation code from naming the Mattermost folder; only the desk chooser does', () => {
    const generic = files.filter((f) => f.startsWith('src/escalation/') && !f.startsWith(MATTERMOST_DIR));
    const naming = generic.filter((f) => importsOf(f).some((s) => resolveLocal(f, s)?.startsWith(MATTERMOST_DIR)));
    expect(naming).toEqual(['src/escalation/desks.ts']);
  });
});
