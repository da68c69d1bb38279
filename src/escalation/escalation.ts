import type { AddressInfo } from 'node:net';
import type { Router } from 'express';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { EngineServices, Urgency } from '../engine/context.js';
import type { ReadinessCheck } from '../http/server.js';
import type { Logger } from '../logger.js';
import type { Outbox } from '../outbox/outbox.js';
import type { StateStore } from '../state/state-store.js';
import type { Store } from '../store/store.js';
import type { TurnHook, TurnProcessor } from '../turns.js';
import { createActionsRouter } from './actions-route.js';
import { createCaseJobs } from './case-jobs.js';
import { createCasesStore, type CasesStore } from './cases-store.js';
import { createCaseWatch, type CaseWatch } from './case-watch.js';
import { createClaims } from './claims.js';
import { createCommandRouter } from './command-route.js';
import { createDeadlines } from './deadlines.js';
import { deadlineFor, type EscalationDeps, type MattermostSide } from './deps.js';
import { mattermostDesk } from './mattermost/desk.js';
import { createMattermostGateway } from './mattermost/gateway.js';
import { caseDetails, handOver, noticeOnEscalation, notifyPatient } from './policy.js';
import { createPresence } from './presence.js';
import { createQueuePost, type QueuePost } from './queue-post.js';
import { createRelay } from './relay.js';
import { createUndelivered } from './undelivered.js';
import { loadStaffRoster } from './staff.js';

export interface EscalationOptions {
  config: Config;
  logger: Logger;
  db: Database;
  store: Store;
  state: StateStore;
  outbox: Outbox;
  processor: TurnProcessor;
  services: EngineServices;
}

/** The escalation path as the app sees it. */
export interface Escalation {
  readonly cases: CasesStore;
  /** The after-turn hook: the patient's words reach an open case; an escalating turn opens or raises one. */
  readonly afterTurn: TurnHook;
  /** Readiness of the staff desk (not required: cases wait in the database without it). */
  readonly readiness: ReadinessCheck;
  /** The desk's HTTP routes (button actions, slash command). */
  readonly router: Router;
  /** Waiting-case gauges and the no-desk warning. */
  readonly watch: CaseWatch;
  /** The pinned queue post (when a desk is configured). */
  readonly queuePost: QueuePost | undefined;
  /** The connected Mattermost side (tests and benchmarks look at it). */
  readonly mattermost: MattermostSide | undefined;
  /** Starts the desk connection, presence and the deadline sweeper once the HTTP server is bound. */
  start(address?: AddressInfo): void;
  stop(): Promise<void>;
  /** Runs one sweep now (tests, benchmarks); `undelivered` also looks for dead nurse messages. */
  sweep(opts?: { undelivered?: boolean }): Promise<void>;
}

const URGENCIES = new Set<Urgency>(['emergency', 'urgent', 'routine']);

/** Runs `fn` again after a short pause when it fails (up to three tries). */
async function retrying<T>(fn: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= tries) throw err;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

/**
 * The escalation path: turns that escalate open cases (after-turn hook), cases reach the
 * nurses in Mattermost through the outbox, nurse replies reach the patient, buttons claim
 * and resolve, deadlines move unclaimed cases up the ladder. Without Mattermost configured,
 * cases wait in the database and readiness says so.
 */
