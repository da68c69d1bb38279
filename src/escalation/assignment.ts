import type { Language } from '../language/languages.js';
import type { Priority } from './cases-store.js';
import type { StaffRoster } from './staff.js';

export type Presence = 'online' | 'away' | 'dnd' | 'offline' | 'ooo';

export interface Nurse {
  id: string;
  username: string;
  firstName: string;
}

export interface Candidate extends Nurse {
  status: Presence;
  load: number;
  capacity: number;
  speaksLanguage: boolean;
}

/** How many nurses each offer wave adds to the case channel. */
export const WAVE_SIZE: Record<Priority, number> = { emergency: 3, urgent: 2, routine: 1 };

// Online nurses first, then away; do-not-disturb, offline and out-of-office are skipped.
const STATUS_RANK: Partial<Record<Presence, number>> = { online: 0, away: 1 };

export interface ChooseInput {
  pool: Nurse[];
  presence: Record<string, Presence | undefined>;
  roster: StaffRoster;
  load: Map<string, number>;
  language: Language | null;
  /** Already offered this case. */
  exclude: Set<string>;
  count: number;
}

/**
 * Picks the next nurses for a case: reachable (online before away), under capacity, least
 * loaded first, speaking the patient's language. When nobody who speaks it is reachable,
 * any reachable nurse is better than none; `languageMatched` says which happened.
 */
export function chooseNurses(input: ChooseInput): { nurses: Candidate[]; languageMatched: boolean } {
  const candidates: Candidate[] = [];
  for (const nurse of input.pool) {
    if (input.exclude.has(nurse.id)) continue;
    const status = input.presence[nurse.id] ?? 'offline';
    if (STATUS_RANK[status] === undefined) continue;
    const { languages, capacity } = input.roster.entry(nurse.username);
    const load = input.load.get(nurse.id) ?? 0;
    if (load >= capacity) continue;
    candidates.push({ ...nurse, status, load, capacity, speaksLanguage: input.language === null || languages.includes(input.language) });
  }
  candidates.sort(
    (a, b) => STATUS_RANK[a.status]! - STATUS_RANK[b.status]! || a.load - b.load || a.username.localeCompare(b.username),
  );
  const speaking = candidates.filter((c) => c.speaksLanguage);
  if (speaking.length > 0) return { nurses: speaking.slice(0, input.count), languageMatched: true };
  return { nurses: candidates.slice(0, input.count), languageMatched: false };
}
