import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor, startTestApp, type TestApp } from '../helpers/app.js';
import { findCard, hasButtons, MENTION, startMattermostFixture, waitFor, type MattermostFixture } from './helpers.js';

// Routine cases go up the ladder after 0.02 min (1.2 s) without a claim.
describe('escalation: deadlines and presence', () => {
  let mm: MattermostFixture;
  let app: TestApp;

  beforeAll(async () => {
    mm = await startMattermostFixture(
      [
        { username: 'ana', firstName: 'Ana', languages: ['es'], status: 'online' },
        { username: 'berta', firstName: 'Berta', languages: ['es'], status: 'online' },
        { username: 'carmen', firstName: 'Carmen', languages: ['es'], status: 'away' },
        { username: 'dora', firstName: 'Dora', languages: ['es'], status: 'dnd' },
      ],
      { routine: 0.02 },
    );
    app = await startTestApp(mm.env);
    await waitFor(() => app.relay.escalation.desk?.connected, 'the Mattermost websocket');
  });
  afterAll(async () => {
    await app?.close();
    await mm?.fake.close();
  });

  it('offers the next reachable nurse when the first does not claim in time, then alerts the triage channel with @channel', async () => {
    const { fake, nurses } = mm;
    const visitor = await connectVisitor(app.url, { language: 'es' });
    await visitor.send('necesito hablar con alguien de verdad');
    const card = await waitFor(() => findCard(fake), 'the case card');
    const channelId = card.channel_id;
    await waitFor(() => fake.members(channelId).includes(nurses.ana!.id), 'Ana offered first (online, least loaded)');
    expect(fake.members(channelId)).not.toContain(nurses.berta!.id);

    // Berta goes offline while the case waits: the next offer must skip her.
    fake.setStatus(nurses.berta!.id, 'offline');
    // Other users' status changes never reach the bot's websocket; the shared view learns them by polling.
    await app.relay.escalation.presence!.refresh();
    await waitFor(() => fake.members(channelId).includes(nurses.carmen!.id), 'Carmen (away) offered after the deadline', { timeoutMs: 20_000 });
    expect(fake.members(channelId)).not.toContain(nurses.berta!.id);
    expect(fake.members(channelId)).not.toContain(nurses.dora!.id);
    await waitFor(() => fake.posts(channelId).find((p) => p.user_id === fake.botUserId && p.message.includes('@carmen')), 'the mention that notifies Carmen');

    const alert = await waitFor(
      () => fake.posts(fake.triageChannelId).find((p) => p.user_id === fake.botUserId && /@channel/.test(p.message) && hasButtons(p)),
      'the @channel alert in the triage channel',
      { timeoutMs: 20_000 },
    );
    expect(alert.message).toMatch(MENTION);
    expect(alert.message).toContain('Nobody has claimed');
    // The alert carries its own Claim button: whoever answers joins the private case channel.
    const claim = (alert.props.attachments as { actions: { id: string; name: string }[] }[])[0]!.actions.find((a) => a.name === 'Claim')!;
    fake.setStatus(nurses.berta!.id, 'online');
    const answer = await fake.clickButton({ postId: alert.id, actionId: claim.id, userId: nurses.berta!.id });
    expect(answer.ephemeral_text).toMatch(/You claimed/);
    await waitFor(() => fake.members(channelId).includes(nurses.berta!.id), 'Berta added to the case channel');
    const joined = await visitor.next((m) => m.role === 'system');
    expect(joined.text).toContain('Berta');

    const c = (await app.relay.escalation.cases.byChannel(channelId))!;
    expect(c.state).toBe('claimed');
    const offers = (await app.relay.escalation.cases.offers(c.id)).map((o) => [o.round, o.nurse]);
    expect(offers).toEqual([
      [1, nurses.ana!.id],
      [2, nurses.carmen!.id],
    ]);
    // Exactly one @channel alert even though the sweeper kept running.
    expect(fake.posts(fake.triageChannelId).filter((p) => p.user_id === fake.botUserId && /@channel/.test(p.message))).toHaveLength(1);
    visitor.close();
  });

  it('tells the patient honestly when no nurse is reachable, and alerts the triage channel with @here', async () => {
    const { fake, nurses } = mm;
    for (const n of Object.values(nurses)) fake.setStatus(n.id, 'offline');
    await app.relay.escalation.presence!.refresh();
    const visitor = await connectVisitor(app.url, { language: 'en' });
    await visitor.send('I want to talk to a nurse');
    const honest = await visitor.next((m) => m.role === 'bot' && /No nurse is available/.test(m.text));
    expect(honest.text).toMatch(/nurse line/);
    const alert = await waitFor(
      () => fake.posts(fake.triageChannelId).find((p) => p.user_id === fake.botUserId && /@here/.test(p.message)),
      'the @here alert',
    );
    expect(alert.message).toContain('No nurse who can take it is online');
    visitor.close();
  });
});
