/**
 * What Twilio's Messaging channels (SMS, WhatsApp) share: sending a message's chunks so that an
 * outbox retry never repeats one that went out, and reading status callbacks back onto the
 * delivery and the stored message (through the core's delivery reports). State keys are
 * `<prefix>:chunk:<messageId>:<index>` (the chunk's sid) and `<prefix>:sid:<sid>` (which chunk of
 * which message a sid is).
 */
import type { Response } from 'express';
import twilio from 'twilio';
import type { ChannelState, Inbound, OutboundMessage } from '../src/channel/contract.js';
import { isPermanentDeliveryCode } from './twilio-client.js';

/** Sends of one message in total (first try included) that failed/undelivered callbacks may cause. */
const STATUS_RETRY_ATTEMPTS = 3;
const CHUNK_TTL_MS = 3 * 24 * 3600_000;

export interface ChunkRecord {
  messageId: string;
  index: number;
  /** The sid the outbox row knows this message by (its first chunk). */
  rowSid: string;
  /** The whole message, when the channel may need to send it again another way (WhatsApp). */
  message?: OutboundMessage;
}

export function createMessagingSends(prefix: string, core: Pick<Inbound, 'state' | 'deliveries'>) {
  const { state, deliveries } = core;
  const chunkKey = (messageId: string, index: number) => `${prefix}:chunk:${messageId}:${index}`;
  const sidKey = (sid: string) => `${prefix}:sid:${sid}`;

  return {
    /** Sends each chunk once through `create` (which returns the sid); the first chunk's sid names the message. */
    async sendChunks(message: OutboundMessage, chunks: string[], create: (body: string) => Promise<string>, keepMessage = false): Promise<string | undefined> {
      let rowSid: string | undefined;
      for (const [index, body] of chunks.entries()) {
        const already = await state.get<string>(chunkKey(message.id, index));
        if (already) {
          rowSid ??= already;
          continue;
        }
        const sid = await create(body);
        rowSid ??= sid;
        await state.set(chunkKey(message.id, index), sid, CHUNK_TTL_MS);
        await state.set<ChunkRecord>(sidKey(sid), { messageId: message.id, index, rowSid, ...(keepMessage ? { message } : {}) }, CHUNK_TTL_MS);
      }
      return rowSid;
    },

    chunkOf: (sid: string) => state.get<ChunkRecord>(sidKey(sid)),

    /** The chunk counts as not sent: the next attempt sends it again. */
    forget: (chunk: ChunkRecord) => state.del(chunkKey(chunk.messageId, chunk.index)),

    /**
     * A status callback: recorded on the delivery; a failure that sending again may cure puts it
     * back in the queue (only the failed chunk goes again), up to three sends in all; the stored
     * message becomes `delivered` (delivered, read) or `failed` (a failure not retried). True when retried.
     */
    async record(sid: string, status: string, code: number | undefined): Promise<boolean> {
      const failed = status === 'failed' || status === 'undelivered';
      const chunk = await state.get<ChunkRecord>(sidKey(sid));
      const rowSid = chunk?.rowSid ?? sid;
      let delivery = await deliveries.record(rowSid, status);
      const retry = failed && !isPermanentDeliveryCode(code) && delivery !== undefined && delivery.attempts < STATUS_RETRY_ATTEMPTS;
      if (retry) {
        if (chunk) await state.del(chunkKey(chunk.messageId, chunk.index));
        delivery = await deliveries.record(rowSid, status, true);
      }
      const messageId = delivery?.messageId;
      const delivered = status === 'delivered' || status === 'read';
      if (messageId !== undefined && (delivered || (failed && !retry))) await deliveries.settle(messageId, failed ? 'failed' : 'delivered');
      return retry;
    },
  };
}

/** A messaging webhook's answer: TwiML with one <Message> per text (none: an empty <Response/>). */
export function respondTwiml(res: Response, texts: string[] = []): void {
  const twiml = new twilio.twiml.MessagingResponse();
  for (const text of texts) twiml.message(text);
  res.status(200).type('text/xml').send(twiml.toString());
}

/** Runs `work` while holding the lease lock `key` (every instance shares it), waiting up to about 5 s for it. */
export async function underLock<T>(state: ChannelState, key: string, work: () => Promise<T>): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const lock = await state.tryLock(key, 10_000);
    if (lock) {
      try {
        return await work();
      } finally {
        await lock.release();
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`lock ${key} stayed busy`);
}
