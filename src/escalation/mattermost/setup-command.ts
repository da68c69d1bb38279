import { parseArgs } from 'node:util';
import { ConfigError } from '../../errors.js';
import { toLanguage } from '../../language/languages.js';
import { loadStaffRoster } from '../staff.js';
import { runMattermostSetup, type SetupReport, type StepStatus } from './setup.js';

const HELP = `Usage: carerelay mattermost setup [--check] [--json] [--bot-username NAME] [--team-display-name TEXT]

Creates, or verifies when they exist, in this order: the team (MATTERMOST_TEAM), the bot
account and its access token (printed once), the private triage channel
(MATTERMOST_TRIAGE_CHANNEL) with the bot and the nurses listed in STAFF_FILE, and the
/carerelay slash command (calling PUBLIC_URL/mattermost/command); checks the
server version and whether Mattermost may call PUBLIC_URL for the buttons. It never removes
anyone, and says exactly what it did. Running it again changes nothing that is in place.

Needs MATTERMOST_URL, MATTERMOST_TEAM, MATTERMOST_TRIAGE_CHANNEL and a system admin's
access token in MATTERMOST_ADMIN_TOKEN (used for this command only; keep it out of the
server's .env). MATTERMOST_TOKEN, when set and still valid for the bot, is kept.

  --check              change nothing: report what is missing (exit 1 if anything is)
  --json               print the report as one JSON object
  --bot-username NAME  the bot account's username (default: carerelay)
  --team-display-name  display name for a team created now (default: from the team name)
`;

export interface SetupCommandIo {
  stdout?: Pick<NodeJS.WritableStream, 'write'>;
  stderr?: Pick<NodeJS.WritableStream, 'write'>;
  env?: NodeJS.ProcessEnv;
}

const MARK: Record<StepStatus, string> = {
  exists: 'ok      ',
  created: 'created ',
  added: 'added   ',
  updated: 'updated ',
  missing: 'MISSING ',
  warning: 'warning ',
  hint: 'to do   ',
  failed: 'FAILED  ',
};

function describe(report: SetupReport, url: string, check: boolean): string {
  const lines = [`Mattermost at ${url}${report.serverVersion ? ` (server ${report.serverVersion})` : ''}${check ? ': checking only, nothing changed' : ''}`];
  for (const step of report.steps) lines.push(`  ${MARK[step.status]}${step.what}`);
  if (!report.ok) {
    lines.push('', check ? 'Something is missing: run `carerelay mattermost setup` without --check.' : 'Setup stopped; what is listed above was done. Fix the problem and run it again.');
    return `${lines.join('\n')}\n`;
  }
  if (Object.keys(report.env).length && !check) {
    lines.push('', report.newToken ? 'Put these in the .env CareRelay reads (the token is shown this once):' : 'CareRelay settings (.env):');
    for (const [k, v] of Object.entries(report.env)) lines.push(`${k}=${v}`);
    if (report.env.MATTERMOST_ACTION_SECRET) lines.push('(MATTERMOST_ACTION_SECRET was not set: the value above is a fresh random one.)');
    lines.push('', 'Then restart CareRelay; GET /ready shows escalation "connected" once it is in.');
  }
  return `${lines.join('\n')}\n`;
}

/** `carerelay mattermost setup`: 0 when everything is in place, 1 when a step failed (or, with --check, is missing). */
export async function runMattermostCommand(argv: string[], io: SetupCommandIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        check: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'bot-username': { type: 'string', default: 'carerelay' },
        'team-display-name': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (err) {
    stderr.write(`carerelay mattermost: ${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    stdout.write(HELP);
    return 0;
  }
  if (positionals[0] !== 'setup' || positionals.length > 1) {
    stderr.write(`carerelay mattermost: ${positionals[0] ? `unknown subcommand "${positionals[0]}"` : 'missing subcommand'}\n\n${HELP}`);
    return 2;
  }

  const get = (name: string) => env[name]?.trim() || undefined;
  const problems: string[] = [];
  const url = get('MATTERMOST_URL')?.replace(/\/+$/, '');
  for (const name of ['MATTERMOST_URL', 'MATTERMOST_ADMIN_TOKEN', 'MATTERMOST_TEAM', 'MATTERMOST_TRIAGE_CHANNEL']) if (!get(name)) problems.push(`${name} is not set`);
  if (url && !/^https?:\/\/[^/]+/.test(url)) problems.push('MATTERMOST_URL: expected http(s)://host[:port]');
  const team = get('MATTERMOST_TEAM')?.toLowerCase();
  const channel = get('MATTERMOST_TRIAGE_CHANNEL')?.toLowerCase();
  if (team && !/^[a-z][a-z0-9-]{0,62}[a-z0-9]$/.test(team)) problems.push('MATTERMOST_TEAM: use 2-64 of a-z, 0-9 and -, starting with a letter (the team name in its URL)');
  if (channel && !/^[a-z0-9][a-z0-9_-]{0,62}[a-z0-9]$/.test(channel)) problems.push('MATTERMOST_TRIAGE_CHANNEL: use 2-64 of a-z, 0-9, _ and - (the channel name in its URL)');
  const botUsername = values['bot-username'].toLowerCase();
  if (!/^[a-z][a-z0-9._-]{2,21}$/.test(botUsername)) problems.push('--bot-username: 3-22 of a-z, 0-9, ., _ and -, starting with a letter');
  const publicUrl = get('PUBLIC_URL');
  if (publicUrl && !URL.canParse(publicUrl)) problems.push('PUBLIC_URL: not a URL');
  const defaultLanguage = toLanguage(get('DEFAULT_LANGUAGE') ?? 'en') ?? 'en';
  let roster;
  try {
    roster = get('STAFF_FILE') ? loadStaffRoster(get('STAFF_FILE'), defaultLanguage) : undefined;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  if (problems.length) throw new ConfigError(problems);

  const report = await runMattermostSetup({
    url: url!,
    adminToken: get('MATTERMOST_ADMIN_TOKEN')!,
    team: team!,
    ...(values['team-display-name'] ? { teamDisplayName: values['team-display-name'] } : {}),
    triageChannel: channel!,
    botUsername,
    ...(get('MATTERMOST_TOKEN') ? { botToken: get('MATTERMOST_TOKEN') } : {}),
    ...(roster ? { roster } : {}),
    defaultLanguage,
    ...(publicUrl ? { publicUrl } : {}),
    ...(get('MATTERMOST_ACTION_SECRET') ? { actionSecret: get('MATTERMOST_ACTION_SECRET') } : {}),
    ...(get('MATTERMOST_COMMAND_TOKEN') ? { commandToken: get('MATTERMOST_COMMAND_TOKEN') } : {}),
    check: values.check,
  });
  stdout.write(values.json ? `${JSON.stringify(report)}\n` : describe(report, url!, values.check));
  return report.ok ? 0 : 1;
}
