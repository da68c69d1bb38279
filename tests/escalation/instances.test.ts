import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor, startTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { actionId, findCard, startMattermostFixture, waitFor, type MattermostFixture } from './helpers.js';

/**
 * Two instances on one database and one state store, each with its own Mattermost
 * websocket. With DATABASE_URL / REDIS_URL they share a schema and a key prefix. Embedded,
 * they share one PGlite served on loopback, and the patient's browser keeps a socket to
 * each instance (nothing carries socket.io events between instances without Redis).
 */
describe('escalation: two instances', () => {
  let mm: MattermostFixture;
  let a: TestApp;
  let b: TestApp;
  let stopEmbedded: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    mm = await startMattermostFixture([
      { username: 'ana', firstName: 'Ana', languages: ['en'], status: 'online' },
      { username: 'ed', firstName: 'Ed', languages: ['en'], status: 'online' },
    ]);
    let env = mm.env;
    if (!process.env.DATABASE_URL) {
      const { PGlite } = await import('@electric-sql/pglite');
      const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
      const pglite = await PGlite.create('memory://');
      // Room for both instances' connection pools.
      const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 40 });
      await server.start();
      env = { ...env, DATABASE_URL: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable` };
      stopEmbedded = async () => {
        await server.stop();
        await pglite.close();
      };
    }
    const config = testConfig(env);
    a = await startTestApp(env, config);
    b = await startTestApp(env, config);
    await waitFor(() => a.relay.escalation.desk?.connected && b.relay.escalation.desk?.connected, 'both websockets');
  });
  afterAll(async () => {
    // Closing b's relay only: a's close drops the shared schema and keys.
    await b?.relay.close();
    await a?.close();
    await stopEmbedded?.();
    await mm?.fake.close();
  });

  it('assigns the case once, lets one of two simultaneous claims win, and relays each nurse post exactly once', async () => {
    const { fake, nurses } = mm;
    expect(fake.connections().filter((c) => c.userId === fake.botUserId && c.active)).toHaveLength(2);
    const visitor = await connectVisitor(a.url);
    const sockets = a.relay.state.kind === 'redis' ? [visitor] : [visitor, await connectVisitor(b.url, { token: visitor.session.token })];
    expect(sockets.every((s) => s.session.conversationId === visitor.session.conversationId)).toBe(true);

    await visitor.send('I want to talk to a nurse');
    const card = await waitFor(() => findCard(fake), 'the case card');
    const channelId = card.channel_id;
    await waitFor(() => fake.members(channelId).some((id) => id === nurses.ana!.id || id === nurses.ed!.id), 'a nurse offered');
    // Both sweepers run; still one channel, one card, one offer round.
    await waitFor(() => a.relay.escalation.sweep().then(() => b.relay.escalation.sweep()).then(() => true), 'a sweep on each instance');
    expect(fake.channels().filter((c) => c.name.startsWith('case-'))).toHaveLength(1);
    expect(fake.posts().filter((p) => String(p.props.carerelay_key ?? '').endsWith(':card'))).toHaveLength(1);

    // Mattermost calls the button URL; here both nurses' clicks reach different instances at once.
    fake.addMember(channelId, nurses.ana!.id);
    fake.addMember(channelId, nurses.ed!.id);
    const integration = (card.props.attachments as { actions: { id: string; integration: { context: Record<string, unknown> } }[] }[])[0]!.actions.find(
      (x) => x.id === actionId(card, 'Claim'),
    )!.integration;
    const click = (url: string, user: { id: string; username: string }) =>
      fetch(`${url}/mattermost/actions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user_id: user.id, user_name: user.username, channel_id: channelId, post_id: card.id, type: 'button', context: integration.context }),
      }).then((r) => r.json() as Promise<{ ephemeral_text: string }>);
    const answers = await Promise.all([click(a.url, nurses.ana!), click(b.url, nurses.ed!)]);
    const texts = answers.map((x) => x.ephemeral_text);
    expect(texts.filter((t) => /^You claimed/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /already claimed by (Ana|Ed)/.test(t))).toHaveLength(1);
    const c = (await a.relay.escalation.cases.byChannel(channelId))!;
    expect(c.state).toBe('claimed');
    const winner = c.claimedBy === nurses.ana!.id ? nurses.ana! : nurses.ed!;

    const lines = Array.from({ length: 6 }, (_, i) => `Reply ${i + 1} from ${winner.first_name}`);
    for (const line of lines) fake.postAs(winner.id, channelId, line);
    const received = () => sockets.flatMap((s) => s.received).filter((r) => r.event === 'message' && r.data.role === 'nurse').map((r) => r.data.text as string);
    await waitFor(() => lines.every((l) => received().includes(l)), 'every nurse post at the patient');
    // Give a duplicate the chance to show up: one more post, relayed after the others (same order key).
    fake.postAs(winner.id, channelId, 'last one');
    await waitFor(() => received().includes('last one'), 'the last post');
    if (sockets.length === 1) expect(received()).toEqual([...lines, 'last one']);
    else expect([...received()].sort()).toEqual([...lines, 'last one'].sort());

    const history = await a.relay.store.messages.history(visitor.session.conversationId);
    expect(history.filter((m) => m.role === 'nurse').map((m) => m.body)).toEqual([...lines, 'last one']);
    const relayed = (await a.relay.escalation.cases.events(c.id)).filter((e) => e.kind === 'relayed_to_patient');
    expect(relayed).toHaveLength(lines.length + 1);
    for (const s of sockets) s.close();
  });
});
