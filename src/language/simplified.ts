import { Converter } from 'opencc-js/t2cn';

/**
 * Traditional Chinese (Taiwan, Hong Kong) folded to Simplified, with OpenCC's Taiwan phrase
 * dictionaries (opencc-js): "心臟病發作" reads as "心脏病发作", "睡著" as "睡着". The rules,
 * the classifier and the knowledge base are written in Simplified; a patient writing
 * Traditional should not have to be matched character by character. Cantonese words (冇, 唔, 佢)
 * are left as they are. Text without a Han character is returned untouched, at no cost.
 */
const toCn = Converter({ from: 'tw', to: 'cn' });
const HAN = /\p{Script=Han}/u;

export function toSimplified(text: string): string {
  return HAN.test(text) ? toCn(text) : text;
}
