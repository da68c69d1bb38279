import { z } from 'zod';
import { jobKind } from './outbox.js';

/**
 * The core's outbox job kinds and their payloads. Each module that owns a kind registers it
 * with its schema (escalation's kinds are in src/escalation/deps.ts, the voice channel's in
 * its own folder); the outbox checks every payload it reads back against the schema.
 */

/** A stored message owed to a patient's channel (src/turns.ts delivers it). */
export const DELIVER_MESSAGE = jobKind(
  'deliver-message',
  z.object({
    messageId: z.number().int().positive(),
    /** A turn's replies delivered together (inline channels that came too late for the webhook); `messageId` is the first. */
    turn: z
      .object({
        messageIds: z.array(z.number().int().positive()),
        verdict: z.object({ urgency: z.enum(['emergency', 'urgent', 'routine']), reason: z.string().nullable(), escalate: z.boolean() }),
      })
      .optional(),
  }),
);
export type DeliverMessagePayload = z.infer<typeof DELIVER_MESSAGE.schema>;
