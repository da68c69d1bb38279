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

  it('reports a file without front matter or sections', async () => {
    kb = copyKnowledge();
    kb.write('en/fever.md', 'Fever is a temperature of 38°C or more.\n');
    const problems = await problemsOf(kb.dir);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^en\/fever\.md: front matter: missing/), expect.stringMatching(/^en\/fever\.md: body: no "## " sections/)]),
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
    kb.edit('en/fever.md', (t) => t.replace('## Caring for a fever at home', '## Caring for a fever at home\n\nKeep a note of the temperatures you measure.'));
    const after = await loadKnowledge({ dir: kb.dir, extras: EXTRAS });
    const hashes = (s: typeof before) => new Map(s.passages.map((p) => [p.metadata.passageId, p.metadata.hash]));
    const [a, b] = [hashes(before), hashes(after)];
    const changed = [...a.keys()].filter((id) => a.get(id) !== b.get(id));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^en\/fever#/);
  });

  it('splits a long section further; every piece keeps its topic and section', async () => {
    kb = copyKnowledge();
    const filler = Array.from({ length: 30 }, (_, i) => `- Point ${i + 1}: drink water, rest, and check your temperature again later today.`).join('\n');
    kb.edit('en/fever.md', (t) => `${t}\n## A very long section\n\n${filler}\n`);
    const snapshot = await loadKnowledge({ dir: kb.dir, extras: EXTRAS });
    const pieces = snapshot.passages.filter((p) => p.metadata.lang === 'en' && p.metadata.section === 'A very long section');
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.metadata).toMatchObject({ topicId: 'fever', lang: 'en', title: 'Fever in adults and children' });
    expect(new Set(pieces.map((p) => p.metadata.passageId)).size).toBe(pieces.length);
  });
});
