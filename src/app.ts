import type { Clock } from './clock.js';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import { Server as SocketServer } from 'socket.io';
import { createBotFrameworkChannel } from '../channels/bot-framework/index.js';
import { createTelegramChannel } from '../channels/telegram/index.js';
import { createPhoneChannels } from '../channels/twilio-voice/phone-channels.js';
import { createOriginCheck, createWebChatChannel } from '../channels/web-chat/index.js';
import type { Channel } from './channel/contract.js';
import { createChannelHost, type ChannelHost } from './channel/core.js';
import type { Config } from './config.js';
import { createDatabase, type Database } from './db/database.js';
import { createInstanceLock } from './db/instance-lock.js';
import { migrate } from './db/migrate.js';
import type { EngineServices } from './engine/context.js';
import type { DialogEngine } from './engine/engine.js';
import { createEngine } from './engine/index.js';
import { databaseReader, startCasesSocket } from './escalation/case-reader.js';
import { createEscalation, type Escalation } from './escalation/escalation.js';
import { createHttpApp, type ReadinessCheck } from './http/server.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import { isConnectionFailure } from './errors.js';
import { createOutageLog } from './outage-log.js';
import { createOutbox, type Outbox } from './outbox/outbox.js';
import { createMemoryState } from './state/memory-state.js';
import { createRedisClient, createRedisState } from './state/redis-state.js';
import type { StateStore } from './state/state-store.js';
import { createStore, type Store } from './store/store.js';
import { createTurnProcessor, type TurnProcessor } from './turns.js';

const RECOVER_EVERY_MS = 1000;
const RECOVER_AFTER_MS = 1000;

export interface CareRelay {
  config: Config;
  logger: Logger;
  db: Database;
  store: Store;
  state: StateStore;
  engine: DialogEngine;
  services: EngineServices;
  processor: TurnProcessor;
  outbox: Outbox;
  metrics: Metrics;
  io: SocketServer;
  /** Every channel by name (src/channel/contract.ts). */
  senders: Map<string, Channel>;
  /** The core's side of the channels: mounts them, and does for them what the contract says. */
  channels: ChannelHost;
  /** Cases for the nurses in Mattermost (queued in the database while Mattermost is off). */
  escalation: Escalation;
  /** Starts listening; resolves with the bound address. */
  listen(): Promise<AddressInfo>;
  /** Graceful: stop taking connections, finish in-flight turns, close services. */
  close(): Promise<void>;
}

export interface CreateOptions {
  logger?: Logger;
  /** The time for caches and intervals (src/clock.ts); tests move it by hand. */
  clock?: Clock;
  /**
   * Build every language's knowledge index in the background after start (default), so no
   * patient waits for one; false builds each when a question first needs it (tests that start
   * many servers and ask few questions).
   */
  indexInBackground?: boolean;
}

