import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/app-process.js';
import { runMattermostCommand } from '../../src/escalation/mattermost/setup-command.js';
import { queueMarkdown } from '../../src/escalation/mattermost/queue-post.js';
import { connectVisitor, startTestApp, type TestApp } from '../helpers/app.js';
import { actionId, findCard, MENTION, startMattermostFixture, waitFor, type MattermostFixture } from './helpers.js';

describe('the case queue in Mattermost: pinned post and /carerelay cases', () => {
  let mm: MattermostFixture;
  let app: TestApp;
  let commandToken: string;

  beforeAll(async () => {
    mm = await startMattermostFixture([
      { username: 'ana', firstName: 'Ana', languages: ['es', 'en'], status: 'online' },
      { username: 'ed', firstName: 'Ed', languages: ['en'], status: 'online' },
    ]);
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    // The slash command is made the way an operator makes it: `carerelay mattermost setup`.
    const admin = mm.fake.addUser({ username: 'root', roles: 'system_user system_admin' });
    let out = '';
    const code = await runMattermostCommand(['setup'], {
      env: { ...mm.env, MATTERMOST_ADMIN_TOKEN: admin.token, PUBLIC_URL: publicUrl },
      stdout: { write: (s: string) => ((out += s), true) },
      stderr: { write: () => true },
    });
    expect(code, out).toBe(0);
    expect(out).toMatch(/created slash command \/carerelay in clinic \(calls http:\/\/127\.0\.0\.1:\d+\/mattermost\/command\)/);
    commandToken = /^MATTERMOST_COMMAND_TOKEN=(\S+)$/m.exec(out)![1]!;
    app = await startTestApp({ ...mm.env, PORT: String(port), PUBLIC_URL: publicUrl, MATTERMOST_COMMAND_TOKEN: commandToken });
    await waitFor(() => app.relay.escalation.desk?.connected, 'the Mattermost websocket');
  });
  afterAll(async () => {
    await app?.close();
    await mm?.fake.close();
  });

  const queuePost = () => {
    const pinned = mm.fake.pinned(mm.fake.triageChannelId).filter((p) => p.user_id === mm.fake.botUserId && p.props?.carerelay_key === 'queue');
    return pinned.length ? pinned : undefined;
  };

  it('pins one queue post in the triage channel and keeps it current as cases change', async () => {
    const { fake, nurses } = mm;
    const [first] = await waitFor(queuePost, 'the pinned queue post');
    expect(first!.message).toMatch(/^#### :clipboard: CareRelay case queue\nNo open cases · updated \d\d:\d\d UTC$/);

    const visitor = await connectVisitor(app.url, { language: 'es' });
    await visitor.send('Quiero hablar con una enfermera sobre mi cita del martes');
    const waiting = await waitFor(() => queuePost()?.find((p) => /1 waiting/.test(p.message)), 'the case in the queue post');
    expect(waiting.id).toBe(first!.id);
    const row = waiting.message.split('\n').find((l) => l.startsWith('| #'))!;
    expect(row).toMatch(/^\| #\d+ \| :speech_balloon: Routine \| (offered|waiting \(not yet offered\)) \| \d+s \| Spanish \(es\) \| webchat \| (~case-\d+-[0-9a-f]{8}|-) \|$/);
    // Facts only: never what the patient wrote, never a mention.
    expect(waiting.message).not.toMatch(/martes|enfermera/);
    expect(waiting.message).not.toMatch(MENTION);

    const card = await waitFor(() => findCard(fake, (p) => p.message.includes('martes')), 'the case card');
    await fake.clickButton({ postId: card.id, actionId: actionId(card, 'Claim'), userId: nurses.ana!.id });
    const claimed = await waitFor(() => queuePost()?.find((p) => /claimed by Ana/.test(p.message)), 'the claim in the queue post');
    expect(claimed.message).toMatch(/\*\*0 waiting\*\* for a nurse · 1 claimed/);
    await fake.clickButton({ postId: card.id, actionId: actionId(card, 'Resolve'), userId: nurses.ana!.id });
    await waitFor(() => queuePost()?.find((p) => /No open cases/.test(p.message)), 'the empty queue again');
    // Still one queue post, edited in place.
    expect(queuePost()).toHaveLength(1);
    expect(fake.posts(fake.triageChannelId).filter((p) => p.props?.carerelay_key === 'queue')).toHaveLength(1);
    visitor.close();
  });

  it('answers /carerelay cases to staff only, ephemerally, and refuses a request without the command token', async () => {
    const { fake, nurses } = mm;
    const visitor = await connectVisitor(app.url, { language: 'en' });
    await visitor.send('I need to talk to a nurse');
    await waitFor(() => queuePost()?.find((p) => /1 waiting/.test(p.message)), 'the case in the queue post');

    const answer = await fake.runSlashCommand({ userId: nurses.ed!.id, channelId: fake.triageChannelId, command: '/carerelay cases' });
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/^#### :clipboard: Open cases\n\*\*1 waiting\*\* for a nurse/);
    expect(answer.text).toMatch(/English \(en\) \| webchat/);
    expect(fake.ephemerals.at(-1)).toMatchObject({ userId: nurses.ed!.id, channelId: fake.triageChannelId });
    const call = fake.commandCalls.at(-1)!;
    expect(call.headers.Authorization).toBe(`Token ${commandToken}`);
    expect(call.form).toMatchObject({ command: '/carerelay', text: 'cases', user_name: 'ed', team_domain: 'clinic' });

    expect((await fake.runSlashCommand({ userId: nurses.ed!.id, channelId: fake.triageChannelId, command: '/carerelay help' })).text).toMatch(/`\/carerelay cases`/);
    // Someone on the team but not in the triage channel sees nothing of the queue.
    const clerk = fake.addUser({ username: 'clerk' });
    const lounge = fake.addChannel({ name: 'lounge', members: [clerk.id] });
    const refused = await fake.runSlashCommand({ userId: clerk.id, channelId: lounge.id, command: '/carerelay cases' });
    expect(refused.text).toBe('Only nurses in the triage channel can see the case queue.');

    const forged = await fetch(`${app.url}/mattermost/command`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: 'not-the-token', user_id: nurses.ed!.id, text: 'cases' }).toString(),
    });
    expect(forged.status).toBe(401);
    expect(await forged.text()).not.toMatch(/waiting/);
    visitor.close();
  });
});

