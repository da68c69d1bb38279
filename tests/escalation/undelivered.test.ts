import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RETRIES } from '../../src/escalation/undelivered.js';
import { connectVisitor, startTestApp, type TestApp } from '../helpers/app.js';
import { actionId, findCard, startMattermostFixture, waitFor, type MattermostFixture } from './helpers.js';

/** A dead outbox row, as the outbox leaves one after its last attempt (here: 11 minutes ago). */
async function deadJob(app: TestApp, kind: string, key: string, payload: Record<string, unknown>, orderingKey: string) {
  // Kept as SQL: twelve failed attempts that ended 11 minutes ago can only be written, not brought about in a test.
  await app.relay.db.pool.query(
    `INSERT INTO outbox (kind, idempotency_key, ordering_key, payload, status, attempts, last_error, updated_at)
     VALUES ($1, $2, $3, $4, 'dead', 12, 'Mattermost answered 503', now() - interval '11 minutes')`,
    [kind, key, orderingKey, payload],
  );
}

const outboxRow = (app: TestApp, key: string) => app.relay.outbox.find({ key });

/** A nurse message stored for the patient and not delivered yet (its delivery is made dead next). */
const nurseMessage = async (app: TestApp, c: { id: string; conversationId: string }, body: string) =>
  (await app.relay.store.messages.insertOutbound({ conversationId: c.conversationId, role: 'nurse', channel: 'webchat', body, meta: { caseId: c.id, senderName: 'Ana' } }, 'stored')).id;

describe('a nurse message whose delivery gave up', () => {
  let mm: MattermostFixture;
  let app: TestApp;

  beforeAll(async () => {
    mm = await startMattermostFixture([{ username: 'ana', firstName: 'Ana', languages: ['en'], status: 'online' }]);
    app = await startTestApp(mm.env);
    await waitFor(() => app.relay.escalation.desk?.connected, 'the Mattermost websocket');
  });
  afterAll(async () => {
    await app?.close();
    await mm?.fake.close();
  });

  it('is tried again later, the nurse is told, and after the last try the nurse is told it failed', async () => {
    const { fake, nurses } = mm;
    const visitor = await connectVisitor(app.url);
    await visitor.send('I would like to talk to a nurse about my results');
    const card = await waitFor(() => findCard(fake, (p) => p.message.includes('about my results')), 'the case card');
    await waitFor(() => fake.members(card.channel_id).includes(nurses.ana!.id), 'Ana offered the case');
    await fake.clickButton({ postId: card.id, actionId: actionId(card, 'Claim'), userId: nurses.ana!.id });
    const sweep = () => app.relay.escalation.sweep({ undelivered: true });

    // The relay of Ana's post gave up (Mattermost was down for the whole of its 12 attempts).
    const postId = 'p'.repeat(26);
    await deadJob(app, 'escalation.relay', `relay:${postId}`, { postId, channelId: card.channel_id, userId: nurses.ana!.id, message: 'Please call the clinic today.' }, `relay:${card.channel_id}`);
    await waitFor(async () => (await sweep(), (await outboxRow(app, `relay:${postId}#r1`))?.status === 'done'), 'the relay tried again');
    const relayed = await visitor.next((m) => m.role === 'nurse');
    expect(relayed.text).toBe('Please call the clinic today.');
    const notice = await waitFor(() => fake.posts(card.channel_id).find((p) => p.message.includes('has **not reached the patient yet**')), 'the notice in the case channel');
    expect(notice.message).toMatch(/Mattermost answered 503.*every 10 minutes/);
    // The dead row stays as the record; nothing is tried twice.
    expect((await outboxRow(app, `relay:${postId}`))?.status).toBe('dead');
    await sweep();
    expect((await outboxRow(app, `relay:${postId}#r2`))).toBeUndefined();

    // A nurse message the patient's channel refused, already tried MAX_RETRIES times: the nurse is told, once.
    const c = (await app.relay.escalation.cases.byChannel(card.channel_id))!;
    const messageId = await nurseMessage(app, c, 'Second message');
    await deadJob(app, 'deliver-message', `message:${messageId}#r${MAX_RETRIES}`, { messageId }, c.conversationId);
    const final = await waitFor(async () => (await sweep(), fake.posts(card.channel_id).find((p) => p.message.includes('could **not** be delivered'))), 'the final notice');
    expect(final.message).toMatch(/tried for about 3 hours and has stopped \(last error: Mattermost answered 503\)/);
    expect(final.message).toMatch(/\(written \d\d:\d\d UTC\)/);
    expect((await outboxRow(app, `message:${messageId}#r${MAX_RETRIES + 1}`))).toBeUndefined();
    await sweep();
    expect(fake.posts(card.channel_id).filter((p) => p.message.includes('could **not** be delivered'))).toHaveLength(1);
    const kinds = (await app.relay.escalation.cases.events(c.id)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['relay_failed', 'relay_gave_up']));

    // A first failure of a patient-channel delivery is queued again too.
    const third = await nurseMessage(app, c, 'Third message');
    await deadJob(app, 'deliver-message', `message:${third}`, { messageId: third }, c.conversationId);
    await waitFor(async () => (await sweep(), outboxRow(app, `message:${third}#r1`)), 'the delivery queued again');
    visitor.close();
  });
});
