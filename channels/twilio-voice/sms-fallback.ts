/**
 * When a caller can no longer hear us (the call ended), what we owe them goes by text message
 * from TWILIO_FROM_NUMBER — unless the number opted out of SMS, which is final until START.
 */
import type { TFunction } from '../../src/i18n.js';
import type { Language } from '../../src/language/languages.js';
import type { Reply } from '../../src/message.js';
import { PermanentDeliveryError } from '../../src/outbox/outbox.js';
import type { Store } from '../../src/store/store.js';
import { classifyTwilioError, type TwilioClient, type TwilioSettings } from '../twilio-client.js';
import { renderSms } from '../twilio-sms/render-sms.js';

export interface SmsFallbackOptions {
  client: TwilioClient;
  settings: TwilioSettings;
  store: Store;
  t(language: Language): TFunction;
  /** Where Twilio reports delivery (the SMS status route), so failures retry like any SMS. */
  statusCallback: string;
}

export type SmsFallback = (to: string, replies: Reply[]) => Promise<string | undefined>;

export function createSmsFallback({ client, settings, store, t, statusCallback }: SmsFallbackOptions): SmsFallback {
  return async (to, replies) => {
    if ((await store.contacts.find('sms', to))?.optedOutAt) throw new PermanentDeliveryError('caller opted out of SMS');
    let firstSid: string | undefined;
    for (const reply of replies) {
      for (const body of renderSms(reply, t(reply.language)).chunks) {
        try {
          const sent = await client.messages.create({ to, from: settings.fromNumber, body, statusCallback });
          firstSid ??= sent.sid;
        } catch (err) {
          throw classifyTwilioError(err);
        }
      }
    }
    return firstSid;
  };
}
