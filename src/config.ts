import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { LANGUAGES, type Language } from './language/languages.js';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const optionalUrl = optionalString.pipe(z.url({ protocol: /^https?$/ }).optional());
const port = z.coerce.number().int().min(0).max(65535);
const flag = z
  .string()
  .optional()
  .transform((v) => v !== undefined && ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase()));
const languageList = z
  .string()
  .optional()
  .transform((v) => (v ?? LANGUAGES.join(',')).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.enum(LANGUAGES)).min(1, 'name at least one language'));
const minutes = (fallback: number) => z.coerce.number().positive().default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_SCHEMA: optionalString.pipe(z.string().regex(/^[a-z_][a-z0-9_]*$/).optional()),
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
  REDIS_KEY_PREFIX: z.string().default('carerelay:'),
  REQUIRE_SERVICES: flag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: optionalString.pipe(z.string().min(32, 'use at least 32 characters').optional()),
  LANGUAGES: languageList,
  DEFAULT_LANGUAGE: z.enum(LANGUAGES).default('en'),
  EMERGENCY_NUMBER: z.string().min(1).default('911'),
  CRISIS_LINE: z.string().min(1).default('988'),
  MAX_MESSAGE_LENGTH: z.coerce.number().int().min(100).max(20_000).default(4000),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  LLM_MODEL: optionalString,
  EMBEDDING_MODEL: optionalString,
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  // Further OpenAI-compatible endpoints tried in order when the first fails (comma-separated).
  LLM_FALLBACK_BASE_URLS: optionalString.pipe(
    z
      .string()
      .transform((s) => s.split(',').map((u) => u.trim()).filter(Boolean))
      .pipe(z.array(z.url({ protocol: /^https?$/ })))
      .optional(),
  ),
  LLM_FALLBACK_MODELS: optionalString,
  LLM_FALLBACK_API_KEYS: optionalString,
  TWILIO_ACCOUNT_SID: optionalString.pipe(z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'expected AC followed by 32 hex digits').optional()),
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM_NUMBER: optionalString,
  TWILIO_API_BASE: optionalUrl,
  /** WhatsApp sender on the same Twilio account: `whatsapp:+1…` (the prefix is added when missing). */
  WHATSAPP_FROM: optionalString.pipe(
    z
      .string()
      .transform((v) => (v.startsWith('whatsapp:') ? v : `whatsapp:${v}`))
      .pipe(z.string().regex(/^whatsapp:\+[1-9]\d{6,14}$/, 'expected whatsapp:+<E.164 number>'))
      .optional(),
  ),
  /** Approved Content API template(s) for messages outside the 24-hour window: `HX…`, or `en:HX…,es:HX…` per language. */
  WHATSAPP_TEMPLATE_SID: optionalString.pipe(
    z
      .string()
      .transform((v) => Object.fromEntries(v.split(',').map((part) => part.trim()).filter(Boolean).map((part) => (part.includes(':') ? part.split(':').map((x) => x.trim()) : ['default', part]))))
      .pipe(z.partialRecord(z.enum(['default', ...LANGUAGES]), z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'expected a Content SID, HX followed by 32 hex digits')))
      .optional(),
  ),
  NURSE_LINE_NUMBER: optionalString,
  VOICE_WEBHOOK_SECRET: optionalString,
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'Telegram allows 1-256 characters A-Z a-z 0-9 _ -').optional(),
  ),
  TELEGRAM_API_ROOT: optionalUrl,
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  /** Bot Framework without credentials (Bot Framework Emulator, tests): no request is authenticated. */
  BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED: flag,
  MATTERMOST_URL: optionalUrl,
  MATTERMOST_TOKEN: optionalString,
  MATTERMOST_TEAM: optionalString,
  MATTERMOST_TRIAGE_CHANNEL: optionalString,
  MATTERMOST_ACTION_SECRET: optionalString,
  /** Token of the `/carerelay` slash command (Mattermost shows it; `mattermost setup` prints it). */
  MATTERMOST_COMMAND_TOKEN: optionalString,
  STAFF_FILE: optionalString,
  KNOWLEDGE_WATCH: flag,
  CASE_DEADLINE_EMERGENCY_MIN: minutes(2),
  CASE_DEADLINE_URGENT_MIN: minutes(5),
  CASE_DEADLINE_ROUTINE_MIN: minutes(15),
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  METRICS_TOKEN: optionalString,
  /** Origins (scheme://host[:port]) allowed to open the web chat socket, besides the page's own and PUBLIC_URL. */
  ALLOWED_ORIGINS: optionalString.pipe(
    z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(',').map((s) => s.trim().replace(/\/+$/, '')).filter(Boolean))
      .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  ),
  WEB_CHAT_TOKEN_TTL_DAYS: z.coerce.number().positive().default(30),
  /** Per client IP, shared by every instance; 0 turns a limit off. */
  WEB_CHAT_IP_CONNECTIONS_PER_MIN: z.coerce.number().int().min(0).default(60),
  WEB_CHAT_IP_MESSAGES_PER_MIN: z.coerce.number().int().min(0).default(120),
  SMS_UNICODE_ANSWER_SEGMENTS: z.coerce.number().int().min(1).max(10).default(2),
});

