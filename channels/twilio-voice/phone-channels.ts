import type { Channel, Config, Language, Logger, TFunction } from '../../src/channel/contract.js';
import { smsProfile } from '../../src/render/index.js';
import { createTwilioClient } from '../twilio-client.js';
import { createTwilioSmsChannel, SMS_STATUS_PATH } from '../twilio-sms/index.js';
import { createTwilioWhatsAppChannel } from '../twilio-whatsapp/index.js';
import { createVoiceTranscriptChannel } from '../voice-transcript/index.js';
import { createTwilioVoiceChannel } from './index.js';
import { createSmsFallback } from './sms-fallback.js';

export interface PhoneChannelDeps {
  config: Config;
  logger: Logger;
  t(language: Language): TFunction;
}

/**
 * The phone channels the configuration turns on: Twilio SMS and Voice (TWILIO_* set), WhatsApp
 * through Twilio (WHATSAPP_FROM set) and the generic transcript route (VOICE_WEBHOOK_SECRET set).
 * They share one Twilio client. No network call happens here.
 */
export function createPhoneChannels(deps: PhoneChannelDeps): Channel[] {
  const { config } = deps;
  const channels: Channel[] = [];
  const client = config.twilio ? createTwilioClient(config.twilio) : undefined;
  if (config.twilio && client) {
    channels.push(createTwilioSmsChannel({ ...deps, client }));
    channels.push(createTwilioVoiceChannel({ ...deps, client }));
  }
  if (config.whatsapp) {
    channels.push(createTwilioWhatsAppChannel({ ...deps, client: client ?? createTwilioClient(config.whatsapp) }));
  }
  if (config.voiceWebhookSecret) {
    const textCaller =
      config.twilio && client ? createSmsFallback({ client, settings: config.twilio, t: deps.t, statusCallback: config.http.publicUrl + SMS_STATUS_PATH, profile: smsProfile(config.smsUnicodeAnswerSegments) }) : undefined;
    channels.push(createVoiceTranscriptChannel({ ...deps, textCaller }));
  }
  return channels;
}
