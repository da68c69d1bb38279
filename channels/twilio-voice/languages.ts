import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import { LANGUAGES, type Language } from '../../src/language/languages.js';
import { PACKS } from '../../src/language/packs/index.js';

/**
 * Twilio's codes per language, from each language pack's `voice`: speech recognition
 * (<Gather language>) and text-to-speech (<Say language voice>) use different tags for Mandarin
 * (cmn-Hans-CN to listen, cmn-CN to speak). Voices are Amazon Polly neural voices.
 */
export interface TwilioVoiceLanguage {
  gather: NonNullable<VoiceResponse.GatherAttributes['language']>;
  say: NonNullable<VoiceResponse.SayAttributes['language']>;
  voice: NonNullable<VoiceResponse.SayAttributes['voice']>;
}

// The packs keep plain strings; twilio's TwiML types list the codes Twilio accepts.
export const TWILIO_VOICE_LANGUAGES = Object.fromEntries(LANGUAGES.map((l) => [l, PACKS[l].voice])) as Record<Language, TwilioVoiceLanguage>;
