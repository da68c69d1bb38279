import type { Config } from '../config.js';
import type { EngineServices } from '../engine/context.js';
import type { Logger } from '../logger.js';
import type { Outbox } from '../outbox/outbox.js';
import type { StateStore } from '../state/state-store.js';
import type { Store } from '../store/store.js';
import type { TurnProcessor } from '../turns.js';
import type { CasesStore, Priority } from './cases-store.js';
import type { MattermostGateway } from './mattermost/gateway.js';
import type { PresenceTracker } from './presence.js';
import type { StaffRoster } from './staff.js';

/** The connected side: present only when Mattermost is configured. */
export interface MattermostSide {
  settings: NonNullable<Config['mattermost']>;
  gateway: MattermostGateway;
  presence: PresenceTracker;
  /** Where Mattermost sends button clicks (PUBLIC_URL, or the bound address when the port was 0). */
  actionUrl(): string;
}

export interface EscalationDeps {
  config: Config;
  logger: Logger;
  store: Store;
  state: StateStore;
  cases: CasesStore;
  outbox: Outbox;
  processor: Pick<TurnProcessor, 'deliver'>;
  services: EngineServices;
  roster: StaffRoster;
  mattermost?: MattermostSide;
}

export const deadlineFor = (config: Config, priority: Priority) => config.caseDeadlinesMs[priority];

/** Outbox job kinds this module registers. */
export const JOB = {
  open: 'escalation.open',
  round: 'escalation.round',
  casePost: 'escalation.case-post',
  card: 'escalation.card',
  addMember: 'escalation.add-member',
  relay: 'escalation.relay',
} as const;

/** Case jobs share an ordering key so the card always comes before anything posted after it. */
export const caseOrdering = (caseId: string) => `case:${caseId}`;
