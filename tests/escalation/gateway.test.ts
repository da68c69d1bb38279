import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMattermostGateway } from '../../src/escalation/mattermost/gateway.js';
import { createLogger } from '../../src/logger.js';
import { startFakeMattermost, type FakeMattermost } from '../fakes/mattermost-server.js';
import { waitFor } from './helpers.js';

describe('Mattermost gateway (real @mattermost/client against the fake)', () => {
  let fake: FakeMattermost | undefined;
  let stop: (() => void) | undefined;
  afterEach(async () => {
    stop?.();
    vi.restoreAllMocks();
    await fake?.close();
  });

  it('never lets the client print the bot token when the server refuses the websocket', async () => {
    const printed: unknown[][] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args));
    fake = await startFakeMattermost();
    fake.down({ style: 'proxy' });
    const gateway = createMattermostGateway(
      { url: fake.url, token: fake.botToken, team: fake.teamName, triageChannel: fake.triageChannelName },
      createLogger('silent'),
    );
    gateway.start();
    stop = () => gateway.stop();
    await waitFor(() => printed.some((args) => args.includes('websocket error')), 'the client reporting the refused upgrade');
    expect(printed.length).toBeGreaterThan(1);
    expect(inspect(printed, { depth: 12 })).not.toContain(fake.botToken);
  });

  it('resolves the nurse pool from the triage channel, without the bot or other bots', async () => {
    fake = await startFakeMattermost();
    const ana = fake.addUser({ username: 'ana', firstName: 'Ana', channels: [fake.triageChannelId] });
    fake.addUser({ username: 'helper-bot', isBot: true, channels: [fake.triageChannelId] });
    fake.addUser({ username: 'zed', firstName: 'Zed' });
    const gateway = createMattermostGateway({ url: fake.url, token: fake.botToken, team: fake.teamName, triageChannel: fake.triageChannelName }, createLogger('silent'));
    expect(await gateway.pool()).toEqual([{ id: ana.id, username: 'ana', firstName: 'Ana' }]);
    fake.setStatus(ana.id, 'dnd');
    expect(await gateway.statuses([ana.id])).toEqual({ [ana.id]: 'dnd' });
    const first = await gateway.ensurePrivateChannel('case-1-abcdef01', 'Case 1', 'test');
    const again = await gateway.ensurePrivateChannel('case-1-abcdef01', 'Case 1', 'test');
    expect(again.id).toBe(first.id);
  });

  it.each([
    { server: 'a current server', batch: true, calls: 1 },
    { server: 'a server without mattermost PR #28976', batch: false, calls: 3 },
  ])('adds several nurses to a channel on $server', async ({ batch, calls }) => {
    fake = await startFakeMattermost({ batchChannelMembers: batch });
    const ids = ['ana', 'bo', 'cy'].map((username) => fake!.addUser({ username, channels: [fake!.triageChannelId] }).id);
    const gateway = createMattermostGateway({ url: fake.url, token: fake.botToken, team: fake.teamName, triageChannel: fake.triageChannelName }, createLogger('silent'));
    const channel = await gateway.ensurePrivateChannel('case-2-abcdef02', 'Case 2', 'test');
    fake.clearRequests();
    await gateway.addMembers(channel.id, ids);
    expect(fake.members(channel.id)).toEqual(expect.arrayContaining(ids));
    const added = fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v4/channels/${channel.id}/members` && r.status === 201);
    expect(added).toHaveLength(calls);
  });
});
