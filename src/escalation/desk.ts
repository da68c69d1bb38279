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
