import type { Language } from '../language/languages.js';

/**
 * Words that carry no topic on their own. Kept short on purpose: BM25 already discounts
 * common words, these only stop two-word questions from matching on "how do I".
 */
const words = (s: string) => s.split(/\s+/).filter(Boolean);

export const LATIN_STOPWORDS: Record<Language, Set<string>> = {
  en: new Set(
    words(`a an the i me my mine myself we our us you your yours he him his she her it its they them their
    is are was were be been being am do does did doing done have has had having can could would should will shall
    may might must to of in on at by for with from as about into onto over than then there here this that these
    those what whats which who whom whose when where why how and or but if so not no yes just also very really
    please pls plz thanks thank thx hi hello hey im ive id ill youre dont cant wont didnt doesnt isnt u r ur ok okay
    any some much many like need needs want wants know think tell get gets got getting go going still now ya yall guys`),
  ),
  es: new Set(
    words(`el la los las un una unos unas lo de del al a y o e u que en por para con sin mi mis tu tus su sus me te
    se le les nos es son ser era fue esta estan estoy estas este esto eso esa ese estos esas soy eres hay como cuando
    donde cual cuales quien cuanto cuanta muy mas pero si no ya yo tu usted ustedes tengo tiene tienen tienes puedo
    puede pueden hacer hago necesito quiero quisiera favor porfa hola buenas buenos buen dia dias tardes noches
    gracias tan todo toda todos algo alguien nada ni tambien aqui alli ahi entonces pues bueno oiga disculpe ok`),
  ),
  // Romanised Hindi function words; Devanagari ones are in DEVANAGARI_STOPWORDS.
  hi: new Set(
    words(`hai hain h he hu hun hoon ho hota hoti hote tha thi the ka ki ke ko se me mein mai main mujhe mujhko
    mera meri mere humein hum hamara hamari aap aapka aapki aapke aapko tum tumhara kya kaise kab kahan kaha kaun
    koi kuch ek nahi nahin nhi na bhi to toh hi aur ya ab abhi karna karni karne karu karun karoon kare karen karo
    kar sakte sakta sakti sakti chahiye raha rahi rahe liye lie wala wali wale pe par please plz ji bhai batao
    bataiye bataye bata do de dijiye hua hui huye gaya gayi gaye jata jati jaate`),
  ),
  zh: new Set<string>(),
};

const DEVANAGARI = words(`है हैं हूँ हूं हो था थी थे का की के को से में पर और या भी तो ही क्या कैसे कब कहाँ कहां
  मैं मेरा मेरी मेरे मुझे हम हमें हमारा आप आपका आपकी आपके आपको यह वह ये वो इस उस इसे उसे कोई कुछ एक नहीं न करना करनी
  करने करें करूँ करूं करू कर सकता सकती सकते चाहिए जा रहा रही रहे हुआ हुई गया गई गए लिए वाला वाले वाली होता होती
  होते जाता जाती जाते जी कृपया बताएं बताइए बताओ दें दीजिए अब अभी`);

// Single characters and words that say nothing about a topic in a Chinese question.
export const HAN_STOP_CHARS = new Set([...'的了吗呢啊吧呀嘛哦么我你他她它们是在有和就都也要会能还个这那么什怎哪谁几多不没得地着过给让把被为与及或很太更最又再才']);
export const HAN_STOPWORDS = new Set(
  words(`我们 你们 他们 她们 什么 怎么 怎么办 怎样 如何 可以 是不是 有没有 一下 一个 这个 那个 还是 因为 所以 如果 要不要
  能不能 可不可以 行不行 好不好 请问 你好 您好 谢谢 麻烦 现在 已经 还有 就是 然后 但是 或者 我的 你的 我要 我想 想要 需要
  应该 知道 觉得 一点 一些 有点 大概 比较 这样 那样 这里 那里 多少`),
);

/** Devanagari stop words, normalised the same way as the index (see tokenize.ts). */
export function devanagariStopwords(normalise: (w: string) => string): Set<string> {
  return new Set(DEVANAGARI.map(normalise));
}
