import { describe, expect, it } from 'vitest';
import { signAction, verifyAction } from '../../src/escalation/mattermost/action-signing.js';
import { cardMessage, cardProps, channelName, patientPost } from '../../src/escalation/mattermost/card.js';
import type { Case } from '../../src/escalation/cases-store.js';
import { neutraliseInline, quoteUntrusted } from '../../src/escalation/mattermost/neutralise.js';
import type { StoredMessage } from '../../src/store/store.js';
import { MENTION } from './helpers.js';

const SECRET = 'card-test-secret';

const aCase = (over: Partial<Case> = {}): Case => ({
  id: '5d0e4c1a-1b2c-4d3e-8f90-123456789abc',
  number: 42,
  conversationId: 'conv',
  state: 'offered',
  priority: 'urgent',
  reason: 'clinical',
  language: 'es',
  channel: 'sms',
  details: { category: 'medication' },
  transcriptUntil: null,
  desk: null,
  roomId: 'c'.repeat(26),
  roomName: null,
  cardId: null,
  openJobId: null,
  openGeneration: 0,
  offerRound: 1,
  deadlineAt: null,
  claimedBy: null,
  claimedByName: null,
  resolvedBy: null,
  createdAt: new Date('2030-01-01T10:00:00Z'),
  offeredAt: null,
  claimedAt: null,
  closedAt: null,
  updatedAt: new Date(),
  ...over,
});

const message = (id: number, role: StoredMessage['role'], body: string): StoredMessage => ({
  id,
  conversationId: 'conv',
  direction: role === 'patient' ? 'in' : 'out',
  role,
  channel: 'sms',
  externalId: null,
  kind: 'text',
  body,
  language: 'es',
  meta: {},
  status: 'done',
  inReplyTo: null,
  createdAt: new Date('2030-01-01T09:59:00Z'),
});

describe('neutralising patient text for Mattermost', () => {
  it.each(['@channel', '@all', '@here', 'hi @ana and @here!', 'mail me: a@b.example'])('defuses mentions: %s', (text) => {
    const out = neutraliseInline(text);
    expect(out).not.toMatch(MENTION);
    expect(out).not.toMatch(/(^|[^\w@.-])@[a-z]/i);
  });

  it('defuses links, images, formatting, channel links and hashtags', () => {
    const out = neutraliseInline('![img](http://x) [link](https://y.example/a) **bold** _it_ `code` ~town-square #tag www.evil.example <b>');
    for (const live of ['![', '**', '`code`', 'http://', 'https://', 'www.evil', '<b>']) expect(out).not.toContain(live);
    // "](" only ever follows an escaped bracket.
    expect(out).not.toMatch(/(^|[^\\])\]\(/);
    // Channel links and hashtags are linked after Markdown escapes are resolved: a zero-width space breaks them.
    expect(out).toContain('~\u200Btown-square');
    expect(out).toContain('#\u200Btag');
  });

  it('quotes every line and stops lists, headings and nested quotes from forming', () => {
    const out = quoteUntrusted('# title\n- item\n1. first\n> nested\nplain');
    expect(out.split('\n')).toEqual(['> \\# title', '> \\- item', '> 1\\. first', '> \\> nested', '> plain']);
  });

  it('removes control and bidi characters and clips long text', () => {
    expect(neutraliseInline('a\u202Eb\u0007c')).toBe('abc');
    expect(quoteUntrusted('x'.repeat(50), 10)).toBe(`> ${'x'.repeat(10)}…`);
  });
});

