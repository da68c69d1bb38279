import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Channel, Config, Inbound, Language, Logger, Message, TFunction } from '../../src/channel/contract.js';
import { AppError, isConnectionFailure } from '../../src/errors.js';
import { cleanText } from '../../src/inbound.js';
import { toLanguage } from '../../src/language/languages.js';
import { createBotApi, type BotApi } from './bot-api.js';
import { parseJsonKeepingBigIntegers } from './json.js';
import { parseCallbackData } from './keyboard.js';
import { createTelegramPoller, type TelegramPoller } from './poller.js';
import { createTelegramSender, type TelegramSender } from './sender.js';
import { classifyUpdate, isUpdate, normaliseCommand, type Actionable, type TgUpdate } from './updates.js';

export const TELEGRAM = 'telegram';
export const TELEGRAM_WEBHOOK_PATH = '/channels/telegram/webhook';
/** The update types we act on; everything else Telegram need not send. */
export const ALLOWED_UPDATES = ['message', 'callback_query'];
const DAY_MS = 24 * 3600_000;
/** Failed attempts after which an update that keeps failing (not an outage) is acknowledged and dropped. */
const POISON_ATTEMPTS = 3;

export interface TelegramChannelOptions {
  config: Config;
  /** `config.telegram`, present when the channel is on. */
  telegram: NonNullable<Config['telegram']>;
  logger: Logger;
  t(language: Language): TFunction;
}

export interface TelegramChannel extends Channel {
  readonly name: typeof TELEGRAM;
  readonly api: BotApi;
  /** Handles one update, from the webhook or from long polling; throws when it could not be stored. Once mounted. */
  handleUpdate(update: TgUpdate): Promise<void>;
  /** Long polling (development without a public URL); the webhook must be deleted first. Once mounted. */
  startPolling(options?: { timeoutSeconds?: number }): TelegramPoller;
  close(): Promise<void>;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** True when the header equals the secret; compares digests so length and content leak no timing. */
export function secretMatches(header: string, secret: string): boolean {
  return timingSafeEqual(digest(header), digest(secret));
}

export function isTelegramChannel(sender: { readonly name: string } | undefined): sender is TelegramChannel {
  return sender?.name === TELEGRAM && typeof (sender as TelegramChannel).handleUpdate === 'function';
}

/** Telegram: webhook (or long polling) in, Bot API sendMessage out. */
export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { config, telegram, logger, t } = options;
  const api = createBotApi({ token: telegram.token, apiRoot: telegram.apiRoot });
  const log = logger.child({ channel: TELEGRAM });
  // The core's side and what needs it, from mount().
  let core: { inbound: Inbound; sender: TelegramSender } | undefined;
  const mounted = () => {
    if (!core) throw new Error('the Telegram channel is not mounted');
    return core;
  };
  let poller: TelegramPoller | undefined;
  let username: Promise<string | undefined> | undefined;

  const allowed = (l: Language | undefined) => (l && config.languages.includes(l) ? l : undefined);
  /**
   * Dedupe key of an update. update_id alone is not enough for ever: after a week without
   * updates Telegram picks the next one at random, so the chat and message (or callback) id
   * are part of it; a redelivery of the same update has the same key.
   */
  const externalId = (inbound: Actionable) =>
    `${api.botId}:${inbound.updateId}:${inbound.sender.chatId}:${inbound.kind === 'callback' ? inbound.callbackId : inbound.messageId}`;

  /** Our @username, asked once and only when a command names a bot (groups). */
  function botUsername(): Promise<string | undefined> {
    username ??= api
      .call<{ username?: string }>('getMe')
      .then((me) => me.username)
      .catch((err) => {
        username = undefined;
        log.warn({ err: (err as Error).message }, 'telegram getMe failed');
        return undefined;
      });
    return username;
  }

  async function accept(inbound: Actionable, text: string, kind: Message['kind']): Promise<void> {
    const { sender: who } = inbound;
    const { duplicate } = await mounted().inbound(
      {
        channel: TELEGRAM,
        externalId: externalId(inbound),
        conversation: { id: who.chatId },
        from: { id: who.userId ?? who.chatId, role: 'patient', ...(who.firstName ? { name: who.firstName } : {}) },
        text,
        ...(who.languageCode ? { locale: who.languageCode } : {}),
        kind,
        timestamp: 'date' in inbound ? inbound.date : new Date(),
        channelData: { updateId: inbound.updateId, chatType: who.chatType, ...('messageId' in inbound ? { messageId: inbound.messageId } : {}) },
      },
      who.chatType === 'private' && who.firstName ? { displayName: who.firstName } : {},
    );
    if (duplicate) log.debug({ updateId: inbound.updateId }, 'duplicate telegram update');
  }

  /**
   * A short answer that does not go through the dialog engine (unsupported media, an old
   * button), stored and delivered like any reply. At most one per chat a minute and one
   * per update, so a burst of stickers or a redelivered update gets one answer.
   */
  async function notice(inbound: Actionable, key: string): Promise<void> {
    await mounted().inbound.notice(inbound.sender.chatId, key, { once: externalId(inbound), locale: inbound.sender.languageCode });
  }

  /** Over the shared per-sender limit the update is dropped, with one polite notice per window. */
  async function overLimit(inbound: Actionable): Promise<boolean> {
    const verdict = await mounted().inbound.limits.inbound(inbound.sender.userId ?? inbound.sender.chatId);
    if (verdict.allowed) return false;
    if (verdict.notify) await notice(inbound, 'errors.rateLimited');
    log.info({ updateId: inbound.updateId, count: verdict.count }, 'telegram sender over the rate limit');
    return true;
  }

