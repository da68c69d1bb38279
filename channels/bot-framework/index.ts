/**
 * Bot Framework (Teams, Direct Line / Web Chat, the Emulator) through botbuilder's CloudAdapter.
 * botbuilder is archived upstream: it stays inside this folder, and nothing else imports it.
 *
 * Every reply is proactive: the inbound activity is stored and acknowledged at once, the turn
 * runs like any other channel's, and replies (and nurse messages, hours later) go out with
 * `continueConversationAsync` and the conversation reference the core keeps (in PostgreSQL).
 */
import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationReference,
} from 'botbuilder';
import express, { type Request, type Response, type Router } from 'express';
import { PermanentDeliveryError, type Channel, type Config, type Inbound, type Language, type Logger, type TFunction } from '../../src/channel/contract.js';
import { activityText, replyActivity } from './activities.js';

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

export interface BotFrameworkChannel extends Channel {
  readonly name: typeof BOTFRAMEWORK;
}

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
  const { config, botFramework, logger, t } = options;
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
  /** A short answer outside the dialog engine, once per activity and at most once a minute per conversation. */
  async function notice(core: Inbound, activity: Activity, key: string, externalId: string | undefined): Promise<void> {
    await core.notice(activity.conversation.id, key, { ...(externalId ? { once: externalId } : {}), ...(activity.locale ? { locale: activity.locale } : {}) });
  }

  async function onMessage(core: Inbound, activity: Activity): Promise<void> {
    const conversationId = activity.conversation?.id;
    if (!conversationId) return;
    // Teams' activity ids are only unique within a conversation.
    const externalId = activity.id ? `${conversationId}|${activity.id}` : undefined;
    const sender = activity.from?.id ?? conversationId;
    const verdict = await core.limits.inbound(sender);
    if (!verdict.allowed) {
      if (verdict.notify) await notice(core, activity, 'errors.rateLimited', undefined);
      log.info({ count: verdict.count }, 'bot framework sender over the rate limit');
      return;
    }
    const text = activityText(activity);
    if (!text) {
      if (activity.attachments?.length) await notice(core, activity, 'channels:botframework.attachments', externalId);
      return;
    }
    if (text.length > config.maxMessageLength) return notice(core, activity, 'errors.tooLong', externalId);
    await core(
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

  async function onTurn(core: Inbound, context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.ConversationUpdate) return;
    // Kept fresh on every activity: the serviceUrl may move, and a nurse may answer hours later.
    const reference = TurnContext.getConversationReference(activity);
    if (reference.conversation?.id && reference.serviceUrl && reference.channelId) await core.keepReference(reference.conversation.id, reference);
    if (activity.type === ActivityTypes.Message) await onMessage(core, activity);
  }

  function mount(router: Router, core: Inbound): void {
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
        await adapter.processActivityDirect(authResult, activity, (context) => onTurn(core, context));
        res.status(200).end();
      } catch (err) {
        // Not stored: a 5xx makes the channel send the activity again.
        log.error({ err: (err as Error).message }, 'bot framework activity failed');
        res.status(503).json({ error: { code: 'unavailable', message: 'try again' } });
      }
    });
  }

  /** Writes into the conversation of `reference` (kept by the core), as a nurse hours later would. */
  async function proactive(reference: unknown, send: (context: TurnContext) => Promise<void>): Promise<void> {
    if (!reference) throw new PermanentDeliveryError('no Bot Framework conversation reference for this conversation');
    try {
      await adapter.continueConversationAsync(botFramework.appId, reference as Partial<ConversationReference>, send);
    } catch (err) {
      throw asDeliveryError(err);
    }
  }

  return {
    name: BOTFRAMEWORK,
    // A bot on the other end answering every message would loop with ours: the core caps our own messages.
    capabilities: { capBotMessages: true, references: true },
    mount,
    async send(message) {
      let externalId: string | undefined;
      await proactive(message.reference, async (context) => {
        const activity = replyActivity(message, context.activity.channelId, t(message.language));
        externalId = (await context.sendActivity(activity))?.id;
      });
      return externalId ? { externalId } : {};
    },
    typing(target) {
      void proactive(target.reference, async (context) => {
        await context.sendActivity({ type: ActivityTypes.Typing });
      }).catch((err) => log.debug({ err: (err as Error).message }, 'typing indicator failed'));
    },
  };
}
