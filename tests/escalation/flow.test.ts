import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor, startTestApp, type TestApp } from '../helpers/app.js';
import { actionId, findCard, MENTION, startMattermostFixture, waitFor, type MattermostFixture } from './helpers.js';

describe('escalation: web chat patient ↔ nurse in Mattermost', () => {
  let mm: MattermostFixture;
  let app: TestApp;

  beforeAll(async () => {
    mm = await startMattermostFixture([
      { username: 'ana', firstName: 'Ana', languages: ['es', 'en'], status: 'online' },
      { username: 'carmen', firstName: 'Carmen', languages: ['es'], status: 'offline' },
      { username: 'ed', firstName: 'Ed', languages: ['en'], status: 'online' },
    ]);
    app = await startTestApp(mm.env);
    await waitFor(() => app.relay.escalation.desk?.connected, 'the Mattermost websocket');
  });
  afterAll(async () => {
    await app?.close();
    await mm?.fake.close();
  });

  it('offers a Spanish request to the online Spanish-speaking nurse, relays her replies but not notes, and hands back on Resolve', async () => {
    const { fake, nurses } = mm;
    const visitor = await connectVisitor(app.url, { language: 'es' });
    await visitor.send('Quiero hablar con una enfermera');
    const notice = await visitor.next((m) => m.role === 'bot' && /Voy a comunicarle con una enfermera/.test(m.text));
    expect(notice.text).toMatch(/minutos/);

    const card = await waitFor(() => findCard(fake, (p) => p.message.includes('Spanish')), 'the case card');
    const channel = fake.channel(card.channel_id)!;
    expect(channel.type).toBe('P');
    expect(card.message).toContain('Quiero hablar con una enfermera');
    await waitFor(() => fake.members(channel.id).includes(nurses.ana!.id), 'Ana in the case channel');
    expect(fake.members(channel.id)).not.toContain(nurses.carmen!.id);
    expect(fake.members(channel.id)).not.toContain(nurses.ed!.id);

    fake.postAs(nurses.ana!.id, channel.id, 'Hola, soy Ana. ¿En qué le puedo ayudar?');
    const reply = await visitor.next((m) => m.role === 'nurse');
    expect(reply.text).toBe('Hola, soy Ana. ¿En qué le puedo ayudar?');
    expect(reply.senderName).toBe('Ana');

    fake.postAs(nurses.ana!.id, channel.id, '// nota interna: llamar mañana');
    fake.postAs(nurses.ana!.id, channel.id, 'Cuénteme, por favor.');
    await visitor.next((m) => m.role === 'nurse' && m.text === 'Cuénteme, por favor.');
    expect(visitor.received.some((r) => r.event === 'message' && String(r.data.text).includes('nota interna'))).toBe(false);

    const botMessages = () => visitor.received.filter((r) => r.event === 'message' && r.data.role === 'bot').length;
    const botBefore = botMessages();
    await visitor.send('Me duele la cabeza desde ayer');
    const relayed = await waitFor(
      () => fake.posts(channel.id).find((p) => p.user_id === fake.botUserId && p.message.includes('Me duele la cabeza desde ayer')),
      'the patient message in the case channel',
    );
    expect(relayed.message).toMatch(/^\*\*Patient:\*\*\n> /);
    // While the nurse has the conversation the bot does not answer.
    expect(botMessages()).toBe(botBefore);

    const answer = await fake.clickButton({ postId: card.id, actionId: actionId(card, 'Resolve'), userId: nurses.ana!.id });
    expect(answer.ephemeral_text).toMatch(/resolved/);
    const back = await visitor.next((m) => m.role === 'bot' && /asistente virtual/.test(m.text));
    expect(back.text).toMatch(/enfermería/);

    await visitor.send('hola');
    const greeting = await visitor.next((m) => m.role === 'bot' && /^¡Hola!/.test(m.text));
    expect(greeting.text).toMatch(/asistente virtual/);
    const events = await app.relay.escalation.cases.events((await app.relay.escalation.cases.byChannel(channel.id))!.id);
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['opened', 'offered', 'card_posted', 'claimed', 'relayed_to_patient', 'note', 'relayed_to_nurses', 'resolved']));
    // The ledger is append-only. Kept as SQL: the guarantee is the table's own (a trigger), and only SQL can try to break it.
    await expect(app.relay.db.pool.query(`UPDATE case_events SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(app.relay.db.pool.query(`DELETE FROM case_events`)).rejects.toThrow(/append-only/);
    visitor.close();
  });

  it('lets only the first Claim win; a second nurse is told who has it', async () => {
    const { fake, nurses } = mm;
    const visitor = await connectVisitor(app.url, { language: 'en' });
    await visitor.send('Can I speak to a real person?');
    const card = await waitFor(() => findCard(fake, (p) => p.message.includes('Can I speak to a real person?')), 'the case card');
    // Both English speakers are online; the one offered first claims, the other joins the channel and clicks too.
    const offered = await waitFor(() => [nurses.ana!, nurses.ed!].find((n) => fake.members(card.channel_id).includes(n.id)), 'a nurse offered the case');
    const other = offered.id === nurses.ana!.id ? nurses.ed! : nurses.ana!;
    fake.addMember(card.channel_id, other.id);
    const first = await fake.clickButton({ postId: card.id, actionId: actionId(card, 'Claim'), userId: offered.id });
    expect(first.ephemeral_text).toMatch(/You claimed case/);
    const joined = await visitor.next((m) => m.role === 'system');
    expect(joined.text).toContain(offered.first_name);
    const second = await fake.clickButton({ postId: card.id, actionId: actionId(card, 'Claim'), userId: other.id });
    expect(second.ephemeral_text).toContain(`already claimed by ${offered.first_name}`);
    await fake.clickButton({ postId: card.id, actionId: actionId(card, 'Resolve'), userId: offered.id });
    visitor.close();
  });

  it('keeps patient text inert in the card and in relayed posts', async () => {
    const { fake } = mm;
    const visitor = await connectVisitor(app.url, { language: 'en' });
    const hostile = 'I need a nurse @channel @all @here @ana ![img](http://x) [link](http://x) **bold** ~town-square #tag www.evil.example';
    await visitor.send(hostile);
    const card = await waitFor(() => findCard(fake, (p) => p.message.includes('I need a nurse')), 'the case card');
    const line = card.message.split('\n').find((l) => l.includes('I need a nurse'))!;
    expect(line.startsWith('> ')).toBe(true);
    expect(card.message).not.toMatch(MENTION);
    expect(card.message).not.toMatch(/(^|[^\w@.-])@ana\b/);
    expect(card.message).not.toContain('![img](');
    expect(card.message).not.toContain('[link](');
    expect(card.message).not.toContain('http://x');
    expect(card.message).not.toContain('**bold**');
    expect(card.message).not.toContain('www.evil');

    await visitor.send('@channel look ![x](http://y)');
    const post = await waitFor(() => fake.posts(card.channel_id).find((p) => p.user_id === fake.botUserId && p.message.includes('look')), 'the relayed patient post');
    expect(post.message).not.toMatch(MENTION);
    expect(post.message).not.toMatch(/(^|[^\\])\]\(/);
    expect(post.message).not.toContain('http://');
    visitor.close();
  });
});
