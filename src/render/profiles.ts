/**
 * What each channel can show or say. `renderReply` reads only these fields, so a new channel
 * is a new profile (spread an existing one and change what differs).
 */
export type ProfileName = 'sms' | 'voice' | 'telegram' | 'webchat' | 'botframework';

export interface ChannelProfile {
  name: ProfileName | (string & {});
  /** Longest chunk (one message, one spoken turn), counted per `countBy`. */
  maxChars: number;
  /** How the provider counts `maxChars`: code points (Twilio, Telegram) or UTF-16 units. */
  countBy: 'codepoints' | 'utf16';
  /** SMS only: most billed segments per message (GSM-7 / UCS-2 aware). */
  maxSegments?: number;
  /** Chunks beyond this are dropped; voice keeps one short turn. */
  maxChunks: number;
  /** `native`: leave actions as buttons for the channel; `numbered`: write/say them as numbered options. */
  actions: 'native' | 'numbered';
  /** `structured`: sources stay as data for the channel; `titles`: named in text; `links`: titles with their URLs. */
  citations: 'structured' | 'titles' | 'links' | 'none';
  /** `markdown`: leave as written; `plain`: strip markdown, keep URLs; `speech`: render for the ear. */
  markup: 'markdown' | 'plain' | 'speech';
  /**
   * Send a reply's `brief` (the answer alone) instead of its text, in whole sentences, within
   * `maxSegments` SMS segments when set (`maxSegmentsUcs2` when the text needs UCS-2: Devanagari,
   * Chinese), without options or citations.
   */
  brief?: { maxSegments?: number; maxSegmentsUcs2?: number };
  /** SMS: write letters and punctuation GSM-7 lacks with GSM-7 lookalikes when that makes the text GSM-7 (`toGsm7`). */
  gsmLookalikes?: boolean;
}

/** The SMS profile with room for `unicodeAnswerSegments` segments in UCS-2 answers (SMS_UNICODE_ANSWER_SEGMENTS). */
export function smsProfile(unicodeAnswerSegments: number): ChannelProfile {
  const sms: ChannelProfile = profiles.sms;
  return unicodeAnswerSegments === sms.brief?.maxSegmentsUcs2 ? sms : { ...sms, brief: { ...sms.brief, maxSegmentsUcs2: unicodeAnswerSegments } };
}

export const profiles = {
  sms: {
    name: 'sms',
    // Twilio refuses bodies over 1,600 characters (error 21617); ten segments keeps long UCS-2 texts deliverable.
    maxChars: 1600,
    countBy: 'codepoints',
    maxSegments: 10,
    maxChunks: 5,
    actions: 'numbered',
    citations: 'titles',
    markup: 'plain',
    // A knowledge answer costs the patient at most two segments, in whole sentences, in UCS-2
    // (Devanagari, Chinese: 67 characters a segment) too. Every unit's first sentence fits in
    // two, so the fact is never cut mid-sentence (tests/knowledge lint); SMS_UNICODE_ANSWER_SEGMENTS
    // gives a clinic that prefers whole Hindi answers more room (smsProfile).
    brief: { maxSegments: 2, maxSegmentsUcs2: 2 },
    // Spanish "á í ó ú" as "a i o u": a whole answer in two segments instead of its first sentence.
    gsmLookalikes: true,
  },
  voice: {
    name: 'voice',
    // About half a minute of speech: a caller keeps two or three sentences in mind.
    maxChars: 450,
    countBy: 'codepoints',
    maxChunks: 1,
    actions: 'numbered',
    citations: 'titles',
    markup: 'speech',
    brief: {},
  },
  telegram: {
    name: 'telegram',
    // sendMessage text: 1-4096 characters after entity parsing.
    maxChars: 4096,
    countBy: 'codepoints',
    maxChunks: 5,
    actions: 'native',
    citations: 'links',
    markup: 'plain',
  },
  webchat: {
    name: 'webchat',
    maxChars: 20_000,
    countBy: 'utf16',
    maxChunks: 1,
    actions: 'native',
    citations: 'structured',
    markup: 'markdown',
  },
  botframework: {
    name: 'botframework',
    // Teams rejects messages around 28 KB; stay well below with room for the card.
    maxChars: 20_000,
    countBy: 'utf16',
    maxChunks: 1,
    actions: 'native',
    citations: 'structured',
    markup: 'markdown',
  },
} satisfies Record<ProfileName, ChannelProfile>;
