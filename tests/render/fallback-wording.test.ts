import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/paths.js';

// The fallback is also spoken on phone calls (Twilio Voice, the transcript webhook): it must not
// tell a caller to type (issue 14). Words that mean "type / write" in each language.
const TYPING: Record<string, RegExp> = { en: /\btyp(e|ing)\b/i, es: /escrib/i, zh: /输入|打字/, hi: /लिख|टाइप/ };

describe('the fallback answer', () => {
  for (const [language, typing] of Object.entries(TYPING)) {
    it(`asks for help without telling a caller to type (${language})`, () => {
      const strings = JSON.parse(readFileSync(join(paths.locales, language, 'translation.json'), 'utf8')) as { fallback: string };
      expect(strings.fallback).not.toMatch(typing);
      expect(strings.fallback).toContain('{{clinicName}}');
    });
  }
});