type Env = z.infer<typeof schema>;

/** Settings that only make sense together: all set (on) or none set (off). */
const GROUPS: Record<string, { vars: (keyof Env)[]; optional?: (keyof Env)[] }> = {
  'Twilio SMS and voice': { vars: ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER'], optional: ['TWILIO_API_BASE'] },
  Telegram: { vars: ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET'], optional: ['TELEGRAM_API_ROOT'] },
  Mattermost: {
    vars: ['MATTERMOST_URL', 'MATTERMOST_TOKEN', 'MATTERMOST_TEAM', 'MATTERMOST_TRIAGE_CHANNEL', 'MATTERMOST_ACTION_SECRET'],
    optional: ['STAFF_FILE', 'MATTERMOST_COMMAND_TOKEN'],
  },
};

export interface Config {
  env: Env['NODE_ENV'];
  http: { port: number; host: string; publicUrl: string };
  dataDir: string;
  database: { url?: string; schema?: string };
  redis: { url?: string; keyPrefix: string };
  requireServices: boolean;
  logLevel: Env['LOG_LEVEL'];
  sessionSecret?: string;
  languages: Language[];
  defaultLanguage: Language;
  emergencyNumber: string;
  crisisLine: string;
  maxMessageLength: number;
  /** SMS segments a knowledge answer may take when it needs UCS-2 (Devanagari, Chinese: 67 characters a segment). */
  smsUnicodeAnswerSegments: number;
  llm?: {
    apiKey: string;
    baseUrl?: string;
    model?: string;
    embeddingModel?: string;
    timeoutMs: number;
    /** Chat endpoints tried after the first, in order (LLM_FALLBACK_*). */
    fallbacks: { baseUrl: string; model: string; apiKey: string }[];
  };
  twilio?: { accountSid: string; authToken: string; fromNumber: string; apiBase?: string };
  /** WhatsApp through the Twilio account: the sender and the approved template per language (`default` for the rest). */
  whatsapp?: { accountSid: string; authToken: string; apiBase?: string; from: string; templates: Partial<Record<Language | 'default', string>> };
  voiceWebhookSecret?: string;
  /** Where calls are transferred on escalation (Twilio Voice and other phone systems). */
  nurseLineNumber?: string;
  telegram?: { token: string; webhookSecret: string; apiRoot: string };
  /** `unauthenticated`: BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED, empty app id and password, every request accepted. */
  botFramework?: { appId: string; appPassword: string; tenantId?: string; appType: Env['MICROSOFT_APP_TYPE']; unauthenticated?: boolean };
  mattermost?: { url: string; token: string; team: string; triageChannel: string; actionSecret: string; staffFile?: string; commandToken?: string };
  caseDeadlinesMs: { emergency: number; urgent: number; routine: number };
  /** One line per channel or service that is off, said once at start-up. */
  notices: string[];
  /** Re-index knowledge files when they change (always on in development). */
  knowledgeWatch: boolean;
  /** METRICS_TOKEN: the bearer token /metrics requires; unset, /metrics is open. */
  metricsToken?: string;
  webChat: {
    /** Origins allowed to open the socket besides the page's own: PUBLIC_URL's and ALLOWED_ORIGINS. */
    allowedOrigins: string[];
    tokenTtlMs: number;
    /** Per client IP per minute; 0 = no limit. */
    ipConnectionsPerMin: number;
    ipMessagesPerMin: number;
  };
}

/** Whether a staff desk is configured for escalations (Mattermost is the one CareRelay has). */
export const staffDeskConfigured = (config: Pick<Config, 'mattermost'>): boolean => config.mattermost !== undefined;

/**
 * Bot Framework credentials per MICROSOFT_APP_TYPE, as botbuilder's ConfigurationBotFrameworkAuthentication
 * (4.23) asserts them when the adapter is built: MultiTenant needs an app id and password; SingleTenant
 * also a tenant id; UserAssignedMSI an app id (the identity's client id) and a tenant id, and no password.
 */
function botFrameworkProblems(e: Env): string[] {
  const { MICROSOFT_APP_ID: id, MICROSOFT_APP_PASSWORD: password, MICROSOFT_APP_TENANT_ID: tenant, MICROSOFT_APP_TYPE: type } = e;
  if (!id && !password) return [];
  const problems: string[] = [];
  if (!id) problems.push('Bot Framework: MICROSOFT_APP_PASSWORD set but MICROSOFT_APP_ID missing (set both, or neither to turn Bot Framework off)');
  if (type === 'UserAssignedMSI') {
    if (password) problems.push('Bot Framework: MICROSOFT_APP_TYPE=UserAssignedMSI takes no MICROSOFT_APP_PASSWORD (a managed identity has none); unset it');
    if (!tenant) problems.push('Bot Framework: MICROSOFT_APP_TYPE=UserAssignedMSI needs MICROSOFT_APP_TENANT_ID');
    return problems;
  }
  if (id && !password) problems.push(`Bot Framework: MICROSOFT_APP_ID set but MICROSOFT_APP_PASSWORD missing (${type} needs both)`);
  if (type === 'SingleTenant' && !tenant) problems.push('Bot Framework: MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID');
  return problems;
}

/** Node 20.12+ reads `.env` natively; a missing file is fine, a broken one is not. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

export function parseConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(source);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const notices: string[] = [];
  for (const [name, group] of Object.entries(GROUPS)) {
    const set = group.vars.filter((k) => e[k] !== undefined);
    // WhatsApp alone needs the account but no SMS number.
    const whatsappOnly = name === 'Twilio SMS and voice' && e.WHATSAPP_FROM && !e.TWILIO_FROM_NUMBER && set.length === 2;
    if (whatsappOnly) notices.push(`${name} is off (set TWILIO_FROM_NUMBER to turn it on)`);
    else if (set.length > 0 && set.length < group.vars.length) {
      const missing = group.vars.filter((k) => e[k] === undefined);
      problems.push(`${name}: ${set.join(', ')} set but ${missing.join(', ')} missing (set all of them, or none to turn ${name} off)`);
    } else if (set.length === 0) {
      notices.push(`${name} is off (set ${group.vars.join(', ')} to turn it on)`);
      const stray = (group.optional ?? []).filter((k) => e[k] !== undefined);
      if (stray.length) notices.push(`${stray.join(', ')} ignored while ${name} is off`);
    }
  }
  problems.push(...botFrameworkProblems(e));
  if (!e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_PASSWORD) {
    notices.push('Bot Framework is off (set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD to turn it on)');
    if (e.MICROSOFT_APP_TENANT_ID) notices.push('MICROSOFT_APP_TENANT_ID ignored while Bot Framework is off');
  }
  if (e.BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED) {
    if (e.NODE_ENV === 'production') problems.push('BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED: refused with NODE_ENV=production; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD');
    else if (e.MICROSOFT_APP_ID || e.MICROSOFT_APP_PASSWORD) problems.push('BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED: unset it when MICROSOFT_APP_ID / MICROSOFT_APP_PASSWORD are set');
    const off = notices.findIndex((n) => n.startsWith('Bot Framework is off'));
    if (off >= 0) notices[off] = 'Bot Framework is on WITHOUT authentication (BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED): Emulator and tests only';
  }
  if (!e.LANGUAGES.includes(e.DEFAULT_LANGUAGE)) {
    problems.push(`DEFAULT_LANGUAGE: ${e.DEFAULT_LANGUAGE} is not in LANGUAGES (${e.LANGUAGES.join(',')})`);
  }
  const llmWanted = e.OPENAI_API_KEY ?? e.OPENAI_BASE_URL;
  if (llmWanted && !e.LLM_MODEL && !e.EMBEDDING_MODEL) {
    problems.push('OPENAI_API_KEY / OPENAI_BASE_URL: set LLM_MODEL and/or EMBEDDING_MODEL to use the endpoint');
  }
  if (!llmWanted && (e.LLM_MODEL || e.EMBEDDING_MODEL)) {
    problems.push('LLM_MODEL / EMBEDDING_MODEL: set OPENAI_API_KEY or OPENAI_BASE_URL too');
  }
  if (!llmWanted) notices.push('No LLM configured: lexical retrieval and extractive answers');
  const fallbackUrls = e.LLM_FALLBACK_BASE_URLS ?? [];
  const fallbackModels = e.LLM_FALLBACK_MODELS?.split(',').map((m) => m.trim()) ?? [];
  const fallbackKeys = e.LLM_FALLBACK_API_KEYS?.split(',').map((k) => k.trim()) ?? [];
  if (fallbackUrls.length && !e.LLM_MODEL) problems.push('LLM_FALLBACK_BASE_URLS: set LLM_MODEL (and OPENAI_API_KEY or OPENAI_BASE_URL) for the first endpoint too');
  if (fallbackModels.length > fallbackUrls.length) problems.push('LLM_FALLBACK_MODELS: more models than LLM_FALLBACK_BASE_URLS');
  if (fallbackKeys.length > fallbackUrls.length) problems.push('LLM_FALLBACK_API_KEYS: more keys than LLM_FALLBACK_BASE_URLS');
  const fallbacks = fallbackUrls.map((baseUrl, i) => ({
    baseUrl,
    model: fallbackModels[i] || e.LLM_MODEL || '',
    apiKey: fallbackKeys[i] || e.OPENAI_API_KEY || 'not-needed',
  }));
  if (e.WHATSAPP_FROM && !(e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN)) problems.push('WhatsApp: WHATSAPP_FROM set but TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN missing (set them, or unset WHATSAPP_FROM to turn WhatsApp off)');
  if (!e.WHATSAPP_FROM) notices.push('WhatsApp is off (set WHATSAPP_FROM with the TWILIO_* account to turn it on)');
  if (!e.WHATSAPP_FROM && e.WHATSAPP_TEMPLATE_SID) notices.push('WHATSAPP_TEMPLATE_SID ignored while WhatsApp is off');
  if (e.WHATSAPP_FROM && !e.WHATSAPP_TEMPLATE_SID) notices.push('WHATSAPP_TEMPLATE_SID not set: WhatsApp messages outside the 24-hour window wait for the patient to write');
  if (!e.VOICE_WEBHOOK_SECRET) notices.push('Generic voice-transcript webhook is off (set VOICE_WEBHOOK_SECRET to turn it on)');
  if (!e.DATABASE_URL) notices.push(`DATABASE_URL not set: embedded PostgreSQL (PGlite) under ${e.DATA_DIR}`);
  if (!e.REDIS_URL) notices.push('REDIS_URL not set: in-process state (run one instance only)');
  if (e.REQUIRE_SERVICES && !e.DATABASE_URL) problems.push('REQUIRE_SERVICES: DATABASE_URL must be set');
  if (e.REQUIRE_SERVICES && !e.REDIS_URL) problems.push('REQUIRE_SERVICES: REDIS_URL must be set');
  if (problems.length) throw new ConfigError(problems);

  const hostForUrl = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  return {
    env: e.NODE_ENV,
    http: { port: e.PORT, host: e.HOST, publicUrl: (e.PUBLIC_URL ?? `http://${hostForUrl}:${e.PORT}`).replace(/\/+$/, '') },
    dataDir: e.DATA_DIR,
    database: { url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA },
    redis: { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX },
    requireServices: e.REQUIRE_SERVICES,
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET,
    languages: e.LANGUAGES,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    emergencyNumber: e.EMERGENCY_NUMBER,
    crisisLine: e.CRISIS_LINE,
    maxMessageLength: e.MAX_MESSAGE_LENGTH,
    smsUnicodeAnswerSegments: e.SMS_UNICODE_ANSWER_SEGMENTS,
    llm: llmWanted
      ? {
          apiKey: e.OPENAI_API_KEY ?? 'not-needed',
          baseUrl: e.OPENAI_BASE_URL,
          model: e.LLM_MODEL,
          embeddingModel: e.EMBEDDING_MODEL,
          timeoutMs: e.LLM_TIMEOUT_MS,
          fallbacks,
        }
      : undefined,
    twilio:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM_NUMBER
        ? { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, fromNumber: e.TWILIO_FROM_NUMBER, apiBase: e.TWILIO_API_BASE }
        : undefined,
    whatsapp:
      e.WHATSAPP_FROM && e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN
        ? { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, apiBase: e.TWILIO_API_BASE, from: e.WHATSAPP_FROM, templates: e.WHATSAPP_TEMPLATE_SID ?? {} }
        : undefined,
    voiceWebhookSecret: e.VOICE_WEBHOOK_SECRET,
    nurseLineNumber: e.NURSE_LINE_NUMBER,
    telegram:
      e.TELEGRAM_BOT_TOKEN && e.TELEGRAM_WEBHOOK_SECRET
        ? { token: e.TELEGRAM_BOT_TOKEN, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET, apiRoot: (e.TELEGRAM_API_ROOT ?? 'https://api.telegram.org').replace(/\/+$/, '') }
        : undefined,
    botFramework:
      e.MICROSOFT_APP_ID && (e.MICROSOFT_APP_PASSWORD || e.MICROSOFT_APP_TYPE === 'UserAssignedMSI')
        ? { appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD ?? '', tenantId: e.MICROSOFT_APP_TENANT_ID, appType: e.MICROSOFT_APP_TYPE }
        : e.BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED
          ? { appId: '', appPassword: '', appType: e.MICROSOFT_APP_TYPE, unauthenticated: true }
          : undefined,
    mattermost:
      e.MATTERMOST_URL && e.MATTERMOST_TOKEN && e.MATTERMOST_TEAM && e.MATTERMOST_TRIAGE_CHANNEL && e.MATTERMOST_ACTION_SECRET
        ? {
            url: e.MATTERMOST_URL.replace(/\/+$/, ''),
            token: e.MATTERMOST_TOKEN,
            team: e.MATTERMOST_TEAM,
            triageChannel: e.MATTERMOST_TRIAGE_CHANNEL,
            actionSecret: e.MATTERMOST_ACTION_SECRET,
            staffFile: e.STAFF_FILE,
            commandToken: e.MATTERMOST_COMMAND_TOKEN,
          }
        : undefined,
    caseDeadlinesMs: {
      emergency: e.CASE_DEADLINE_EMERGENCY_MIN * 60_000,
      urgent: e.CASE_DEADLINE_URGENT_MIN * 60_000,
      routine: e.CASE_DEADLINE_ROUTINE_MIN * 60_000,
    },
    notices,
    knowledgeWatch: e.KNOWLEDGE_WATCH,
    metricsToken: e.METRICS_TOKEN,
    webChat: {
      allowedOrigins: [...new Set([new URL(e.PUBLIC_URL ?? `http://${hostForUrl}:${e.PORT}`).origin, ...e.ALLOWED_ORIGINS.map((o) => new URL(o).origin)])],
      tokenTtlMs: e.WEB_CHAT_TOKEN_TTL_DAYS * 24 * 3600_000,
      ipConnectionsPerMin: e.WEB_CHAT_IP_CONNECTIONS_PER_MIN,
      ipMessagesPerMin: e.WEB_CHAT_IP_MESSAGES_PER_MIN,
    },
  };
}
