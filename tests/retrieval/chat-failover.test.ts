import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatUnavailableError, createChatFailover } from '../../src/retrieval/chat-failover.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';

const client = (url: string) => new OpenAI({ apiKey: 'test-key', baseURL: url, maxRetries: 0 });
const ask = [{ role: 'user' as const, content: 'when are you open?' }];

describe('chat failover across OpenAI-compatible endpoints (fake OpenAI servers)', () => {
  let first: FakeOpenAI;
  let second: FakeOpenAI;
  beforeAll(async () => {
    first = await startFakeOpenAI();
    second = await startFakeOpenAI();
    first.setChatReply(() => 'from the first');
    second.setChatReply(() => 'from the second');
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  const endpoints = () => [
    { name: 'first', client: client(first.url), model: 'model-a' },
    { name: 'second', client: client(second.url), model: 'model-b' },
  ];

  it('uses the first endpoint while it answers, and the next one when it fails', async () => {
    const chat = createChatFailover(endpoints(), { timeoutMs: 2000 });
    expect(await chat.complete(ask)).toEqual({ text: 'from the first', endpoint: 'first' });
    first.failNext(1, 500);
    expect(await chat.complete(ask)).toEqual({ text: 'from the second', endpoint: 'second' });
    expect(second.requests.at(-1)!.body.model).toBe('model-b');
  });

  it('gives up on a slow endpoint at the timeout and answers from the next', async () => {
    const chat = createChatFailover(endpoints(), { timeoutMs: 300 });
    first.delayMs(5000);
    try {
      expect(await chat.complete(ask)).toEqual({ text: 'from the second', endpoint: 'second' });
    } finally {
      first.delayMs(0);
    }
  });

  it('opens the circuit after failures in a row: the dead endpoint is then skipped without a request', async () => {
    const chat = createChatFailover(endpoints(), { timeoutMs: 2000, failuresToOpen: 2, halfOpenAfterMs: 60_000 });
    first.failNext(2, 503);
    await chat.complete(ask);
    await chat.complete(ask);
    const before = first.requests.length;
    expect(await chat.complete(ask)).toEqual({ text: 'from the second', endpoint: 'second' });
    expect(first.requests.length).toBe(before);
  });

  it('rejects with every endpoint’s reason when none answers (the caller falls back to the extractive answer)', async () => {
    const chat = createChatFailover(endpoints(), { timeoutMs: 2000 });
    first.failNext(1, 500);
    second.failNext(1, 429);
    const err = await chat.complete(ask).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatUnavailableError);
    expect((err as ChatUnavailableError).causes.map((c) => c.endpoint)).toEqual(['first', 'second']);
  });
});
