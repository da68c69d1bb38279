import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { createDialogEngine } from '../src/engine/engine.js';
import { createEngineServices } from '../src/engine/index.js';
import type { TurnContext } from '../src/engine/context.js';
import type { Middleware } from '../src/engine/pipeline.js';
import { createLogger } from '../src/logger.js';
import type { OutboundMessage } from '../src/message.js';
import { createOutbox } from '../src/outbox/outbox.js';
import { createMemoryState } from '../src/state/memory-state.js';
import { createRedisState } from '../src/state/redis-state.js';
import type { StateStore } from '../src/state/state-store.js';
import { createStore, type Store } from '../src/store/store.js';
import { createTurnProcessor, type ChannelSender } from '../src/turns.js';
import { createInstanceLock } from '../src/db/instance-lock.js';
import { dropKeys, dropSchema, testConfig } from './helpers/app.js';
import { waitFor } from './helpers/wait-for.js';

const config = testConfig();
const logger = createLogger('silent');
let db: Database;
let store: Store;
const states: StateStore[] = [];

beforeAll(async () => {
  db = await createDatabase({ url: config.database.url, schema: config.database.schema, dataDir: 'memory://', logger });
  await migrate(db, logger);
  store = createStore(db);
});
afterAll(async () => {
  for (const s of states) await s.close();
  await db?.close();
  await dropSchema(config);
  if (config.redis.url) await dropKeys(config.redis.url, config.redis.keyPrefix);
});

/** Two "instances" share one database and one state store (Redis when configured). */
async function makeState(shared?: StateStore): Promise<StateStore> {
  if (!config.redis.url) return shared ?? createMemoryState();
  const s = await createRedisState({ url: config.redis.url, keyPrefix: config.redis.keyPrefix });
  states.push(s);
  return s;
}

function recordingStage(seen: string[]): Middleware<TurnContext> {
  return async (ctx) => {
    // Random pauses make interleaving likely if ordering were not enforced.
    await new Promise((r) => setTimeout(r, Math.random() * 6));
    seen.push(ctx.message.text);
    ctx.reply(`echo ${ctx.message.text}`);
  };
}

/** Each inbound message of the conversation with its status, oldest first. */
async function inboundStatuses(conversationId: string): Promise<[string, string][]> {
  const history = await store.messages.history(conversationId);
  return history.filter((m) => m.direction === 'in').map((m) => [m.body, m.status]);
}

/** An engine whose turn fails on the message "boom" and records every other message it answers. */
function boomEngine(services: Awaited<ReturnType<typeof createEngineServices>>, seen: string[]) {
  return createDialogEngine(services, [
    async (ctx, next) => {
      if (ctx.message.text === 'boom') throw new Error('stage exploded');
      await next();
    },
    recordingStage(seen),
  ]);
}

function collectingSender(name: string, out: OutboundMessage[]): ChannelSender {
  return { name, replaysHistory: true, async send(m) { out.push(m); } };
}

