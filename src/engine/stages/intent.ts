import type { Middleware } from '../pipeline.js';
import type { TurnContext } from '../context.js';
import { yesNo } from '../../safety/screening.js';
import { normalise, tokenise } from '../../safety/text.js';

/** A reply to "anything else?" this short is an answer to it ("no thanks", "没有了"), not a new question. */
const BARE_ANSWER_TOKENS = 4;

const GREETING = /^(hi+|hello|hey|hiya|good (morning|afternoon|evening)|hola|buen[oa]s( d[ií]as| tardes| noches)?|saludos|你好|您好|早上好|晚上好|嗨|नमस्ते|नमस्कार|namaste|namaskar|\/start)( ji)?[\s!.,¡。！]*$/iu;
const HELP = /^(\/help|help|help me|menu|ayuda|\/ayuda|帮助|帮忙|help karo|madad|मदद|सहायता)[\s!.?¡¿。！？]*$|^\?$/iu;
const THANKS = /^(thanks?( you)?|thank u|thx|ok(ay)?( thanks?)?|gracias|muchas gracias|谢谢|多谢|धन्यवाद|शुक्रिया|dhanyavad|dhanyawad|shukriya|thank you ji)[\s!.¡。！]*$/iu;

/** Small talk the bot answers without the knowledge base: greetings, help, thanks. */
export function intentStage(): Middleware<TurnContext> {
  return async (ctx, next) => {
    const text = ctx.message.text.trim();
    // "Anything else I can help you with?" "No": a goodbye, not a search for "no". "Yes": ask what.
    const asked = ctx.state.offer === 'more';
    if (asked) delete ctx.state.offer;
    // Only a bare answer: "yes, how do I pay my bill?" is the question itself.
    const answer = asked && ctx.message.kind !== 'postback' && tokenise(normalise(text)).length <= BARE_ANSWER_TOKENS ? yesNo(text) : undefined;
    if (answer === 'no' || answer === 'yes') {
      ctx.reply(ctx.t(answer === 'no' ? 'thanksDone' : 'thanksMore'), answer === 'yes' ? { actions: helpActions(ctx) } : {});
      ctx.result.handledBy = 'thanks';
      return;
    }
    if (GREETING.test(text)) {
      ctx.reply(ctx.t('greeting'), { actions: helpActions(ctx) });
      ctx.result.handledBy = 'greeting';
      return;
    }
    if (HELP.test(text)) {
      ctx.reply(ctx.t('help'), { actions: helpActions(ctx) });
      ctx.result.handledBy = 'help';
      return;
    }
    if (THANKS.test(text)) {
      ctx.reply(ctx.t('thanks'));
      ctx.state.offer = 'more';
      ctx.result.handledBy = 'thanks';
      return;
    }
    await next();
  };
}

function helpActions(ctx: TurnContext) {
  return [
    { title: ctx.t('actions.hours'), value: ctx.t('actions.hoursQuery') },
    { title: ctx.t('actions.appointment'), value: ctx.t('actions.appointmentQuery') },
    { title: ctx.t('actions.refill'), value: ctx.t('actions.refillQuery') },
  ];
}
