import type { Logger } from '../../src/logger.js';
import { TelegramApiError, type BotApi } from './bot-api.js';
import type { TgUpdate } from './updates.js';

export interface PollerOptions {
  api: BotApi;
  logger: Logger;
  handleUpdate(update: TgUpdate): Promise<void>;
  allowedUpdates: string[];
  /** Long-poll duration Telegram holds each getUpdates open (seconds). */
  timeoutSeconds?: number;
}

export interface TelegramPoller {
  start(): void;
  stop(): Promise<void>;
  readonly running: boolean;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * getUpdates in a loop, for development without a public URL. Telegram forgets an update
 * once a later call's `offset` passes it, so the offset only moves past updates we have
 * stored; a failed one is fetched again. Update ids also dedupe, as for the webhook.
 */
export function createTelegramPoller({ api, logger, handleUpdate, allowedUpdates, timeoutSeconds = 30 }: PollerOptions): TelegramPoller {
  let controller: AbortController | undefined;
  let loop: Promise<void> | undefined;
  let offset: number | undefined;

  async function run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const updates = await api.call<TgUpdate[]>(
          'getUpdates',
          { ...(offset !== undefined ? { offset } : {}), timeout: timeoutSeconds, allowed_updates: allowedUpdates },
          { signal, timeoutMs: (timeoutSeconds + 15) * 1000 },
        );
        for (const update of updates) {
          if (signal.aborted) return;
          await handleUpdate(update);
          offset = update.update_id + 1;
        }
        failures = 0;
      } catch (err) {
        if (signal.aborted) return;
        failures++;
        if (err instanceof TelegramApiError && err.status === 401) {
          logger.error('telegram polling stopped: the bot token was refused (401)');
          return;
        }
        if (err instanceof TelegramApiError && err.status === 409) {
          logger.error({ description: err.description }, 'telegram polling conflict: a webhook is set or another poller runs');
        } else {
          logger.warn({ err: (err as Error).message, failures }, 'telegram polling failed; retrying');
        }
        const retryAfter = err instanceof TelegramApiError && err.retryAfter ? err.retryAfter * 1000 : 0;
        await sleep(Math.max(retryAfter, Math.min(30_000, 500 * 2 ** Math.min(failures, 6))), signal);
      }
    }
  }

  return {
    start() {
      if (loop) return;
      controller = new AbortController();
      logger.info({ timeoutSeconds }, 'telegram long polling started');
      loop = run(controller.signal).finally(() => {
        loop = undefined;
      });
    },
    async stop() {
      controller?.abort();
      await loop;
    },
    get running() {
      return loop !== undefined;
    },
  };
}
