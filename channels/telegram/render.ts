import type { TFunction } from '../../src/i18n.js';
import type { OutboundMessage, SuggestedAction } from '../../src/message.js';
import { profiles, renderReply } from '../../src/render/index.js';

/**
 * A reply as Telegram messages: plain text (no parse_mode, so nothing needs escaping), split
 * on sentence boundaries under 4,096 code points by the shared renderer, with the actions
 * left for an inline keyboard. A nurse's reply says who wrote it.
 */
export function renderForTelegram(message: OutboundMessage, t?: TFunction): { parts: string[]; actions: SuggestedAction[] } {
  const signed = message.role === 'nurse' && message.senderName && t ? { ...message, text: `${t('channels:telegram.nurseSays', { name: message.senderName })}\n${message.text}` } : message;
  const rendered = renderReply(signed, profiles.telegram, t ? { t } : {});
  return { parts: rendered.chunks, actions: rendered.actions };
}
