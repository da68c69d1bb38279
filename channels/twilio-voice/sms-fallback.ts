/**
 * When a caller can no longer hear us (the call ended), what we owe them goes by text message
 * from TWILIO_FROM_NUMBER — unless the number opted out of SMS, which is final until START.
 */
import { PermanentDeliveryError, type Inbound, type Reply } from '../../src/channel/contract.js';
import type { TFunction } from '../../src/i18n.js';
import type { Language } from '../../src/language/languages.js';
import { classifyTwilioError, type TwilioClient, type TwilioSettings } from '../twilio-client.js';
import type { ChannelProfile } from '../../src/render/index.js';
import { renderSms } from '../twilio-sms/render-sms.js';

export interface SmsFallbackOptions {
  client: TwilioClient;
  settings: TwilioSettings;
  t(language: Language): TFunction;
  /** The SMS profile (smsProfile(SMS_UNICODE_ANSWER_SEGMENTS)); the default one when absent. */
  profile?: ChannelProfile;
  /** Where Twilio reports delivery (the SMS status route), so failures retry like any SMS. */
  statusCallback: string;
}

/** Texts `replies` to `to`; `contacts` (the calling channel's port) says whether the number opted out of SMS. */
export type SmsFallback = (to: string, replies: Reply[], contacts: Pick<Inbound, 'contact'>) => Promise<string | undefined>;

export function createSmsFallback({ client, settings, t, statusCallback, profile }: SmsFallbackOptions): SmsFallback {
  return async (to, replies, contacts) => {
    if ((await contacts.contact(to, 'sms'))?.optedOut) throw new PermanentDeliveryError('caller opted out of SMS');
    let firstSid: string | undefined;
    for (const reply of replies) {
      for (const body of renderSms(reply, t(reply.language), profile).chunks) {
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
