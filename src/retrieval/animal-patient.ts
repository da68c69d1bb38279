/**
 * A question about the patient's own animal ("can my cat get a flu shot at your clinic", "mi perro
 * tiene el ojo rojo", "我家仓鼠牙太长了", "meri billi ko ulti"): a clinic for people cannot help, however
 * many of the knowledge base's words it shares (a flu shot, an eye drop). A person bitten,
 * scratched or made allergic by an animal is a patient, and is answered. "horse" and "pet" are
 * not on the list ("my horse voice", "my PET scan"), nor is a CAT scan an animal.
 */
const ANIMALS = {
  latin: [
    'dog', 'dogs', 'doggy', 'puppy', 'pup', 'cat', 'cats', 'kitten', 'kitty', 'hamster', 'rabbit', 'bunny', 'parrot', 'budgie',
    'bird', 'guinea pig', 'ferret', 'turtle', 'tortoise', 'goldfish', 'puppies', 'kittens',
    'perro', 'perros', 'perrito', 'perrita', 'perra', 'gato', 'gatos', 'gatito', 'gatita', 'gata', 'mascota', 'mascotas', 'hamster', 'hámster',
    'conejo', 'conejito', 'loro', 'perico', 'periquito', 'caballo', 'pajarito', 'tortuga',
    'kutta', 'kutte', 'kuttiya', 'kutiya', 'billi', 'billiyan', 'tota', 'khargosh', 'ghoda', 'ghodi',
  ],
  other: ['狗', '狗狗', '小狗', '猫', '猫咪', '小猫', '宠物', '仓鼠', '兔子', '鹦鹉', '乌龟', '金鱼', 'कुत्ता', 'कुत्ते', 'कुतिया', 'बिल्ली', 'तोता', 'खरगोश', 'घोड़ा', 'पालतू'],
};
const OWN_LATIN = ['my', 'our', 'mi', 'mis', 'nuestro', 'nuestra', 'nuestros', 'mera', 'meri', 'mere', 'hamara', 'hamari', 'hamare', 'apna', 'apni'];
const OWN_OTHER = ['我家', '我的', '我们家', '家里的', '家里', '我养的', 'मेरा', 'मेरी', 'मेरे', 'हमारा', 'हमारी', 'हमारे'];
// A person hurt or made ill by an animal is our patient.
// (Word edges by letter, not \b, which knows no accented letters: "arañó", "hámster".)
const PERSON_HARMED =
  /(?<!\p{L})(?:bit|bite|bites|biting|bitten|scratch\p{L}*|attack\p{L}*|lick\p{L}*|allerg\p{L}*|rabies|mord\p{L}*|arañ\p{L}*|aran\p{L}*|rasguñ\p{L}*|alergi\p{L}*|rabia|kaat\p{L}*|kata|noch\p{L}*)(?!\p{L})|咬|抓伤|抓了|过敏|狂犬|काट|नोच|एलर्जी|रेबीज/iu;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN_OWNED = new RegExp(`(?<!\\p{L})(?:${OWN_LATIN.join('|')})\\s+(?:(?:little|old|new|sick|young|pequeño|pequeña|viejo|vieja)\\s+)?(?:${ANIMALS.latin.map(escape).join('|')})(?!\\p{L})`, 'iu');
const OTHER_OWNED = new RegExp(`(?:${OWN_OTHER.join('|')})\\s*(?:的\\s*)?(?:${ANIMALS.other.join('|')})`, 'u');

// A CAT or PET scan is an X-ray of a person.
const SCAN = /(?<!\p{L})(?:cat|pet)\s+scans?(?!\p{L})/iu;

export function isAboutAnimal(text: string): boolean {
  if (PERSON_HARMED.test(text) || SCAN.test(text)) return false;
  return LATIN_OWNED.test(text) || OTHER_OWNED.test(text);
}
