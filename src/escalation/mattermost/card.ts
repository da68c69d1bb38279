import { ALL_PACKS } from '../../language/packs/index.js';
import type { StoredMessage } from '../../store/store.js';
import { signAction } from './action-signing.js';
import type { Case, Priority } from '../cases-store.js';
import type { CaseNote } from '../desk.js';
import { clipRunes, neutraliseInline, quoteUntrusted, runeCount } from './neutralise.js';

/** Staff-facing text is English: it is the nurses' working language in Mattermost. */
const LANGUAGE_NAMES: Record<string, string> = Object.fromEntries(ALL_PACKS.map((p) => [p.code, p.englishName]));
const PRIORITY_LABEL: Record<Priority, string> = { emergency: 'EMERGENCY', urgent: 'URGENT', routine: 'Routine' };
const PRIORITY_ICON: Record<Priority, string> = { emergency: ':rotating_light:', urgent: ':warning:', routine: ':speech_balloon:' };
const PRIORITY_COLOR: Record<Priority, string> = { emergency: '#d0021b', urgent: '#f5a623', routine: '#1e7a46' };
const REASON_TEXT: Record<string, string> = {
  emergency: 'The safety check found possible emergency warning signs; the patient was told to call emergency services.',
  clinical: 'A clinical question the assistant must not answer on its own.',
  human_request: 'The patient asked to talk to a nurse.',
  low_confidence: 'The assistant could not answer confidently twice in a row.',
  repeated_failure: 'The patient said twice that the answers did not help.',
};
const ROLE_LABEL: Record<string, string> = { patient: 'Patient', bot: 'Assistant', nurse: 'Nurse', system: 'Notice' };
const TRANSCRIPT_MESSAGES = 12;

/** Mattermost refuses longer messages (model.PostMessageMaxRunesV2, counted in runes). */
export const POST_MAX_RUNES = 16_383;
/** What our posts may use: room to spare for what Mattermost may add. */
const POST_BUDGET_RUNES = 16_000;
const CUT_MARKER = "\n\n_(Shortened to fit Mattermost's post size limit.)_";

/** A post body Mattermost will accept: cut, with a marker, when it would be too long. */
export function fitPost(message: string): string {
  if (runeCount(message) <= POST_BUDGET_RUNES) return message;
  return `${clipRunes(message, POST_BUDGET_RUNES - runeCount(CUT_MARKER))}${CUT_MARKER}`;
}

export const interpreterNote = (language: string | null) =>
  `**Interpreter:** no available nurse is listed as speaking ${languageName(language)}; consider interpreter services.`;
export const languageName = (code: string | null) => (code ? `${LANGUAGE_NAMES[code] ?? code} (${code})` : 'unknown');
export const priorityLabel = (p: Priority) => PRIORITY_LABEL[p];
export const caseTitle = (c: Pick<Case, 'number' | 'priority'>) => `${PRIORITY_ICON[c.priority]} ${PRIORITY_LABEL[c.priority]} · Case #${c.number}`;

export interface CardOptions {
  actionUrl: string;
  actionSecret: string;
  /**
   * The post the buttons go on: their signature names it. Unknown before the post exists,
   * so posts are created without buttons and patched with them right after.
   */
  postId?: string;
  /** False when no reachable nurse speaks the patient's language. */
  languageMatched?: boolean;
}

function actionButton(c: Case, options: CardOptions, postId: string, id: 'claim' | 'resolve', name: string, style: string) {
  return {
    id,
    type: 'button',
    name,
    style,
    integration: { url: options.actionUrl, context: signAction(options.actionSecret, { action: id, caseId: c.id, postId }) },
  };
}

const time = (d: Date) => `${new Date(d).toISOString().slice(11, 16)} UTC`;

