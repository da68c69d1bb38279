/** Whose emergency a message describes, for the first-aid line: the writer's, or someone they are helping. */
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/language/languages.js';
import { aboutSomeoneElse, crisisOfSomeoneElse } from '../../src/safety/subject.js';
import { normalise } from '../../src/safety/text.js';

const read = (text: string, language: Language, pregnancy = false) => aboutSomeoneElse(normalise(text), language, pregnancy);

describe('aboutSomeoneElse', () => {
  it.each<[Language, string]>([
    ['en', 'my dad has crushing chest pain and is sweating'],
    ['en', "Grandma's lips look blue and she's really short of breath"],
    ['en', 'toddler has croup n now makin this screechy noise breathin in'],
    ['en', 'mi bebé de 2 meses is breathing super fast'],
    ['es', 'a mi papá le duele el pecho y está sudando frío'],
    ['es', 'la guagua hace pausas al respirar'],
    ['zh', '我爸刚才突然说下巴酸疼，一直出汗'],
    ['zh', '我女兒六週大，剛剛呼吸停了好幾秒'],
    ['hi', 'papa hawa ke liye muh khol ke haanf rahe'],
    ['hi', 'मेरे पापा के सीने में तेज़ दर्द है'],
    ['hi', 'husband ko upper back aur left arm me pain, cold sweat'],
  ])('%s: someone else in "%s"', (language, text) => {
    expect(read(text, language)).toBe(true);
  });

  it.each<[Language, string]>([
    ['en', 'I have crushing chest pain and I\u2019m sweating'],
    ['en', 'im having a heart attack i think. pain in chest n arm'],
    // The writer's own body outweighs the family they name.
    ['en', 'my husband thinks I overreact but my chest feels like it is in a vice'],
    ['en', 'been cuttin again, dont want my mum to know'],
    ['es', 'me duele mucho el pecho y estoy sudando'],
    ['zh', '我胸口压着疼了一个小时'],
    ['hi', 'mujhe seene mein bahut dard ho raha hai'],
    ['hi', 'मुझे लगता है हार्ट अटैक है, मेरा सीना जकड़ गया'],
  ])('%s: the writer in "%s"', (language, text) => {
    expect(read(text, language)).toBe(false);
  });

  it('in a pregnancy, "the baby" is the one not yet born; a partner writing is someone else', () => {
    expect(read("35wks n bubs hasnt moved much since this morn", 'en', true)).toBe(false);
    expect(read('孕35周 宝宝今天几乎没动', 'zh', true)).toBe(false);
    expect(read('my wife is 36 weeks and her face and hands have swollen up', 'en', true)).toBe(true);
    expect(read('我老婆孕33周，头痛很严重，脸和手都肿了', 'zh', true)).toBe(true);
  });
});

describe('crisisOfSomeoneElse', () => {
  const crisis = (text: string, language: Language) => crisisOfSomeoneElse(normalise(text), language);
  it.each<[Language, string]>([
    ['en', 'my brother says he wants to kill himself'],
    ['en', 'my son is suicidal and has pills hidden in his room'],
    ['es', 'mi hija se quiere matar, qué hago'],
    ['zh', '他说他不想活了，一直在哭'],
    ['hi', 'meri saheli keh rahi hai ki wo khud ko khatam kar legi aaj raat'],
  ])('%s: told of someone else in "%s"', (language, text) => {
    expect(crisis(text, language)).toBe(true);
  });

  it.each<[Language, string]>([
    // The writer at risk, whoever else they name: the reply for them.
    ['en', 'i want to kill myself, my mom doesnt know'],
    ['en', 'my mom yells at me and i want to die'],
    ['en', 'my brother says he wants to kill himself and honestly so do i, i want to end my life too'],
    ['es', 'me quiero matar, mi mamá no sabe'],
    ['zh', '我不想活了，我妈妈不知道'],
    ['hi', 'main khud ko khatam kar lunga, papa ko mat batana'],
  ])('%s: the writer in "%s"', (language, text) => {
    expect(crisis(text, language)).toBe(false);
  });
});
