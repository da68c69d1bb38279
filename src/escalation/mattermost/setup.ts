import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import mattermost from '@mattermost/client';
import type { Channel } from '@mattermost/types/channels';
import type { Command } from '@mattermost/types/integrations';
import type { Team } from '@mattermost/types/teams';
import type { UserProfile } from '@mattermost/types/users';
import type { StaffRoster } from '../staff.js';

const { Client4, ClientError } = mattermost;
type Client = InstanceType<typeof Client4>;

/** The oldest Mattermost CareRelay supports: 9.11, the extended-support release. */
export const MIN_SERVER_VERSION = [9, 11, 0] as const;
const REQUEST_TIMEOUT_MS = 15_000;

class TimedClient4 extends Client4 {
  override getOptions(options: Parameters<InstanceType<typeof Client4>['getOptions']>[0]) {
    return { ...super.getOptions(options), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
  }
}

function clientFor(url: string, token: string): Client {
  const client = new TimedClient4();
  client.setUrl(url);
  client.setToken(token);
  client.setUserAgent('CareRelay-setup');
  return client;
}

export interface SetupOptions {
  url: string;
  adminToken: string;
  team: string;
  teamDisplayName?: string;
  triageChannel: string;
  botUsername: string;
  /** MATTERMOST_TOKEN, when one is configured: kept if it still works for the bot. */
  botToken?: string;
  roster?: StaffRoster;
  defaultLanguage: string;
  /** PUBLIC_URL: where Mattermost's buttons (and the slash command) call CareRelay. */
  publicUrl?: string;
  /** MATTERMOST_ACTION_SECRET, when set; otherwise setup proposes one. */
  actionSecret?: string;
  /** MATTERMOST_COMMAND_TOKEN, when set: printed again only when Mattermost has another. */
  commandToken?: string;
  /** Only look: report what is missing, change nothing. */
  check?: boolean;
}

export type StepStatus = 'exists' | 'created' | 'added' | 'updated' | 'missing' | 'warning' | 'hint' | 'failed';

export interface SetupStep {
  status: StepStatus;
  what: string;
}

export interface SetupReport {
  ok: boolean;
  serverVersion: string | null;
  steps: SetupStep[];
  /** Lines for `.env`; the token appears here only when it was just created. */
  env: Record<string, string>;
  /** True when `env.MATTERMOST_TOKEN` is a token created by this run (shown once). */
  newToken: boolean;
}

export class SetupFailure extends Error {}

const isClientError = (err: unknown): err is InstanceType<typeof ClientError> => err instanceof ClientError;
const isNotFound = (err: unknown) => isClientError(err) && err.status_code === 404;

/** "10.11.2.10.11.2.abcdef.false" (X-Version-Id) or "10.11.2" → [10, 11, 2]. */
export function parseServerVersion(header: string | undefined | null): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(header ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

const atLeast = (v: readonly number[], min: readonly number[]) => {
  for (let i = 0; i < min.length; i++) if ((v[i] ?? 0) !== min[i]) return (v[i] ?? 0) > min[i]!;
  return true;
};

/** Addresses Mattermost treats as internal (and refuses to call unless allow-listed). */
export function isInternalAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (isIP(ip) === 6) {
    const v = ip.toLowerCase();
    return v === '::1' || v === '::' || v.startsWith('fc') || v.startsWith('fd') || v.startsWith('fe80') || v.startsWith('::ffff:') && isInternalAddress(v.slice(7));
  }
  return false;
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  if (isIP(ip) !== 4 || isIP(base ?? '') !== 4 || !Number.isInteger(bits)) return false;
  const toInt = (v: string) => v.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (toInt(ip) & mask) === (toInt(base!) & mask);
}

/**
 * Whether Mattermost may call `host` (resolving to `addresses`) under
 * ServiceSettings.AllowedUntrustedInternalConnections (entries: host names, IPs, CIDR ranges;
 * separated by spaces or commas).
 */
export function allowListCovers(list: string, host: string, addresses: string[]): boolean {
  const entries = list.split(/[\s,]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
  const h = host.toLowerCase();
  return entries.some((e) => e === h || addresses.some((a) => e === a || (e.includes('/') && inCidr(a, e))));
}

/**
 * Creates or verifies, in order and idempotently: the team, the bot account (and its team
 * membership and token), the triage channel with the bot and the nurses from the roster, and
 * checks the server version and the settings the buttons need. Nothing is ever removed.
 */
export async function runMattermostSetup(options: SetupOptions): Promise<SetupReport> {
  const steps: SetupStep[] = [];
  const note = (status: StepStatus, what: string) => void steps.push({ status, what });
  const admin = clientFor(options.url, options.adminToken);
  const report: SetupReport = { ok: false, serverVersion: null, steps, env: {}, newToken: false };
  const check = options.check ?? false;

  const fail = (what: string): never => {
    note('failed', what);
    throw new SetupFailure(what);
  };
  const call = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof SetupFailure) throw err;
      const detail = isClientError(err) ? `${err.status_code ?? '?'} ${err.server_error_id ?? ''} ${err.message}`.trim() : (err as Error).message;
      return fail(`${what}: ${detail}`);
    }
  };

  try {
    // --- who we are talking to -----------------------------------------------------------
    const me = await call(`signing in to ${options.url} with the admin token`, () => admin.getMe());
    const versionHeader = admin.getServerVersion();
    report.serverVersion = versionHeader ? (parseServerVersion(versionHeader)?.join('.') ?? versionHeader) : null;
    const version = parseServerVersion(versionHeader);
    if (!version) note('warning', `server version unknown (no X-Version-Id header); CareRelay supports Mattermost ${MIN_SERVER_VERSION.slice(0, 2).join('.')} or newer`);
    else if (!atLeast(version, MIN_SERVER_VERSION)) fail(`Mattermost ${version.join('.')} is too old: CareRelay supports ${MIN_SERVER_VERSION.slice(0, 2).join('.')} (ESR) or newer`);
    else note('exists', `Mattermost ${version.join('.')} (supported: ${MIN_SERVER_VERSION.slice(0, 2).join('.')} or newer)`);
    if (!(me.roles ?? '').split(' ').includes('system_admin')) fail(`the admin token belongs to @${me.username}, who is not a system admin`);
    const config = await call('reading the server configuration', () => admin.getConfig());
    const service = (config.ServiceSettings ?? {}) as Partial<Record<string, unknown>>;

    // --- team ---------------------------------------------------------------------------
    let team: Team | undefined;
    try {
      team = await admin.getTeamByName(options.team);
      note('exists', `team "${team.name}" (${team.display_name})`);
    } catch (err) {
      if (!isNotFound(err)) await call(`looking up team "${options.team}"`, () => Promise.reject(err));
      if (check) note('missing', `team "${options.team}"`);
      else {
        const displayName = options.teamDisplayName ?? options.team.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
        team = await call(`creating team "${options.team}"`, () => admin.createTeam({ name: options.team, display_name: displayName, type: 'I' } as Team));
        note('created', `team "${team.name}" (${team.display_name}, invite only)`);
      }
    }

    // --- bot account ----------------------------------------------------------------------
    let bot: UserProfile | undefined;
    try {
      bot = await admin.getUserByUsername(options.botUsername);
    } catch (err) {
      if (!isNotFound(err)) await call(`looking up @${options.botUsername}`, () => Promise.reject(err));
    }
    if (bot && !bot.is_bot) fail(`@${options.botUsername} is a person's account, not a bot: choose another name with --bot-username`);
    if (bot && bot.delete_at) {
      if (check) note('missing', `bot @${bot.username} is disabled`);
      else {
        await call(`enabling bot @${bot.username}`, () => admin.enableBot(bot!.id));
        note('updated', `bot @${bot.username} was disabled: enabled again`);
      }
    } else if (bot) note('exists', `bot @${bot.username}`);
    if (!bot) {
      if (check) note('missing', `bot @${options.botUsername}`);
      else {
        if (service.EnableBotAccountCreation === false) {
          fail('bot accounts are disabled on this server: turn on System Console > Integrations > Bot Accounts > Enable Bot Account Creation (ServiceSettings.EnableBotAccountCreation, or MM_SERVICESETTINGS_ENABLEBOTACCOUNTCREATION=true), then run setup again');
        }
        const created = await call(`creating bot @${options.botUsername}`, () =>
          admin.createBot({ username: options.botUsername, display_name: 'CareRelay', description: 'CareRelay: patient escalations, case cards and the nurse relay' } as never),
        );
        bot = await call(`reading bot @${options.botUsername}`, () => admin.getUser(created.user_id));
        note('created', `bot @${bot.username}`);
      }
    }

    if (team && bot) {
      try {
        await admin.getTeamMember(team.id, bot.id);
        note('exists', `@${bot.username} is on team ${team.name}`);
      } catch (err) {
        if (!isNotFound(err)) await call('checking the bot on the team', () => Promise.reject(err));
        if (check) note('missing', `@${bot.username} on team ${team.name}`);
        else {
          await call(`adding @${bot.username} to team ${team.name}`, () => admin.addToTeam(team!.id, bot!.id));
          note('added', `@${bot.username} to team ${team.name}`);
        }
      }
    }

    // --- the bot's token --------------------------------------------------------------------
    let botToken: string | undefined;
    if (bot && options.botToken) {
      const works = await clientFor(options.url, options.botToken)
        .getMe()
        .then((u) => u.id === bot!.id)
        .catch(() => false);
      if (works) {
        botToken = options.botToken;
        note('exists', `MATTERMOST_TOKEN signs in as @${bot.username} (kept, not printed)`);
      } else note('warning', `MATTERMOST_TOKEN does not sign in as @${bot.username}: ${check ? 'a new token is needed' : 'a new token is created'}`);
    }
    if (bot && !botToken) {
      if (check) note('missing', `an access token for @${bot.username} (MATTERMOST_TOKEN)`);
      else {
        const earlier = await admin.getUserAccessTokensForUser(bot.id, 0, 200).catch(() => []);
        const token = await call(`creating an access token for @${bot.username}`, () =>
          admin.createUserAccessToken(bot!.id, `CareRelay, made by carerelay mattermost setup on ${new Date().toISOString().slice(0, 10)}`),
        );
        botToken = token.token;
        report.newToken = true;
        note('created', `access token for @${bot.username}: printed below, once; put it in .env as MATTERMOST_TOKEN`);
        const active = earlier.filter((t) => t.is_active).length;
        if (active) note('hint', `@${bot.username} has ${active} older token${active === 1 ? '' : 's'}; revoke unused ones under System Console > Integrations > Bot Accounts`);
      }
    }

    // --- triage channel ---------------------------------------------------------------------
    let triage: Channel | undefined;
    if (team) {
      try {
        triage = await admin.getChannelByName(team.id, options.triageChannel);
        note('exists', `${triage.type === 'P' ? 'private' : 'public'} channel ~${triage.name} in ${team.name}`);
        if (triage.type !== 'P') note('hint', `~${triage.name} is public: anyone on the team can join it and so become part of the nurse pool; a private channel is safer`);
      } catch (err) {
        if (!isNotFound(err)) await call(`looking up ~${options.triageChannel}`, () => Promise.reject(err));
        if (check || !botToken) note('missing', `channel ~${options.triageChannel} in ${team.name}`);
        else {
          // Made by the bot, so the admin running setup does not become a member (members are the nurse pool).
          const botClient = clientFor(options.url, botToken);
          triage = await call(`creating channel ~${options.triageChannel}`, () =>
            botClient.createChannel({
              team_id: team!.id,
              name: options.triageChannel,
              display_name: options.triageChannel.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
              type: 'P',
              purpose: 'CareRelay triage: members are the nurse pool; cases are offered to them.',
            } as Channel),
          );
          note('created', `private channel ~${triage.name} in ${team.name} (by @${options.botUsername}, so only the nurses below are members)`);
        }
      }
    }

    if (triage && bot) {
      try {
        await admin.getChannelMember(triage.id, bot.id);
        note('exists', `@${bot.username} is in ~${triage.name}`);
      } catch (err) {
        if (!isNotFound(err)) await call('checking the bot in the triage channel', () => Promise.reject(err));
        if (check) note('missing', `@${bot.username} in ~${triage.name}`);
        else {
          await call(`adding @${bot.username} to ~${triage.name}`, () => admin.addToChannel(bot!.id, triage!.id));
          note('added', `@${bot.username} to ~${triage.name}`);
        }
      }
    }

    // --- nurses from the roster -------------------------------------------------------------------
    if (triage && team) await syncRoster({ admin, team, triage, botId: bot?.id, options, note, call, check });

    // --- /carerelay slash command --------------------------------------------------------------
    let commandToken: string | undefined;
    if (team) commandToken = await slashCommand({ admin, team, options, enabled: service.EnableCommands !== false, note, call, check });

    // --- buttons: PUBLIC_URL reachable from Mattermost -----------------------------------------
    await actionUrlHint(options.publicUrl, String(service.AllowedUntrustedInternalConnections ?? ''), note);

    report.env = {
      MATTERMOST_URL: options.url,
      ...(botToken && report.newToken ? { MATTERMOST_TOKEN: botToken } : {}),
      MATTERMOST_TEAM: options.team,
      MATTERMOST_TRIAGE_CHANNEL: options.triageChannel,
      ...(options.actionSecret ? {} : { MATTERMOST_ACTION_SECRET: randomBytes(24).toString('base64url') }),
      ...(commandToken && commandToken !== options.commandToken ? { MATTERMOST_COMMAND_TOKEN: commandToken } : {}),
    };
    report.ok = !steps.some((s) => s.status === 'failed' || s.status === 'missing');
    return report;
  } catch (err) {
    if (!(err instanceof SetupFailure)) throw err;
    return report;
  }
}