describe('queueMarkdown', () => {
  const base = { reason: 'human_request', conversationId: 'c', offerRound: 1, roomName: null, offeredAt: null, claimedAt: null, closedAt: null };
  it('orders nothing itself, names emergencies, and keeps claimed times apart', () => {
    const now = Date.parse('2026-01-01T10:00:00Z');
    const text = queueMarkdown(
      [
        { ...base, id: 'a', number: 7, state: 'queued', priority: 'emergency', language: 'hi', channel: 'sms', claimedByName: null, createdAt: new Date(now - 3 * 60_000) },
        { ...base, id: 'b', number: 5, state: 'claimed', priority: 'urgent', language: 'zh', channel: 'voice', claimedByName: 'Wei', createdAt: new Date(now - 90 * 60_000), claimedAt: new Date(now - 10 * 60_000) },
      ],
      now,
    );
    expect(text).toContain('**1 waiting** for a nurse (**1 emergency**) · 1 claimed · updated 10:00 UTC');
    expect(text).toContain('| #7 | :rotating_light: EMERGENCY | waiting (not yet offered) | 3m | Hindi (hi) | sms | - |');
    expect(text).toContain('| #5 | :warning: URGENT | claimed by Wei | 1h 30m (claimed 10m ago) | Chinese (Mandarin) (zh) | voice | - |');
  });
});
