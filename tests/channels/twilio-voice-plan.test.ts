/**
 * What a phone turn does next (shared by Twilio Voice and the generic transcript route), with
 * the real locale files: emergency with and without a nurse line, a request for a person,
 * numbered options said aloud, and callers ending the call in four languages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isGoodbye, planVoiceTurn, type VoicePlanContext } from '../../channels/twilio-voice/voice-plan.js';
import { createI18n } from '../../src/i18n.js';
import type { Reply } from '../../src/message.js';

let ctx: VoicePlanContext;
beforeAll(async () => {
  const i18n = await createI18n({ clinicName: 'Riverside Family Health', emergencyNumber: '911', crisisLine: '988' });
  ctx = { t: (l) => i18n.getFixedT(l), fallbackLanguage: 'en', spell: ['911', '988'] };
});

const bot = (text: string, extra: Partial<Reply> = {}): Reply => ({ role: 'bot', language: 'en', text, ...extra });
const emergency = { urgency: 'emergency' as const, reason: 'emergency', escalate: true };

describe('planVoiceTurn', () => {
  it('says the emergency instructions first, then transfers to the nurse line', () => {
    const plan = planVoiceTurn([bot('Call 911 now. Chew an aspirin if you are not allergic.')], emergency, { ...ctx, nurseLine: '+14155550199' });
    expect(plan).toMatchObject({ action: 'transfer', transferTo: '+14155550199', emergency: true });
    expect(plan.speech).toMatch(/^Call 9 1 1 now\. .*connecting you with a nurse now/);
  });

  it('without a nurse line tells the caller to hang up and call the emergency number', () => {
    const plan = planVoiceTurn([bot('This sounds like an emergency.', { language: 'es', text: 'Esto parece una emergencia.' })], emergency, ctx);
    expect(plan).toMatchObject({ action: 'hangup', language: 'es' });
    expect(plan.speech).toBe('Esto parece una emergencia. Por favor, cuelgue ahora y llame al 9 1 1.');
    expect(plan.transferTo).toBeUndefined();
  });

  it('transfers a request for a person when there is a line, and explains when there is none', () => {
    const asked = { urgency: 'routine' as const, reason: 'human_request', escalate: true };
    expect(planVoiceTurn([bot('A nurse will help you.')], asked, { ...ctx, nurseLine: '+14155550199' }).action).toBe('transfer');
    const none = planVoiceTurn([bot('A nurse will help you.')], asked, ctx);
    expect(none.action).toBe('continue');
    expect(none.speech).toMatch(/can't connect you to a nurse on this call/);
  });

  it('follows a reply that asks for a transfer to a given number', () => {
    const plan = planVoiceTurn([bot('Transferring you to billing.', { voice: { action: 'transfer', transferTo: '+14155550123' } })], undefined, ctx);
    expect(plan).toMatchObject({ action: 'transfer', transferTo: '+14155550123' });
  });

  it('says numbered options instead of asking "anything else?"', () => {
    const plan = planVoiceTurn([bot('Hello!', { actions: [{ title: 'opening hours', value: 'When are you open?' }] })], undefined, ctx);
    expect(plan.speech).toBe('Hello! For opening hours, say or press 1.');
    expect(plan.options).toEqual([{ n: 1, title: 'opening hours', value: 'When are you open?' }]);
    expect(planVoiceTurn([bot('We open at 8.')], undefined, ctx).speech).toBe('We open at 8. Is there anything else I can help you with?');
  });

  it('introduces a nurse’s message in the caller’s language', () => {
    const plan = planVoiceTurn([{ role: 'nurse', language: 'hi', text: 'आपकी रिपोर्ट सामान्य है।', senderName: 'Priya' }], undefined, { ...ctx, askAnythingElse: false });
    expect(plan.speech).toBe('नर्स Priya की ओर से आपके लिए एक संदेश है। आपकी रिपोर्ट सामान्य है।');
    expect(plan.language).toBe('hi');
  });
});

describe('isGoodbye', () => {
  it('recognises a caller ending the call in the four languages', () => {
    for (const s of ['Bye!', 'No, thank you. Goodbye.', "That's all, thanks", 'No, gracias. Adiós.', 'Eso es todo', '再见', '不用了，谢谢', 'बस इतना ही, धन्यवाद', 'अलविदा']) {
      expect([s, isGoodbye(s)]).toEqual([s, true]);
    }
  });

  it('does not end a call on a question that merely contains a farewell word', () => {
    for (const s of ['Thanks', 'no', 'I want to say goodbye to this cough', 'Adiós al dolor de cabeza, ¿cómo?', 'When do you close?']) {
      expect([s, isGoodbye(s)]).toEqual([s, false]);
    }
  });
});