interface RosterContext {
  admin: Client;
  team: Team;
  triage: Channel;
  botId: string | undefined;
  options: SetupOptions;
  note: (status: StepStatus, what: string) => void;
  call: <T>(what: string, fn: () => Promise<T>) => Promise<T>;
  check: boolean;
}

/** Adds the roster's nurses to the team and the triage channel; reports who is missing, never removes anyone. */
async function syncRoster({ admin, team, triage, botId, options, note, call, check }: RosterContext): Promise<void> {
  const members: string[] = [];
  for (let page = 0; ; page++) {
    const batch = await call(`listing ~${triage.name}`, () => admin.getChannelMembers(triage.id, page, 200));
    members.push(...batch.map((m) => m.user_id));
    if (batch.length < 200) break;
  }
  const inChannel = new Set(members);
  const names = options.roster?.usernames ?? [];
  if (!options.roster || names.length === 0) {
    note('hint', `STAFF_FILE ${options.roster ? 'lists nobody' : 'is not set'}: add the nurses to ~${triage.name} by hand; each counts as speaking ${options.defaultLanguage} and taking 3 cases at a time`);
  } else {
    const users = await call('looking up the roster', () => admin.getProfilesByUsernames([...names]));
    const byName = new Map(users.map((u) => [u.username.toLowerCase(), u]));
    const unknown = names.filter((n) => !byName.has(n));
    if (unknown.length) note('warning', `STAFF_FILE lists ${unknown.length === 1 ? 'a user' : 'users'} Mattermost does not have: ${unknown.map((n) => `@${n}`).join(', ')} (create the accounts, or fix the file)`);
    const inactive = users.filter((u) => u.delete_at || u.is_bot);
    if (inactive.length) note('warning', `skipped (deactivated or a bot): ${inactive.map((u) => `@${u.username}`).join(', ')}`);
    const nurses = users.filter((u) => !u.delete_at && !u.is_bot);

    const toTeam: UserProfile[] = [];
    for (const u of nurses) {
      try {
        await admin.getTeamMember(team.id, u.id);
      } catch (err) {
        if (!isNotFound(err)) await call(`checking @${u.username} on team ${team.name}`, () => Promise.reject(err));
        toTeam.push(u);
      }
    }
    if (toTeam.length) {
      if (check) note('missing', `on team ${team.name}: ${toTeam.map((u) => `@${u.username}`).join(', ')}`);
      else {
        for (const u of toTeam) await call(`adding @${u.username} to team ${team.name}`, () => admin.addToTeam(team.id, u.id));
        note('added', `to team ${team.name}: ${toTeam.map((u) => `@${u.username}`).join(', ')}`);
      }
    }

    const already = nurses.filter((u) => inChannel.has(u.id));
    const toAdd = nurses.filter((u) => !inChannel.has(u.id));
    if (already.length) note('exists', `in ~${triage.name}: ${already.map((u) => `@${u.username}`).join(', ')}`);
    if (toAdd.length) {
      if (check) note('missing', `in ~${triage.name}: ${toAdd.map((u) => `@${u.username}`).join(', ')}`);
      else {
        await call(`adding nurses to ~${triage.name}`, async () => {
          try {
            await admin.addToChannels(toAdd.map((u) => u.id), triage.id);
          } catch (err) {
            // Servers without mattermost PR #28976 read only `user_id`: one call per nurse.
            if (!isClientError(err) || err.status_code !== 400) throw err;
            for (const u of toAdd) await admin.addToChannel(u.id, triage.id);
          }
        });
        note('added', `to ~${triage.name}: ${toAdd.map((u) => `@${u.username}`).join(', ')}`);
      }
      for (const u of toAdd) inChannel.add(u.id);
    }
  }
  // People in the channel the roster does not list: still nurses, with the defaults.
  const listed = new Set((options.roster?.usernames ?? []).map((n) => n.toLowerCase()));
  const others = [...inChannel].filter((id) => id !== botId);
  if (others.length && listed.size) {
    const profiles = await admin.getProfilesByIds(others).catch(() => [] as UserProfile[]);
    const extra = profiles.filter((u) => !u.is_bot && !u.delete_at && !listed.has(u.username.toLowerCase()));
    if (extra.length) note('hint', `in ~${triage.name} but not in STAFF_FILE (so ${options.defaultLanguage} only, 3 cases at a time): ${extra.map((u) => `@${u.username}`).join(', ')}`);
  }
}

