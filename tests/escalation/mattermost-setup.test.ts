import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMattermostCommand } from '../../src/escalation/mattermost/setup-command.js';
import { allowListCovers, isInternalAddress, parseServerVersion } from '../../src/escalation/mattermost/setup.js';
import { ConfigError } from '../../src/errors.js';
import { startFakeMattermost, type FakeMattermost, type FakeUser } from '../fakes/mattermost-server.js';
import { connectVisitor, startTestApp } from '../helpers/app.js';
import { waitFor } from './helpers.js';

function capture() {
  let text = '';
  return { write: (chunk: string) => ((text += chunk), true), get text() { return text; } };
}

async function setup(env: Record<string, string>, args: string[] = []) {
  const stdout = capture();
  const stderr = capture();
  const code = await runMattermostCommand(['setup', ...args], { stdout, stderr, env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function rosterFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cr-staff-')), 'staff.yaml');
  writeFileSync(file, 'maria.lopez: { languages: [es, en], capacity: 4 }\nwei.chen: { languages: [zh, en] }\npriya.sharma: { languages: [hi, en] }\n');
  return file;
}

describe('carerelay mattermost setup', () => {
  let fake: FakeMattermost;
  let admin: FakeUser;
  let env: Record<string, string>;
  let token = '';
  let commandToken = '';

  beforeAll(async () => {
    // A fresh server: the fake's own start-up bot has another name; the team does not exist yet.
    fake = await startFakeMattermost({ botUsername: 'legacy-bot', serviceSettings: { EnableBotAccountCreation: true } });
    admin = fake.addUser({ username: 'sysadmin', roles: 'system_user system_admin' });
    fake.addUser({ username: 'maria.lopez', firstName: 'Maria' });
    fake.addUser({ username: 'wei.chen', firstName: 'Wei' });
    fake.addUser({ username: 'ed.jones', firstName: 'Ed' });
    env = {
      MATTERMOST_URL: fake.url,
      MATTERMOST_ADMIN_TOKEN: admin.token,
      MATTERMOST_TEAM: 'nursing',
      MATTERMOST_TRIAGE_CHANNEL: 'triage-desk',
      STAFF_FILE: rosterFile(),
      PUBLIC_URL: 'http://127.0.0.1:3000',
    };
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('--check on a fresh server changes nothing and lists what is missing', async () => {
    const r = await setup(env, ['--check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/checking only, nothing changed/);
    expect(r.stdout).toMatch(/MISSING team "nursing"/);
    expect(r.stdout).toMatch(/MISSING bot @carerelay/);
    expect(fake.teams().map((t) => t.name)).toEqual(['clinic']);
    expect(fake.bots().map((b) => b.username)).toEqual(['legacy-bot']);
  });

  it('creates the team, the bot and its token, the private triage channel with the roster, and says what it did', async () => {
    fake.clearRequests();
    const r = await setup(env);
    expect(r.code, r.stdout).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`Mattermost at ${fake.url} (server 10.11.0)`);
    expect(r.stdout).toMatch(/ok {6}Mattermost 10\.11\.0 \(supported: 9\.11 or newer\)/);
    expect(r.stdout).toMatch(/created team "nursing" \(Nursing, invite only\)/);
    expect(r.stdout).toMatch(/created bot @carerelay/);
    expect(r.stdout).toMatch(/added {3}@carerelay to team nursing/);
    expect(r.stdout).toMatch(/created access token for @carerelay: printed below, once/);
    expect(r.stdout).toMatch(/created private channel ~triage-desk in nursing \(by @carerelay/);
    expect(r.stdout).toMatch(/warning STAFF_FILE lists a user Mattermost does not have: @priya\.sharma/);
    expect(r.stdout).toMatch(/added {3}to team nursing: @maria\.lopez, @wei\.chen/);
    expect(r.stdout).toMatch(/added {3}to ~triage-desk: @maria\.lopez, @wei\.chen/);
    expect(r.stdout).toMatch(/created slash command \/carerelay in nursing \(calls http:\/\/127\.0\.0\.1:3000\/mattermost\/command\)/);
    expect(r.stdout).toMatch(/to do {3}buttons call http:\/\/127\.0\.0\.1:3000\/mattermost\/actions, an internal address: add "127\.0\.0\.1" to System Console/);

    // What Mattermost now holds.
    const team = fake.teams().find((t) => t.name === 'nursing')!;
    expect(team.type).toBe('I');
    const bot = fake.user('carerelay')!;
    expect(bot.is_bot).toBe(true);
    expect(fake.bots().find((b) => b.user_id === bot.id)).toMatchObject({ owner_id: admin.id, display_name: 'CareRelay' });
    const triage = fake.channel('triage-desk')!;
    expect(triage).toMatchObject({ type: 'P', team_id: team.id, creator_id: bot.id });
    const members = fake.members(triage.id).map((id) => fake.user(id)!.username).sort();
    // The admin who ran setup is not in the nurse pool.
    expect(members).toEqual(['carerelay', 'maria.lopez', 'wei.chen']);
    expect(fake.teamMembers(team.id).map((id) => fake.user(id)!.username).sort()).toEqual(['carerelay', 'maria.lopez', 'sysadmin', 'wei.chen']);

    // The token, printed once, signs in as the bot.
    token = /^MATTERMOST_TOKEN=(\S+)$/m.exec(r.stdout)![1]!;
    commandToken = /^MATTERMOST_COMMAND_TOKEN=(\S+)$/m.exec(r.stdout)![1]!;
    expect(fake.commands()).toEqual([
      expect.objectContaining({ trigger: 'carerelay', method: 'P', url: 'http://127.0.0.1:3000/mattermost/command', team_id: team.id, token: commandToken, auto_complete: true }),
    ]);
    const me = await fetch(`${fake.url}/api/v4/users/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await me.json()) as { username: string }).username).toBe('carerelay');
    expect(r.stdout).toMatch(/^MATTERMOST_TEAM=nursing$/m);
    expect(r.stdout).toMatch(/^MATTERMOST_TRIAGE_CHANNEL=triage-desk$/m);
    expect(r.stdout).toMatch(/^MATTERMOST_ACTION_SECRET=[A-Za-z0-9_-]{32}$/m);
    // Only the admin endpoints the fake models (each checked against the server's api4 handlers).
    const used = new Set(fake.requests.map((q) => `${q.method} ${q.path.replace(/[a-z0-9]{26}/g, ':id')}`));
    expect([...used].sort()).toEqual(
      [
        'GET /api/v4/users/me',
        'GET /api/v4/config',
        'GET /api/v4/teams/name/nursing',
        'POST /api/v4/teams',
        'GET /api/v4/users/username/carerelay',
        'POST /api/v4/bots',
        'GET /api/v4/users/:id',
        'GET /api/v4/teams/:id/members/:id',
        'POST /api/v4/teams/:id/members',
        'GET /api/v4/users/:id/tokens',
        'POST /api/v4/users/:id/tokens',
        'GET /api/v4/teams/:id/channels/name/triage-desk',
        'POST /api/v4/channels',
        'GET /api/v4/channels/:id/members/:id',
        'GET /api/v4/channels/:id/members',
        'POST /api/v4/users/usernames',
        'POST /api/v4/channels/:id/members',
        'POST /api/v4/users/ids',
        'GET /api/v4/commands',
        'POST /api/v4/commands',
      ].sort(),
    );
  });

  it('is idempotent: a second run with the token in place changes nothing and prints no token', async () => {
    fake.clearRequests();
    const r = await setup({ ...env, MATTERMOST_TOKEN: token, MATTERMOST_ACTION_SECRET: 'kept-secret', MATTERMOST_COMMAND_TOKEN: commandToken });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).not.toMatch(/created|added|updated/);
    expect(r.stdout).toMatch(/ok {6}MATTERMOST_TOKEN signs in as @carerelay \(kept, not printed\)/);
    expect(r.stdout).toMatch(/ok {6}in ~triage-desk: @maria\.lopez, @wei\.chen/);
    expect(r.stdout).not.toMatch(/MATTERMOST_TOKEN=/);
    expect(r.stdout).not.toMatch(/MATTERMOST_ACTION_SECRET=/);
    expect(r.stdout).not.toMatch(/MATTERMOST_COMMAND_TOKEN=/);
    expect(r.stdout).toMatch(/ok {6}slash command \/carerelay in nursing/);
    expect(fake.requests.filter((q) => q.method !== 'GET' && q.path !== '/api/v4/users/usernames' && q.path !== '/api/v4/users/ids')).toEqual([]);
    expect(fake.accessTokens().filter((t) => t.user_id === fake.user('carerelay')!.id)).toHaveLength(1);
  });

  it('re-enables a disabled bot, adds a nurse new to the roster, and names triage members the roster lacks', async () => {
    const bot = fake.user('carerelay')!;
    fake.addUser({ username: 'priya.sharma', firstName: 'Priya' });
    fake.addMember(fake.channel('triage-desk')!.id, fake.user('ed.jones')!.id);
    const off = await fetch(`${fake.url}/api/v4/bots/${bot.id}/disable`, { method: 'POST', headers: { Authorization: `Bearer ${admin.token}` } });
    expect(off.status).toBe(200);
    const r0 = await setup({ ...env, MATTERMOST_TOKEN: token }, ['--check']);
    expect(r0.code).toBe(1);
    expect(r0.stdout).toMatch(/MISSING bot @carerelay is disabled/);
    expect(r0.stdout).toMatch(/MISSING on team nursing: @priya\.sharma/);
    const r = await setup({ ...env, MATTERMOST_TOKEN: token, MATTERMOST_ACTION_SECRET: 'kept' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/updated bot @carerelay was disabled: enabled again/);
    expect(r.stdout).toMatch(/MATTERMOST_TOKEN signs in as @carerelay \(kept, not printed\)/);
    expect(r.stdout).toMatch(/added {3}to team nursing: @priya\.sharma/);
    // PUBLIC_URL moved: the slash command follows it; a public address needs no allow-list entry.
    const moved = await setup({ ...env, PUBLIC_URL: 'https://carerelay.example.org', MATTERMOST_TOKEN: token, MATTERMOST_ACTION_SECRET: 'kept', MATTERMOST_COMMAND_TOKEN: commandToken });
    expect(moved.code, moved.stdout).toBe(0);
    expect(moved.stdout).toMatch(/updated slash command \/carerelay now calls https:\/\/carerelay\.example\.org\/mattermost\/command \(was http:\/\/127\.0\.0\.1:3000\/mattermost\/command\)/);
    expect(moved.stdout).toMatch(/ok {6}buttons call https:\/\/carerelay\.example\.org\/mattermost\/actions \(a public address/);
    expect(fake.commands()[0]).toMatchObject({ url: 'https://carerelay.example.org/mattermost/command', token: commandToken });
    expect(r.stdout).toMatch(/added {3}to ~triage-desk: @priya\.sharma/);
    expect(r.stdout).toMatch(/in ~triage-desk but not in STAFF_FILE \(so en only, 3 cases at a time\): @ed\.jones/);
  });

  it('a case reaches the triage channel once CareRelay runs with what setup printed', async () => {
    const channel = fake.channel('triage-desk')!;
    for (const name of ['maria.lopez', 'wei.chen', 'priya.sharma', 'ed.jones']) fake.setStatus(fake.user(name)!.id, 'offline');
    const app = await startTestApp({
      MATTERMOST_URL: fake.url,
      MATTERMOST_TOKEN: token,
      MATTERMOST_TEAM: 'nursing',
      MATTERMOST_TRIAGE_CHANNEL: 'triage-desk',
      MATTERMOST_ACTION_SECRET: 'a-secret-for-the-buttons',
      STAFF_FILE: env.STAFF_FILE!,
    });
    try {
      await waitFor(() => app.relay.escalation.desk?.connected, 'the Mattermost websocket');
      const visitor = await connectVisitor(app.url, { language: 'en' });
      await visitor.send('I want to talk to a nurse please');
      // Nobody online: the case is announced in the triage channel, with a Claim button.
      const alert = await waitFor(() => fake.posts(channel.id).find((p) => p.user_id === fake.user('carerelay')!.id && /Case #\d+/.test(p.message)), 'the case in the triage channel');
      expect(alert.message).toMatch(/@here/);
      visitor.close();
    } finally {
      await app.close();
    }
  });

  it('stops with a clear reason: bot accounts disabled, a token that is not an admin, a server too old', async () => {
    const off = await startFakeMattermost({ botUsername: 'legacy-bot' });
    try {
      const root = off.addUser({ username: 'root', roles: 'system_user system_admin' });
      const r = await setup({ ...env, MATTERMOST_URL: off.url, MATTERMOST_ADMIN_TOKEN: root.token });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/created team "nursing"/);
      expect(r.stdout).toMatch(/FAILED {2}bot accounts are disabled on this server: turn on System Console > Integrations > Bot Accounts > Enable Bot Account Creation/);
      expect(r.stdout).toMatch(/Setup stopped; what is listed above was done/);
      const nurse = off.addUser({ username: 'nurse.only' });
      const notAdmin = await setup({ ...env, MATTERMOST_URL: off.url, MATTERMOST_ADMIN_TOKEN: nurse.token });
      expect(notAdmin.stdout).toMatch(/FAILED {2}the admin token belongs to @nurse\.only, who is not a system admin/);
      const bad = await setup({ ...env, MATTERMOST_URL: off.url, MATTERMOST_ADMIN_TOKEN: 'not-a-token' });
      expect(bad.stdout).toMatch(/FAILED {2}signing in to .* with the admin token: 401 api\.context\.session_expired\.app_error/);
    } finally {
      await off.close();
    }
    const old = await startFakeMattermost({ serverVersion: '9.5.2.9.5.2.abc.false' });
    try {
      const root = old.addUser({ username: 'root', roles: 'system_user system_admin' });
      const r = await setup({ ...env, MATTERMOST_URL: old.url, MATTERMOST_ADMIN_TOKEN: root.token });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/FAILED {2}Mattermost 9\.5\.2 is too old: CareRelay supports 9\.11 \(ESR\) or newer/);
    } finally {
      await old.close();
    }
  });

  it('refuses to start without the settings it needs, listing them all', async () => {
    await expect(runMattermostCommand(['setup'], { env: { MATTERMOST_TEAM: 'Bad Team' }, stdout: capture(), stderr: capture() })).rejects.toThrow(ConfigError);
    const err = await runMattermostCommand(['setup'], { env: { MATTERMOST_TEAM: 'Bad Team' }, stdout: capture(), stderr: capture() }).catch((e: ConfigError) => e);
    expect((err as ConfigError).problems).toEqual([
      'MATTERMOST_URL is not set',
      'MATTERMOST_ADMIN_TOKEN is not set',
      'MATTERMOST_TRIAGE_CHANNEL is not set',
      'MATTERMOST_TEAM: use 2-64 of a-z, 0-9 and -, starting with a letter (the team name in its URL)',
    ]);
    expect(await runMattermostCommand(['frobnicate'], { env: {}, stdout: capture(), stderr: capture() })).toBe(2);
  });
});

describe('setup helpers', () => {
  it('reads X-Version-Id', () => {
    expect(parseServerVersion('10.11.0.10.11.0.fakehash.false')).toEqual([10, 11, 0]);
    expect(parseServerVersion('9.11.3')).toEqual([9, 11, 3]);
    expect(parseServerVersion('')).toBeUndefined();
  });
  it('knows internal addresses and the allow-list forms (names, IPs, CIDR ranges)', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.10', '169.254.1.1', '::1', 'fd00::1']) expect(isInternalAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '2001:db8::1']) expect(isInternalAddress(ip), ip).toBe(false);
    expect(allowListCovers('carerelay 10.0.0.0/8', 'carerelay', ['172.18.0.4'])).toBe(true);
    expect(allowListCovers('mattermost,172.18.0.0/16', 'app', ['172.18.0.4'])).toBe(true);
    expect(allowListCovers('10.0.0.0/8', 'app', ['172.18.0.4'])).toBe(false);
  });
});