/** Short facts from the stages (e.g. the emergency category), shown neutralised; never message text. */
function detailLine(details: Record<string, unknown>): string | undefined {
  const parts = Object.entries(details)
    .filter(([, v]) => (typeof v === 'string' && v.length <= 60) || typeof v === 'number')
    .slice(0, 4)
    .map(([k, v]) => `${neutraliseInline(k)}: ${neutraliseInline(String(v))}`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** The card's Markdown body: what happened and the recent transcript, patient text quoted and inert. */
export function cardMessage(c: Case, transcript: StoredMessage[], options: Pick<CardOptions, 'languageMatched'> = {}): string {
  const lines = [
    `#### ${caseTitle(c)}`,
    `**Language:** ${languageName(c.language)} · **Channel:** ${neutraliseInline(c.channel)} · **Reason:** ${neutraliseInline(c.reason)} · **Opened:** ${time(c.createdAt)}`,
    `**Summary:** ${REASON_TEXT[c.reason] ?? `Escalated by the assistant (${neutraliseInline(c.reason)}).`}`,
  ];
  const details = detailLine(c.details);
  if (details) lines.push(`**Details:** ${details}`);
  if (options.languageMatched === false) lines.push(interpreterNote(c.language));
  const footer = '\n\nReply in this channel to write to the patient. Start a message with `//` for an internal note the patient does not see.';
  // Newest first, as many whole messages as fit: a newline- or markup-heavy transcript
  // grows when quoted and neutralised, and Mattermost refuses an over-long post outright.
  const recent = transcript.slice(-TRANSCRIPT_MESSAGES);
  const blocks = recent.map((m) => `\n\n**${ROLE_LABEL[m.role] ?? 'Message'}** · ${time(m.createdAt)}\n${quoteUntrusted(m.body, 600)}`);
  const headingReserve = 200;
  let room = POST_BUDGET_RUNES - runeCount(lines.join('\n')) - runeCount(footer) - headingReserve;
  let kept = 0;
  for (let i = blocks.length - 1; i >= 0 && runeCount(blocks[i]!) <= room; i--, kept++) room -= runeCount(blocks[i]!);
  const shown = blocks.slice(blocks.length - kept);
  const left = transcript.length - kept;
  lines.push('', `**Recent conversation** (${kept} of ${transcript.length} messages):`);
  if (kept < recent.length) lines.push(`_${left} earlier message${left === 1 ? '' : 's'} not shown: the card must stay within Mattermost's post size limit._`);
  return fitPost(`${lines.join('\n')}${shown.join('')}${footer}`);
}

function statusText(c: Case): string {
  switch (c.state) {
    case 'claimed':
      return `Claimed by ${neutraliseInline(c.claimedByName ?? 'a nurse')}.`;
    case 'resolved':
      return 'Resolved: the conversation is back with the assistant.';
    case 'abandoned':
      return 'Closed: nobody claimed it in time; the patient was given other ways to reach the clinic.';
    default:
      return 'Waiting for a nurse. Claim it to take the conversation.';
  }
}

/** The card's attachment: priority colour, status and the signed Claim / Resolve buttons. */
export function cardProps(c: Case, options: CardOptions): Record<string, unknown> {
  const open = c.state === 'queued' || c.state === 'offered' || c.state === 'claimed';
  const postId = open ? options.postId : undefined;
  return {
    attachments: [
      {
        fallback: `${PRIORITY_LABEL[c.priority]} case #${c.number}: ${statusText(c)}`,
        color: open ? PRIORITY_COLOR[c.priority] : '#8a96a3',
        title: `Case #${c.number}`,
        text: statusText(c),
        fields: [
          { title: 'Priority', value: PRIORITY_LABEL[c.priority], short: true },
          { title: 'Language', value: languageName(c.language), short: true },
        ],
        // Claim stays until the case closes, so a late click gets a clear "already claimed" answer.
        actions: postId ? [actionButton(c, options, postId, 'claim', 'Claim', 'primary'), actionButton(c, options, postId, 'resolve', 'Resolve', 'good')] : [],
      },
    ],
  };
}

/** Posts in the triage channel: an alert with its own Claim button (the case channel is private). */
export function triageMessage(c: Case, mention: 'here' | 'channel', why: 'unavailable' | 'unclaimed', waitedMinutes: number): string {
  const head = `@${mention} ${caseTitle(c)} · ${languageName(c.language)} · via ${neutraliseInline(c.channel)}`;
  const body =
    why === 'unavailable'
      ? 'No nurse who can take it is online right now. Claim it to join the case channel.'
      : `Nobody has claimed this case after ${waitedMinutes} min. Claim it to join the case channel.`;
  return `${head}\n${REASON_TEXT[c.reason] ?? neutraliseInline(c.reason)}\n${body}`;
}

export function triageProps(c: Case, options: CardOptions): Record<string, unknown> {
  const actions = options.postId ? [actionButton(c, options, options.postId, 'claim', 'Claim', 'primary')] : [];
  return { attachments: [{ fallback: `Case #${c.number} needs a nurse`, color: PRIORITY_COLOR[c.priority], title: `Case #${c.number}`, actions }] };
}

/** A patient's message during the case, as posted into the case channel. */
export function patientPost(body: string, botReplies: string[]): string {
  const lines = ['**Patient:**', quoteUntrusted(body)];
  for (const reply of botReplies) lines.push('_Assistant replied (safety guidance):_', quoteUntrusted(reply, 800));
  return fitPost(lines.join('\n'));
}

export const channelName = (c: Pick<Case, 'number' | 'id'>) => `case-${c.number}-${c.id.replace(/-/g, '').slice(0, 8)}`;
export const channelDisplayName = (c: Pick<Case, 'number' | 'priority' | 'language'>) =>
  `Case ${c.number} · ${PRIORITY_LABEL[c.priority]} · ${c.language ?? '??'}`;

/**
 * A case note as posted in the case channel. `mentions` are the offered staff as Mattermost
 * mentions them (`@username`), in the note's order.
 */
export function noteMessage(c: Pick<Case, 'number' | 'priority' | 'language'>, note: CaseNote, mentions: string[] = []): string {
  switch (note.kind) {
    case 'offer': {
      const interpreter = note.languageMatched ? '' : `\n${interpreterNote(c.language)}`;
      return `${mentions.join(' ')} ${priorityLabel(c.priority)} case #${c.number} is waiting for a nurse. **Claim** it on the card above to take the conversation. Unclaimed after about ${note.deadlineMinutes} min, it goes to other nurses.${interpreter}`;
    }
    case 'raised':
      return `@channel :rotating_light: Priority raised to **${note.priority.toUpperCase()}** (${note.reason ?? 'new trigger'}). Please read the patient's latest message now.`;
    case 'claimed':
      return `:white_check_mark: ${note.name} claimed this case. Messages here now go to the patient.`;
    case 'resolved':
      return `:ballot_box_with_check: ${note.name} resolved this case. The patient is back with the assistant; messages here no longer reach them.`;
    case 'undelivered': {
      const when = note.writtenAt ? ` (written ${time(new Date(note.writtenAt))})` : '';
      return note.final
        ? `:x: A message of yours${when} could **not** be delivered to the patient: CareRelay tried for about 3 hours and has stopped (last error: ${note.reason}). Please reach the patient another way.`
        : `:warning: A message of yours${when} has **not reached the patient yet** (${note.reason}). CareRelay keeps trying every 10 minutes for about 3 hours and will say here if it gives up. If it is urgent, reach the patient another way.`;
    }
    case 'patient':
      return patientPost(note.body, note.replies);
    case 'text':
      return note.text;
  }
}
