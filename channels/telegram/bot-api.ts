import { parseJsonKeepingBigIntegers } from './json.js';

/** A Bot API answer with `ok: false` (or a non-JSON failure), with what a caller needs to decide. */
export class TelegramApiError extends Error {
  readonly status: number;
  readonly description: string;
  /** Seconds Telegram asks us to wait (429 Too Many Requests). */
  readonly retryAfter?: number;
  /** Set when a group became a supergroup and has a new id. */
  readonly migrateToChatId?: string;

  constructor(method: string, status: number, description: string, parameters: { retry_after?: unknown; migrate_to_chat_id?: unknown } = {}) {
    super(`telegram ${method}: ${status} ${description}`);
    this.name = 'TelegramApiError';
    this.status = status;
    this.description = description;
    if (typeof parameters.retry_after === 'number') this.retryAfter = parameters.retry_after;
    if (parameters.migrate_to_chat_id !== undefined) this.migrateToChatId = String(parameters.migrate_to_chat_id);
  }

  /** Retrying the same call cannot help: the chat blocked us, does not exist, or the request is wrong. */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 429;
  }
}

export interface BotApiOptions {
  token: string;
  /** `https://api.telegram.org` or a proxy / test server (TELEGRAM_API_ROOT). */
  apiRoot: string;
  /** Per-call limit for ordinary methods; long polls add their own timeout on top. */
  timeoutMs?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The Bot API over plain fetch: JSON in, JSON out, 64-bit ids kept exact. */
export function createBotApi({ token, apiRoot, timeoutMs = 15_000 }: BotApiOptions) {
  const base = `${apiRoot.replace(/\/+$/, '')}/bot${token}`;
  const botId = token.split(':')[0] ?? '';

  async function call<T = unknown>(method: string, params: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
    const limit = AbortSignal.timeout(options.timeoutMs ?? timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, limit]) : limit;
    // Never put the URL in an error: it carries the bot token.
    let res: Response;
    try {
      res = await fetch(`${base}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
        signal,
      });
    } catch (err) {
      const reason = (err as Error).name === 'TimeoutError' ? 'timed out' : (err as Error).name === 'AbortError' ? 'aborted' : 'network error';
      throw new Error(`telegram ${method}: ${reason}`, { cause: options.signal?.aborted ? undefined : (err as Error).cause });
    }
    const text = await res.text();
    let body: { ok?: boolean; result?: T; description?: string; parameters?: Record<string, unknown> } | undefined;
    try {
      body = parseJsonKeepingBigIntegers(text) as typeof body;
    } catch {
      body = undefined;
    }
    if (!body || body.ok !== true) {
      throw new TelegramApiError(method, res.ok ? 500 : res.status, body?.description ?? `HTTP ${res.status}`, body?.parameters ?? {});
    }
    return body.result as T;
  }

  return { botId, call };
}

export type BotApi = ReturnType<typeof createBotApi>;
