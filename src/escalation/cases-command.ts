import { parseArgs } from 'node:util';
import { staffDeskConfigured, type Config } from '../config.js';
import { createLogger } from '../logger.js';
import { ageOf, formatAge, parseStates, stateLabel, STATE_GROUPS, type QueueEntry } from './case-queue.js';
import { NoCaseDatabase, openCaseReader, type CaseDetail, type CaseReader } from './case-reader.js';
import type { CaseState } from './cases-store.js';

const HELP = `Usage: carerelay cases <list|show|close> [options]

  cases list [--json] [--state S] [--limit N]
      Escalation cases, most urgent and longest waiting first. S is one or more of
      queued, offered, claimed, resolved, abandoned, or open (default: queued, offered,
      claimed), waiting (queued, offered), closed, all; comma-separated.
  cases show ID [--json] [--messages N]
      One case (its number, e.g. 12 or #12, or its id): state, times, the ledger, the
      contact's address and the last N messages of the conversation (default 20).
      It prints patient messages: use it where patient data may be shown.
  cases close ID [--json]
      Marks an open case resolved (staff followed it up outside CareRelay, e.g. without
      Mattermost) and hands the conversation back to the assistant.

Reads DATABASE_URL, or the embedded database under DATA_DIR (through the running server
when one holds it); no server needs to run.
`;

export interface CasesCommandIo {
  stdout?: Pick<NodeJS.WritableStream, 'write'>;
  stderr?: Pick<NodeJS.WritableStream, 'write'>;
  /** Tests: a reader instead of the configured database. */
  reader?: CaseReader;
  now?: () => number;
}

/** Control characters and bidirectional overrides become visible escapes: patient text must not drive the terminal. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const when = (d: Date | string | null | undefined) => (d ? `${new Date(d).toISOString().slice(0, 16).replace('T', ' ')} UTC` : '-');

function entryJson(e: QueueEntry, now: number) {
  return {
    id: e.id,
    number: e.number,
    state: e.state,
    priority: e.priority,
    reason: e.reason,
    language: e.language,
    channel: e.channel,
    conversationId: e.conversationId,
    claimedBy: e.claimedByName,
    offerRound: e.offerRound,
    mattermostChannel: e.roomName,
    createdAt: iso(e.createdAt),
    offeredAt: iso(e.offeredAt),
    claimedAt: iso(e.claimedAt),
    closedAt: iso(e.closedAt),
    /** Since the case opened (open cases), or how long it stayed open (closed ones). */
    ageSeconds: Math.round(((e.closedAt ? new Date(e.closedAt).getTime() : now) - new Date(e.createdAt).getTime()) / 1000),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

function describeList(entries: QueueEntry[], states: readonly CaseState[], config: Config, now: number): string {
  const waiting = entries.filter((e) => e.state === 'queued' || e.state === 'offered').length;
  const claimed = entries.filter((e) => e.state === 'claimed').length;
  const lines: string[] = [];
  const scope = states.join(', ');
  if (entries.length === 0) lines.push(`No cases (${scope}).`);
  else {
    lines.push(`${entries.length} case${entries.length === 1 ? '' : 's'} (${scope}): ${waiting} waiting for a nurse, ${claimed} claimed.`);
    const rows = [['#', 'PRIORITY', 'STATE', 'AGE', 'LANG', 'CHANNEL', 'REASON', 'OPENED']];
    for (const e of entries) {
      rows.push([String(e.number), e.priority.toUpperCase(), stateLabel(e), formatAge(ageOf(e, now)), e.language ?? '-', e.channel, e.reason, when(e.createdAt)]);
    }
    lines.push('', table(rows));
  }
  if (!staffDeskConfigured(config) && waiting > 0) {
    lines.push('', 'No staff desk is configured (Mattermost is off): nobody has been notified of the waiting cases above.');
    lines.push('Follow them up (`carerelay cases show ID`), then `carerelay cases close ID`; or set MATTERMOST_* so cases reach the nurses.');
  }
  return `${lines.join('\n')}\n`;
}

