import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAction } from '../../src/escalation/mattermost/action-signing.js';
import { NOT_STAFF_TEXT } from '../../src/escalation/claims.js';
import { caseOrdering } from '../../src/escalation/deps.js';
import { connectVisitor, startTestApp, type TestApp } from '../helpers/app.js';
import type { StoredPost } from '../fakes/mattermost-server.js';
import { ACTION_SECRET, actionId, findCard, hasButtons, startMattermostFixture, waitFor, type MattermostFixture } from './helpers.js';

type Button = { id: string; name: string; integration: { url: string; context: Record<string, unknown> } };

/** The button as stored by Mattermost (the fake keeps `integration`, which API reads strip). */
function button(post: StoredPost, name: 'Claim' | 'Resolve'): Button {
  const attachments = (post.props.attachments ?? []) as { actions?: Button[] }[];
  const found = attachments.flatMap((a) => a.actions ?? []).find((a) => a.name === name);
  if (!found) throw new Error(`no ${name} button on post ${post.id}`);
  return found;
}

describe('POST /mattermost/actions: only Mattermost staff, only from the signed post', () => {
  let mm: MattermostFixture;
  let app: TestApp;

  beforeAll(async () => {
    mm = await startMattermostFixture([
      { username: 'ana', firstName: 'Ana', languages: ['en'], status: 'online' },
      { username: 'ed', firstName: 'Ed', languages: ['en'], status: 'online' },
    ]);
    app = await startTestApp(mm.env);
    await waitFor(() => app.relay.escalation.desk?.connected, 'the Mattermost websocket');
  });
  afterAll(async () => {
    await app?.close();
    await mm?.fake.close();
  });

  /** Opens a case from a web chat visitor; resolves once its card carries signed buttons. */
  async function openCase(text: string) {
    const visitor = await connectVisitor(app.url, { language: 'en' });
    await visitor.send(text);
    const card = await waitFor(() => findCard(mm.fake, (p) => p.message.includes(text)), 'the signed case card');
    const c = (await app.relay.escalation.cases.byChannel(card.channel_id))!;
    return { visitor, card, c };
  }

  /** The nurse the case was offered to (a member of its private channel, so able to click there). */
  const offeredNurse = (card: StoredPost) =>
    waitFor(() => [mm.nurses.ana!, mm.nurses.ed!].find((n) => mm.fake.members(card.channel_id).includes(n.id)), 'a nurse offered the case');

  const post = (body: Record<string, unknown>) =>
    fetch(`${app.url}/mattermost/actions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  const ephemeral = async (res: Response) => ((await res.json()) as { ephemeral_text?: string }).ephemeral_text;

  /** The jobs queued for the case (they share its ordering key), oldest first. */
  const outboxKeys = async (caseId: string) => (await app.relay.outbox.list(caseOrdering(caseId))).map((r) => r.idempotencyKey);

  it('refuses a forged click with a real context but a user Mattermost does not count as staff, and believes no name from the payload', async () => {
    const { fake, nurses } = mm;
    const { visitor, card, c } = await openCase('I would like a nurse to call me please');
    const claim = button(card, 'Claim');
    const forged = {
      user_id: 'm'.repeat(26),
      user_name: 'Dr Mallory',
      channel_id: fake.triageChannelId,
      team_id: fake.teamId,
      post_id: card.id,
      context: claim.integration.context,
    };
    const res = await post(forged);
    expect(res.status).toBe(200);
    expect(await ephemeral(res)).toBe(NOT_STAFF_TEXT);

    // A real Mattermost account outside the triage channel is not staff either.
    const outsider = fake.addUser({ username: 'mallory', firstName: 'Mallory' });
    const res2 = await post({ ...forged, user_id: outsider.id });
    expect(await ephemeral(res2)).toBe(NOT_STAFF_TEXT);

    expect((await app.relay.escalation.cases.get(c.id))!.claimedBy).toBeNull();
    expect((await outboxKeys(c.id)).some((k) => k.includes(':member:'))).toBe(false);

    // A nurse's real id with a made-up name: the name comes from Mattermost.
    const res3 = await post({ ...forged, user_id: nurses.ana!.id });
    expect(await ephemeral(res3)).toMatch(/You claimed case/);
    const claimed = (await app.relay.escalation.cases.get(c.id))!;
    expect(claimed.claimedBy).toBe(nurses.ana!.id);
    expect(claimed.claimedByName).toBe('Ana');
    const joined = await visitor.next((m) => m.role === 'system');
    expect(joined.text).toContain('Ana');
    expect(joined.text).not.toContain('Mallory');
    visitor.close();
  });

  it('refuses contexts clicked on another post, unsigned for a post, or tampered with', async () => {
    const { fake } = mm;
    const { visitor, card, c } = await openCase('I would like a nurse to call me about my test');
    const context = button(card, 'Claim').integration.context;
    const nurse = await offeredNurse(card);
    const base = { user_id: nurse.id, user_name: nurse.username, channel_id: card.channel_id, team_id: fake.teamId };
    const other = fake.postAs(fake.botUserId, card.channel_id, 'another post');
    expect((await post({ ...base, post_id: other.id, context })).status).toBe(403);
    // The pre-hardening context shape: no post id, no expiry.
    const legacy = { action: 'claim', caseId: c.id, sig: String(context.sig) };
    expect((await post({ ...base, post_id: card.id, context: legacy })).status).toBe(403);
    expect((await post({ ...base, post_id: card.id, context: { ...context, exp: Number(context.exp) + 86_400_000 } })).status).toBe(403);
    expect((await app.relay.escalation.cases.get(c.id))!.claimedBy).toBeNull();
    await fake.clickButton({ postId: card.id, actionId: actionId(card, 'Resolve'), userId: nurse.id });
    visitor.close();
  });

  it('makes a claim single-use: the same request again is a no-op answered with a note', async () => {
    const { fake } = mm;
    const { visitor, card, c } = await openCase('I would like a nurse to call me about my results');
    const nurse = await offeredNurse(card);
    const first = await fake.clickButton({ postId: card.id, actionId: actionId(card, 'Claim'), userId: nurse.id });
    expect(first.ephemeral_text).toMatch(/You claimed case/);
    await visitor.next((m) => m.role === 'system');
    const request = fake.actionCalls.at(-1)!.request;
    const eventsBefore = await app.relay.escalation.cases.events(c.id);
    const jobsBefore = await outboxKeys(c.id);

    const replay = await post(request as unknown as Record<string, unknown>);
    expect(replay.status).toBe(200);
    expect(await ephemeral(replay)).toBe(`You have already claimed case #${c.number}.`);
    const again = await fake.clickButton({ postId: card.id, actionId: actionId(card, 'Claim'), userId: nurse.id });
    expect(again.ephemeral_text).toBe(`You have already claimed case #${c.number}.`);

    expect(await app.relay.escalation.cases.events(c.id)).toEqual(eventsBefore);
    expect(await outboxKeys(c.id)).toEqual(jobsBefore);
    expect(visitor.received.filter((r) => r.event === 'message' && r.data.role === 'system')).toHaveLength(1);
    await fake.clickButton({ postId: card.id, actionId: actionId(card, 'Resolve'), userId: nurse.id });
    visitor.close();
  });

  it('renews an expired button for staff instead of acting on it', async () => {
    const { fake } = mm;
    const { visitor, card, c } = await openCase('I would like a nurse to call me about my prescription');
    const nurse = await offeredNurse(card);
    const expired = signAction(ACTION_SECRET, { action: 'claim', caseId: c.id, postId: card.id, expiresAt: Date.now() - 1_000 });
    const base = { user_id: nurse.id, user_name: nurse.username, channel_id: card.channel_id, team_id: fake.teamId, post_id: card.id };
    const before = Number(button(card, 'Claim').integration.context.exp);
    const answer = await post({ ...base, context: expired });
    expect(await ephemeral(answer)).toMatch(/expired and has been renewed/);
    expect((await app.relay.escalation.cases.get(c.id))!.claimedBy).toBeNull();
    const renewed = await waitFor(() => {
      const p = fake.post(card.id)!;
      return Number(button(p, 'Claim').integration.context.exp) > before && p;
    }, 'the card signed again');
    const click = await fake.clickButton({ postId: renewed.id, actionId: actionId(renewed, 'Claim'), userId: nurse.id });
    expect(click.ephemeral_text).toMatch(/You claimed case/);
    await fake.clickButton({ postId: renewed.id, actionId: actionId(renewed, 'Resolve'), userId: nurse.id });
    visitor.close();
  });

  it('renews an expired Claim on a triage alert, and a claim from there adds the nurse to the case channel', async () => {
    const { fake, nurses } = mm;
    for (const n of [nurses.ana!, nurses.ed!]) fake.setStatus(n.id, 'offline');
    await app.relay.escalation.presence!.refresh();
    const visitor = await connectVisitor(app.url, { language: 'en' });
    await visitor.send('I would like a nurse to call me tonight');
    const card = await waitFor(() => findCard(fake, (p) => p.message.includes('call me tonight')), 'the case card');
    const c = (await app.relay.escalation.cases.byChannel(card.channel_id))!;
    const alertFor = () => fake.posts(fake.triageChannelId).find((p) => p.user_id === fake.botUserId && p.message.includes(`Case #${c.number}`) && hasButtons(p));
    const alert = await waitFor(alertFor, 'the triage alert with its Claim button');
    expect(fake.members(card.channel_id)).not.toContain(nurses.ana!.id);

    const before = Number(button(alert, 'Claim').integration.context.exp);
    const expired = signAction(ACTION_SECRET, { action: 'claim', caseId: c.id, postId: alert.id, expiresAt: Date.now() - 1_000 });
    const res = await post({ user_id: nurses.ana!.id, user_name: 'ana', channel_id: fake.triageChannelId, team_id: fake.teamId, post_id: alert.id, context: expired });
    expect(await ephemeral(res)).toMatch(/expired and has been renewed/);
    const renewed = await waitFor(() => {
      const p = fake.post(alert.id)!;
      return Number(button(p, 'Claim').integration.context.exp) > before && p;
    }, 'the alert signed again');
    expect(renewed.message).toBe(alert.message);
    expect(renewed.props.carerelay_key).toBe(alert.props.carerelay_key);

    const click = await fake.clickButton({ postId: renewed.id, actionId: actionId(renewed, 'Claim'), userId: nurses.ana!.id });
    expect(click.ephemeral_text).toMatch(/You claimed case/);
    await waitFor(() => fake.members(card.channel_id).includes(nurses.ana!.id), 'Ana added to the case channel');
    visitor.close();
  });
});
