/**
 * OpenAI-compatible fake for tests: `POST /v1/chat/completions` (JSON or SSE
 * when `stream: true`), `POST /v1/embeddings`, `GET /v1/models`.
 *
 * Listens on 127.0.0.1 (random port); `url` already ends in `/v1` so it can
 * be passed straight to `new OpenAI({ baseURL: fake.url })`.
 *
 * Embeddings are deterministic: hashed word, word-bigram and character-trigram
 * features folded into `dimensions` buckets (default 64) and L2-normalised, so
 * texts that share words (or word stems) have a high cosine similarity.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from './loopback.js';

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

export type ChatContentPart = { type: 'text'; text: string } | { type: string; [k: string]: unknown };

export interface ChatMessageIn {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'function';
  content?: string | ChatContentPart[] | null;
  name?: string;
  [k: string]: unknown;
}

export interface ChatRequestBody {
  model: string;
  messages: ChatMessageIn[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  n?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  [k: string]: unknown;
}

/** Produces the assistant text for a chat request. */
export type ChatReplyFn = (messages: ChatMessageIn[], request: ChatRequestBody) => string | Promise<string>;

export interface FakeOpenAIRequest {
  method: string;
  /** Path including `/v1`, e.g. `/v1/embeddings`. */
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body (or the raw string if it was not JSON; undefined for GET). */
  body: any;
  status: number;
  at: Date;
}

export interface FakeOpenAIOptions {
  /** When set, only `Authorization: Bearer <apiKey>` is accepted; otherwise any non-empty bearer token. */
  apiKey?: string;
  /** Default embedding dimension (the request's `dimensions` overrides it). Default 64. */
  dimensions?: number;
}

export interface FakeOpenAIFailure {
  /** For 429: `rate_limit_exceeded` (default) or `insufficient_quota`. */
  code?: 'rate_limit_exceeded' | 'insufficient_quota';
  message?: string;
}

export interface FakeOpenAI {
  /** Base URL including `/v1` (use as the SDK's `baseURL`). */
  readonly url: string;
  readonly requests: FakeOpenAIRequest[];
  /** The next `n` API calls (chat or embeddings) fail with `status` and the real error body. */
  failNext(n: number, status: number, failure?: FakeOpenAIFailure): void;
  /** Delay every response by `ms` (0 to stop). The request is still logged immediately. */
  delayMs(ms: number): void;
  /** Replace the chat reply generator; `null` restores the default (`defaultChatReply`). */
  setChatReply(fn: ChatReplyFn | null): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Deterministic embeddings
// ---------------------------------------------------------------------------

const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being am do does did ' +
    'have has had i you he she it we they me my your our their this that these those what which who whom how ' +
    'when where why can could would should will shall may might must not no yes so than then there here ' +
    'about into over under again just also very please'
  ).split(' '),
);

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Words as the fake embedder sees them (lower-cased Unicode letter/digit runs). */
export function embeddingWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The fake's embedding of `text`: an L2-normalised vector of length `dim`.
 * Texts that share (non-stop-)words are close; word stems (via character
 * trigrams) give a smaller boost; unrelated texts are near-orthogonal
 * (|cos| typically < 0.3 at 64 dimensions).
 */
export function fakeEmbedding(text: string, dim = 64): number[] {
  const v = new Float64Array(dim);
  const add = (feature: string, weight: number) => {
    const h = fnv1a(feature);
    const sign = mix(h) & 1 ? 1 : -1;
    v[h % dim]! += sign * weight;
  };
  const words = embeddingWords(text);
  for (const w of words) {
    const stop = STOPWORDS.has(w);
    const weight = stop ? 0.15 : 1;
    add(`w:${w}`, weight);
    if (!stop) {
      const padded = `#${w}#`;
      const grams = [...padded];
      const n = Math.max(grams.length - 2, 1);
      for (let i = 0; i + 3 <= grams.length; i++) add(`c:${grams.slice(i, i + 3).join('')}`, 0.6 / Math.sqrt(n));
    }
  }
  const content = words.filter((w) => !STOPWORDS.has(w));
  for (let i = 0; i + 1 < content.length; i++) add(`b:${content[i]}_${content[i + 1]}`, 0.5);
  let norm = Math.hypot(...v);
  if (norm === 0) {
    // No words at all (punctuation / emoji only): still deterministic and unit length.
    add(`raw:${text}`, 1);
    norm = Math.hypot(...v);
  }
  // Round through float32, like the real API's precision.
  return Array.from(v, (x) => Math.fround(x / norm));
}

