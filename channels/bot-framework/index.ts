/**
 * Bot Framework (Teams, Direct Line / Web Chat, the Emulator) through botbuilder's CloudAdapter.
 * botbuilder is archived upstream: it stays inside this folder, and nothing else imports it.
 *
 * Every reply is proactive: the inbound activity is stored and acknowledged at once, the turn
 * runs like any other channel's, and replies (and nurse messages, hours later) go out with
 * `continueConversationAsync` and the conversation reference kept in PostgreSQL.
 */
import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import express, { type Request, type Response, type Router } from 'express';
import type { Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { TFunction } from '../../src/i18n.js';
import { toLanguage, type Language } from '../../src/language/languages.js';
import type { Logger } from '../../src/logger.js';
import type { OutboundMessage } from '../../src/message.js';
import { PermanentDeliveryError } from '../../src/outbox/outbox.js';
import { createRateLimiter } from '../../src/rate-limit.js';
import type { StateStore } from '../../src/state/state-store.js';
import type { Store } from '../../src/store/store.js';
import type { ChannelSender, TurnProcessor } from '../../src/turns.js';
import { activityText, replyActivity } from './activities.js';
import { createReferenceStore } from './references.js';

export const BOTFRAMEWORK = 'botframework';
export const BOTFRAMEWORK_PATH = '/api/messages';

/** Endpoints of the Bot Framework itself, for a private cloud or a loopback test double. */
export type BotFrameworkEndpoints = Pick<
  ConfigurationBotFrameworkAuthenticationOptions,
  | 'ToBotFromChannelOpenIdMetadataUrl'
  | 'ToBotFromEmulatorOpenIdMetadataUrl'
  | 'ToBotFromChannelTokenIssuer'
  | 'ToChannelFromBotLoginUrl'
  | 'ToChannelFromBotOAuthScope'
  | 'OAuthUrl'
>;

/**
 * The public Azure cloud's endpoints. botbuilder uses its built-in set only when none is
 * overridden; overriding one means giving all, so overrides are laid over these.
 */
const PUBLIC_CLOUD: Required<BotFrameworkEndpoints> & Pick<ConfigurationBotFrameworkAuthenticationOptions, 'CallerId'> = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
};

export interface BotFrameworkChannelOptions {
  config: Config;
  /** `config.botFramework`, present when the channel is on. */
  botFramework: NonNullable<Config['botFramework']>;
  processor: TurnProcessor;
  store: Store;
  state: StateStore;
  db: Database;
  logger: Logger;
  t(language: Language): TFunction;
  endpoints?: BotFrameworkEndpoints;
  /**
   * How outbound calls get their bearer token, instead of the one botbuilder builds from the
   * settings (MSAL against login.microsoftonline.com): a private cloud's token service, or a
   * loopback test double (MSAL only talks to an https authority it can discover or is told about).
   */
  credentialsFactory?: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1];
}

export interface BotFrameworkChannel extends ChannelSender {
  readonly name: typeof BOTFRAMEWORK;
  readonly router: Router;
}

const DAY_MS = 24 * 3600_000;

/**
 * A refused request: botframework-connector's AuthenticationError (401/403), or jsonwebtoken's
 * errors, which botbuilder lets through untranslated for a bad signature (it would answer 500).
 */
const isAuthError = (err: unknown) =>
  [401, 403].includes((err as { statusCode?: number }).statusCode ?? 0) ||
  ['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError'].includes((err as Error).name);

/** The connector answered 400/403/404: the conversation is gone or the bot was removed; retrying cannot help. */
function asDeliveryError(err: unknown): Error {
  const status = (err as { statusCode?: number }).statusCode;
  if (status === 400 || status === 403 || status === 404) return new PermanentDeliveryError(`bot connector: ${status}`, { cause: err });
  return err instanceof Error ? err : new Error(String(err));
}

