import { systemClock, type Clock } from '../clock.js';
import type { AddressInfo } from 'node:net';
import express, { type Router } from 'express';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { EngineServices, Urgency } from '../engine/context.js';
import type { ReadinessCheck } from '../http/server.js';
import type { Logger } from '../logger.js';
import type { Outbox } from '../outbox/outbox.js';
import type { StateStore } from '../state/state-store.js';
import type { Store } from '../store/store.js';
import type { TurnHook, TurnProcessor } from '../turns.js';
import { createCaseJobs } from './case-jobs.js';
import { listQueue } from './case-queue.js';
import { createCasesStore, type CasesStore } from './cases-store.js';
import { createCaseWatch, type CaseWatch } from './case-watch.js';
import { createClaims } from './claims.js';
import { createDeadlines } from './deadlines.js';
import { deadlineFor, type EscalationDeps } from './deps.js';
import { errorText, type StaffDesk } from './desk.js';
import { createConfiguredDesk, NO_DESK_NOTICE, staffFileOf, unconfiguredDeskRouter } from './desks.js';
import { caseDetails, handOver, noticeOnEscalation, notifyPatient } from './policy.js';
import { createPresence, type PresenceTracker } from './presence.js';
import { createRelay } from './relay.js';
import { createStringsRouter } from './strings-route.js';
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
  /** The time for caches and intervals; the system clock unless a test moves it by hand. */
  clock?: Clock;
}

/** The escalation path as the app sees it. */
export interface Escalation {
  readonly cases: CasesStore;
  /** The after-turn hook: the patient's words reach an open case; an escalating turn opens or raises one. */
  readonly afterTurn: TurnHook;
  /** Readiness of the staff desk (not required: cases wait in the database without it). */
  readonly readiness: ReadinessCheck;
  /** The escalation strings route and the desk's HTTP routes (actions staff take, and what else the desk calls). */
  readonly router: Router;
  /** Waiting-case gauges and the no-desk warning. */
  readonly watch: CaseWatch;
  /** The staff desk, when one is configured (tests and benchmarks look at it). */
  readonly desk: StaffDesk | undefined;
  /** Who is around on the desk, shared by all instances (when a desk is configured). */
  readonly presence: PresenceTracker | undefined;
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
 * nurses on the staff desk through the outbox, nurse replies reach the patient, staff claim
 * and resolve, deadlines move unclaimed cases up the ladder. Without a desk configured,
 * cases wait in the database and readiness says so.
 */
export function createEscalation(options: EscalationOptions): Escalation {
  const { config, logger, store, outbox, processor, services } = options;
  const cases: CasesStore = createCasesStore(options.db);
  const roster = loadStaffRoster(staffFileOf(config), config.defaultLanguage);
  let baseUrl = config.http.publicUrl;

  const clock = options.clock ?? systemClock;
  const deps: EscalationDeps = { config, logger, store, state: options.state, cases, outbox, processor, services, roster, clock };
  const jobs = createCaseJobs(deps);
  const relay = createRelay(deps, jobs);
  const claims = createClaims(deps, jobs);
  // Nurse messages whose delivery gave up are queued again, and the nurse is told (undelivered.ts).
  const deadlines = createDeadlines(deps, jobs, createUndelivered({ ...deps, db: options.db }, jobs));

  const desk = createConfiguredDesk(config, {
    logger,
    state: options.state,
    queue: () => listQueue(options.db.pool),
    baseUrl: () => baseUrl,
    listeners: {
      staffMessage: (message) => relay.onStaffMessage(message),
      resync: () => void relay.catchUp().catch((err) => logger.warn({ err: errorText(err, desk) }, 'case catch-up failed')),
      staffAction: (action) => claims.act(action),
    },
  });
  const presence = desk ? createPresence({ source: desk, state: options.state, logger }) : undefined;
  if (desk && presence) {
    deps.desk = desk;
    deps.presence = presence;
    // The desk's view of the queue (if it has one) follows every case change made here.
    cases.onChange(() => desk.casesChanged());
  }
  // Waiting cases stay visible: gauges on /metrics, and a warning every few minutes with no desk.
  const watch = createCaseWatch({ db: options.db.pool, state: options.state, logger, desk: Boolean(desk), clock });
  jobs.register();
  relay.register();

  /** After each turn: the patient's words reach an open case; an escalating turn opens or raises one. */
  const afterTurn: TurnHook = async ({ conversation, inbound, output, sent }) => {
    const { result } = output;
    if (conversation.mode !== 'handoff' && !result.escalate) return;
    const open = await cases.openFor(conversation.id);
    if (open && conversation.mode === 'handoff' && desk) {
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
        const notice = noticeOnEscalation(priority, Boolean(desk), config.caseDeadlinesMs);
        if (notice) await notifyPatient(deps, c, notice.kind, notice.vars);
      }
    }
    if (desk && (outcome.kind === 'opened' || (c.state === 'queued' && c.openJobId === null))) {
      await retrying(() => handOver(store.conversations, conversation.id));
      await jobs.enqueueOpen(c, 0);
    } else if (outcome.kind === 'raised' && desk) {
      logger.info({ caseId: c.id, case: c.number, priority }, 'case priority raised');
      await cases.shortenDeadline(c.id, deadlineFor(config, priority));
      await jobs.enqueueCasePost({ caseId: c.id, key: `case:${c.id}:raise:${priority}`, note: { kind: 'raised', priority, reason: result.reason ?? null } });
      await jobs.enqueueCardRefresh(c, `raise-${priority}`);
    }
  };

  const readiness: ReadinessCheck = async () => {
    if (!desk) return { ok: false, required: false, detail: 'not configured' };
    return { ok: desk.connected, required: false, detail: desk.connected ? 'connected' : 'connecting' };
  };

  const router: Router = express.Router();
  router.use(createStringsRouter({ languages: config.languages, defaultLanguage: config.defaultLanguage, t: services.t }));
  router.use(desk ? desk.router : unconfiguredDeskRouter(logger));

  return {
    cases,
    afterTurn,
    readiness,
    router,
    /** Waiting-case gauges and the no-desk warning. */
    watch,
    desk,
    presence,
    /** Starts the desk, presence polling and the deadline sweeper once the HTTP server is bound. */
    start(address?: AddressInfo): void {
      // With PORT=0 the URL in the config ends in ":0"; buttons must call the real port.
      if (address && /:0$/.test(config.http.publicUrl)) baseUrl = config.http.publicUrl.replace(/:0$/, `:${address.port}`);
      if (!desk || !presence) {
        logger.info(NO_DESK_NOTICE);
        watch.start();
        return;
      }
      desk.start();
      presence.start();
      deadlines.start();
    },
    async stop(): Promise<void> {
      watch.stop();
      await deadlines.stop();
      presence?.stop();
      await desk?.stop();
    },
    /** Runs one sweep now (tests, benchmarks); `undelivered` also looks for dead nurse messages. */
    sweep: (opts: { undelivered?: boolean } = {}) => {
      if (opts.undelivered) deadlines.forgetUndeliveredPass();
      return deadlines.sweep();
    },
  };
}

