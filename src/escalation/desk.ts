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

/** What the desk reports back to escalation. */
export interface DeskListeners {
  /** A person (never the bot, never a system message) wrote in a room. */
  staffMessage?(message: StaffMessage): void;
  /** The desk's event stream (re)started and may have missed messages: read the open rooms again. */
  resync?(): void;
}

/**
 * The desk-neutral operations escalation's core (relay, claims, deadlines, readiness) uses.
 * Opening a case's room and posting its card are still done by the Mattermost case jobs
 * (src/escalation/case-jobs.ts with src/escalation/mattermost/card.ts).
 */
export interface StaffDesk {
  /** Which desk this is; stored with each case's room (`cases.desk`). */
  readonly name: string;
  /** The desk's event stream is up. */
  readonly connected: boolean;
  /** When the event stream was lost (ms), if it is down or came back after a loss. */
  readonly disconnectedAt: number | undefined;
  start(): void;
  stop(): void;
  /** Resolves once the desk is reachable; gives the bot's own id there. */
  ready(): Promise<{ botUserId: string }>;
  /** A staff member by id (cached). */
  member(userId: string): Promise<StaffMember>;
  /** The staff member behind an action, if they are staff (for this case's room, when given); never as a payload says. */
  staffMember(userId: string, roomId?: string): Promise<StaffMember | undefined>;
  /** How a staff member is mentioned so the desk notifies them. */
  mention(userId: string): Promise<string>;
  /** Adds staff to a case's room. */
  addStaff(roomId: string, userIds: string[]): Promise<void>;
  /** What people wrote in a room since `since` (ms), oldest first. */
  messagesSince(roomId: string, since: number): Promise<StaffMessage[]>;
}
