import { PermanentDeliveryError, RetryLaterError, type ChannelState, type Language, type Logger, type OutboundMessage, type TFunction } from '../../src/channel/contract.js';
import { TelegramApiError, type BotApi } from './bot-api.js';
import { inlineKeyboard } from './keyboard.js';
import { renderForTelegram } from './render.js';

export interface TelegramSenderOptions {
  api: BotApi;
  /** i18next for a language (nurse signature, source line). */
  t(language: Language): TFunction;
  state: ChannelState;
  logger: Logger;
  /** Longest 429 `retry_after` waited out in place; longer ones go back to the outbox. */
  maxInlineWaitSeconds?: number;
}

const SENT_TTL_MS = 7 * 24 * 3600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries that cannot help become permanent, so the outbox stops (blocked bot, deleted chat). */
function asDeliveryError(err: unknown): Error {
  if (err instanceof TelegramApiError && err.permanent) return new PermanentDeliveryError(err.message, { cause: err });
  if (err instanceof TelegramApiError && err.status === 429 && err.retryAfter) {
    return new RetryLaterError(err.message, err.retryAfter * 1000, { cause: err });
  }
  return err as Error;
}

export function createTelegramSender({ api, t, state, logger, maxInlineWaitSeconds = 5 }: TelegramSenderOptions) {
  /** One Bot API call; a short 429 is waited out here (at most twice), a long one is retried by the outbox later. */
  async function callPatiently<T>(method: string, params: Record<string, unknown>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await api.call<T>(method, params);
      } catch (err) {
        const wait = err instanceof TelegramApiError && err.status === 429 ? err.retryAfter : undefined;
        if (wait !== undefined && wait <= maxInlineWaitSeconds && attempt < 2) {
          logger.info({ method, retryAfter: wait }, 'telegram rate limit; waiting');
          await sleep(wait * 1000);
          continue;
        }
        throw asDeliveryError(err);
      }
    }
  }

  return {
    /**
     * Sends a reply as one or more messages. Each part is remembered once sent, so a retry
     * after a failure in the middle does not send the first parts twice.
     */
    async send(message: OutboundMessage): Promise<{ externalId?: string }> {
      const { parts, actions } = renderForTelegram(message, t(message.language));
      let first: number | undefined;
      for (const [index, text] of parts.entries()) {
        const key = `tg:sent:${message.id}:${index}`;
        const already = await state.get<number>(key);
        if (already !== undefined) {
          first ??= already;
          continue;
        }
        const last = index === parts.length - 1;
        const sent = await callPatiently<{ message_id: number }>('sendMessage', {
          chat_id: message.to,
          text,
          link_preview_options: { is_disabled: true },
          ...(last && actions.length ? { reply_markup: inlineKeyboard(message.id, actions) } : {}),
        });
        await state.set(key, sent.message_id, SENT_TTL_MS);
        first ??= sent.message_id;
      }
      return first === undefined ? {} : { externalId: `${message.to}:${first}` };
    },
  };
}

export type TelegramSender = ReturnType<typeof createTelegramSender>;