export function createEscalation(options: EscalationOptions): Escalation {
  const { config, logger, store, outbox, processor, services } = options;
  const cases: CasesStore = createCasesStore(options.db);
  const roster = loadStaffRoster(config.mattermost?.staffFile, config.defaultLanguage);
  let baseUrl = config.http.publicUrl;

  let side: MattermostSide | undefined;
  let queuePost: QueuePost | undefined;
  const deps: EscalationDeps = { config, logger, store, state: options.state, cases, outbox, processor, services, roster };
  const jobs = createCaseJobs(deps);
  const relay = createRelay(deps, jobs);
  const claims = createClaims(deps, jobs);
  // Nurse messages whose delivery gave up are queued again, and the nurse is told (undelivered.ts).
  const deadlines = createDeadlines(deps, jobs, createUndelivered({ ...deps, db: options.db }, jobs));
  // Waiting cases stay visible: gauges on /metrics, and a warning every few minutes with no desk.
  const watch = createCaseWatch({ db: options.db.pool, state: options.state, logger, desk: Boolean(config.mattermost) });

  if (config.mattermost) {
    const gateway = createMattermostGateway(config.mattermost, logger, {
      posted: (message) => relay.onStaffMessage(message),
      resync: () => void relay.catchUp().catch((err) => logger.warn({ err: (err as Error).message }, 'case catch-up failed')),
    });
    const presence = createPresence({ source: gateway, state: options.state, logger });
    side = { settings: config.mattermost, gateway, desk: mattermostDesk(gateway), presence, actionUrl: () => `${baseUrl}/mattermost/actions` };
    deps.mattermost = side;
    // The pinned queue post in the triage channel follows every case change made here.
    const post = createQueuePost({ db: options.db, side, state: options.state, logger });
    queuePost = post;
    cases.onChange(() => post.changed());
  }
  jobs.register();
  relay.register();

  /** After each turn: the patient's words reach an open case; an escalating turn opens or raises one. */
  const afterTurn: TurnHook = async ({ conversation, inbound, output, sent }) => {
    const { result } = output;
    if (conversation.mode !== 'handoff' && !result.escalate) return;
    const open = await cases.openFor(conversation.id);
    if (open && conversation.mode === 'handoff' && side) {
      const replyIds = sent.filter((m) => m.role === 'bot').map((m) => Number(m.id));
      await jobs.enqueueCasePost({ caseId: open.id, key: `patient:${inbound.id}`, messageId: inbound.id, replyIds });
    }
    if (!result.escalate) return;

    const priority: Urgency = URGENCIES.has(result.urgency) ? result.urgency : 'routine';
    // The patient has been told a nurse is coming: a passing database error must not lose the case.
    const outcome = await retrying(() =>
      cases.openOrRaise({
        conversationId: conversation.id,
        priority,
        reason: result.reason ?? 'human_request',
        language: output.language,
        channel: conversation.channel,
        details: caseDetails(result),
      }),
    );
    const c = outcome.case;
    if (outcome.kind === 'opened') {
      logger.info({ caseId: c.id, case: c.number, priority, reason: c.reason, channel: c.channel }, 'case opened');
      // Stages that stop the pipeline (the safety gate) leave the "what happens next" to us;
      // said before the case goes out, so "nobody is available" can only come after it.
      if (!result.escalation?.patientNotified) {
        const notice = noticeOnEscalation(priority, Boolean(side), config.caseDeadlinesMs);
        if (notice) await notifyPatient(deps, c, notice.kind, notice.vars);
      }
    }
    if (side && (outcome.kind === 'opened' || (c.state === 'queued' && c.openJobId === null))) {
      await retrying(() => handOver(store.conversations, conversation.id));
      await jobs.enqueueOpen(c, 0);
    } else if (outcome.kind === 'raised' && side) {
      logger.info({ caseId: c.id, case: c.number, priority }, 'case priority raised');
      await cases.shortenDeadline(c.id, deadlineFor(config, priority));
      await jobs.enqueueCasePost({
        caseId: c.id,
        key: `case:${c.id}:raise:${priority}`,
        text: `@channel :rotating_light: Priority raised to **${priority.toUpperCase()}** (${result.reason ?? 'new trigger'}). Please read the patient's latest message now.`,
      });
      await jobs.enqueueCardRefresh(c, `raise-${priority}`);
    }
  };

  const readiness: ReadinessCheck = async () => {
    if (!side) return { ok: false, required: false, detail: 'not configured' };
    return { ok: side.desk.connected, required: false, detail: side.desk.connected ? 'connected' : 'connecting' };
  };

  const router: Router = createActionsRouter({
    claims,
    actionSecret: config.mattermost?.actionSecret,
    logger,
    languages: config.languages,
    defaultLanguage: config.defaultLanguage,
    t: services.t,
  });
  if (config.mattermost?.commandToken) {
    router.use(createCommandRouter({ token: config.mattermost.commandToken, db: options.db, side: () => side, logger }));
  }

  return {
    cases,
    afterTurn,
    readiness,
    router,
    /** Waiting-case gauges and the no-desk warning. */
    watch,
    /** The pinned queue post (when Mattermost is configured). */
    get queuePost() {
      return queuePost;
    },
    /** Connected side (tests and benchmarks look at it). */
    get mattermost() {
      return side;
    },
    /** Starts the websocket, presence polling and the deadline sweeper once the HTTP server is bound. */
    start(address?: AddressInfo): void {
      // With PORT=0 the URL in the config ends in ":0"; buttons must call the real port.
      if (address && /:0$/.test(config.http.publicUrl)) baseUrl = config.http.publicUrl.replace(/:0$/, `:${address.port}`);
      if (!side) {
        logger.info('escalations are kept in the database until Mattermost is configured');
        watch.start();
        return;
      }
      side.desk.start();
      side.presence.start();
      deadlines.start();
      queuePost?.start();
    },
    async stop(): Promise<void> {
      watch.stop();
      await queuePost?.stop();
      await deadlines.stop();
      side?.presence.stop();
      side?.desk.stop();
    },
    /** Runs one sweep now (tests, benchmarks); `undelivered` also looks for dead nurse messages. */
    sweep: (opts: { undelivered?: boolean } = {}) => {
      if (opts.undelivered) deadlines.forgetUndeliveredPass();
      return deadlines.sweep();
    },
  };
}