export const COMMAND_TRIGGER = 'carerelay';

/**
 * The team's `/carerelay` custom slash command, calling PUBLIC_URL/mattermost/command: made
 * when missing, its URL corrected when PUBLIC_URL moved. Returns the command's token.
 */
async function slashCommand({
  admin,
  team,
  options,
  enabled,
  note,
  call,
  check,
}: Pick<RosterContext, 'admin' | 'team' | 'options' | 'note' | 'call' | 'check'> & { enabled: boolean }): Promise<string | undefined> {
  if (!options.publicUrl) {
    note('hint', `PUBLIC_URL is not set: the /${COMMAND_TRIGGER} slash command needs an address Mattermost can call, so it was not set up`);
    return undefined;
  }
  if (!enabled) {
    note('warning', `custom slash commands are disabled: turn on System Console > Integrations > Integration Management > Enable Custom Slash Commands (MM_SERVICESETTINGS_ENABLECOMMANDS=true) for /${COMMAND_TRIGGER} cases`);
    return undefined;
  }
  const url = `${new URL(options.publicUrl).origin}${new URL(options.publicUrl).pathname.replace(/\/+$/, '')}/mattermost/command`;
  const commands = await call('listing the team\'s slash commands', () => admin.getCustomTeamCommands(team.id));
  const found = commands.find((c) => c.trigger === COMMAND_TRIGGER && !c.delete_at);
  if (found) {
    if (found.url === url && found.method === 'P') note('exists', `slash command /${COMMAND_TRIGGER} in ${team.name} (calls ${url})`);
    else if (check) note('missing', `slash command /${COMMAND_TRIGGER} calling ${url} (it calls ${found.url})`);
    else {
      await call(`updating /${COMMAND_TRIGGER}`, () => admin.editCommand({ ...found, url, method: 'P' }));
      note('updated', `slash command /${COMMAND_TRIGGER} now calls ${url} (was ${found.url})`);
    }
    if (options.commandToken && options.commandToken !== found.token) note('warning', `MATTERMOST_COMMAND_TOKEN is not /${COMMAND_TRIGGER}'s token: use the one printed below`);
    return found.token;
  }
  if (check) {
    note('missing', `slash command /${COMMAND_TRIGGER} in ${team.name}`);
    return undefined;
  }
  const created = await call(`creating /${COMMAND_TRIGGER}`, () =>
    admin.addCommand({
      team_id: team.id,
      trigger: COMMAND_TRIGGER,
      method: 'P',
      url,
      display_name: 'CareRelay',
      description: 'The CareRelay case queue',
      auto_complete: true,
      auto_complete_desc: 'Open cases, most urgent first (only you see the answer)',
      auto_complete_hint: 'cases',
      username: '',
      icon_url: '',
    } as Command),
  );
  note('created', `slash command /${COMMAND_TRIGGER} in ${team.name} (calls ${url}); its token is printed below as MATTERMOST_COMMAND_TOKEN`);
  return created.token;
}

