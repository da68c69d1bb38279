import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { LANGUAGES, toLanguage, type Language } from '../language/languages.js';

export const DEFAULT_CAPACITY = 3;

export interface StaffEntry {
  languages: Language[];
  capacity: number;
}

/**
 * Languages and capacity per nurse, keyed by Mattermost username.
 *
 * Defaults, for nurses missing from the file or when there is no file: they speak the
 * clinic's DEFAULT_LANGUAGE and take up to 3 open cases. Language is a preference, not a
 * wall: a patient whose language no available nurse speaks still reaches a nurse, and the
 * case card says an interpreter may be needed.
 */
export interface StaffRoster {
  entry(username: string): StaffEntry;
  readonly size: number;
  /** The usernames the file lists, lower-cased, in file order. */
  readonly usernames: readonly string[];
}

const entrySchema = z.object({
  languages: z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))),
  capacity: z.coerce.number().int().min(0).max(100).optional(),
});
const fileSchema = z.record(z.string().min(1), entrySchema.nullable());

export function parseStaffRoster(text: string, defaultLanguage: Language, source = 'STAFF_FILE'): StaffRoster {
  let data: unknown;
  try {
    // YAML is a superset of JSON: one parser reads both.
    data = parse(text) ?? {};
  } catch (err) {
    throw new ConfigError([`${source}: not valid JSON or YAML (${(err as Error).message})`]);
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${source}: ${i.path.join('.') || '(top level)'}: ${i.message}`));
  }
  const problems: string[] = [];
  const entries = new Map<string, StaffEntry>();
  for (const [username, raw] of Object.entries(parsed.data)) {
    const languages: Language[] = [];
    for (const tag of raw?.languages ?? [defaultLanguage]) {
      const language = toLanguage(tag);
      if (language) languages.push(language);
      else problems.push(`${source}: ${username}: unknown language "${tag}" (use ${LANGUAGES.join(', ')})`);
    }
    entries.set(username.toLowerCase(), { languages: languages.length ? languages : [defaultLanguage], capacity: raw?.capacity ?? DEFAULT_CAPACITY });
  }
  if (problems.length) throw new ConfigError(problems);
  const fallback: StaffEntry = { languages: [defaultLanguage], capacity: DEFAULT_CAPACITY };
  return {
    entry: (username) => entries.get(username.toLowerCase()) ?? fallback,
    size: entries.size,
    usernames: [...entries.keys()],
  };
}

export function loadStaffRoster(file: string | undefined, defaultLanguage: Language): StaffRoster {
  if (!file) return parseStaffRoster('{}', defaultLanguage);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError([`STAFF_FILE: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  return parseStaffRoster(text, defaultLanguage);
}
