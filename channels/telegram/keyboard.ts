import type { SuggestedAction } from '../../src/message.js';

/** Telegram refuses callback_data over 64 bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/**
 * Inline buttons carry a reference, not the action's value: values are sentences in any of
 * four scripts and easily pass 64 bytes. `a:<stored message id>:<index>` always fits, and
 * the value is read back from the stored reply (PostgreSQL), so buttons keep working
 * after a restart.
 */
export function inlineKeyboard(messageId: string, actions: SuggestedAction[]) {
  return {
    inline_keyboard: actions.map((action, index) => {
      const data = `a:${messageId}:${index}`;
      if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) throw new Error('callback_data too long');
      return [{ text: action.title, callback_data: data }];
    }),
  };
}

export function parseCallbackData(data: string): { messageId: number; index: number } | undefined {
  const match = /^a:(\d{1,15}):(\d{1,2})$/.exec(data);
  return match ? { messageId: Number(match[1]), index: Number(match[2]) } : undefined;
}
