import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { copyKnowledge, EXTRAS } from './helpers.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const problemsOf = async (dir: string): Promise<string[]> => {
  try {
    await loadKnowledge({ dir, extras: EXTRAS });
  } catch (err) {
    expect(err).toBeInstanceOf(KnowledgeError);
    return (err as KnowledgeError).problems;
  }
  return [];
};

describe('knowledge validation', () => {
  let kb: ReturnType<typeof copyKnowledge>;
  afterEach(() => kb?.remove());

  it('lists every problem at once, each with its file and field', async () => {
    kb = copyKnowledge();
    kb.edit('en/fever.md', (t) => t.replace(/^title: .*\n/m, ''));
    kb.edit('es/allergies.md', (t) => t.replace(/^lang: es$/m, 'lang: en'));
    kb.edit('zh/fever.md', (t) => `${t}\n请拨打 {{pharmacy_phone}}。\n`);
    kb.edit('en/telehealth.md', (t) => t.replace(/^(\s+url: ).*$/m, '$1not a url'));
    kb.edit('en/allergies.md', (t) => t.replace(/^updated: .*$/m, 'updated: 2026-13-45\nauthor: someone'));
    kb.edit('hi/fever.md', (t) => t.replace(/^id: fever$/m, 'id: fevers'));
    rmSync(join(kb.dir, 'hi', 'telehealth.md'));

    const problems = await problemsOf(kb.dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^en\/fever\.md: title: /),
        expect.stringMatching(/^es\/allergies\.md: lang: "en" does not match the directory "es"/),
        expect.stringMatching(/^zh\/fever\.md: body: unknown placeholder \{\{pharmacy_phone\}\}/),
        expect.stringMatching(/^en\/telehealth\.md: sources\.0\.url: /),
        expect.stringMatching(/^en\/allergies\.md: updated: /),
        expect.stringMatching(/^en\/allergies\.md: .*unknown field\(s\) author/),
        expect.stringMatching(/^hi\/fever\.md: id: "fevers" does not match the file name "fever"/),
        'hi/telehealth.md: missing (every topic must exist in every language)',
      ]),
    );
  });

  it('reports a file without front matter or answer units', async () => {
    kb = copyKnowledge();
    kb.write('en/fever.md', 'Fever is a temperature of 38°C or more.\n');
    const problems = await problemsOf(kb.dir);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^en\/fever\.md: front matter: missing/), expect.stringMatching(/^en\/fever\.md: body: no answer units/)]),
    );
  });

  it('reports a unit that is too long, has too few questions, lacks a language, or a Hindi unit without its romanised answer', async () => {
    kb = copyKnowledge();
    kb.edit('en/fever.md', (t) => t.replace(/^> .*$/m, `> ${'A fever is a temperature of 38 °C or more. '.repeat(8)}`));
    const eight = Array.from({ length: 8 }, (_, i) => `- pregunta ${i + 1}`).join('\n');
    kb.edit('es/fever.md', (t) => `${t}\n## Extra {#only-in-spanish}\n\n> Solo en español.\n\nQuestions:\n${eight}\n`);
    kb.edit('zh/fever.md', (t) => `${t}\n## 太少 {#too-few}\n\n> 问题太少。\n\nQuestions:\n- 一\n- 二\n`);
    kb.edit('hi/fever.md', (t) => t.replace(/^Romanised:.*$/m, ''));
    const problems = await problemsOf(kb.dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^en\/fever\.md: unit [a-z-]+: the short answer is \d+ characters; keep it to 300$/),
        'zh/fever.md: unit too-few: 2 example questions; list at least 8 under "Questions:"',
        'en/fever.md: missing unit(s) only-in-spanish, too-few (every unit must exist in every language)',
        expect.stringMatching(/^hi\/fever\.md: unit [a-z-]+: Hindi units need a "Romanised:" line/),
      ]),
    );
  });

  it('accepts the shipped files as they are', async () => {
    kb = copyKnowledge();
    expect(await problemsOf(kb.dir)).toEqual([]);
  });
});

describe('passages and content hashes', () => {
  let kb: ReturnType<typeof copyKnowledge>;
  afterEach(() => kb?.remove());

  it('keeps the hash of unchanged passages and changes only the edited one', async () => {
    kb = copyKnowledge();
    const before = await loadKnowledge({ dir: kb.dir, extras: EXTRAS });
    kb.edit('en/fever.md', (t) => t.replace(/^(> .*)$/m, '$1\n\nKeep a note of the temperatures you measure.'));
    const after = await loadKnowledge({ dir: kb.dir, extras: EXTRAS });
    const hashes = (s: typeof before) => new Map(s.passages.map((p) => [p.metadata.passageId, p.metadata.hash]));
    const [a, b] = [hashes(before), hashes(after)];
    const changed = [...a.keys()].filter((id) => a.get(id) !== b.get(id));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^en\/fever#/);
  });

  it('makes each unit one passage, with its example questions and short answer for search', async () => {
    kb = copyKnowledge();
    const snapshot = await loadKnowledge({ dir: kb.dir, extras: EXTRAS });
    const fever = snapshot.topics.find((t) => t.id === 'fever' && t.lang === 'en')!;
    const passages = snapshot.passages.filter((p) => p.metadata.topicId === 'fever' && p.metadata.lang === 'en');
    expect(passages.map((p) => p.metadata.passageId)).toEqual(fever.units.map((u) => `en/fever#${u.id}`));
    for (const [i, p] of passages.entries()) {
      expect(p.pageContent.startsWith(fever.units[i]!.short)).toBe(true);
      expect(p.metadata.questions).toEqual(fever.units[i]!.questions);
    }
  });
});