describe('turn processing', () => {
  it('runs one conversation’s turns strictly in order across two instances', async () => {
    const services = await createEngineServices(config, logger);
    const seen: string[] = [];
    const sent: OutboundMessage[] = [];
    const engine = createDialogEngine(services, [recordingStage(seen)]);
    const stateA = await makeState();
    const stateB = await makeState(stateA);
    const senders = new Map([['test', collectingSender('test', sent)]]);
    const a = createTurnProcessor({ store, state: stateA, engine, logger, senders });
    const b = createTurnProcessor({ store, state: stateB, engine, logger, senders });
    const texts = Array.from({ length: 24 }, (_, i) => `m${i}`);
    let conversationId = '';
    for (const [i, text] of texts.entries()) {
      const via = i % 2 === 0 ? a : b;
      const r = await via.accept({ channel: 'test', conversation: { id: 'patient-1' }, from: { id: 'patient-1', role: 'patient' }, text, kind: 'text', timestamp: new Date() });
      conversationId = r.conversation.id;
    }
    await waitFor(async () => (await Promise.all([a.settle(conversationId), b.settle(conversationId)]), seen.length >= texts.length), 'every turn run');
    expect(seen).toEqual(texts);
    expect(sent.map((m) => m.text)).toEqual(texts.map((t) => `echo ${t}`));
    const history = await store.messages.history(conversationId);
    expect(history.filter((m) => m.direction === 'in').every((m) => m.status === 'done')).toBe(true);
  });

  it('runs different conversations independently and recovers turns left pending', async () => {
    const services = await createEngineServices(config, logger);
    const seen: string[] = [];
    const engine = createDialogEngine(services, [recordingStage(seen)]);
    const state = await makeState();
    const sent: OutboundMessage[] = [];
    const senders = new Map([['test', collectingSender('test', sent)]]);
    // A message stored by an instance that died before processing it:
    const contact = await store.contacts.upsert('test', 'patient-crashed');
    const conversation = await store.conversations.current(contact);
    await store.messages.insertInbound({ conversationId: conversation.id, role: 'patient', channel: 'test', body: 'left behind' });
    const processor = createTurnProcessor({ store, state, engine, logger, senders });
    expect(await processor.recover(0)).toBeGreaterThanOrEqual(1);
    await processor.settle(conversation.id);
    expect(seen).toContain('left behind');
    expect(sent.find((m) => m.text === 'echo left behind')?.to).toBe('patient-crashed');
  });

  it('answers messages that arrive during a turn in order, each finish handing on the next without a claim of its own', async () => {
    const services = await createEngineServices(config, logger);
    const seen: string[] = [];
    // The first turn waits until the patient has sent three more messages.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const gate: Middleware<TurnContext> = async (ctx, next) => {
      if (ctx.message.text === 'first') await held;
      await next();
    };
    const engine = createDialogEngine(services, [gate, recordingStage(seen)]);
    const state = await makeState();
    const sent: OutboundMessage[] = [];
    const senders = new Map([['test', collectingSender('test', sent)]]);
    // Our Store with its claims and finishes counted (a decorator of our own interface).
    const calls = { claimTurn: 0, finishTurn: 0, handedOn: 0 };
    const counted: Store = {
      ...store,
      messages: {
        ...store.messages,
        claimTurn: (...args) => (calls.claimTurn++, store.messages.claimTurn(...args)),
        finishTurn: async (turn) => {
          calls.finishTurn++;
          const finished = await store.messages.finishTurn(turn);
          if (finished.next) calls.handedOn++;
          return finished;
        },
      },
    };
    const processor = createTurnProcessor({ store: counted, state, engine, logger, senders });
    const say = (text: string, from = 'patient-burst') => processor.accept({ channel: 'test', conversation: { id: from }, from: { id: from, role: 'patient' }, text, kind: 'text', timestamp: new Date() });
    // Once the instance holds its liveness lock, a message is claimed in the statement that stores it.
    const warmUp = await say('warm-up', 'patient-warm-up');
    await waitFor(async () => (await processor.settle(warmUp.conversation.id), seen.includes('warm-up')), 'the warm-up turn');
    seen.length = 0;
    sent.length = 0;
    Object.assign(calls, { claimTurn: 0, finishTurn: 0, handedOn: 0 });
    const { conversation } = await say('first');
    for (const text of ['second', 'third', 'fourth']) await say(text);
    release();
    await waitFor(async () => (await processor.settle(conversation.id), seen.length >= 4), 'every turn run');
    expect(seen).toEqual(['first', 'second', 'third', 'fourth']);
    expect(sent.map((m) => m.text)).toEqual(['echo first', 'echo second', 'echo third', 'echo fourth']);
    // The first message was claimed as it was stored; each finish handed on the next pending one.
    expect(calls).toEqual({ claimTurn: 0, finishTurn: 4, handedOn: 3 });
    await processor.stop();
  });

  it('stores a failing turn as failed and keeps going with the next message', async () => {
    const services = await createEngineServices(config, logger);
    const seen: string[] = [];
    const engine = boomEngine(services, seen);
    const state = await makeState();
    const processor = createTurnProcessor({ store, state, engine, logger, senders: new Map([['test', collectingSender('test', [])]]) });
    const base = { channel: 'test', conversation: { id: 'patient-boom' }, from: { id: 'patient-boom', role: 'patient' as const }, kind: 'text' as const, timestamp: new Date() };
    const first = await processor.accept({ ...base, text: 'boom' });
    await processor.accept({ ...base, text: 'after' });
    await processor.settle(first.conversation.id);
    expect(await inboundStatuses(first.conversation.id)).toEqual([
      ['boom', 'failed'],
      ['after', 'done'],
    ]);
    expect(seen).toEqual(['after']);
  });

  it('answers a message stored while the drain was claiming: the claim saw nothing, the message is not left pending', async () => {
    const services = await createEngineServices(config, logger);
    const seen: string[] = [];
    const engine = boomEngine(services, seen);
    const state = await makeState();
    // After the failed turn the drain claims again and finds nothing; the next message is stored and
    // accepted before that empty answer comes back: the order two connections can give.
    let claimedEmpty!: () => void;
    const emptyClaim = new Promise<void>((resolve) => (claimedEmpty = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let gated = false;
    const racing: Store = {
      ...store,
      messages: {
        ...store.messages,
        async claimTurn(...args: Parameters<Store['messages']['claimTurn']>) {
          const found = await store.messages.claimTurn(...args);
          if (!found?.message && !gated) {
            gated = true;
            claimedEmpty();
            await released;
          }
          return found;
        },
      },
    };
    const processor = createTurnProcessor({ store: racing, state, engine, logger, senders: new Map([['test', collectingSender('test', [])]]) });
    const base = { channel: 'test', conversation: { id: 'patient-race' }, from: { id: 'patient-race', role: 'patient' as const }, kind: 'text' as const, timestamp: new Date() };
    const first = await processor.accept({ ...base, text: 'boom' });
    await emptyClaim;
    await processor.accept({ ...base, text: 'after' });
    release();
    await processor.settle(first.conversation.id);
    expect(await inboundStatuses(first.conversation.id)).toEqual([
      ['boom', 'failed'],
      ['after', 'done'],
    ]);
    expect(seen).toEqual(['after']);
    await processor.stop();
  });

  it('delivers through the outbox for channels without history and retries a failed send', async () => {
    const services = await createEngineServices(config, logger);
    const engine = createDialogEngine(services, [async (ctx) => ctx.reply('owed reply')]);
    const state = await makeState();
    const outbox = createOutbox({ db, logger, backoffBaseMs: 10, backoffMaxMs: 20 });
    let failures = 2;
    const delivered: string[] = [];
    const flaky: ChannelSender = {
      name: 'flaky',
      async send(m) {
        if (failures-- > 0) throw new Error('provider down');
        delivered.push(m.text);
        return { externalId: `ext-${m.id}` };
      },
    };
    const processor = createTurnProcessor({ store, state, engine, logger, senders: new Map([['flaky', flaky]]), outbox });
    const r = await processor.accept({ channel: 'flaky', conversation: { id: 'p-flaky' }, from: { id: 'p-flaky', role: 'patient' }, text: 'hi', kind: 'text', timestamp: new Date() });
    await processor.settle(r.conversation.id);
    await waitFor(async () => delivered.length > 0 || (await outbox.drain(), false), 'the send after two failures');
    expect(delivered).toEqual(['owed reply']);
    const out = (await store.messages.history(r.conversation.id)).find((m) => m.direction === 'out');
    expect(out?.status).toBe('sent');
    await outbox.stop();
  });

  it('stores and sends a keyed delivery once, however many instances or retries run it at the same time', async () => {
    const services = await createEngineServices(config, logger);
    const engine = createDialogEngine(services, [async (ctx) => ctx.reply('hello')]);
    const state = await makeState();
    const sent: string[] = [];
    const sender: ChannelSender = { name: 'keyed', async send(m) { sent.push(m.text); return { externalId: `ext-${m.id}` }; } };
    const outboxes = [createOutbox({ db, logger }), createOutbox({ db, logger })];
    const processors = outboxes.map((outbox) => createTurnProcessor({ store, state, engine, logger, senders: new Map([['keyed', sender]]), outbox }));
    const r = await processors[0]!.accept({ channel: 'keyed', conversation: { id: 'p-keyed' }, from: { id: 'p-keyed', role: 'patient' }, text: 'hi', kind: 'text', timestamp: new Date() });
    await processors[0]!.settle(r.conversation.id);
    const conversation = (await store.conversations.get(r.conversation.id))!;
    // Two instances relay the same nurse post at once, and one of them runs it again.
    const nurse = { role: 'nurse' as const, text: 'Reply from the nurse', language: 'en' as const };
    const outs = await Promise.all([...processors, processors[1]!].map((p) => p.deliver(conversation, nurse, {}, 'relay:post-1')));
    for (const outbox of outboxes) await outbox.drain();
    expect(new Set(outs.map((o) => o.id)).size).toBe(1);
    const stored = (await store.messages.history(r.conversation.id)).filter((m) => m.body === nurse.text);
    expect(stored).toHaveLength(1);
    expect(sent.filter((t) => t === nurse.text)).toEqual([nurse.text]);
    for (const outbox of outboxes) await outbox.stop();
  });

  it('finishes the turn in flight on stop and leaves later messages pending for the next start', async () => {
    const services = await createEngineServices(config, logger);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const seen: string[] = [];
    let slowStarted = false;
    const engine = createDialogEngine(services, [
      async (ctx) => {
        if (ctx.message.text === 'slow') {
          slowStarted = true;
          await gate;
        }
        seen.push(ctx.message.text);
        ctx.reply(`done ${ctx.message.text}`);
      },
    ]);
    const state = await makeState();
    const sent: OutboundMessage[] = [];
    const processor = createTurnProcessor({ store, state, engine, logger, senders: new Map([['test', collectingSender('test', sent)]]) });
    const base = { channel: 'test', conversation: { id: 'patient-stop' }, from: { id: 'patient-stop', role: 'patient' as const }, kind: 'text' as const, timestamp: new Date() };
    const first = await processor.accept({ ...base, text: 'slow' });
    await processor.accept({ ...base, text: 'later' });
    await waitFor(() => slowStarted, 'the slow turn in flight');
    const stopped = processor.stop();
    release();
    await stopped;
    expect(seen).toEqual(['slow']);
    expect(sent.map((m) => m.text)).toEqual(['done slow']);
    const pending = await store.messages.nextPending(first.conversation.id);
    expect(pending?.body).toBe('later');
  });

  it('answers a turn exactly once when its instance dies mid-turn and another takes over at once', async () => {
    const services = await createEngineServices(config, logger);
    let releaseA!: () => void;
    const stuck = new Promise<void>((r) => (releaseA = r));
    let aRunning = false;
    const engineA = createDialogEngine(services, [
      async (ctx) => {
        aRunning = true; // a turn runs only once its instance holds the conversation
        await stuck; // "dies" here: the process is gone before it stores anything
        ctx.reply(`A answers ${ctx.message.text}`);
      },
    ]);
    const engineB = createDialogEngine(services, [async (ctx) => ctx.reply(`B answers ${ctx.message.text}`)]);
    const sentA: OutboundMessage[] = [];
    const sentB: OutboundMessage[] = [];
    const lockA = createInstanceLock(db, logger);
    const lockB = createInstanceLock(db, logger);
    const a = createTurnProcessor({ store, state: await makeState(), engine: engineA, logger, senders: new Map([['test', collectingSender('test', sentA)]]), instance: lockA });
    const b = createTurnProcessor({ store, state: await makeState(), engine: engineB, logger, senders: new Map([['test', collectingSender('test', sentB)]]), instance: lockB });
    const base = { channel: 'test', conversation: { id: 'patient-takeover' }, from: { id: 'patient-takeover', role: 'patient' as const }, kind: 'text' as const, timestamp: new Date() };
    const first = await a.accept({ ...base, text: 'first' });
    const conversationId = first.conversation.id;
    await a.accept({ ...base, text: 'second' });
    // A holds the conversation while its turn runs: B may neither run it nor call it orphaned.
    await waitFor(() => aRunning, 'A running the first turn');
    expect(await b.recover(60_000)).toBe(0);

    // A's session ends (as when its process is killed): B takes over on its next sweep, without waiting for any lease.
    await lockA.close();
    const started = performance.now();
    expect(await b.recover(60_000)).toBe(1);
    await b.settle(conversationId);
    const takeoverMs = performance.now() - started;
    expect(takeoverMs).toBeLessThan(2000);
    expect(sentB.map((m) => m.text)).toEqual(['B answers first', 'B answers second']);

    // A wakes up and finishes its turn: the message is answered already, so A stores and sends nothing.
    releaseA();
    await a.settle(conversationId);
    expect(sentA).toEqual([]);
    const history = await store.messages.history(conversationId);
    expect(history.map((m) => [m.direction, m.body])).toEqual([
      ['in', 'first'],
      ['in', 'second'],
      ['out', 'B answers first'],
      ['out', 'B answers second'],
    ]);
    // Kept as SQL: who holds a conversation is the claim bookkeeping under test, and no interface shows it.
    const { rows } = await db.pool.query(`SELECT holder FROM conversations WHERE id = $1`, [conversationId]);
    expect(rows[0].holder).toBeNull();
    await Promise.all([a.stop(), b.stop(), lockB.close()]);
  });

  it('keeps the conversation state with the turn and merges a chosen language into it', async () => {
    const services = await createEngineServices(config, logger);
    const engine = createDialogEngine(services, [
      async (ctx) => {
        ctx.state.counters.seen = (ctx.state.counters.seen ?? 0) + 1;
        ctx.reply(`seen ${ctx.state.counters.seen} (${ctx.conversation.isNew ? 'new' : 'known'})`);
      },
    ]);
    const sent: OutboundMessage[] = [];
    const processor = createTurnProcessor({ store, state: await makeState(), engine, logger, senders: new Map([['test', collectingSender('test', sent)]]) });
    const base = { channel: 'test', conversation: { id: 'patient-state' }, from: { id: 'patient-state', role: 'patient' as const }, kind: 'text' as const, timestamp: new Date() };
    const r = await processor.accept({ ...base, text: 'one' });
    await processor.settle(r.conversation.id);
    await processor.setLanguage(r.conversation.id, 'es');
    await processor.accept({ ...base, text: 'two' });
    await processor.settle(r.conversation.id);
    expect(sent.map((m) => m.text)).toEqual(['seen 1 (new)', 'seen 2 (known)']);
    const saved = await processor.getState(r.conversation.id);
    expect(saved).toMatchObject({ turns: 2, language: 'es', languageChosen: true, counters: { seen: 2 } });
    await processor.stop();
  });
});
