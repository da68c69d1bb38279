import type { Language } from '../../src/language/languages.js';

/**
 * Twilio's codes per language: speech recognition (<Gather language>) and text-to-speech
 * (<Say language voice>) use different tags for Mandarin — cmn-Hans-CN to listen, cmn-CN to speak.
 * Voices are Amazon Polly neural voices that speak that locale natively.
 */
export interface TwilioVoiceLanguage {
  gather: 'en-US' | 'es-US' | 'cmn-Hans-CN' | 'hi-IN';
  say: 'en-US' | 'es-US' | 'cmn-CN' | 'hi-IN';
  voice: 'Polly.Joanna-Neural' | 'Polly.Lupe-Neural' | 'Polly.Zhiyu-Neural' | 'Polly.Kajal-Neural';
}

export const TWILIO_VOICE_LANGUAGES: Record<Language, TwilioVoiceLanguage> = {
  en: { gather: 'en-US', say: 'en-US', voice: 'Polly.Joanna-Neural' },
  es: { gather: 'es-US', say: 'es-US', voice: 'Polly.Lupe-Neural' },
  zh: { gather: 'cmn-Hans-CN', say: 'cmn-CN', voice: 'Polly.Zhiyu-Neural' },
  hi: { gather: 'hi-IN', say: 'hi-IN', voice: 'Polly.Kajal-Neural' },
};