describe('case card', () => {
  it('shows priority, language, channel, reason, summary and the quoted transcript', () => {
    const text = cardMessage(aCase(), [message(1, 'patient', 'Me equivoqué de pastilla @channel'), message(2, 'bot', 'Una enfermera le ayudará.')], { languageMatched: false });
    expect(text).toContain('URGENT · Case #42');
    expect(text).toContain('Spanish (es)');
    expect(text).toContain('**Channel:** sms');
    expect(text).toContain('clinical');
    expect(text).toContain('category: medication');
    expect(text).toContain('> Me equivoqué de pastilla');
    expect(text).toContain('interpreter');
    expect(text).not.toMatch(MENTION);
  });

  it('carries signed Claim and Resolve buttons while open, none once resolved', () => {
    const POST = 'p'.repeat(26);
    const unsigned = cardProps(aCase(), { actionUrl: 'https://relay.example/mattermost/actions', actionSecret: SECRET }) as { attachments: { actions: unknown[] }[] };
    // Before the post exists there is no id to sign for: no buttons yet.
    expect(unsigned.attachments[0]!.actions).toEqual([]);
    const props = cardProps(aCase(), { actionUrl: 'https://relay.example/mattermost/actions', actionSecret: SECRET, postId: POST }) as {
      attachments: { actions: { id: string; name: string; integration: { url: string; context: unknown } }[] }[];
    };
    const actions = props.attachments[0]!.actions;
    expect(actions.map((a) => [a.id, a.name])).toEqual([
      ['claim', 'Claim'],
      ['resolve', 'Resolve'],
    ]);
    for (const a of actions) {
      expect(a.id).toMatch(/^[A-Za-z0-9]+$/);
      expect(a.integration.url).toBe('https://relay.example/mattermost/actions');
      const verified = verifyAction(SECRET, a.integration.context, POST);
      expect(verified.ok && verified.context).toMatchObject({ action: a.id, caseId: aCase().id, postId: POST });
    }
    const closed = cardProps(aCase({ state: 'resolved' }), { actionUrl: 'x', actionSecret: SECRET, postId: POST }) as { attachments: { actions: unknown[] }[] };
    expect(closed.attachments[0]!.actions).toEqual([]);
  });

  it('names channels deterministically within Mattermost rules', () => {
    const name = channelName(aCase());
    expect(name).toBe('case-42-5d0e4c1a');
    expect(name).toMatch(/^[a-z0-9]+([a-z0-9_-]*[a-z0-9]+)*$/);
  });

  it('quotes patient messages relayed during the case', () => {
    const post = patientPost('[click](http://evil) @all', ['Call 911 now.']);
    expect(post).toMatch(/^\*\*Patient:\*\*\n> /);
    expect(post).not.toMatch(MENTION);
    expect(post).not.toMatch(/(^|[^\\])\]\(/);
    expect(post).not.toContain('http://');
  });
});

describe('button signatures', () => {
  const POST = 'q'.repeat(26);
  const NOW = Date.UTC(2030, 0, 1);

  it('accepts what we signed, for the post it names, and nothing else', () => {
    const signed = signAction(SECRET, { action: 'claim', caseId: 'abc', postId: POST }, NOW);
    const ok = verifyAction(SECRET, signed, POST, NOW);
    expect(ok).toEqual({ ok: true, context: { action: 'claim', caseId: 'abc', postId: POST, expiresAt: signed.exp } });
    expect(verifyAction('other-secret', signed, POST, NOW).ok).toBe(false);
    expect(verifyAction(SECRET, { ...signed, action: 'resolve' }, POST, NOW).ok).toBe(false);
    expect(verifyAction(SECRET, { ...signed, caseId: 'abd' }, POST, NOW).ok).toBe(false);
    expect(verifyAction(SECRET, { ...signed, postId: 'r'.repeat(26) }, 'r'.repeat(26), NOW).ok).toBe(false);
    expect(verifyAction(SECRET, { ...signed, exp: signed.exp + 1 }, POST, NOW).ok).toBe(false);
    expect(verifyAction(SECRET, { ...signed, sig: signed.sig.slice(0, -2) }, POST, NOW).ok).toBe(false);
    expect(verifyAction(SECRET, { ...signed, action: 'delete' }, POST, NOW).ok).toBe(false);
    expect(verifyAction(SECRET, undefined, POST, NOW).ok).toBe(false);
  });

  it('binds the signature to the clicked post and to an expiry', () => {
    const signed = signAction(SECRET, { action: 'resolve', caseId: 'abc', postId: POST }, NOW);
    expect(verifyAction(SECRET, signed, 'r'.repeat(26), NOW)).toEqual({ ok: false, reason: 'wrong-post' });
    expect(verifyAction(SECRET, signed, undefined, NOW)).toEqual({ ok: false, reason: 'wrong-post' });
    const late = verifyAction(SECRET, signed, POST, signed.exp + 1);
    expect(late.ok).toBe(false);
    expect(!late.ok && late.reason).toBe('expired');
    expect(verifyAction(SECRET, signed, POST, signed.exp).ok).toBe(true);
  });
});
