import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import type { Logger } from '../../logger.js';
import type { QueueEntry } from '../case-queue.js';
import type { StaffMember } from '../desk.js';
import { queueMarkdown } from './queue-post.js';

const ID = /^[a-z0-9]{26}$/;
const HELP = [
  '**CareRelay** slash command:',
  '- `/carerelay cases`: the open cases, most urgent first (only you see the answer).',
  '- `/carerelay help`: this text.',
  'Cases are claimed and resolved with the buttons on their cards.',
].join('\n');

const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export interface CommandRouteOptions {
  /** MATTERMOST_COMMAND_TOKEN: the token Mattermost made for the `/carerelay` command. */
  token: string;
  /** The open cases, most urgent first. */
  queue(): Promise<QueueEntry[]>;
  /** The user, if they are staff (a member of the triage channel, as Mattermost says). */
  staffMember(userId: string): Promise<StaffMember | undefined>;
  logger: Logger;
}

/**
 * `POST /mattermost/command`: Mattermost calls it for `/carerelay …` (a custom slash command,
 * form-encoded, with the command's token in the body and in `Authorization: Token …`). Only a
 * request carrying our command's token is answered, and only staff (active members of the
 * triage channel, as Mattermost says) see the queue. Answers are ephemeral.
 */
export function createCommandRouter(options: CommandRouteOptions): Router {
  const router = express.Router();
  router.post('/mattermost/command', express.urlencoded({ extended: false, limit: '16kb' }), async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const header = /^Token\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
      const given = typeof body.token === 'string' ? body.token : (header ?? '');
      if (!given || !sameSecret(given, options.token) || (header !== undefined && !sameSecret(header, options.token))) {
        options.logger.warn('refused a Mattermost slash command with a wrong token');
        res.status(401).json({ response_type: 'ephemeral', text: 'This command is not set up for this CareRelay (wrong token).' });
        return;
      }
      const reply = (text: string) => res.json({ response_type: 'ephemeral', text });
      const userId = typeof body.user_id === 'string' && ID.test(body.user_id) ? body.user_id : undefined;
      if (!userId) return reply('CareRelay cannot check who you are right now; try again in a minute.');
      const words = (typeof body.text === 'string' ? body.text : '').trim().toLowerCase().split(/\s+/).filter(Boolean);
      const sub = words[0] ?? 'cases';
      if (sub === 'help') return reply(HELP);
      if (sub !== 'cases' && sub !== 'queue') return reply(`Unknown: \`${sub.slice(0, 30).replace(/[`\n]/g, '')}\`.\n${HELP}`);
      if (!(await options.staffMember(userId))) return reply('Only nurses in the triage channel can see the case queue.');
      reply(queueMarkdown(await options.queue(), Date.now(), '#### :clipboard: Open cases'));
    } catch (err) {
      next(err);
    }
  });
  return router;
}
