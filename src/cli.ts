import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadDotEnv, parseConfig, type Config } from './config.js';
import { ConfigError } from './errors.js';
import { createEngine } from './engine/index.js';
import type { ConversationState } from './engine/context.js';
import { toLanguage } from './language/languages.js';
import { createLogger } from './logger.js';
import { profiles, renderReply, smsProfile } from './render/index.js';

const ASK_CHANNELS = { web: profiles.webchat, sms: profiles.sms, voice: profiles.voice } as const;

const USAGE = `Usage: carerelay <command> [options]

Commands:
  ask [--json] [--lang xx] [--channel web|sms|voice] [--conversation] [TEXT]
                                    One dialog turn per message, no server needed.
                                    Without TEXT, reads one message per line from stdin;
                                    each line is a fresh conversation, or with
                                    --conversation the lines are one conversation's turns.
                                    --channel renders the answer as that channel would
                                    (default web).
  telegram set-webhook|delete-webhook|info|poll
                                    Telegram webhook registration, or long polling
                                    for development (see \`carerelay telegram --help\`).
  reindex [--json]                  Validate the knowledge files and rebuild the index
                                    (and embeddings, when EMBEDDING_MODEL is set).
  cases list [--json] [--state S] | cases show ID | cases close ID
                                    Escalation cases from the database, no server needed
                                    (see \`carerelay cases --help\`).
  mattermost setup [--check]        Create or verify the team, bot, token, triage channel
                                    and nurses in Mattermost (needs MATTERMOST_ADMIN_TOKEN).
  help                              This text.
`;

/** Extra commands register here (reindex, telegram webhook, ...). */
export const commands = new Map<string, (argv: string[]) => Promise<number>>();

commands.set('telegram', async (argv) => {
  // Loaded on demand: `ask` should not pay for the whole app.
  const { runTelegramCommand } = await import('../channels/telegram/commands.js');
  // `poll` runs the whole product, which the channel's folder must not import (it imports the channels).
  const start = async (config: Config) => (await import('./app.js')).createCareRelay(config);
  return runTelegramCommand(argv, parseConfig({ LOG_LEVEL: 'warn', ...process.env }), { stdout: process.stdout, stderr: process.stderr, start });
});

commands.set('reindex', async (argv) => {
  const { runReindexCommand } = await import('./knowledge/reindex-command.js');
  return runReindexCommand(argv, parseConfig({ LOG_LEVEL: 'warn', ...process.env }));
});

commands.set('cases', async (argv) => {
  const { runCasesCommand } = await import('./escalation/cases-command.js');
  return runCasesCommand(argv, parseConfig({ LOG_LEVEL: 'warn', ...process.env }));
});

commands.set('mattermost', async (argv) => {
  const { runMattermostCommand } = await import('./escalation/mattermost/setup-command.js');
  return runMattermostCommand(argv);
});

commands.set('ask', async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      channel: { type: 'string', default: 'web' },
      conversation: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const lang = values.lang === undefined ? undefined : toLanguage(values.lang);
  if (values.lang !== undefined && !lang) {
    process.stderr.write(`carerelay ask: unknown language "${values.lang}" (use en, es, zh or hi)\n`);
    return 2;
  }
  const profile = ASK_CHANNELS[values.channel as keyof typeof ASK_CHANNELS];
  if (!profile) {
    process.stderr.write(`carerelay ask: unknown channel "${values.channel}" (use web, sms or voice)\n`);
    return 2;
  }
  const config = parseConfig({ LOG_LEVEL: 'warn', ...process.env });
  // SMS as the clinic's settings render it (SMS_UNICODE_ANSWER_SEGMENTS).
  const rendering = profile === profiles.sms ? smsProfile(config.smsUnicodeAnswerSegments) : profile;
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr as never);
  const { engine, services } = await createEngine(config, logger, { lazyIndex: true });

  let n = 0;
  // With --conversation, each turn starts from the state the last one left.
  let state: ConversationState | undefined = lang ? { turns: 0, counters: {}, language: lang, languageChosen: true } : undefined;
  const answer = async (text: string) => {
    const continuing = values.conversation && n > 0;
    if (!continuing) n += 1;
    const output = await engine.handle({
      message: {
        channel: 'cli',
        conversation: { id: `cli-${n}` },
        from: { id: 'cli', role: 'patient' },
        text,
        kind: 'text',
        timestamp: new Date(),
        ...(lang ? { locale: lang } : {}),
      },
      conversation: { id: `cli-${n}`, channel: 'cli', mode: 'bot', isNew: !continuing },
      state: continuing ? state : lang ? { turns: 0, counters: {}, language: lang, languageChosen: true } : undefined,
    });
    if (values.conversation) state = output.state;
    const text_ = output.replies.map((r) => renderReply(r, rendering, { t: services.t(r.language) }).chunks.join('\n\n')).join('\n\n');
    if (values.json) {
      const { urgency, escalate, reason, sources, answer } = output.result;
      const unit = answer?.unit ?? null;
      process.stdout.write(
        `${JSON.stringify({ language: output.language, urgency, escalate, reason, sources: sources.map(({ id, title, score }) => ({ id, title, score })), unit, answer: text_ })}\n`,
      );
    } else {
      process.stdout.write(`${text_}\n\n`);
    }
  };

  if (positionals.length > 0) {
    await answer(positionals.join(' '));
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim()) await answer(line.trim());
  }
  return 0;
});

export async function runCli(argv: string[]): Promise<number> {
  loadDotEnv();
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const run = commands.get(command);
  if (!run) {
    process.stderr.write(`carerelay: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 78;
    }
    throw err;
  }
}
