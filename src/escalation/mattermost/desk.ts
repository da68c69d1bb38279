import type { StaffDesk } from '../desk.js';
import type { MattermostGateway } from './gateway.js';

/** Mattermost as a staff desk: rooms are private channels, staff are members of the triage channel. */
export function mattermostDesk(gateway: MattermostGateway): StaffDesk {
  return {
    name: 'mattermost',
    get connected() {
      return gateway.connected;
    },
    get disconnectedAt() {
      return gateway.disconnectedAt;
    },
    start: () => gateway.start(),
    stop: () => gateway.stop(),
    ready: () => gateway.ready(),
    member: (userId) => gateway.nurse(userId),
    staffMember: (userId, roomId) => gateway.staffMember(userId, roomId),
    mention: (userId) => gateway.mention(userId),
    addStaff: (roomId, userIds) => gateway.addMembers(roomId, userIds),
    messagesSince: (roomId, since) => gateway.postsSince(roomId, since),
  };
}
