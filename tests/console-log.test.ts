import { describe, expect, it } from 'vitest';
import { routeConsoleToLogger } from '../src/console-log.js';
import { createMattermostGateway } from '../src/escalation/mattermost/gateway.js';
import { createLogger } from '../src/logger.js';
import { startFakeMattermost } from './fakes/mattermost-server.js';
import { waitFor } from './helpers/wait-for.js';

function capture(level = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(level, { write: (s: string) => void lines.push(JSON.parse(s)) } as never);
  return { lines, logger };
}

describe('console output of libraries', () => {
  it('becomes JSON log lines: short summaries, objects by kind only, warnings kept loud', () => {
    const { lines, logger } = capture();
    const target = { log: () => {}, info: () => {}, debug: () => {}, warn: () => {}, error: () => {}, trace: () => {} } as unknown as Console;
    const original = target.log;
    const undo = routeConsoleToLogger(logger, target);
    target.log('websocket connecting to', 'ws://127.0.0.1:1/api/v4/websocket');
    target.log({ event: 'posted', data: { post: '{"message":"I have chest pain"}' } });
    target.error(new Error('BadRequest: Missing activity'));
    target.warn('x'.repeat(1000));
    expect(lines.map((l) => [l.level, l.source, l.msg])).toEqual([
      [20, 'console', 'websocket connecting to ws://127.0.0.1:1/api/v4/websocket'],
      [20, 'console', '[Object]'],
      [40, 'console', 'Error: BadRequest: Missing activity'],
      [40, 'console', `${'x'.repeat(300)}…`],
    ]);
    expect(JSON.stringify(lines)).not.toContain('chest pain');
    undo();
    expect(target.log).toBe(original);
  });

  it('catches what @mattermost/client prints while the gateway connects', async () => {
    const fake = await startFakeMattermost();
    const { lines, logger } = capture();
    const undo = routeConsoleToLogger(logger);
    const gateway = createMattermostGateway({ url: fake.url, token: fake.botToken, team: fake.teamName, triageChannel: fake.triageChannelName }, logger);
    try {
      gateway.start();
      await waitFor(() => gateway.connected, 'the websocket');
      await waitFor(() => lines.some((l) => l.source === 'console' && /^got connection id/.test(String(l.msg))), 'the client’s own print');
      expect(lines.filter((l) => l.source === 'console').map((l) => l.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^websocket connecting to ws:\/\/127\.0\.0\.1:\d+\/api\/v4\/websocket$/)]));
    } finally {
      gateway.stop();
      undo();
      await fake.close();
    }
  });
});
