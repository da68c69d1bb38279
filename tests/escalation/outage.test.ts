import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MattermostDesk } from '../../src/escalation/mattermost/desk.js';
import { connectVisitor, startTestApp, type TestApp } from '../helpers/app.js';
import { findCard, startMattermostFixture, waitFor, type MattermostFixture } from './helpers.js';

type Readiness = { status: string; checks: Record<string, { ok: boolean; detail?: string }> };

describe('escalation: Mattermost down, then back', () => {
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

  it('keeps the case while Mattermost is down and posts its card exactly once when it returns', async () => {
    const { fake, nurses } = mm;
    fake.down();
    const visitor = await connectVisitor(app.url);
    await visitor.send('Please let me talk to a nurse');
    const notice = await visitor.next((m) => m.role === 'bot' && /bringing in a nurse/.test(m.text));
    expect(notice.text).toMatch(/minutes/);

    const { cases } = app.relay.escalation;
    const c = await waitFor(() => cases.openFor(visitor.session.conversationId), 'the case row');
    await waitFor(async () => (await app.relay.outbox.get((await cases.get(c.id))!.openJobId!))?.attempts, 'a failed delivery attempt');
    expect((await cases.get(c.id))!.state).toBe('queued');
    expect(findCard(fake)).toBeUndefined();
    const ready = (await (await fetch(`${app.url}/ready`)).json()) as Readiness;
    // Mattermost being down never makes the instance unready; readiness reports it.
    expect(ready.checks.escalation!.ok).toBe(false);

    fake.up();
    const card = await waitFor(() => findCard(fake), 'the case card after Mattermost returns', { timeoutMs: 25_000 });
    await waitFor(() => fake.members(card.channel_id).includes(nurses.ana!.id), 'Ana offered the case');
    await waitFor(async () => (await cases.get(c.id))!.state === 'offered', 'the case offered');
    // A patient message sent after the outage still reaches the case channel.
    await visitor.send('Still here, my arm hurts');
    await waitFor(() => fake.posts(card.channel_id).find((p) => p.message.includes('my arm hurts')), 'the patient message in the case channel');
    expect(fake.channels().filter((ch) => ch.name.startsWith('case-'))).toHaveLength(1);
    expect(fake.posts().filter((p) => String(p.props.carerelay_key ?? '').endsWith(':card'))).toHaveLength(1);
    await waitFor(() => app.relay.escalation.desk!.connected, 'the websocket back');
    expect(((await (await fetch(`${app.url}/ready`)).json()) as Readiness).checks.escalation!.ok).toBe(true);
    visitor.close();
  });

  it('posts a retried message once: a post that went through before a failure is found, not repeated', async () => {
    const { fake } = mm;
    const { gateway } = app.relay.escalation.desk as MattermostDesk;
    const first = await gateway.postOnce(fake.triageChannelId, 'test:idempotent', { message: 'only once' }, false);
    const again = await gateway.postOnce(fake.triageChannelId, 'test:idempotent', { message: 'only once' }, true);
    expect(again.id).toBe(first.id);
    expect(fake.posts(fake.triageChannelId).filter((p) => p.message === 'only once')).toHaveLength(1);
  });
});

describe('escalation: Mattermost not configured', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('queues the case in the database, tells the patient honestly, and stays ready', async () => {
    const visitor = await connectVisitor(app.url, { language: 'zh' });
    await visitor.send('转人工');
    const notice = await visitor.next((m) => m.role === 'bot' && /护士热线/.test(m.text));
    expect(notice.text).toContain('无法让护士加入');
    const c = await waitFor(() => app.relay.escalation.cases.openFor(visitor.session.conversationId), 'the queued case');
    expect(c).toMatchObject({ state: 'queued', reason: 'human_request', language: 'zh', channel: 'webchat' });
    // Nobody can take over, so the bot keeps answering.
    expect((await app.relay.store.conversations.get(visitor.session.conversationId))!.mode).toBe('bot');

    // Ready (once the knowledge indexes are built) although escalation is not configured.
    const body = await waitFor(async () => {
      const res = await fetch(`${app.url}/ready`);
      return res.status === 200 && ((await res.json()) as Readiness);
    }, 'the instance to be ready');
    expect(body.checks.escalation).toEqual({ ok: false, detail: 'not configured' });

    const strings = await (await fetch(`${app.url}/escalation/strings/zh`)).json();
    expect(strings).toMatchObject({ language: 'zh', strings: { talkToNurse: '联系护士' } });

    const signed = await fetch(`${app.url}/mattermost/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user_id: 'a'.repeat(26), context: { action: 'claim', caseId: c.id, sig: '0'.repeat(64) } }),
    });
    expect(signed.status).toBe(403);
    visitor.close();
  });
});
