import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/paths.js';

// The built scripts, as `npm run eval` and `npm run eval:safety` run them (npm test builds first).
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [join(paths.root, 'dist', 'scripts', script), ...args], { encoding: 'utf8', timeout: 60_000 });

describe('evaluation scripts read their options', () => {
  it('print their usage on --help and exit 0', () => {
    for (const script of ['eval.js', 'eval-safety.js', 'train-safety.js']) {
      const r = run(script, ['--help']);
      expect(r.status, script).toBe(0);
      expect(r.stdout, script).toMatch(/^usage: npm run /);
    }
  });

  it('name an unknown option and show the usage, with exit code 2 and no stack trace', () => {
    const r = run('eval-safety.js', ['--parts', 'dev']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^eval:safety: Unknown option '--parts'/);
    expect(r.stderr).toMatch(/--part <name>/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuse a safety corpus part that does not exist, before any training', () => {
    const r = run('eval-safety.js', ['--part', 'heldot']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('eval:safety: no corpus part heldot (parts: heldout, heldout2, dev, train, routine, everyday-heldout, everyday-dev, everyday-train)\n');
  });

  it('refuse a mistyped flag of the corpus splitter, which would otherwise file probed messages into held-out', () => {
    const r = run('split-safety-corpus.js', ['--no-held-out']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^split-safety-corpus: Unknown option '--no-held-out'/);
    expect(r.stdout).toBe('');
  });
});
