import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paths } from '../../src/paths.js';

/** A private copy of knowledge/ that a test may edit. */
export function copyKnowledge(): { dir: string; read(file: string): string; write(file: string, text: string): void; edit(file: string, fn: (text: string) => string): void; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'carerelay-kb-'));
  cpSync(paths.knowledge, dir, { recursive: true });
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
  return {
    dir,
    read,
    write,
    edit: (file, fn) => write(file, fn(read(file))),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const EXTRAS = { emergency_number: '911', crisis_line: '988' };
