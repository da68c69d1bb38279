import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Language } from '../language/languages.js';
import { paths } from '../paths.js';

type Value = string | number | Partial<Record<Language, string>> | { [k: string]: Value };

export interface ClinicFacts {
  name: string;
  /** The value at a dotted path in the patient's language (falls back to en), or undefined. */
  get(path: string, language: Language): string | undefined;
  /**
   * Replaces `{{path}}` placeholders; unknown placeholders are left for the caller to report.
   * Hindi `Romanised:` lines take a value's `hi_latn` form, or the English one: a reader of
   * romanised Hindi may not read Devanagari.
   */
  fill(text: string, language: Language, extra?: Record<string, string>): string;
}

const LANG_KEYS = new Set(['en', 'es', 'zh', 'hi', 'hi_latn']);
const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_.]*)\s*\}\}/gi;

export function loadClinic(file = join(paths.knowledge, 'clinic.yaml')): ClinicFacts {
  const data = parse(readFileSync(file, 'utf8')) as Record<string, Value>;
  if (!data || typeof data.name !== 'string') throw new Error(`${file}: "name" is required`);
  const get = (path: string, language: Language | 'hi_latn'): string | undefined => {
    let node: Value | undefined = data as Value;
    for (const part of path.split('.')) {
      if (node === undefined || typeof node !== 'object') return undefined;
      node = (node as Record<string, Value>)[part];
    }
    if (typeof node === 'string' || typeof node === 'number') return String(node);
    if (node && typeof node === 'object' && Object.keys(node).every((k) => LANG_KEYS.has(k))) {
      const byLang = node as Partial<Record<Language | 'hi_latn', string>>;
      return byLang[language] ?? byLang.en;
    }
    return undefined;
  };
  return {
    name: data.name,
    get,
    fill(text, language, extra = {}) {
      const fillLine = (line: string, lang: Language | 'hi_latn') => line.replace(PLACEHOLDER, (whole, key: string) => extra[key] ?? get(key, lang) ?? whole);
      if (language !== 'hi') return fillLine(text, language);
      return text
        .split('\n')
        .map((line) => fillLine(line, /^Romanised:/.test(line) ? 'hi_latn' : 'hi'))
        .join('\n');
    },
  };
}