/** Builds the whole product from configuration: storage, state, engine, channels, HTTP. */
export async function createCareRelay(config: Config, options: CreateOptions = {}): Promise<CareRelay> {
  const logger = options.logger ?? createLogger(config.logLevel);
  for (const notice of config.notices) logger.info(notice);

  // PostgreSQL and Redis outages: typed UnavailableError for callers, one log line per outage.
  const outage = createOutageLog(logger);
  const db = await createDatabase({ url: config.database.url, schema: config.database.schema, dataDir: config.dataDir, logger, outage });
  const closers: (() => Promise<unknown>)[] = [() => db.close()];
  try {
    await migrate(db, logger);
    const store = createStore(db);
    const state = config.redis.url ? await createRedisState({ url: config.redis.url, keyPrefix: config.redis.keyPrefix, outage }) : createMemoryState();
    closers.unshift(() => state.close());
    const metrics = createMetrics();
    // The server starts serving while the other languages' indexes are built one by one.
    const { engine, services, knowledge } = await createEngine(config, logger, { db, lazyIndex: options.indexInBackground === false ? true : 'background' });
    closers.unshift(() => knowledge.close());
    knowledge.startWatching();
    // Held for as long as this process lives; what it claims is free the moment it dies.
    const instance = createInstanceLock(db, logger);
    closers.splice(closers.length - 1, 0, () => instance.close());
    await instance.ready;
    logger.info({ instance: instance.id }, 'instance lock held');
    const outbox = createOutbox({ db, logger, instance });
    // Channels, and what the core does for them (src/channel/core.ts): the processor delivers through it.
    const channelHost = createChannelHost({ config, logger, metrics, store, state, outbox, t: services.t });
    const senders = channelHost.channels;
    const processor = createTurnProcessor({ store, state, engine, logger, metrics, senders: channelHost.senders, inline: channelHost.inline, outbox, instance });
    channelHost.attach(processor);
    closers.unshift(() => channelHost.close());

    const checks = new Map<string, ReadinessCheck>([
      ['database', async () => (await db.ping(), { ok: true, detail: db.kind })],
      ['state', async () => (await state.ping(), { ok: true, detail: state.kind })],
    ]);
    const escalation = createEscalation({ config, logger, db, store, state, outbox, processor, services, clock: options.clock });
    processor.hooks.push(escalation.afterTurn);
    escalation.watch.register(metrics.registry);
    checks.set('escalation', escalation.readiness);
    checks.set('knowledge', async () => (knowledge.indexed ? { ok: true, detail: 'indexed' } : { ok: false, detail: 'indexing' }));
    // Frames: the page itself, PUBLIC_URL and ALLOWED_ORIGINS (the embed widget).
    const http = createHttpApp({ logger, metrics, checks, metricsToken: config.metricsToken, frameAncestors: config.webChat.allowedOrigins, publicUrl: config.http.publicUrl });

    let adapterClient: Redis | undefined;
    if (config.redis.url) {
      adapterClient = createRedisClient(config.redis.url, '', outage);
      await adapterClient.connect();
      closers.unshift(() => adapterClient!.quit());
      // The adapter saves a disconnecting socket's session with a SET it never awaits: one that
      // fails (Redis down, or a socket closing after shutdown quit the client) must not become an
      // unhandled rejection. A lost session only means a fresh socket.io session; the token resumes the chat.
      const set = adapterClient.set.bind(adapterClient) as (...args: unknown[]) => Promise<unknown>;
      (adapterClient as unknown as { set: (...args: unknown[]) => Promise<unknown> }).set = (...args) =>
        set(...args).catch((err: Error) => {
          logger.debug({ err: err.message }, 'socket.io session not saved');
          return null;
        });
    }
    const io = new SocketServer(http.server, {
      serveClient: true,
      maxHttpBufferSize: 64 * 1024,
      pingInterval: 25_000,
      pingTimeout: 20_000,
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
      // Only the chat page's own origin, PUBLIC_URL and ALLOWED_ORIGINS may open a visitor session.
      allowRequest: createOriginCheck(config),
      ...(adapterClient
        ? { adapter: createAdapter(adapterClient, { streamName: `${config.redis.keyPrefix}socket.io`, channelPrefix: `${config.redis.keyPrefix}socket.io`, sessionKeyPrefix: `${config.redis.keyPrefix}sio:session:` }) }
        : {}),
    });

    const tokenSecret = config.sessionSecret ?? (await store.settings.getOrCreate('webchat_token_key', () => randomBytes(32).toString('hex')));
    // Each channel gets a router of its own and its port to the core (src/channel/contract.ts).
    http.app.use(channelHost.mount(createWebChatChannel({ io, config, logger, tokenSecret, t: services.t })));
    if (config.telegram) http.app.use(channelHost.mount(createTelegramChannel({ config, telegram: config.telegram, logger, t: services.t })));
    if (config.botFramework) http.app.use(channelHost.mount(createBotFrameworkChannel({ config, botFramework: config.botFramework, logger, t: services.t })));
    // Twilio SMS / Voice when TWILIO_* are set; the generic transcript route when VOICE_WEBHOOK_SECRET is.
    for (const phone of createPhoneChannels({ config, logger, t: services.t })) http.app.use(channelHost.mount(phone));
    http.app.use(escalation.router);
    http.finish();

    let recovery: NodeJS.Timeout | undefined;
    let casesSocket: { close(): Promise<void> } | undefined;
    const relay: CareRelay = {
      config,
      logger,
      db,
      store,
      state,
      engine,
      services,
      processor,
      outbox,
      metrics,
      io,
      senders,
      channels: channelHost,
      escalation,
      async listen() {
        await new Promise<void>((resolve, reject) => {
          http.server.once('error', reject);
          http.server.listen(config.http.port, config.http.host, () => resolve());
        });
        const address = http.server.address() as AddressInfo;
        logger.info({ host: address.address, port: address.port }, 'listening');
        outbox.start();
        escalation.start(address);
        // The embedded database is this process's alone: `carerelay cases` asks through a private socket.
        if (db.kind === 'embedded' && !config.dataDir.startsWith('memory://')) {
          casesSocket = await startCasesSocket(config.dataDir, databaseReader(db, 'server'), logger).catch((err) => {
            logger.warn({ err: (err as Error).message }, 'cases socket not started; `carerelay cases` needs the server stopped');
            return undefined;
          });
        }
        const recoveredAtStart = await processor.recover(0);
        if (recoveredAtStart) logger.info({ conversations: recoveredAtStart }, 'resuming turns left pending');
        // Every second: conversations of an instance that died (its lock is free) are taken over at
        // once; messages nobody started (their instance died before it could) after a second.
        recovery = setInterval(
          () => void processor.recover(RECOVER_AFTER_MS).catch((err) => void (isConnectionFailure(err) || logger.warn({ err: err.message }, 'recovery sweep failed'))),
          RECOVER_EVERY_MS,
        );
        recovery.unref();
        return address;
      },
      async close() {
        clearInterval(recovery);
        // Stop new connections, let in-flight turns finish and deliver, then close the rest.
        const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
        await processor.stop();
        await escalation.stop();
        await casesSocket?.close();
        await outbox.stop();
        // io.close() waits for the HTTP server, which waits for every connection, including ones a
        // browser opened ahead and never used: end them as soon as the sockets are told to go.
        const ioClosed = io.close().catch(() => undefined);
        http.server.closeAllConnections?.();
        await ioClosed;
        await closed;
        for (const close of closers) await close().catch((err) => logger.warn({ err: (err as Error).message }, 'close failed'));
      },
    };
    return relay;
  } catch (err) {
    for (const close of closers) await close().catch(() => undefined);
    throw err;
  }
}
