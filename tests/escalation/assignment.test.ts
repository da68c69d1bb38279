import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseNurses, type Nurse, type Presence } from '../../src/escalation/assignment.js';
import { DEFAULT_CAPACITY, loadStaffRoster, parseStaffRoster } from '../../src/escalation/staff.js';
import { ConfigError } from '../../src/errors.js';

const nurse = (username: string): Nurse => ({ id: `id-${username}`, username, firstName: username });
const pool = ['ana', 'berta', 'carmen', 'dora', 'ed'].map(nurse);
const roster = parseStaffRoster(
  `ana: { languages: [es, en] }
berta: { languages: [es], capacity: 1 }
carmen: { languages: [es] }
dora: { languages: [es] }
ed: { languages: [en] }`,
  'en',
);
const presence = (map: Record<string, Presence>) => Object.fromEntries(Object.entries(map).map(([u, s]) => [`id-${u}`, s]));

describe('choosing nurses', () => {
  it('prefers online over away, skips dnd and offline, and respects language', () => {
    const { nurses, languageMatched } = chooseNurses({
      pool,
      presence: presence({ ana: 'away', berta: 'online', carmen: 'dnd', dora: 'offline', ed: 'online' }),
      roster,
      load: new Map(),
      language: 'es',
      exclude: new Set(),
      count: 5,
    });
    expect(nurses.map((n) => n.username)).toEqual(['berta', 'ana']);
    expect(languageMatched).toBe(true);
  });

  it('puts the least loaded first and leaves out nurses at capacity', () => {
    const { nurses } = chooseNurses({
      pool,
      presence: presence({ ana: 'online', berta: 'online', carmen: 'online' }),
      roster,
      load: new Map([
        ['id-ana', 2],
        ['id-berta', 1],
        ['id-carmen', 0],
      ]),
      language: 'es',
      exclude: new Set(['id-dora']),
      count: 3,
    });
    expect(nurses.map((n) => [n.username, n.load])).toEqual([
      ['carmen', 0],
      ['ana', 2],
    ]);
  });

  it('falls back to any reachable nurse when nobody speaks the language, and says so', () => {
    const { nurses, languageMatched } = chooseNurses({ pool, presence: presence({ ed: 'online' }), roster, load: new Map(), language: 'zh', exclude: new Set(), count: 2 });
    expect(nurses.map((n) => n.username)).toEqual(['ed']);
    expect(languageMatched).toBe(false);
  });

  it('finds nobody when everyone is away from work', () => {
    const { nurses } = chooseNurses({ pool, presence: presence({ ana: 'dnd', ed: 'ooo' }), roster, load: new Map(), language: 'en', exclude: new Set(), count: 2 });
    expect(nurses).toEqual([]);
  });
});

describe('staff roster', () => {
  it('reads JSON or YAML; nurses not listed speak the default language with default capacity', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-'));
    writeFileSync(join(dir, 'staff.json'), JSON.stringify({ Ana: { languages: ['es-MX', 'en'], capacity: 5 } }));
    const r = loadStaffRoster(join(dir, 'staff.json'), 'es');
    expect(r.entry('ana')).toEqual({ languages: ['es', 'en'], capacity: 5 });
    expect(r.entry('zoe')).toEqual({ languages: ['es'], capacity: DEFAULT_CAPACITY });
    expect(loadStaffRoster(undefined, 'en').entry('anyone')).toEqual({ languages: ['en'], capacity: DEFAULT_CAPACITY });
    expect(parseStaffRoster('lee: { languages: "zh, en" }', 'en').entry('lee').languages).toEqual(['zh', 'en']);
  });

  it('lists every problem in a bad roster', () => {
    expect(() => parseStaffRoster('ana: { languages: [fr] }\nbo: { languages: [xx] }', 'en')).toThrow(ConfigError);
    try {
      parseStaffRoster('ana: { languages: [fr] }\nbo: { languages: [xx] }', 'en');
    } catch (err) {
      expect((err as ConfigError).problems).toHaveLength(2);
    }
    expect(() => loadStaffRoster('/nonexistent/staff.yaml', 'en')).toThrow(/cannot read/);
    expect(() => parseStaffRoster('ana: { capacity: lots }', 'en')).toThrow(ConfigError);
  });
});