  async function handleUpdate(update: TgUpdate): Promise<void> {
    const inbound = classifyUpdate(update);
    if (inbound.kind === 'ignore') {
      log.debug({ updateId: inbound.updateId, why: inbound.why }, 'telegram update ignored');
      return;
    }
    if (await overLimit(inbound)) return;
    // An update that fails because a service is down comes back from Telegram: it is not charged twice.
    await mounted().inbound.limits.refundOnOutage(inbound.sender.userId ?? inbound.sender.chatId, () => act(inbound));
  }

  async function act(inbound: Actionable): Promise<void> {
    switch (inbound.kind) {
      case 'text': {
        const typed = cleanText(inbound.text);
        const text = normaliseCommand(typed, typed.includes('@') ? await botUsername() : undefined)?.trim();
        if (!text) return;
        if (text.length > config.maxMessageLength) return notice(inbound, 'errors.tooLong');
        return accept(inbound, text, 'text');
      }
      case 'media': {
        await notice(inbound, inbound.media === 'sticker' || inbound.media === 'animation' ? 'channels:telegram.sticker' : 'channels:telegram.media');
        const caption = inbound.caption === undefined ? undefined : cleanText(inbound.caption).trim();
        if (caption && caption.length <= config.maxMessageLength) await accept(inbound, caption, 'text');
        return;
      }
      case 'callback': {
        const value = await callbackValue(inbound.sender.chatId, inbound.data);
        await api
          .call('answerCallbackQuery', { callback_query_id: inbound.callbackId, ...(value ? {} : { text: t(allowed(toLanguage(inbound.sender.languageCode)) ?? config.defaultLanguage)('channels:telegram.buttonExpired') }) })
          .catch((err) => log.debug({ err: (err as Error).message }, 'answerCallbackQuery failed'));
        if (value) await accept(inbound, value, 'postback');
        return;
      }
    }
  }

  /** The value behind an inline button we sent to this chat, read from the stored reply. */
  async function callbackValue(chatId: string, data: string): Promise<string | undefined> {
    const ref = parseCallbackData(data);
    if (!ref) return undefined;
    const actions = await mounted().inbound.sentActions(ref.messageId, chatId);
    const value: unknown = actions?.[ref.index]?.value;
    return typeof value === 'string' && value.trim() ? value : undefined;
  }

  /**
   * What Telegram hears about an update we could not store. An outage answers 503, so Telegram
   * delivers it again later; an update we refuse, or one that failed POISON_ATTEMPTS times for
   * another reason, is acknowledged (200) so it does not come back for ever.
   */
  async function failedUpdateStatus(update: TgUpdate, err: unknown): Promise<number> {
    if (isConnectionFailure(err)) return 503; // logged once per outage by the outage log
    if (err instanceof AppError && err.status < 500) {
      log.warn({ updateId: update.update_id, code: err.code }, 'telegram update refused');
      return 200;
    }
    const attempts = await mounted().inbound.state.incr(`tg:failed:${api.botId}:${update.update_id}`, DAY_MS).catch(() => 1);
    if (attempts >= POISON_ATTEMPTS) {
      log.error({ err, updateId: update.update_id, attempts }, 'telegram update dropped after repeated failures');
      return 200;
    }
    log.error({ err, updateId: update.update_id, attempts }, 'telegram update failed');
    return 503;
  }

  function mount(router: Router, inbound: Inbound): void {
    core = { inbound, sender: createTelegramSender({ api, t, state: inbound.state, logger: log }) };
    router.post(
      TELEGRAM_WEBHOOK_PATH,
      // The secret is checked before the body is even read.
      (req: Request, res: Response, next) => {
        const header = req.get('x-telegram-bot-api-secret-token');
        if (header === undefined) return void res.status(401).json({ error: { code: 'unauthorized', message: 'missing secret token' } });
        if (!secretMatches(header, telegram.webhookSecret)) return void res.status(403).json({ error: { code: 'forbidden', message: 'wrong secret token' } });
        next();
      },
      express.text({ type: () => true, limit: '1mb' }),
      async (req: Request, res: Response) => {
        let update: unknown = req.body;
        try {
          // A parser mounted before ours may have read the body already; ids beyond 2^53 would be rounded then.
          if (typeof req.body === 'string') update = parseJsonKeepingBigIntegers(req.body);
        } catch {
          return void res.status(400).json({ error: { code: 'invalid', message: 'body is not JSON' } });
        }
        if (!isUpdate(update)) return void res.status(400).json({ error: { code: 'invalid', message: 'not a Telegram update' } });
        try {
          await handleUpdate(update);
          res.sendStatus(200);
        } catch (err) {
          res.sendStatus(await failedUpdateStatus(update, err));
        }
      },
    );
  }

  return {
    name: TELEGRAM,
    capabilities: {},
    mount,
    api,
    handleUpdate,
    send: (message) => mounted().sender.send(message),
    typing(target) {
      void api.call('sendChatAction', { chat_id: target.address, action: 'typing' }).catch((err) => log.debug({ err: (err as Error).message }, 'sendChatAction failed'));
    },
    startPolling(pollOptions = {}) {
      // Long polling acknowledges (moves the offset past) exactly what the webhook would answer 200 to.
      const pollUpdate = async (update: TgUpdate) => {
        try {
          await handleUpdate(update);
        } catch (err) {
          if ((await failedUpdateStatus(update, err)) !== 200) throw err;
        }
      };
      poller ??= createTelegramPoller({ api, logger: log, handleUpdate: pollUpdate, allowedUpdates: ALLOWED_UPDATES, ...pollOptions });
      poller.start();
      return poller;
    },
    async close() {
      await poller?.stop();
    },
  };
}
