import type { Language } from './language/languages.js';

/**
 * The one message shape every channel speaks, in both directions (after Bot Framework's
 * Activity). Only channels/ knows provider payloads; they keep the raw one in
 * `channelData` for the transcript and for replies that need provider ids.
 */
export type Role = 'patient' | 'bot' | 'nurse' | 'system';
export type MessageKind = 'text' | 'transcript' | 'postback';

export interface Participant {
  /** The channel's own id for this person: a phone number, a Telegram chat id, a web visitor id. */
  id: string;
  name?: string;
  role: Role;
}

export interface SuggestedAction {
  /** What the person sees or hears. */
  title: string;
  /** What comes back as a `postback` message when chosen. */
  value: string;
}

export interface SourceRef {
  id: string;
  title: string;
  score: number;
  url?: string;
  /** The answer unit within the topic. */
  unit?: string;
}

export interface Message {
  /** The channel name, e.g. `webchat`, `sms`, `voice`, `telegram`, `botframework`. */
  channel: string;
  /** The provider's id of this message (MessageSid, update_id, socket clientId); unique per channel. */
  externalId?: string;
  /** The channel's address of the conversation (phone number, chat id, visitor id). */
  conversation: { id: string };
  from: Participant;
  text: string;
  /** BCP 47 tag or language code as the channel knows it; a hint, not a decision. */
  locale?: string;
  kind: MessageKind;
  timestamp: Date;
  /** Raw provider payload, kept aside for the transcript and replies. */
  channelData?: unknown;
}

/** What the engine says; channels render it for their medium. */
export interface Reply {
  role: Exclude<Role, 'patient'>;
  text: string;
  language: Language;
  /** 'latin': Hindi written in Latin letters (the patient writes that way); pages follow it. */
  script?: 'latin';
  /** Buttons on web chat, numbered options on SMS and voice. */
  actions?: SuggestedAction[];
  /** Knowledge topics the text came from. */
  sources?: SourceRef[];
  /** The answer on its own, without links or extras: what SMS and voice send instead of `text`. */
  brief?: string;
  /** Where a voice channel should go next. */
  voice?: { action: 'continue' | 'transfer' | 'hangup'; transferTo?: string };
  /** Name to show for a nurse (first name only). */
  senderName?: string;
  /** A safety reply: the numbers to call, most urgent first, for channels that style it, make it tappable or dial it. */
  alert?: { disposition: string; call: { label: string; number: string }[] };
}

/** A reply as stored and delivered: the message id and the address it goes to. */
export interface OutboundMessage extends Reply {
  id: string;
  conversationId: string;
  channel: string;
  to: string;
  createdAt: Date;
}
