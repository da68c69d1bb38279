import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor, startTestApp, type TestApp } from '../helpers/app.js';
import { findCard, startMattermostFixture, waitFor, type MattermostFixture } from './helpers.js';

describe('escalation: emergencies', () => {
  let mm: MattermostFixture;
  let app: TestApp;

  beforeAll(async () => {
    mm = await startMattermostFixture([
      { username: 'ana', firstName: 'Ana', languages: ['es', 'en'], status: 'online' },
      { username: 'ed', firstName: 'Ed', languages: ['en'], status: 'online' },
      { username: 'olga', firstName: 'Olga', languages: ['es', 'en'], status: 'offline' },
    ]);
    app = await startTestApp(mm.env);
    await waitFor(() => app.relay.escalation.desk?.connected, 'the Mattermost websocket');
  });
  afterAll(async () => {
    await app?.close();
    await mm?.fake.close();
  });

  it('hands an emergency to every reachable nurse at once, and the patient still hears "call now" first', async () => {
    const { fake, nurses } = mm;
    const visitor = await connectVisitor(app.url);
    await visitor.send('my father has crushing chest pain');
    const safety = await visitor.next((m) => m.role === 'bot');
    expect(safety.text).toContain('911');
    const alerted = await visitor.next((m) => m.role === 'bot' && /alerted our nurses/.test(m.text));
    expect(alerted.text).toContain('911');

    const card = await waitFor(() => findCard(fake, (p) => p.message.includes('crushing chest pain')), 'the emergency card');
    expect(card.message).toContain('EMERGENCY · Case #');
    // Dots get a zero-width space so nothing reads as a domain name.
    expect(card.message.replace(/\u200B/g, '')).toContain('emergency.category: chest\\_pain');
    await waitFor(() => [nurses.ana!.id, nurses.ed!.id].every((id) => fake.members(card.channel_id).includes(id)), 'both online nurses offered');
    expect(fake.members(card.channel_id)).not.toContain(nurses.olga!.id);
    const c = (await app.relay.escalation.cases.byChannel(card.channel_id))!;
    expect(c).toMatchObject({ priority: 'emergency', reason: 'emergency' });
    visitor.close();
  });

  it('raises an open routine case to emergency and tells the nurses in the case channel', async () => {
    const { fake, nurses } = mm;
    const visitor = await connectVisitor(app.url);
    await visitor.send('I want to talk to a nurse please');
    const card = await waitFor(() => findCard(fake, (p) => p.message.includes('I want to talk to a nurse please')), 'the routine card');
    expect(card.message).toContain('Routine · Case #');
    const offered = await waitFor(() => [nurses.ana!, nurses.ed!].find((n) => fake.members(card.channel_id).includes(n.id)), 'a nurse offered');

    await visitor.send('now I have crushing chest pain and cannot breathe');
    const safety = await visitor.next((m) => m.role === 'bot' && /911/.test(m.text));
    expect(safety.text).toBeTruthy();
    const raised = await waitFor(() => fake.posts(card.channel_id).find((p) => /Priority raised to \*\*EMERGENCY\*\*/.test(p.message)), 'the priority notice');
    expect(raised.message).toMatch(/^@channel /);
    const quoted = await waitFor(() => fake.posts(card.channel_id).find((p) => p.message.includes('cannot breathe')), 'the patient message');
    expect(quoted.message).toContain('Assistant replied (safety guidance)');
    const c = (await app.relay.escalation.cases.byChannel(card.channel_id))!;
    expect(c.priority).toBe('emergency');
    await waitFor(() => JSON.stringify(fake.post(card.id)!.props).includes('EMERGENCY'), 'the card showing the new priority');
    // Still one case for the conversation.
    expect(fake.channels().filter((ch) => ch.id === card.channel_id)).toHaveLength(1);
    expect((await app.relay.escalation.cases.events(c.id)).filter((e) => e.kind === 'priority_raised')).toHaveLength(1);
    void offered;
    visitor.close();
  });
});
