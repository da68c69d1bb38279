import type { Router } from 'express';
import type { StoredMessage } from '../store/store.js';
import type { Presence } from './assignment.js';
import type { Case, Priority } from './cases-store.js';

/**
 * The staff desk, as escalation sees it: where cases are worked by nurses (today Mattermost,
 * src/escalation/mattermost/; Teams or Slack would be other implementations). Nothing here
 * names a product: a case has a room on the desk, staff write messages in it, and the desk
 * tells us who is staff, who is around and what they clicked.
 */

/** A message a staff member wrote in a case's room (a Mattermost post, a Teams or Slack message). */
export interface StaffMessage {
  /** The desk's id for the message: relayed once per id. */
  id: string;
  /** The room (case channel) it was written in. */
  roomId: string;
  /** The desk's id for the writer. */
  userId: string;
  text: string;
}

/** A staff member as the desk knows them. */
export interface StaffMember {
  id: string;
  /** The handle staff are mentioned by (`@name`), without the desk's mention syntax. */
  username: string;
  firstName: string;
}

/**
 * Something escalation tells the staff in a case's room. Escalation says what happened; each
 * desk words it and marks it up its own way (mentions, emphasis, icons).
 */
export type CaseNote =
  /** Staff offered the case in this round: they are mentioned so the desk notifies them. */
  | { kind: 'offer'; staff: string[]; deadlineMinutes: number; languageMatched: boolean }
  /** The case's priority went up (a new trigger): everyone in the room should read the patient's latest message. */
  | { kind: 'raised'; priority: Priority; reason: string | null }
  | { kind: 'claimed'; name: string }
  | { kind: 'resolved'; name: string }
  /** A staff message has not reached the patient yet (`final`: CareRelay has stopped trying). */
  | { kind: 'undelivered'; final: boolean; writtenAt: string | null; reason: string }
  /** The patient wrote during the case; `replies` are the assistant's safety replies to it. */
  | { kind: 'patient'; body: string; replies: string[] }
  /** Text already worded for the desk (rows queued by a build before notes had kinds). */
  | { kind: 'text'; text: string };

/** An alert to staff outside the case's room: to those around (`here`) or to all of them (`channel`). */
export interface StaffAlert {
  reach: 'here' | 'channel';
  why: 'unavailable' | 'unclaimed';
  waitedMinutes: number;
}

/** What a staff member asked for on a case (a button on its card or on an alert). */
export interface StaffAction {
  kind: 'claim' | 'resolve';
  caseId: string;
  /** The desk's id for who asked; whether they are staff is asked of the desk, never taken from the request. */
  userId: string;
  /** Where they asked: the case card, or an alert's id. */
  postId: string;
  /** Set when the action was genuine but expired: it is renewed, not carried out. */
  expiredAt?: number;
}

/** What the desk reports back to escalation. */
export interface DeskListeners {
  /** A person (never the bot, never a system message) wrote in a room. */
  staffMessage?(message: StaffMessage): void;
  /** The desk's event stream (re)started and may have missed messages: read the open rooms again. */
  resync?(): void;
  /** A staff member asked to claim or resolve a case; the answer is shown to them alone. */
  staffAction?(action: StaffAction): Promise<string>;
}

/**
 * Everything escalation does with the staff desk: the connection, staff and their presence,
 * a case's room (opening it, its card, posting to it, adding staff), alerts to all staff,
 * and the routes the desk calls back on (actions in). Staff messages come in through
 * `DeskListeners`.
 */
export interface StaffDesk {
  /** Which desk this is; stored with each case's room (`cases.desk`). */
  readonly name: string;
  /** The desk's event stream is up. */
  readonly connected: boolean;
  /** When the event stream was lost (ms), if it is down or came back after a loss. */
  readonly disconnectedAt: number | undefined;
  /** The desk's HTTP routes: actions staff take on cases, and whatever else the desk calls. */
  readonly router: Router;
  /** Connects, and starts what the desk keeps up to date by itself (e.g. a queue view). */
  start(): void;
  stop(): Promise<void>;
  /** Resolves once the desk is reachable; gives the bot's own id there. */
  ready(): Promise<{ botUserId: string }>;

  // --- staff and presence -------------------------------------------------------------
  /** The staff who may be offered cases (briefly cached; `force` asks again). */
  pool(force?: boolean): Promise<StaffMember[]>;
  /** Presence of these staff members. */
  statuses(userIds: string[]): Promise<Record<string, Presence>>;
  /** A staff member by id (cached). */
  member(userId: string): Promise<StaffMember>;
  /** The staff member behind an action, if they are staff (for this case's room, when given); never as a payload says. */
  staffMember(userId: string, roomId?: string): Promise<StaffMember | undefined>;
  /** How a staff member is mentioned so the desk notifies them. */
  mention(userId: string): Promise<string>;

  // --- a case's room --------------------------------------------------------------------
  /** Opens the case's room, or finds the one an earlier attempt opened. */
  openRoom(c: Case): Promise<{ id: string; name: string }>;
  /**
   * Posts the case card (what happened, the recent transcript, Claim and Resolve) in the
   * room, once (`retry`: an earlier attempt may have posted it); gives the card's id.
   */
  postCard(c: Case, roomId: string, transcript: StoredMessage[], retry: boolean): Promise<string>;
  /** Brings the card up to date with the case's state (`c.cardId`). */
  refreshCard(c: Case): Promise<void>;
  /** Renews the expired actions on one of the case's posts (its card, or an alert of ours). */
  renewActions(c: Case, postId: string): Promise<void>;
  /** Posts a note in the case's room (`c.roomId`) once per key; gives the post's id. */
  postToCase(c: Case, key: string, note: CaseNote, retry: boolean): Promise<string>;
  /** Adds staff to a case's room. */
  addStaff(roomId: string, userIds: string[]): Promise<void>;
  /** Alerts staff outside the case's room (which stays private), with a way to claim it; once per key. */
  alertStaff(c: Case, alert: StaffAlert, key: string, retry: boolean): Promise<void>;
  /** What people wrote in a room since `since` (ms), oldest first. */
  messagesSince(roomId: string, since: number): Promise<StaffMessage[]>;
  /** Cases changed: the desk's view of the queue (if it has one) catches up soon. */
  casesChanged(): void;
  /** A log-safe description of an error the desk raised (never a message body). */
  describeError(err: unknown): string;
}

/** An error described by the desk when there is one, else by its message. */
export function errorText(err: unknown, desk?: Pick<StaffDesk, 'describeError'>): string {
  if (desk) return desk.describeError(err);
  return err instanceof Error ? err.message : String(err);
}
