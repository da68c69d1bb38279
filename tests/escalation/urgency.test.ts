import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnResult } from '../../src/engine/context.js';
import { connectVisitor, startTestApp, type TestApp } from '../helpers/app.js';
import { waitFor } from './helpers.js';

// "urgency: urgent is never produced" (issue 14) was already fixed by the safety gate v2: the
// nurse-today disposition and screening questions are `urgent`. This pins it end to end.
describe('urgency "urgent"', () => {
  let app: TestApp;
  const results: { conversationId: string; result: TurnResult }[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    app.relay.processor.hooks.push(async ({ conversation, output }) => void results.push({ conversationId: conversation.id, result: output.result }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('comes from a nurse-today red flag, and opens an urgent case', async () => {
    const visitor = await connectVisitor(app.url, { language: 'en' });
    await visitor.send("my son has been vomiting all day and can't keep any fluids down");
    const turn = await waitFor(() => results.find((r) => r.conversationId === visitor.session.conversationId), 'the turn');
    expect(turn.result).toMatchObject({ urgency: 'urgent', escalate: true });
    const c = await waitFor(() => app.relay.escalation.cases.openFor(visitor.session.conversationId), 'the case');
    expect(c.priority).toBe('urgent');
    visitor.close();
  });

  it('comes from a screening question, without a case until the answer', async () => {
    const visitor = await connectVisitor(app.url, { language: 'en' });
    await visitor.send('my baby has a fever');
    const turn = await waitFor(() => results.find((r) => r.conversationId === visitor.session.conversationId), 'the turn');
    expect(turn.result).toMatchObject({ urgency: 'urgent', escalate: false });
    expect(await app.relay.escalation.cases.openFor(visitor.session.conversationId)).toBeUndefined();
    visitor.close();
  });
});