/** Mattermost calls PUBLIC_URL/mattermost/actions: internal addresses must be on its allow-list. */
async function actionUrlHint(publicUrl: string | undefined, allowList: string, note: (status: StepStatus, what: string) => void): Promise<void> {
  if (!publicUrl) {
    note('warning', 'PUBLIC_URL is not set: Claim / Resolve buttons would call http://127.0.0.1:3000/mattermost/actions, which only a Mattermost on the same host can reach');
    return;
  }
  const url = new URL(publicUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[] = isIP(host) ? [host] : [];
  if (!addresses.length) addresses = await lookup(host, { all: true }).then((r) => r.map((a) => a.address)).catch(() => []);
  const internal = host === 'localhost' || !host.includes('.') || /\.(local|internal|lan|home\.arpa)$/i.test(host) || addresses.some(isInternalAddress);
  const target = `${url.origin}/mattermost/actions`;
  if (!internal) {
    note('exists', `buttons call ${target} (a public address: no allow-list entry needed)`);
    return;
  }
  if (allowListCovers(allowList, host, addresses)) note('exists', `buttons call ${target}; "${host}" is on Mattermost's untrusted internal connections allow-list`);
  else {
    note(
      'hint',
      `buttons call ${target}, an internal address: add "${host}" to System Console > Environment > Developer > Allow untrusted internal connections to (ServiceSettings.AllowedUntrustedInternalConnections, or MM_SERVICESETTINGS_ALLOWEDUNTRUSTEDINTERNALCONNECTIONS), or Mattermost will refuse to call it`,
    );
  }
}