export function createBotFrameworkChannel(options: BotFrameworkChannelOptions): BotFrameworkChannel {
  const { config, botFramework, processor, store, state, db, logger, t } = options;
  const log = logger.child({ channel: BOTFRAMEWORK });
  // Empty app id and password turn authentication off in botbuilder (Emulator mode); config
  // only allows that with BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED outside production.
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: botFramework.appId,
      MicrosoftAppPassword: botFramework.appPassword,
      MicrosoftAppType: botFramework.appType,
      ...(botFramework.tenantId ? { MicrosoftAppTenantId: botFramework.tenantId } : {}),
      ...(options.endpoints ? { ...PUBLIC_CLOUD, ...options.endpoints } : {}),
    },
    options.credentialsFactory,
  );
  const adapter = new CloudAdapter(auth);
  // The callers log (route handler, outbox); rethrowing keeps the failure visible to them.
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  const references = createReferenceStore(db);
  const limits = createRateLimiter(state);
  const allowed = (l: Language | undefined) => (l && config.languages.includes(l) ? l : undefined);

  /** A short answer outside the dialog engine, once per activity and at most once a minute per conversation. */
  async function notice(activity: Activity, key: string, externalId: string | undefined): Promise<void> {
    if (externalId && !(await state.claim(`bf:notice:${externalId}`, DAY_MS))) return;
    if (!(await state.claim(`bf:notice:conv:${activity.conversation.id}`, 60_000))) return;
    const hint = allowed(toLanguage(activity.locale));
    const contact = await store.contacts.upsert(BOTFRAMEWORK, activity.conversation.id, hint ? { language: hint } : {});
    const conversation = await store.conversations.current(contact);
    const language = allowed(conversation.language ?? undefined) ?? hint ?? config.defaultLanguage;
    await processor.deliver(conversation, { role: 'bot', text: t(language)(key, { max: config.maxMessageLength }), language });
  }

  async function onMessage(activity: Activity): Promise<void> {
    const conversationId = activity.conversation?.id;
    if (!conversationId) return;
    // Teams' activity ids are only unique within a conversation.
    const externalId = activity.id ? `${conversationId}|${activity.id}` : undefined;
    const sender = activity.from?.id ?? conversationId;
    const verdict = await limits.inbound(BOTFRAMEWORK, sender);
    if (!verdict.allowed) {
      if (verdict.notify) await notice(activity, 'errors.rateLimited', undefined);
      log.info({ count: verdict.count }, 'bot framework sender over the rate limit');
      return;
    }
    const text = activityText(activity);
    if (!text) {
      if (activity.attachments?.length) await notice(activity, 'channels:botframework.attachments', externalId);
      return;
    }
    if (text.length > config.maxMessageLength) return notice(activity, 'errors.tooLong', externalId);
    await processor.accept(
      {
        channel: BOTFRAMEWORK,
        ...(externalId ? { externalId } : {}),
        conversation: { id: conversationId },
        from: { id: sender, role: 'patient', ...(activity.from?.name ? { name: activity.from.name } : {}) },
        text,
        ...(activity.locale ? { locale: activity.locale } : {}),
        kind: 'text',
        timestamp: activity.timestamp instanceof Date && !Number.isNaN(activity.timestamp.getTime()) ? activity.timestamp : new Date(),
        channelData: { channelId: activity.channelId, activityId: activity.id },
      },
      activity.conversation.isGroup ? {} : { displayName: activity.from?.name },
    );
  }

  async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.ConversationUpdate) return;
    // Kept fresh on every activity: the serviceUrl may move, and a nurse may answer hours later.
    await references.save(TurnContext.getConversationReference(activity));
    if (activity.type === ActivityTypes.Message) await onMessage(activity);
  }

  const router = express.Router();
  router.post(BOTFRAMEWORK_PATH, express.json({ limit: '1mb' }), async (req: Request, res: Response) => {
    const activity = req.body as Activity | undefined;
    if (!activity || typeof activity !== 'object' || typeof activity.type !== 'string') {
      return void res.status(400).json({ error: { code: 'invalid', message: 'expected a Bot Framework activity' } });
    }
    if (typeof activity.timestamp === 'string') activity.timestamp = new Date(activity.timestamp);
    // Authenticated here rather than inside adapter.process, which would log every refused request to the console.
    let authResult: Awaited<ReturnType<typeof auth.authenticateRequest>>;
    try {
      authResult = await auth.authenticateRequest(activity, req.get('authorization') ?? '');
    } catch (err) {
      if (isAuthError(err)) return void res.status(401).json({ error: { code: 'unauthorized', message: 'not a valid Bot Framework request' } });
      log.error({ err: (err as Error).message }, 'bot framework authentication failed');
      return void res.status(503).json({ error: { code: 'unavailable', message: 'try again' } });
    }
    try {
      await adapter.processActivityDirect(authResult, activity, onTurn);
      res.status(200).end();
    } catch (err) {
      // Not stored: a 5xx makes the channel send the activity again.
      log.error({ err: (err as Error).message }, 'bot framework activity failed');
      res.status(503).json({ error: { code: 'unavailable', message: 'try again' } });
    }
  });

  async function proactive(conversationAddress: string, send: (context: TurnContext) => Promise<void>): Promise<void> {
    const reference = await references.get(conversationAddress);
    if (!reference) throw new PermanentDeliveryError('no Bot Framework conversation reference for this conversation');
    try {
      await adapter.continueConversationAsync(botFramework.appId, reference, send);
    } catch (err) {
      throw asDeliveryError(err);
    }
  }

  return {
    name: BOTFRAMEWORK,
    router,
    async send(message: OutboundMessage) {
      // A bot on the other end answering every message would loop with ours; cap our own messages.
      if (message.role === 'bot' && !(await limits.outbound(message.conversationId))) {
        throw new PermanentDeliveryError('too many bot messages to this conversation this minute');
      }
      let externalId: string | undefined;
      await proactive(message.to, async (context) => {
        const activity = replyActivity(message, context.activity.channelId, t(message.language));
        externalId = (await context.sendActivity(activity))?.id;
      });
      return externalId ? { externalId } : {};
    },
    typing(conversation) {
      void proactive(conversation.address, async (context) => {
        await context.sendActivity({ type: ActivityTypes.Typing });
      }).catch((err) => log.debug({ err: (err as Error).message }, 'typing indicator failed'));
    },
  };
}
