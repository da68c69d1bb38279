import express, { type Router } from 'express';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { StateStore } from '../../state/state-store.js';
import type { QueueEntry } from '../case-queue.js';
import type { Case } from '../cases-store.js';
import type { DeskListeners, StaffDesk } from '../desk.js';
import { createActionsRouter } from './actions-route.js';
import { cardMessage, cardProps, channelDisplayName, channelName, noteMessage, triageMessage, triageProps, type CardOptions } from './card.js';
import { createCommandRouter } from './command-route.js';
import { createMattermostGateway, errorText, type MattermostGateway } from './gateway.js';
import { createQueuePost, type QueuePost } from './queue-post.js';

export type MattermostDeskSettings = NonNullable<Config['mattermost']>;

export interface MattermostDeskOptions {
  settings: MattermostDeskSettings;
  logger: Logger;
  state: StateStore;
  /** The open cases, most urgent first (the pinned queue post, `/carerelay cases`). */
  queue(): Promise<QueueEntry[]>;
  /** CareRelay's public base URL: Mattermost calls the buttons back under it. */
  baseUrl(): string;
  listeners?: DeskListeners;
}

/** Mattermost as a staff desk, with the connection and the queue post it is made of (tests look at them). */
export interface MattermostDesk extends StaffDesk {
  readonly gateway: MattermostGateway;
  readonly queuePost: QueuePost;
}

/** Where Mattermost sends button clicks, under CareRelay's base URL. */
export const ACTIONS_PATH = '/mattermost/actions';

/** Routes Mattermost may call while it is not configured: a click on an old card's button is refused, not a 404. */
export const unconfiguredMattermostRouter = (logger: Logger): Router => createActionsRouter({ logger });

/**
 * Mattermost as a staff desk: a case's room is a private channel, its card a post with signed
 * Claim / Resolve buttons, staff are the members of the triage channel (where alerts and the
 * pinned queue post go), and staff messages arrive over the websocket.
 */
export function createMattermostDesk(options: MattermostDeskOptions): MattermostDesk {
  const { settings, logger, listeners = {} } = options;
  const gateway = createMattermostGateway(settings, logger, { posted: (m) => listeners.staffMessage?.(m), resync: () => listeners.resync?.() });
  const queuePost = createQueuePost({ gateway, queue: options.queue, state: options.state, logger });
  /** Without a post id the buttons are left out: a post is made first, then signed for its own id. */
  const cardOptions = (postId?: string): CardOptions => ({
    actionUrl: `${options.baseUrl()}${ACTIONS_PATH}`,
    actionSecret: settings.actionSecret,
    ...(postId ? { postId } : {}),
  });

  async function refreshCard(c: Case): Promise<void> {
    if (!c.cardId) return;
    await gateway.patchProps(c.cardId, `case:${c.id}:card`, cardProps(c, cardOptions(c.cardId)));
  }

  const router = express.Router();
  router.use(createActionsRouter({ actionSecret: settings.actionSecret, logger, ...(listeners.staffAction ? { act: listeners.staffAction } : {}) }));
  if (settings.commandToken) {
    router.use(createCommandRouter({ token: settings.commandToken, queue: options.queue, staffMember: (userId) => gateway.staffMember(userId), logger }));
  }

  return {
    name: 'mattermost',
    gateway,
    queuePost,
    router,
    get connected() {
      return gateway.connected;
    },
    get disconnectedAt() {
      return gateway.disconnectedAt;
    },
    start(): void {
      gateway.start();
      queuePost.start();
    },
    async stop(): Promise<void> {
      await queuePost.stop();
      gateway.stop();
    },
    ready: () => gateway.ready(),

    pool: (force) => gateway.pool(force),
    statuses: (userIds) => gateway.statuses(userIds),
    member: (userId) => gateway.nurse(userId),
    staffMember: (userId, roomId) => gateway.staffMember(userId, roomId),
    mention: (userId) => gateway.mention(userId),

    openRoom: (c) => gateway.ensurePrivateChannel(channelName(c), channelDisplayName(c), `CareRelay case #${c.number}`),
    async postCard(c, roomId, transcript, retry): Promise<string> {
      const key = `case:${c.id}:card`;
      const card = await gateway.postOnce(roomId, key, { message: cardMessage(c, transcript), props: cardProps(c, cardOptions()) }, retry);
      // The buttons' signature names the post, so they go on once it exists (a retry lands here too).
      await gateway.patchProps(card.id, key, cardProps(c, cardOptions(card.id)));
      return card.id;
    },
    refreshCard,
    async renewActions(c, postId): Promise<void> {
      if (postId === c.cardId) return refreshCard(c);
      // A triage alert: only one of ours, in the triage channel, is re-signed.
      const [own, { triageChannelId }] = await Promise.all([gateway.ownPost(postId), gateway.ready()]);
      if (own && own.channelId === triageChannelId) await gateway.patchProps(postId, own.key, triageProps(c, cardOptions(postId)));
    },
    async postToCase(c, key, note, retry): Promise<string> {
      if (!c.roomId) throw new Error('case channel not ready');
      const mentions = note.kind === 'offer' ? await Promise.all(note.staff.map((id) => gateway.mention(id))) : [];
      const post = await gateway.postOnce(c.roomId, key, { message: noteMessage(c, note, mentions) }, retry);
      return post.id;
    },
    addStaff: (roomId, userIds) => gateway.addMembers(roomId, userIds),
    async alertStaff(c, alert, key, retry): Promise<void> {
      const { triageChannelId } = await gateway.ready();
      const message = triageMessage(c, alert.reach, alert.why, alert.waitedMinutes);
      const post = await gateway.postOnce(triageChannelId, key, { message, props: triageProps(c, cardOptions()) }, retry);
      await gateway.patchProps(post.id, key, triageProps(c, cardOptions(post.id)));
    },
    messagesSince: (roomId, since) => gateway.postsSince(roomId, since),
    casesChanged: () => queuePost.changed(),
    describeError: errorText,
  };
}
