import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor, startTestApp, type TestApp } from '../helpers/app.js';
import { actionId, findCard, startMattermostFixture, waitFor, type MattermostFixture } from './helpers.js';

describe('case jobs on a Mattermost server without batch member adds (before mattermost PR #28976)', () => {
  let mm: MattermostFixture;
  let app: TestApp;

  beforeAll(async () => {
    mm = await startMattermostFixture(
      [
        { username: 'ana', firstName: 'Ana', languages: ['en'], status: 'online' },
        { username: 'ed', firstName: 'Ed', languages: ['en'], status: 'online' },
      ],
      {},
      { batchChannelMembers: false, serverVersion: '9.9.1.9.9.1.fakehash.false' },
    );
    app = await startTestApp(mm.env);
    await waitFor(() => app.relay.escalation.desk?.connected, 'the Mattermost websocket');
  });
  afterAll(async () => {
    await app?.close();
    await mm?.fake.close();
  });

  it('still adds the offered nurse to the case channel, and the case-open job finishes', async () => {
    const { fake, nurses } = mm;
    const visitor = await connectVisitor(app.url, { language: 'en' });
    await visitor.send('Can I speak to a real person?');
    const card = await waitFor(() => findCard(fake, (p) => p.message.includes('Can I speak to a real person?')), 'the case card');
    const c = (await app.relay.escalation.cases.byChannel(card.channel_id))!;
    const job = await waitFor(async () => {
      const row = await app.relay.outbox.find({ key: `case:${c.id}:open:0` });
      return row && row.status !== 'pending' && row.status !== 'sending' ? row : undefined;
    }, 'the case-open job to finish');
    expect(job.status).toBe('done');
    expect(job.attempts).toBe(1);
    const offered = [nurses.ana!, nurses.ed!].filter((n) => fake.members(card.channel_id).includes(n.id));
    expect(offered).toHaveLength(1);
    expect((await app.relay.escalation.cases.get(c.id))!.state).toBe('offered');
    // The batch call was tried once and refused; the nurse was then added on her own.
    const adds = fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v4/channels/${card.channel_id}/members`);
    expect(adds.map((r) => r.status)).toEqual([400, 201]);
    const answer = await fake.clickButton({ postId: card.id, actionId: actionId(card, 'Claim'), userId: offered[0]!.id });
    expect(answer.ephemeral_text).toMatch(/You claimed case/);
    visitor.close();
  });
});
