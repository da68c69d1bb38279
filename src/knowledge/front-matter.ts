import { parse } from 'yaml';
import { z } from 'zod';
import { LANGUAGES } from '../language/languages.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');

/** What every topic file declares between its `---` lines (knowledge/README.md). */
export const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case topic id'),
  lang: z.enum(LANGUAGES),
  title: z.string().trim().min(1, 'must not be empty'),
  // A bare `102` or `100.4` in a YAML list is a number; as a keyword it is the text.
  keywords: z
    .array(z.union([z.number().transform(String), z.string()]).pipe(z.string().trim().min(1, 'keywords must not be empty')))
    .min(1, 'list at least one keyword'),
  // YAML may read an unquoted date as a string or a Date depending on the schema; accept both.
  updated: z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string()]).pipe(isoDate),
  sources: z
    .array(z.strictObject({ title: z.string().trim().min(1, 'must not be empty'), url: z.url({ protocol: /^https?$/ }) }))
    .min(1, 'list at least one public source'),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface ParsedTopicFile {
  frontMatter?: FrontMatter;
  body: string;
  /** One line per problem, each naming the field. */
  problems: string[];
}

const FENCE = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits and validates a topic file; never throws, so a caller can list every problem at once. */
export function parseTopicFile(source: string): ParsedTopicFile {
  const fence = FENCE.exec(source);
  if (!fence) return { body: source, problems: ['front matter: missing (the file must start with a --- block)'] };
  const body = source.slice(fence[0].length);
  let data: unknown;
  try {
    data = parse(fence[1]!);
  } catch (err) {
    return { body, problems: [`front matter: not valid YAML (${(err as Error).message.split('\n')[0]})`] };
  }
  const parsed = frontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = issue.path.length ? issue.path.join('.') : 'front matter';
      return issue.code === 'unrecognized_keys' ? `${field}: unknown field(s) ${issue.keys.join(', ')}` : `${field}: ${issue.message}`;
    });
    return { body, problems };
  }
  return { frontMatter: parsed.data, body, problems: [] };
}