/** Little-endian float32 bytes, base64 — the format of `encoding_format: "base64"`. */
export function embeddingToBase64(vec: number[]): string {
  const buf = Buffer.alloc(vec.length * 4);
  vec.forEach((x, i) => buf.writeFloatLE(x, i * 4));
  return buf.toString('base64');
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / (Math.sqrt(na) * Math.sqrt(nb) || 1);
}

// ---------------------------------------------------------------------------
// Default chat reply: quote the first line of the context
// ---------------------------------------------------------------------------

export function messageText(m: ChatMessageIn | undefined): string {
  if (!m || m.content === undefined || m.content === null) return '';
  if (typeof m.content === 'string') return m.content;
  return m.content
    .map((p) => (p.type === 'text' && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : ''))
    .join('\n');
}

const CONTEXT_TAG = /<(context|documents?|sources?|knowledge)[^>]*>([\s\S]*?)(?:<\/\1>|$)/i;
const CONTEXT_HEADER =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?(?:context|knowledge(?: base)?|sources?|documents?|excerpts?|reference(?: material)?|clinic information|information)(?:\*\*)?[^\n:]{0,40}:[ \t]*(.*)$/im;

/** Text of the context block in `text`, or null when there is none. */
export function extractContext(text: string): string | null {
  const tag = CONTEXT_TAG.exec(text);
  if (tag) return tag[2]!;
  const header = CONTEXT_HEADER.exec(text);
  if (header) return header[1]! + '\n' + text.slice(header.index + header[0].length);
  return null;
}

const firstLine = (text: string): string =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0) ?? '';

/**
 * Default reply: `Based on the provided information: "<first line>"` where
 * <first line> is the first non-empty line of the context block of the last
 * user message (a `<context>…</context>` element or the lines after a
 * `Context:` / `Sources:` / `Knowledge:` … header). Falls back to a context
 * block in a system/developer message, then to the first line of the last
 * user message. Lets tests check that retrieved knowledge reached the model.
 */
