import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardMessage, patientPost, POST_MAX_RUNES } from '../../src/escalation/mattermost/card.js';
import type { Case } from '../../src/escalation/cases-store.js';
import { createMattermostGateway } from '../../src/escalation/mattermost/gateway.js';
import { neutraliseInline, quoteUntrusted, runeCount } from '../../src/escalation/mattermost/neutralise.js';
import { createLogger } from '../../src/logger.js';
import type { StoredMessage } from '../../src/store/store.js';
import { startFakeMattermost, type FakeMattermost } from '../fakes/mattermost-server.js';

// Mattermost's rendering rules, as the oracle (web app: its marked fork with GFM rules, then
// text formatting for mentions, channel links and hashtags; server: mentions in raw text).
const AUTOLINKS: [string, RegExp][] = [
  ['scheme URL', /[A-Za-z][A-Za-z\d.+-]*:(?:\/{1,3}|[\p{L}\d%])/u],
  ['www host', /www\d{0,3}\./],
  ['bare domain with a path', /[\p{L}\d.-]+\.\p{L}{2,4}\//u],
  ['bare domain', /[\p{L}\d-]+\.\p{L}{2,}/u],
  ['e-mail', /[\p{L}\d.+-]+@[\p{L}\d-]+\.\p{L}/u],
  ['mention', /@[\p{L}\d._-]/u],
  ['channel link', /~[\p{L}\d]/u],
  ['hashtag', /#[\p{L}\d]/u],
  ['HTML or <autolink>', /<[A-Za-z/!?]/],
];
const ESCAPABLE = '\\`*{}[]()#+-.!_>|~';

/** What a nurse reads: backslash escapes resolved the way marked resolves them, zero-width characters unseen. */
function rendered(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const ch = markdown[i]!;
    const next = markdown[i + 1];
    const after = markdown[i + 2];
    const escapes = ch === '\\' && next !== undefined && (next === '\\' ? after === undefined || !/\w/.test(after) : ESCAPABLE.includes(next));
    if (escapes) {
      out += next;
      i++;
    } else out += ch;
  }
  return out.replace(/[\u200B\u200D]/g, '');
}

const HOSTILE = [
  'evil.com/login',
  'please log in at evil.com/login now',
  'EVIL.COM/x and sub.evil.co.uk/path',
  'evil.com',
  '(evil.com/x)',
  'x_evil.com/path',
  'www.evil.example',
  'www1.evil.example/x',
  'https://evil.example/a_b?c=d',
  '<https://evil.example>',
  'mailto:me@evil.example tel:5551234',
  'write to nurse@evil.example',
  '@channel @here @all @ana.lopez hi',
  '~town-square ~~struck~~ #tag',
  '![img](http://x.example/p.png) [link](http://x.example)',
  '<b>bold</b> <img src=x onerror=alert(1)>',
];

describe('neutralising patient text by Mattermost rendering rules', () => {
  it.each(HOSTILE)('leaves nothing Mattermost would link or mention: %s', (text) => {
    const out = neutraliseInline(text);
    for (const [what, pattern] of AUTOLINKS) expect(out, what).not.toMatch(pattern);
    expect(rendered(out)).toBe(text);
  });

  it.each([
    ['10:30', '10:30'],
    ['it costs $20 or $30', 'it costs $20 or $30'],
    ['a=b, x^2, {curly}, (round) & more', 'a=b, x^2, {curly}, (round) & more'],
    ['ratio 1:2; 50% off!', 'ratio 1:2; 50% off!'],
  ])('does not escape what needs no escaping: %s', (text, expected) => {
    const out = neutraliseInline(text);
    expect(out).toBe(expected);
  });

  it.each(['C:\\Users\\ana', 'a \\* b', 'back\\\\slash', 'trailing \\', '\\_under\\_', '**bold** _it_ `code` |a|b|', '2*3 = snake_case'])(
    'shows backslashes and markup exactly as written: %s',
    (text) => expect(rendered(neutraliseInline(text))).toBe(text),
  );

  it('stops line-level Markdown (headings, lists, quotes, rules, setext underlines) but shows the same characters', () => {
    const text = '# title\n- item\n+ plus\n1. first\n2) second\n> nested\n---\n===\n```\ncode\n```\nplain';
    const out = quoteUntrusted(text);
    const lines = out.split('\n');
    expect(lines.every((l) => l.startsWith('> '))).toBe(true);
    const bodies = lines.map((l) => l.slice(2));
    expect(bodies.slice(0, 7)).toEqual(['\\# title', '\\- item', '\\+ plus', '1\\. first', '2\\) second', '\\> nested', '\\---']);
    expect(bodies[7]).toBe('\u200B===');
    expect(bodies.map(rendered).join('\n')).toBe(text);
  });

  it('clips long text by code points, never inside a surrogate pair', () => {
    const out = quoteUntrusted('\u{1F489}'.repeat(20), 5);
    expect(out).toBe(`> ${'\u{1F489}'.repeat(5)}…`);
  });
});

const aCase: Case = {
  id: '5d0e4c1a-1b2c-4d3e-8f90-123456789abc',
  number: 7,
  conversationId: 'conv',
  state: 'queued',
  priority: 'urgent',
  reason: 'human_request',
  language: 'en',
  channel: 'web',
  details: {},
  transcriptUntil: null,
  desk: null,
  roomId: null,
  roomName: null,
  cardId: null,
  openJobId: null,
  openGeneration: 0,
  offerRound: 0,
  deadlineAt: null,
  claimedBy: null,
  claimedByName: null,
  resolvedBy: null,
  createdAt: new Date('2030-01-01T10:00:00Z'),
  offeredAt: null,
  claimedAt: null,
  closedAt: null,
  updatedAt: new Date('2030-01-01T10:00:00Z'),
};

const message = (id: number, body: string): StoredMessage => ({
  id,
  conversationId: 'conv',
  direction: id % 2 ? 'in' : 'out',
  role: id % 2 ? 'patient' : 'bot',
  channel: 'web',
  externalId: null,
  kind: 'text',
  body,
  language: 'en',
  meta: {},
  status: 'done',
  inReplyTo: null,
  createdAt: new Date('2030-01-01T09:59:00Z'),
});

describe('post size: cards stay within Mattermost limit', () => {
  let fake: FakeMattermost;
  beforeAll(async () => {
    fake = await startFakeMattermost();
  });
  afterAll(async () => {
    await fake?.close();
  });

  // A newline- and markup-heavy message grows about fivefold when quoted and neutralised.
  const heavy = (i: number) => `${i}\n${'*\n'.repeat(299)}`;
  const transcript = Array.from({ length: 14 }, (_, i) => message(i + 1, heavy(i + 1)));

  it('keeps the newest whole messages that fit, says how many were left out, and Mattermost accepts the card', async () => {
    const text = cardMessage(aCase, transcript);
    expect(runeCount(text)).toBeLessThanOrEqual(POST_MAX_RUNES);
    expect(text).toMatch(/_\d+ earlier messages not shown: the card must stay within Mattermost's post size limit\._/);
    // The newest message is there in full; the oldest is not.
    expect(text).toContain('> 14\n');
    expect(text).not.toContain('> 4\n');
    expect(text).toContain('Reply in this channel');

    const gateway = createMattermostGateway({ url: fake.url, token: fake.botToken, team: fake.teamName, triageChannel: fake.triageChannelName }, createLogger('silent'));
    const post = await gateway.postOnce(fake.triageChannelId, 'case:size:card', { message: text }, false);
    expect(fake.post(post.id)?.message).toBe(text);
  });

  it('counts runes, not UTF-16 units: astral characters do not cut the transcript short', () => {
    const astral = Array.from({ length: 12 }, (_, i) => message(i + 1, '\u{1F489}\n'.repeat(300)));
    const text = cardMessage(aCase, astral);
    // Quoted, each message is 1,200 runes but 1,500 UTF-16 units: all twelve fit only when runes are counted.
    expect(text).toContain('(12 of 12 messages)');
    expect(text.length).toBeGreaterThan(POST_MAX_RUNES);
    expect(runeCount(text)).toBeLessThanOrEqual(POST_MAX_RUNES);
  });

  it('cuts a relayed patient post with a marker rather than losing it', () => {
    const post = patientPost('*\n'.repeat(750), Array.from({ length: 8 }, () => '@\n'.repeat(400)));
    expect(runeCount(post)).toBeLessThanOrEqual(POST_MAX_RUNES);
    expect(post.endsWith("_(Shortened to fit Mattermost's post size limit.)_")).toBe(true);
  });
});
