import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeMattermost, type FakeMattermost, type FakeMattermostOptions, type FakeUser, type StoredPost } from '../fakes/mattermost-server.js';

export const ACTION_SECRET = 'escalation-test-secret';

// The escalation tests import everything they need from here.
export { waitFor } from '../helpers/wait-for.js';

export interface NurseSpec {
  username: string;
  firstName: string;
  languages: string[];
  status: 'online' | 'away' | 'dnd' | 'offline';
  capacity?: number;
}

export interface MattermostFixture {
  fake: FakeMattermost;
  nurses: Record<string, FakeUser>;
  /** Environment that points CareRelay at the fake, with the roster written to a temp file. */
  env: Record<string, string>;
}

export async function startMattermostFixture(
  nurses: NurseSpec[],
  deadlinesMin: { emergency?: number; urgent?: number; routine?: number } = {},
  fakeOptions: FakeMattermostOptions = {},
): Promise<MattermostFixture> {
  const fake = await startFakeMattermost(fakeOptions);
  const users: Record<string, FakeUser> = {};
  const roster: Record<string, { languages: string[]; capacity?: number }> = {};
  for (const n of nurses) {
    users[n.username] = fake.addUser({ username: n.username, firstName: n.firstName, lastName: 'Test', status: n.status, channels: [fake.triageChannelId] });
    roster[n.username] = { languages: n.languages, ...(n.capacity !== undefined ? { capacity: n.capacity } : {}) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'carerelay-staff-'));
  const staffFile = join(dir, 'staff.json');
  writeFileSync(staffFile, JSON.stringify(roster));
  return {
    fake,
    nurses: users,
    env: {
      MATTERMOST_URL: fake.url,
      MATTERMOST_TOKEN: fake.botToken,
      MATTERMOST_TEAM: fake.teamName,
      MATTERMOST_TRIAGE_CHANNEL: fake.triageChannelName,
      MATTERMOST_ACTION_SECRET: ACTION_SECRET,
      STAFF_FILE: staffFile,
      CASE_DEADLINE_EMERGENCY_MIN: String(deadlinesMin.emergency ?? 2),
      CASE_DEADLINE_URGENT_MIN: String(deadlinesMin.urgent ?? 5),
      CASE_DEADLINE_ROUTINE_MIN: String(deadlinesMin.routine ?? 15),
    },
  };
}

/** Whether a post carries buttons: ours get them right after posting, signed for the post's own id. */
export function hasButtons(post: StoredPost): boolean {
  const attachments = (post.props?.attachments ?? []) as { actions?: unknown[] }[];
  return attachments.some((a) => (a.actions ?? []).length > 0);
}

/** The case card (the bot's post with Claim / Resolve) in a case channel, once its buttons are on. */
export function findCard(fake: FakeMattermost, predicate: (post: StoredPost) => boolean = () => true): StoredPost | undefined {
  return fake
    .posts()
    .find((p) => p.user_id === fake.botUserId && p.props?.carerelay_key !== undefined && String(p.props.carerelay_key).endsWith(':card') && hasButtons(p) && predicate(p));
}

export function actionId(post: StoredPost, name: 'Claim' | 'Resolve'): string {
  const attachments = (post.props.attachments ?? []) as { actions?: { id: string; name: string }[] }[];
  const action = attachments.flatMap((a) => a.actions ?? []).find((a) => a.name === name);
  if (!action) throw new Error(`no ${name} button on post ${post.id}`);
  return action.id;
}

/** Every `@channel` / `@here` / `@all` that Mattermost would treat as a mention. */
export const MENTION = /(^|[^\w@.-])@(channel|all|here)\b/i;
