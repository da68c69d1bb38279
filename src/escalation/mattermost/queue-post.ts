import type { Logger } from '../../logger.js';
import type { StateStore } from '../../state/state-store.js';
import { ageOf, formatAge, stateLabel, type QueueEntry } from '../case-queue.js';
import { fitPost, languageName, priorityLabel } from './card.js';
import { errorText, isClientError, type MattermostGateway } from './gateway.js';
import { neutraliseInline } from './neutralise.js';

export const QUEUE_KEY = 'queue';
/** Ages move every minute: the post is brought up to date at least this often (by one instance). */
export const QUEUE_REFRESH_MS = 60_000;
/** Case changes on this instance refresh it sooner, at most this often. */
const DEBOUNCE_MS = 1_500;
const MAX_ROWS = 40;
const ICON: Record<string, string> = { emergency: ':rotating_light:', urgent: ':warning:', routine: ':speech_balloon:' };

/** The queue as Markdown: facts about each open case (never message text), most urgent first. */
export function queueMarkdown(entries: QueueEntry[], now: number, heading = '#### :clipboard: CareRelay case queue'): string {
  const waiting = entries.filter((e) => e.state !== 'claimed');
  const claimed = entries.length - waiting.length;
  const updated = `${new Date(now).toISOString().slice(11, 16)} UTC`;
  const lines = [heading];
  if (entries.length === 0) {
    lines.push(`No open cases · updated ${updated}`);
    return lines.join('\n');
  }
  const emergencies = waiting.filter((e) => e.priority === 'emergency').length;
  lines.push(
    `**${waiting.length} waiting** for a nurse${emergencies ? ` (**${emergencies} emergency**)` : ''} · ${claimed} claimed · updated ${updated}`,
    '',
    '| Case | Priority | State | Waiting | Language | Via | Channel |',
    '|:--|:--|:--|:--|:--|:--|:--|',
  );
  for (const e of entries.slice(0, MAX_ROWS)) {
    const age = e.state === 'claimed' ? `${formatAge(now - new Date(e.createdAt).getTime())} (claimed ${formatAge(ageOf(e, now))} ago)` : formatAge(ageOf(e, now));
    lines.push(
      `| #${e.number} | ${ICON[e.priority] ?? ''} ${priorityLabel(e.priority)} | ${neutraliseInline(stateLabel(e))} | ${age} | ${languageName(e.language)} | ${neutraliseInline(e.channel)} | ${e.roomName ? `~${e.roomName}` : '-'} |`,
    );
  }
  if (entries.length > MAX_ROWS) lines.push('', `_…and ${entries.length - MAX_ROWS} more: \`carerelay cases list\` shows them all._`);
  lines.push('', '_Claim a case with the button on its card or its triage alert. `/carerelay cases` shows this list to you alone._');
  return fitPost(lines.join('\n'));
}

export interface QueuePostOptions {
  gateway: MattermostGateway;
  /** The open cases, most urgent first. */
  queue(): Promise<QueueEntry[]>;
  state: StateStore;
  logger: Logger;
}

/** The pinned queue post, as the desk drives it. */
export interface QueuePost {
  /** Brings the post up to date now (one refresh at a time). */
  refresh(): Promise<void>;
  /** A case changed on this instance: refresh soon (changes in a burst make one edit). */
  changed(): void;
  start(): void;
  stop(): Promise<void>;
  /** The post's id, once it has been found or made. */
  readonly postId: string | undefined;
}

/**
 * The pinned queue post in the triage channel: made (and pinned) once, then edited in place
 * whenever a case changes on this instance, and every minute by one instance (ages move; other
 * instances' changes come in that way). A post someone deleted or unpinned is made again.
 */
export function createQueuePost({ gateway, queue, state, logger }: QueuePostOptions): QueuePost {
  let postId: string | undefined;
  let lastText: string | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let debounce: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failing = false;
  let stopped = true;

  async function locate(channelId: string): Promise<string | undefined> {
    if (postId) return postId;
    const found = await gateway.pinnedOwnPost(channelId, QUEUE_KEY);
    if (found) {
      postId = found.id;
      lastText = found.message;
    }
    return postId;
  }

  async function refreshOnce(): Promise<void> {
    const { triageChannelId } = await gateway.ready();
    const text = queueMarkdown(await queue(), Date.now());
    const id = await locate(triageChannelId);
    if (id) {
      if (text === lastText) return;
      try {
        await gateway.updateMessage(id, QUEUE_KEY, text);
        lastText = text;
        return;
      } catch (err) {
        // Deleted by someone: make a new one below.
        if (!isClientError(err) || (err.status_code !== 404 && err.status_code !== 403)) throw err;
        postId = undefined;
      }
    }
    // Two instances must not both make one: the first takes a short lock, the other finds it pinned later.
    if (!(await state.claim('mm:queue-post:create', 30_000))) return;
    const post = await gateway.postOnce(triageChannelId, QUEUE_KEY, { message: text }, false);
    await gateway.pin(post.id);
    postId = post.id;
    lastText = text;
    logger.info({ postId: post.id }, 'case queue post pinned in the triage channel');
  }

  /** Runs one refresh at a time; a request during one runs once more after it. */
  function refresh(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = refreshOnce()
      .then(() => {
        if (failing) logger.info('case queue post updated again');
        failing = false;
      })
      .catch((err) => {
        if (!failing) logger.warn({ err: errorText(err) }, 'case queue post not updated; will retry');
        failing = true;
      })
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void refresh();
        }
      });
    return running;
  }

  return {
    refresh,
    /** A case changed on this instance: refresh soon (changes in a burst make one edit). */
    changed(): void {
      if (stopped || debounce) return;
      debounce = setTimeout(() => {
        debounce = undefined;
        void refresh();
      }, DEBOUNCE_MS);
      debounce.unref();
    },
    start(): void {
      stopped = false;
      void refresh();
      timer = setInterval(() => {
        void (async () => {
          if (!(await state.claim('mm:queue-post:tick', QUEUE_REFRESH_MS * 0.9))) return;
          // Another instance may have made it: look again rather than trust our memory.
          postId = undefined;
          await refresh();
        })().catch(() => undefined);
      }, QUEUE_REFRESH_MS);
      timer.unref();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(debounce);
      clearInterval(timer);
      await running;
    },
    get postId() {
      return postId;
    },
  };
}
