import type { TFunction } from '../../src/i18n.js';
import type { Reply } from '../../src/message.js';
import { profiles, renderReply, type ChannelProfile, type RenderedReply } from '../../src/render/index.js';

/**
 * A reply as SMS text (or another Twilio messaging channel's, given its profile): a nurse's words
 * carry their name, then the shared renderer splits and numbers.
 */
export function renderSms(reply: Reply, t: TFunction, profile: ChannelProfile = profiles.sms): RenderedReply {
  const text =
    reply.role === 'nurse'
      ? reply.senderName
        ? t('channels:sms.nurseMessage', { name: reply.senderName, text: reply.text })
        : t('channels:sms.nurseMessageUnnamed', { text: reply.text })
      : reply.text;
  return renderReply({ ...reply, text }, profile, { t });
}
