import { ActionTypes, ActivityTypes, CardFactory, TurnContext, type Activity, type CardAction } from 'botbuilder';
import type { TFunction } from '../../src/i18n.js';
import type { OutboundMessage } from '../../src/message.js';
import { profiles, renderReply } from '../../src/render/index.js';

/** What an inbound message activity says, with Teams' "@CareRelay" mention of the bot taken out. */
export function activityText(activity: Activity): string {
  const withoutMention = activity.entities?.some((e) => e.type === 'mention') ? TurnContext.removeRecipientMention(activity) : activity.text;
  return (withoutMention ?? '').trim();
}

/**
 * A reply as one message activity (markdown, which Teams, Web Chat and the Emulator render).
 * Actions become buttons that post their value back as the user's message (imBack): suggested
 * actions where the channel shows them, a hero card on Teams, whose group chats have no
 * suggested actions.
 */
export function replyActivity(message: OutboundMessage, channelId: string | undefined, t?: TFunction): Partial<Activity> {
  const signed =
    message.role === 'nurse' && message.senderName && t ? { ...message, text: `**${t('channels:botframework.nurseSays', { name: message.senderName })}**\n\n${message.text}` } : message;
  const rendered = renderReply(signed, profiles.botframework, t ? { t } : {});
  const buttons: CardAction[] = rendered.actions.map((a) => ({ type: ActionTypes.ImBack, title: a.title, value: a.value }));
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    text: rendered.chunks.join('\n\n'),
    textFormat: 'markdown',
    locale: message.language,
  };
  if (!buttons.length) return activity;
  if (channelId === 'msteams') return { ...activity, attachments: [CardFactory.heroCard('', undefined, buttons)] };
  return { ...activity, suggestedActions: { to: [], actions: buttons } };
}
