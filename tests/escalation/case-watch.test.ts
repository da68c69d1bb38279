import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareRelay, type CareRelay } from '../../src/app.js';
import { createManualClock } from '../../src/clock.js';
import type { Database } from '../../src/db/database.js';
import { createCaseWatch, SUMMARY_TTL_MS } from '../../src/escalation/case-watch.js';
import { createCasesStore } from '../../src/escalation/cases-store.js';
import { createLogger } from '../../src/logger.js';
import { createMemoryState } from '../../src/state/memory-state.js';
import { createStore } from '../../src/store/store.js';
import { dropSchema, testConfig } from '../helpers/app.js';
import { startMattermostFixture, type MattermostFixture } from './helpers.js';

function logCapture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (s: string) => void lines.push(JSON.parse(s)) } };
}

async function openCase(db: Database, address: string, priority: 'emergency' | 'urgent' | 'routine') {
  const store = createStore(db);
  const contact = await store.contacts.upsert('sms', address);
  const conversation = await store.conversations.current(contact);
  return (await createCasesStore(db).openOrRaise({ conversationId: conversation.id, priority, reason: 'human_request', language: 'en', channel: 'sms' })).case;
}

/** `name{labels} value` lines of a Prometheus text page, keyed by `name{labels}`. */
async function scrape(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(carerelay_(?:cases|staff)_[a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}

describe('waiting cases with no staff desk', () => {
  const log = logCapture();
  let relay: CareRelay;
  let url: string;
  const config = testConfig({ LOG_LEVEL: 'info' });
  const clock = createManualClock();

  beforeAll(async () => {
    relay = await createCareRelay(config, { logger: createLogger('info', log.stream as never), clock });
    url = `http://127.0.0.1:${(await relay.listen()).port}`;
  });
  afterAll(async () => {
    await relay?.close();
    await dropSchema(config);
  });

  it('exports zeros while nothing waits, then the waiting cases as gauges an alert can fire on', async () => {
    let m = await scrape(url);
    expect(m.get('carerelay_staff_desk_configured')).toBe(0);
    expect(m.get('carerelay_cases_unattended{priority="emergency"}')).toBe(0);
    expect(m.get('carerelay_cases_oldest_unclaimed_seconds')).toBe(0);
    expect(await relay.escalation.watch.report()).toBe(0);
    expect(log.lines.some((l) => String(l.msg).startsWith('cases waiting'))).toBe(false);

    await openCase(relay.db, '+15550111', 'emergency');
    await openCase(relay.db, '+15550112', 'routine');
    await openCase(relay.db, '+15550113', 'routine');
    const opened = Date.now();
    // Scrapes reuse the counts for 5 s: still the old ones, then the new cases once that has passed.
    expect((await scrape(url)).get('carerelay_cases_unattended{priority="emergency"}')).toBe(0);
    clock.advance(SUMMARY_TTL_MS);
    const asked = Date.now();
    m = await scrape(url);
    expect(m.get('carerelay_cases_unattended{priority="emergency"}')).toBe(1);
    expect(m.get('carerelay_cases_unattended{priority="routine"}')).toBe(2);
    expect(m.get('carerelay_cases_unattended{priority="urgent"}')).toBe(0);
    expect(m.get('carerelay_cases_open{state="queued",priority="routine"}')).toBe(2);
    expect(m.get('carerelay_cases_open{state="claimed",priority="routine"}')).toBe(0);
    // The oldest case has waited at least from its opening to the scrape that counted it.
    expect(m.get('carerelay_cases_oldest_unclaimed_seconds')).toBeGreaterThanOrEqual(Math.round((asked - opened) / 1000));
  });

  it('logs them as one warning with counts, never message text', async () => {
    expect(await relay.escalation.watch.report()).toBe(3);
    const line = log.lines.find((l) => String(l.msg).startsWith('cases waiting with no staff desk'));
    expect(line).toMatchObject({ level: 40, waiting: 3, emergency: 1, urgent: 0, routine: 2, oldestMinutes: 0 });
    expect(line!.msg).toMatch(/carerelay cases list/);
  });

  it('logs every interval, from one instance at a time', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', { write: (s: string) => void lines.push(JSON.parse(s)) } as never);
    const state = createMemoryState();
    // Two instances sharing the state store: one warning per interval between them.
    const watches = [0, 1].map(() => createCaseWatch({ db: relay.db.pool, state, logger, desk: false, intervalMs: 400 }));
    for (const w of watches) w.start();
    // Counting in a fixed window: the point is that the two instances do not both log each interval.
    await new Promise((r) => setTimeout(r, 1_500));
    for (const w of watches) w.stop();
    const warnings = lines.filter((l) => String(l.msg).startsWith('cases waiting'));
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(warnings.length).toBeLessThanOrEqual(4);
    await state.close();
  });
});

describe('waiting cases with Mattermost configured', () => {
  let mm: MattermostFixture;
  let relay: CareRelay;
  let config: ReturnType<typeof testConfig>;
  let url: string;

  beforeAll(async () => {
    mm = await startMattermostFixture([]);
    config = testConfig(mm.env);
    relay = await createCareRelay(config, { logger: createLogger('silent') });
    url = `http://127.0.0.1:${(await relay.listen()).port}`;
  });
  afterAll(async () => {
    await relay?.close();
    await mm?.fake.close();
    await dropSchema(config);
  });

  it('reports the desk and never calls waiting cases unattended', async () => {
    await openCase(relay.db, '+15550121', 'urgent');
    const m = await scrape(url);
    expect(m.get('carerelay_staff_desk_configured')).toBe(1);
    expect(m.get('carerelay_cases_unattended{priority="urgent"}')).toBe(0);
    // The sweep may already have put it in front of staff (offered): either way it is open and unclaimed.
    expect(m.get('carerelay_cases_open{state="queued",priority="urgent"}')! + m.get('carerelay_cases_open{state="offered",priority="urgent"}')!).toBe(1);
    expect(await relay.escalation.watch.report()).toBe(0);
  });
});