export function defaultChatReply(messages: ChatMessageIn[]): string {
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const userText = messageText(lastUser);
  let ctx = extractContext(userText);
  if (ctx === null) {
    for (const m of [...messages].reverse()) {
      if (m.role !== 'system' && m.role !== 'developer') continue;
      ctx = extractContext(messageText(m));
      if (ctx !== null) break;
    }
  }
  const line = firstLine(ctx ?? userText);
  return `Based on the provided information: "${line}"`;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const approxTokens = (s: string): number => (s.length === 0 ? 0 : Math.max(1, Math.ceil(s.length / 4)));
const reqId = (): string => 'req_' + randomBytes(16).toString('hex');

interface ApiErrorBody {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

const invalid = (message: string, param: string | null = null, code: string | null = null): HttpError =>
  new HttpError(400, { message, type: 'invalid_request_error', param, code });

function failureError(status: number, model: string, failure: FakeOpenAIFailure): HttpError {
  if (status === 429) {
    if (failure.code === 'insufficient_quota') {
      return new HttpError(429, {
        message:
          failure.message ??
          'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
        type: 'insufficient_quota',
        param: null,
        code: 'insufficient_quota',
      });
    }
    return new HttpError(
      429,
      {
        message:
          failure.message ??
          `Rate limit reached for ${model} in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
      {
        'x-ratelimit-limit-requests': '3',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '20s',
      },
    );
  }
  if (status === 503) {
    return new HttpError(503, {
      message: failure.message ?? 'The engine is currently overloaded, please try again later',
      type: 'server_error',
      param: null,
      code: null,
    });
  }
  if (status >= 500) {
    return new HttpError(status, {
      message: failure.message ?? 'The server had an error while processing your request. Sorry about that!',
      type: 'server_error',
      param: null,
      code: null,
    });
  }
  return new HttpError(status, {
    message: failure.message ?? `Fake failure (${status})`,
    type: 'invalid_request_error',
    param: null,
    code: null,
  });
}

async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// ---------------------------------------------------------------------------
// The fake server
// ---------------------------------------------------------------------------

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const requests: FakeOpenAIRequest[] = [];
  const failures: { status: number; failure: FakeOpenAIFailure }[] = [];
  let delay = 0;
  let chatReply: ChatReplyFn | null = null;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const defaultDim = options.dimensions ?? 64;
  const fingerprint = 'fp_' + createHash('sha1').update('carerelay-fake').digest('hex').slice(0, 10);

  function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(json),
      'x-request-id': reqId(),
      'openai-version': '2020-10-01',
      'openai-organization': 'org-fake',
      'openai-processing-ms': String(delay),
      ...extra,
    });
    res.end(json);
  }

  function checkAuth(req: IncomingMessage): void {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m || m[1]!.trim() === '') {
      throw new HttpError(401, {
        message:
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
        type: 'invalid_request_error',
        param: null,
        code: null,
      });
    }
    const key = m[1]!.trim();
    if (options.apiKey !== undefined && key !== options.apiKey) {
      const masked = key.length > 8 ? `${key.slice(0, 3)}${'*'.repeat(Math.min(key.length - 7, 12))}${key.slice(-4)}` : '****';
      throw new HttpError(401, {
        message: `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      });
    }
  }

  async function chat(body: ChatRequestBody): Promise<{ json: unknown; stream: string[] | null }> {
    if (typeof body.model !== 'string' || body.model === '') throw invalid('you must provide a model parameter');
    if (body.messages === undefined) {
      throw invalid("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
    }
    if (!Array.isArray(body.messages)) {
      throw invalid("Invalid type for 'messages': expected an array, but got an object instead.", 'messages', 'invalid_type');
    }
    if (body.messages.length === 0) {
      throw invalid(
        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
        'messages',
        'empty_array',
      );
    }
    body.messages.forEach((m, i) => {
      if (!m || typeof m !== 'object' || typeof m.role !== 'string') {
        throw invalid(`Missing required parameter: 'messages[${i}].role'.`, `messages[${i}].role`, 'missing_required_parameter');
      }
      if (!['system', 'developer', 'user', 'assistant', 'tool', 'function'].includes(m.role)) {
        throw invalid(
          `Invalid value: '${m.role}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
          `messages[${i}].role`,
          'invalid_value',
        );
      }
    });
    const n = body.n ?? 1;
    const maxTokens = body.max_completion_tokens ?? body.max_tokens;
    const promptTokens = body.messages.reduce((acc, m) => acc + 4 + approxTokens(messageText(m)), 3);
    const created = Math.floor(Date.now() / 1000);
    const id = 'chatcmpl-' + randomBytes(15).toString('base64url');
    const choices: { index: number; content: string; finish: 'stop' | 'length' }[] = [];
    for (let i = 0; i < n; i++) {
      let content = await (chatReply ?? defaultChatReply)(body.messages, body);
      let finish: 'stop' | 'length' = 'stop';
      if (maxTokens !== undefined && approxTokens(content) > maxTokens) {
        content = content.slice(0, maxTokens * 4);
        finish = 'length';
      }
      choices.push({ index: i, content, finish });
    }
    const completionTokens = choices.reduce((acc, c) => acc + approxTokens(c.content), 0);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    };
    if (body.stream) {
      const base = { id, object: 'chat.completion.chunk', created, model: body.model, service_tier: 'default', system_fingerprint: fingerprint };
      const events: string[] = [];
      for (const c of choices) {
        events.push(
          JSON.stringify({
            ...base,
            choices: [{ index: c.index, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }],
          }),
        );
        for (const piece of c.content.match(/\S+\s*|\s+/g) ?? []) {
          events.push(
            JSON.stringify({ ...base, choices: [{ index: c.index, delta: { content: piece }, logprobs: null, finish_reason: null }] }),
          );
        }
        events.push(
          JSON.stringify({ ...base, choices: [{ index: c.index, delta: {}, logprobs: null, finish_reason: c.finish }] }),
        );
      }
      if (body.stream_options?.include_usage) events.push(JSON.stringify({ ...base, choices: [], usage }));
      events.push('[DONE]');
      return { json: null, stream: events };
    }
    return {
      json: {
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: choices.map((c) => ({
          index: c.index,
          message: { role: 'assistant', content: c.content, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: c.finish,
        })),
        usage,
        service_tier: 'default',
        system_fingerprint: fingerprint,
      },
      stream: null,
    };
  }

  function embeddings(body: Record<string, unknown>): unknown {
    if (typeof body.model !== 'string' || body.model === '') throw invalid('you must provide a model parameter');
    const input = body.input;
    if (input === undefined) throw invalid("Missing required parameter: 'input'.", 'input', 'missing_required_parameter');
    const bad = () => invalid("'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.");
    let texts: string[];
    if (typeof input === 'string') texts = [input];
    else if (Array.isArray(input) && input.length > 0 && input.every((x) => typeof x === 'string')) texts = input as string[];
    else if (Array.isArray(input) && input.length > 0 && input.every((x) => typeof x === 'number')) texts = [(input as number[]).map((t) => `t${t}`).join(' ')];
    else if (
      Array.isArray(input) &&
      input.length > 0 &&
      input.every((x) => Array.isArray(x) && x.length > 0 && x.every((t) => typeof t === 'number'))
    )
      texts = (input as number[][]).map((arr) => arr.map((t) => `t${t}`).join(' '));
    else throw bad();
    if (texts.length > 2048 || texts.some((t) => t.length === 0)) throw bad();
    const format = body.encoding_format ?? 'float';
    if (format !== 'float' && format !== 'base64') {
      throw invalid(
        `Invalid value for 'encoding_format': '${String(format)}'. Supported values are: 'float' and 'base64'.`,
        'encoding_format',
        'invalid_value',
      );
    }
    let dim = defaultDim;
    if (body.dimensions !== undefined) {
      if (!Number.isInteger(body.dimensions) || (body.dimensions as number) < 1) {
        throw invalid(`Invalid 'dimensions': integer below minimum value. Expected a value >= 1, but got ${String(body.dimensions)} instead.`, 'dimensions', 'integer_below_min_value');
      }
      dim = body.dimensions as number;
    }
    const promptTokens = texts.reduce((a, t) => a + approxTokens(t), 0);
    return {
      object: 'list',
      data: texts.map((t, index) => {
        const vec = fakeEmbedding(t, dim);
        return { object: 'embedding', index, embedding: format === 'base64' ? embeddingToBase64(vec) : vec };
      }),
      model: body.model,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/+$/, '');
    const raw = await readRaw(req);
    let body: any;
    let bodyError: HttpError | null = null;
    if (method !== 'GET' && raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
        bodyError = invalid(
          "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)",
        );
      }
    }
    const entry: FakeOpenAIRequest = { method, path, headers: req.headers, body, status: 0, at: new Date() };
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });

    let aborted = false;
    res.on('close', () => {
      aborted = !res.writableFinished;
    });
    if (delay > 0) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, delay);
        timers.add(t);
        res.on('close', () => {
          clearTimeout(t);
          timers.delete(t);
          resolve();
        });
      });
    }
    if (aborted || res.destroyed) return;

    try {
      checkAuth(req);
      const isChat = method === 'POST' && path === '/v1/chat/completions';
      const isEmb = method === 'POST' && path === '/v1/embeddings';
      if (method === 'GET' && path === '/v1/models') {
        const created = 1_700_000_000;
        return sendJson(res, 200, {
          object: 'list',
          data: ['gpt-4o-mini', 'gpt-4.1-mini', 'text-embedding-3-small', 'text-embedding-3-large'].map((id) => ({
            id,
            object: 'model',
            created,
            owned_by: 'system',
          })),
        });
      }
      if (!isChat && !isEmb) {
        throw new HttpError(404, {
          message: `Invalid URL (${method} ${path})`,
          type: 'invalid_request_error',
          param: null,
          code: null,
        });
      }
      if (bodyError) throw bodyError;
      if (body === undefined || typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw invalid('you must provide a model parameter');
      }
      const failure = failures.shift();
      if (failure) throw failureError(failure.status, String(body.model ?? 'gpt-4o-mini'), failure.failure);
      if (isEmb) return sendJson(res, 200, embeddings(body));
      const out = await chat(body as ChatRequestBody);
      if (out.stream) {
        res.writeHead(200, {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-cache',
          'x-request-id': reqId(),
          'openai-processing-ms': String(delay),
        });
        for (const ev of out.stream) res.write(`data: ${ev}\n\n`);
        res.end();
        return;
      }
      return sendJson(res, 200, out.json, {
        'x-ratelimit-limit-requests': '10000',
        'x-ratelimit-remaining-requests': '9999',
        'x-ratelimit-reset-requests': '6ms',
      });
    } catch (err) {
      if (err instanceof HttpError) return sendJson(res, err.status, { error: err.body }, err.headers);
      throw err;
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        sendJson(res, 500, {
          error: { message: `Fake OpenAI crashed: ${String(err)}`, type: 'server_error', param: null, code: null },
        });
      } else res.destroy();
    });
  });
  const { origin } = await listenOnLoopback(server, sockets);

  return {
    url: `${origin}/v1`,
    requests,
    failNext(n, status, failure = {}) {
      for (let i = 0; i < n; i++) failures.push({ status, failure });
    },
    delayMs(ms) {
      delay = Math.max(0, ms);
    },
    setChatReply(fn) {
      chatReply = fn;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
