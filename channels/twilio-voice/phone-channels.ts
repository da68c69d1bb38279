import type { Config } from '../../src/config.js';
import type { TFunction } from '../../src/i18n.js';
import type { Language } from '../../src/language/languages.js';
import type { Logger } from '../../src/logger.js';
import type { Metrics } from '../../src/metrics.js';
import type { Outbox } from '../../src/outbox/outbox.js';
import { createRateLimiter } from '../../src/rate-limit.js';
import type { StateStore } from '../../src/state/state-store.js';
import type { Store } from '../../src/store/store.js';
import type { ChannelSender, TurnProcessor } from '../../src/turns.js';
import type { Router } from 'express';
import { createTwilioClient } from '../twilio-client.js';
import { createTwilioSmsChannel, SMS_STATUS_PATH } from '../twilio-sms/index.js';
import { createTwilioWhatsAppChannel } from '../twilio-whatsapp/index.js';
import { createVoiceTranscriptChannel } from '../voice-transcript/index.js';
import { createTwilioVoiceChannel } from './index.js';
import { createSmsFallback } from './sms-fallback.js';

export interface PhoneChannelDeps {
  config: Config;
  processor: TurnProcessor;
  store: Store;
  state: StateStore;
  outbox: Outbox;
  logger: Logger;
  metrics?: Metrics;
  t(language: Language): TFunction;
}

/**
 * The phone channels the configuration turns on: Twilio SMS and Voice (TWILIO_* set), WhatsApp
 * through Twilio (WHATSAPP_FROM set) and the generic transcript route (VOICE_WEBHOOK_SECRET set).
 * They share one Twilio client and one rate limiter. No network call happens here.
 */
export function createPhoneChannels(deps: PhoneChannelDeps): (ChannelSender & { router: Router })[] {
  const { config } = deps;
  const channels: (ChannelSender & { router: Router })[] = [];
  const limiter = createRateLimiter(deps.state);
  const client = config.twilio ? createTwilioClient(config.twilio) : undefined;
  if (config.twilio && client) {
    channels.push(createTwilioSmsChannel({ ...deps, client, limiter }));
    channels.push(createTwilioVoiceChannel({ ...deps, client, limiter }));
  }
  if (config.whatsapp) {
    channels.push(createTwilioWhatsAppChannel({ ...deps, client: client ?? createTwilioClient(config.whatsapp), limiter }));
  }
  if (config.voiceWebhookSecret) {
    const textCaller =
      config.twilio && client
        ? createSmsFallback({ client, settings: config.twilio, store: deps.store, t: deps.t, statusCallback: config.http.publicUrl + SMS_STATUS_PATH })
        : undefined;
    channels.push(createVoiceTranscriptChannel({ ...deps, limiter, textCaller }));
  }
  return channels;
}
