import type { Router } from 'express';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { StateStore } from '../state/state-store.js';
import type { QueueEntry } from './case-queue.js';
import type { DeskListeners, StaffDesk } from './desk.js';
import { createMattermostDesk, unconfiguredMattermostRouter } from './mattermost/desk.js';

export interface DeskContext {
  logger: Logger;
  state: StateStore;
  /** The open cases, most urgent first (for a desk's queue view). */
  queue(): Promise<QueueEntry[]>;
  /** CareRelay's public base URL (the bound address once a port 0 is known). */
  baseUrl(): string;
  listeners: DeskListeners;
}

/**
 * The staff desks CareRelay can hand cases to, and which one the configuration selects: the
 * one place that names them (Mattermost is the one there is). Everything else in escalation
 * sees a `StaffDesk`.
 */
export function createConfiguredDesk(config: Config, context: DeskContext): StaffDesk | undefined {
  if (config.mattermost) return createMattermostDesk({ settings: config.mattermost, ...context });
  return undefined;
}

/** Routes answered while no desk is configured: a click on an old card is refused, not a 404. */
export function unconfiguredDeskRouter(logger: Logger): Router {
  return unconfiguredMattermostRouter(logger);
}

/** The optional staff roster (STAFF_FILE): languages and capacity per desk username. */
export const staffFileOf = (config: Config): string | undefined => config.mattermost?.staffFile;

/** Said once at start-up when no desk is configured. */
export const NO_DESK_NOTICE = 'escalations are kept in the database until Mattermost is configured';
