import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeMattermost, type FakeMattermost, type FakeUser } from '../fakes/mattermost-server.js';

/** A fake Mattermost with a few online nurses who can take many cases, and the env that points CareRelay at it. */
export async function startNurseStation(nurseCount = 6): Promise<{ fake: FakeMattermost; nurses: FakeUser[]; env: Record<string, string> }> {
  const fake = await startFakeMattermost();
  const nurses: FakeUser[] = [];
  const roster: Record<string, { languages: string[]; capacity: number }> = {};
  for (let i = 0; i < nurseCount; i++) {
    const username = `nurse${i}`;
    nurses.push(fake.addUser({ username, firstName: `Nurse${i}`, status: 'online', channels: [fake.triageChannelId] }));
    roster[username] = { languages: ['en', 'es', 'zh', 'hi'], capacity: 100 };
  }
  const dir = mkdtempSync(join(tmpdir(), 'carerelay-bench-'));
  writeFileSync(join(dir, 'staff.json'), JSON.stringify(roster));
  return {
    fake,
    nurses,
    env: {
      MATTERMOST_URL: fake.url,
      MATTERMOST_TOKEN: fake.botToken,
      MATTERMOST_TEAM: fake.teamName,
      MATTERMOST_TRIAGE_CHANNEL: fake.triageChannelName,
      MATTERMOST_ACTION_SECRET: 'bench-action-secret',
      STAFF_FILE: join(dir, 'staff.json'),
    },
  };
}

/**
 * Watches the websocket events the fake sends (the bot's own connections see every post in
 * its channels) and resolves waiters as matching posts appear; cheaper and finer-grained
 * than re-reading all posts.
 */
export function watchPosts(fake: FakeMattermost) {
  let seen = 0;
  const waiters: { match: (post: { id: string; channel_id: string; message: string; props: Record<string, unknown> }) => boolean; resolve: (at: number) => void }[] = [];
  const timer = setInterval(() => {
    const events = fake.wsEvents;
    for (; seen < events.length; seen++) {
      const e = events[seen]!;
      if (e.message.event !== 'posted' || e.userId !== fake.botUserId) continue;
      const post = JSON.parse(String(e.message.data.post));
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (waiters[i]!.match(post)) {
          waiters[i]!.resolve(performance.now());
          waiters.splice(i, 1);
        }
      }
    }
  }, 1);
  return {
    next(match: (typeof waiters)[number]['match'], timeoutMs = 10_000): Promise<number> {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no matching post in time')), timeoutMs);
        waiters.push({ match, resolve: (at) => (clearTimeout(t), resolve(at)) });
      });
    },
    stop: () => clearInterval(timer),
  };
}