function describeCase(c: CaseDetail, now: number): string {
  const lines = [
    `Case #${c.number} (${c.id})`,
    `  state:      ${stateLabel(c)}`,
    `  priority:   ${c.priority.toUpperCase()} · reason: ${c.reason}`,
    `  language:   ${c.language ?? '-'} · channel: ${c.channel}`,
    `  opened:     ${when(c.createdAt)} (${formatAge(now - new Date(c.createdAt).getTime())} ago)`,
    `  offered:    ${when(c.offeredAt)}${c.offerRound ? ` (round ${c.offerRound})` : ''}`,
    `  claimed:    ${when(c.claimedAt)}${c.claimedByName ? ` by ${printable(c.claimedByName)}` : ''}`,
    `  closed:     ${when(c.closedAt)}`,
  ];
  if (c.deadlineAt) lines.push(`  next step:  ${when(c.deadlineAt)} (offered wider if still unclaimed)`);
  lines.push(`  Mattermost: ${c.roomName ? `~${c.roomName}` : 'no case channel'}`);
  if (c.conversation) {
    lines.push(`  contact:    ${printable(c.conversation.address ?? '-')} on ${c.conversation.channel} (conversation ${c.conversationId}, now with the ${c.conversation.mode === 'handoff' ? 'nurses' : 'assistant'})`);
  }
  const details = Object.entries(c.details).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  if (details.length) lines.push(`  details:    ${printable(details.join(' · '))}`);
  lines.push('', 'Ledger:');
  for (const e of c.events) {
    const detail = Object.entries(e.detail ?? {}).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ');
    lines.push(`  ${when(e.at)}  ${e.kind.padEnd(20)} ${e.actor.padEnd(12)} ${printable(detail)}`.trimEnd());
  }
  const shown = c.transcript.messages.length;
  lines.push('', `Conversation (last ${shown} of ${c.transcript.total} messages):`);
  for (const m of c.transcript.messages) {
    const [first, ...rest] = printable(m.text).split('\n');
    lines.push(`  ${when(m.at)}  ${m.role.padEnd(7)}  ${first ?? ''}`);
    for (const more of rest) lines.push(`  ${' '.repeat(20)}  ${' '.repeat(7)}  ${more}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `carerelay cases list|show|close`: 0 on success, 1 when the case is not found (or not open), 2 on bad usage. */
export async function runCasesCommand(argv: string[], config: Config, io: CasesCommandIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const now = io.now ?? Date.now;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        state: { type: 'string' },
        limit: { type: 'string' },
        messages: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (err) {
    stderr.write(`carerelay cases: ${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [sub, ref, ...extra] = positionals;
  if (values.help || !sub || sub === 'help') {
    (values.help || sub === 'help' ? stdout : stderr).write(HELP);
    return values.help || sub === 'help' ? 0 : 2;
  }
  const usage = (message: string) => {
    stderr.write(`carerelay cases: ${message}\n\n${HELP}`);
    return 2;
  };
  if (!['list', 'show', 'close'].includes(sub)) return usage(`unknown subcommand "${sub}"`);
  if (sub === 'list' && ref !== undefined) return usage('list takes no ID');
  if (sub !== 'list' && (!ref || extra.length)) return usage(`${sub} takes one case ID (its number, e.g. 12, or its id)`);
  const states = values.state === undefined ? STATE_GROUPS.open! : parseStates(values.state);
  if (!states) return usage(`unknown state in "${values.state}" (use queued, offered, claimed, resolved, abandoned, open, waiting, closed or all)`);
  const limit = values.limit === undefined ? 200 : Number(values.limit);
  const messages = values.messages === undefined ? 20 : Number(values.messages);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) return usage('--limit takes a whole number from 1 to 10000');
  if (!Number.isInteger(messages) || messages < 0 || messages > 1000) return usage('--messages takes a whole number from 0 to 1000');

  let reader = io.reader;
  if (!reader) {
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, stderr as never);
    try {
      reader = await openCaseReader(config, logger);
    } catch (err) {
      if (!(err instanceof NoCaseDatabase)) throw err;
      if (err.empty && sub === 'list') {
        if (values.json) stdout.write('[]\n');
        else stdout.write(`No cases: ${err.message}\n`);
        return 0;
      }
      stderr.write(`carerelay cases: ${err.message}\n`);
      return 1;
    }
  }
  try {
    if (sub === 'list') {
      const entries = await reader.list(states, limit);
      stdout.write(values.json ? `${JSON.stringify(entries.map((e) => entryJson(e, now())))}\n` : describeList(entries, states, config, now()));
      return 0;
    }
    if (sub === 'show') {
      const detail = await reader.show(ref!, messages);
      if (!detail) {
        stderr.write(`carerelay cases: no case ${printable(ref!)}\n`);
        return 1;
      }
      if (values.json) {
        const { details, deadlineAt, conversation, events, transcript } = detail;
        const json = {
          ...entryJson(detail, now()),
          details,
          deadlineAt: iso(deadlineAt),
          contact: conversation ? { channel: conversation.channel, address: conversation.address, mode: conversation.mode } : null,
          events: events.map((e) => ({ at: iso(e.at), kind: e.kind, actor: e.actor, detail: e.detail })),
          transcript: { total: transcript.total, messages: transcript.messages.map((m) => ({ at: iso(m.at), role: m.role, text: m.text })) },
        };
        stdout.write(`${JSON.stringify(json)}\n`);
      } else stdout.write(describeCase(detail, now()));
      return 0;
    }
    const actor = `cli:${process.env.USER ?? process.env.LOGNAME ?? 'operator'}`.slice(0, 60);
    const closed = await reader.close(ref!, actor);
    if (!closed) {
      stderr.write(`carerelay cases: case ${printable(ref!)} is not open (or does not exist)\n`);
      return 1;
    }
    stdout.write(values.json ? `${JSON.stringify(entryJson(closed, now()))}\n` : `Case #${closed.number} resolved; the conversation is back with the assistant.\n`);
    return 0;
  } finally {
    if (!io.reader) await reader.end();
  }
}
