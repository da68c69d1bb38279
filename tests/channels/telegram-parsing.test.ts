import { describe, expect, it } from 'vitest';
import { idString, parseJsonKeepingBigIntegers } from '../../channels/telegram/json.js';
import { inlineKeyboard, parseCallbackData } from '../../channels/telegram/keyboard.js';
import { classifyUpdate as classifyTyped, normaliseCommand, type TgUpdate } from '../../channels/telegram/updates.js';
import { photoUpdate, stickerUpdate, textUpdate } from '../fakes/telegram-server.js';

describe('raw JSON with 64-bit ids', () => {
  it('keeps integers a double cannot hold as exact strings and leaves everything else alone', () => {
    const raw = String.raw`{"a":9223372036854775807,"b":-9007199254740993,"c":[1,2.5,-3e5,12345678901234567890],"s":"9223372036854775807 \"99999999999999999999\"","n":-1001234567890123}`;
    expect(parseJsonKeepingBigIntegers(raw)).toEqual({
      a: '9223372036854775807',
      b: '-9007199254740993',
      c: [1, 2.5, -3e5, '12345678901234567890'],
      s: '9223372036854775807 "99999999999999999999"',
      n: -1001234567890123,
    });
    expect(() => parseJsonKeepingBigIntegers('{"a":')).toThrow(SyntaxError);
  });

  it('reads ids exactly either way', () => {
    expect(idString(-1001234567890123)).toBe('-1001234567890123');
    expect(idString('9223372036854775807')).toBe('9223372036854775807');
    expect(idString(1.5)).toBeUndefined();
    expect(idString('12a')).toBeUndefined();
  });
});

describe('commands', () => {
  it('maps what the engine understands and leaves other text alone', () => {
    expect(normaliseCommand('/start')).toBe('/start');
    expect(normaliseCommand('/start qr_poster-2')).toBe('/start');
    expect(normaliseCommand('/start ¿A qué hora abren?')).toBe('¿A qué hora abren?');
    expect(normaliseCommand('/HELP')).toBe('/help');
    expect(normaliseCommand('/lang  es ')).toBe('/lang es');
    expect(normaliseCommand('/help@CareRelayBot', 'carerelaybot')).toBe('/help');
    expect(normaliseCommand('/help@other_bot', 'carerelaybot')).toBeUndefined();
    expect(normaliseCommand('when are you open?')).toBe('when are you open?');
  });
});

// Updates arrive as parsed JSON; the fake's builders type them a little differently.
const classifyUpdate = (update: unknown) => classifyTyped(update as TgUpdate);

describe('update classification', () => {
  it('sorts updates into text, media, callbacks and the ones to ignore', () => {
    expect(classifyUpdate(textUpdate({ updateId: 1, chatId: 5, userId: 5, text: 'hi', languageCode: 'hi' }))).toMatchObject({
      kind: 'text',
      text: 'hi',
      sender: { chatId: '5', userId: '5', chatType: 'private', languageCode: 'hi' },
    });
    expect(classifyUpdate(stickerUpdate({ updateId: 2, chatId: -1001234567890123, userId: 5 }))).toMatchObject({ kind: 'media', media: 'sticker', sender: { chatId: '-1001234567890123', chatType: 'supergroup' } });
    expect(classifyUpdate(photoUpdate({ updateId: 3, chatId: 5, userId: 5, caption: 'my rash' }))).toMatchObject({ kind: 'media', media: 'photo', caption: 'my rash' });
    const voice = { update_id: 4, message: { message_id: 9, chat: { id: 5, type: 'private' }, date: 1, voice: { file_id: 'x', duration: 3 } } };
    expect(classifyUpdate(voice)).toMatchObject({ kind: 'media', media: 'voice' });
    const joined = { update_id: 5, message: { message_id: 10, chat: { id: -5, type: 'group' }, date: 1, new_chat_members: [] } };
    expect(classifyUpdate(joined)).toMatchObject({ kind: 'ignore', why: 'service_message' });
    expect(classifyUpdate({ update_id: 6, edited_message: { message_id: 1, chat: { id: 5 }, text: 'x' } })).toMatchObject({ kind: 'ignore', why: 'edited_message' });
    expect(classifyUpdate({ update_id: 7, channel_post: { message_id: 1, chat: { id: -100 }, text: 'x' } })).toMatchObject({ kind: 'ignore' });
    expect(classifyUpdate({ update_id: 8, my_chat_member: {} })).toMatchObject({ kind: 'ignore', why: 'my_chat_member' });
    const fromBot = { update_id: 9, message: { message_id: 1, chat: { id: -5 }, from: { id: 1, is_bot: true }, text: 'beep' } };
    expect(classifyUpdate(fromBot)).toMatchObject({ kind: 'ignore', why: 'from_bot' });
  });
});

describe('inline keyboard', () => {
  it('fits callback_data in 64 bytes whatever the language of the value', () => {
    const value = 'मुझे अपनी दवा की पर्ची दोबारा कैसे मिलेगी? कृपया पूरी जानकारी दीजिए।';
    expect(Buffer.byteLength(value)).toBeGreaterThan(64);
    const keyboard = inlineKeyboard('123456789012345', [{ title: 'दवा', value }]);
    const data = keyboard.inline_keyboard[0]![0]!.callback_data;
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(parseCallbackData(data)).toEqual({ messageId: 123456789012345, index: 0 });
    expect(parseCallbackData('a:1:x')).toBeUndefined();
  });
});
