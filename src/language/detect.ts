import { francAll } from 'franc-min';
import type { Language } from './languages.js';

export interface Detection {
  language: Language;
  /** 0..1: how sure. Short or mixed text is less sure; callers keep the conversation's language below ~0.5. */
  confidence: number;
  /** Hindi typed in Latin letters. */
  romanised: boolean;
}

const HAN = /\p{Script=Han}/gu;
const DEVANAGARI = /\p{Script=Devanagari}/gu;
const LATIN = /\p{Script=Latin}/gu;

// Words that mark romanised Hindi; each is rare in English and Spanish text.
const HINDI_ROMAN = new Set(
  `hai hain hoon hu hun mujhe mujhko mera meri mere mujhse hume humein hamara hamari aap aapka aapki aapko tum tumhara
  kya kyu kyun kyon kaise kaisa kaisi kab kahan kahaan kitna kitne kitni kaun kisko nahi nahin nhi mat bhi aur lekin
  ho hota hoti hote gaya gayi gaye raha rahi rahe tha thi the karna karni karne karu karun karoon karo kijiye chahiye
  chahta chahti sakta sakti sakte milna milega milegi mil dena dijiye batao bataiye bataye bata abhi kal aaj jaldi
  bahut bohot thoda zyada jyada accha acha achha theek thik haan ha ji bhai beta beti bachcha bachche bacha pet sir
  dard bukhar bukhaar dawai dawa davai davaai tika teeka khansi zukam jukam sardi ulti chakkar saans sans seena
  khoon pani khana neend ilaaj ilaj aspatal hospital wala wali wale liye lie ke ki ka ko se mein main me pe par ek do
  hoga hogi hoge kuch koi sab sabhi jab tab agar toh to yeh ye woh wo unka unki uska uski apna apni apne
  kaise kese kisse kisko kiski kiska kise isko usko iska iski inka inki humko hamko tumko aapne maine humne
  bharu bharna bhar bhej bhejo bhejna bhejiye bhejdo dikha dikhana dikhao dikhaye lagta lagti lagte lagega lagegi
  lena leni lene lelo lijiye lu loon du doon dena dedo karwana karwani karaya karvana batana batayein samajh
  raat subah shaam dopahar din hafte hafta mahina mahine saal baje waqt samay der jaldi pehle baad saath
  baat bat salah sawal jawab jankari jaankari matlab taklif takleef pareshani dikkat madad zarurat zaroorat
  purani purana purane naya nayi naye dusre dusra dusri doosre bada badi chota choti thik sahi galat kharab
  dawaiyan dawaiya goliyan goli parchi khatam band khula khuli chalu ghar bahar andar upar neeche
  fekein fenk phenk rakhe rakhna rakhen rakho rahta rehta rehti rahega rahegi jaye jaaye jayega jaungi jaunga
  paunga paungi sakta sakti sakte sake milta milti milega milegi chahta chahti chahte chahiye kyunki isliye
  lekin magar phir fir abhi tak wapas`.split(/\s+/),
);
// Of those, the ones that are also ordinary English or Spanish words count only with company.
const HINDI_AMBIGUOUS = new Set(['me', 'main', 'to', 'do', 'he', 'ha', 'mat', 'pet', 'sir', 'ek', 'par', 'pe', 'ho', 'se', 'ki', 'ka', 'ke', 'ko', 'mil', 'kal', 'hospital', 'sab', 'tab', 'jab', 'bata', 'beta', 'pani', 'ye', 'wo', 'toh', 'koi', 'hu', 'ji', 'bhai', 'band', 'din', 'der', 'bat', 'bhar', 'fir', 'bada', 'sake', 'lu', 'du', 'lena', 'dena', 'sahi', 'tak', 'baje', 'saath', 'galat', 'phir', 'rakho']);

const SPANISH = new Set(
  `el la los las de del que y en un una unos unas por para con sin mi mis tu su sus es son esta está estoy están
  tengo tiene tienen hay como cómo que qué donde dónde cuando cuándo cuanto cuánto por porque hola buenas buenos
  días dias tardes noches gracias necesito quiero puedo puede pueden hacer hago sé se lo le les me te nos muy más
  mas pero también tambien ya no sí si al cita citas médico medico doctora receta recetas medicina medicinas
  pastillas dolor fiebre gripa gripe tos vacuna hijo hija bebé bebe mamá papá ayuda ayudar favor quisiera dónde
  horario abren cierran cuesta pagar seguro llamar mañana manana hoy ayer semana
  aceptan acepta tienen puedo pueden sirve funciona trabajo parches nuevo nueva viejo despues antes desde
  ultimo proximo otra otro otros vez veces entonces aqui ahi alla tambien porque siento duele mejor peor
  cansado enfermo enferma todavia nomas ahorita ustedes usted ella ellos nosotros hacer tomar llevar`.split(/\s+/),
);
const ENGLISH = new Set(
  `the a an i my me is are was were be been am to of and or in on at for with without from can could would should
  will do does did have has had how what when where why who which you your it its this that there their they we
  our us please thanks thank hello hi hey need want get got help doctor appointment prescription refill medicine
  pain fever cough shot vaccine son daughter baby kid kids mom dad call pay insurance bill today tomorrow yesterday
  week open close closed hours not no yes about just really still any some
  accept accepts take takes work works working patch patches need needs new old get gets my mine much many
  after before since last next out off over again than then there here very too also if but so because
  bring send sent keep stop start feel feeling sick worse better tired hurt hurts sore still wont dont cant
  didnt doesnt isnt im ive id youre thats whats theres`.split(/\s+/),
);

// Future and polite verb forms: aaunga, karoge, dijiye, jayega, wala.
const HINDI_VERB_ENDING = /^[a-z]{2,}(?:unga|ungi|oge|ogi|iye|ayega|ayegi|wala|wali|wale)$/;

// English function words: what makes a sentence English rather than Hindi with English nouns in it.
const ENGLISH_GRAMMAR = new Set(
  `the a an i my me is are was were be been am to of and or in on at for with from can could would should will
  do does did have has had how what when where why who which you your it its this that there their they we our us
  not no yes please if but so than then just about any some im ive dont cant didnt doesnt isnt`.split(/\s+/),
);

function count(re: RegExp, text: string): number {
  return text.match(re)?.length ?? 0;
}

/** Script first (Han, Devanagari), then romanised Hindi, then Spanish vs English by franc plus word evidence. */
export function detectLanguage(text: string): Detection | undefined {
  const han = count(HAN, text);
  const deva = count(DEVANAGARI, text);
  const latin = count(LATIN, text);
  const letters = han + deva + latin;
  if (letters === 0) return undefined;
  if (han > 0 && han * 2 >= deva && (han >= latin / 4 || han >= 2)) {
    return { language: 'zh', confidence: Math.min(1, 0.6 + han / 10), romanised: false };
  }
  if (deva > 0 && deva >= latin / 4) {
    return { language: 'hi', confidence: Math.min(1, 0.6 + deva / 20), romanised: false };
  }

  const words = text.toLowerCase().normalize('NFC').match(/[\p{L}']+/gu) ?? [];
  if (words.length === 0) return undefined;
  let hi = 0;
  let es = 0;
  let en = 0;
  let enGrammar = 0;
  for (const w of words) {
    if (HINDI_ROMAN.has(w)) hi += HINDI_AMBIGUOUS.has(w) ? 0.4 : 1;
    else if (HINDI_VERB_ENDING.test(w) && !ENGLISH.has(w)) hi += 1;
    if (SPANISH.has(w)) es += 1;
    if (ENGLISH.has(w)) en += 1;
    if (ENGLISH_GRAMMAR.has(w)) enGrammar += 1;
  }
  if (/[ñ¿¡]/.test(text)) es += 2;
  if (/[áéíóú]/i.test(text)) es += 1;

  // Romanised Hindi borrows English nouns ("doctor", "video call"); its grammar words decide.
  // One unmistakable Hindi word ("bukhar", "dawai") is enough when nothing else speaks.
  const lone = words.length <= 2 && hi >= 1 && es === 0 && en === 0;
  if ((hi >= 1.4 || lone) && hi > es && hi > enGrammar * 0.9) {
    // A single word is a hint, not enough to override a language the patient chose.
    const confidence = hi < 1.4 ? 0.6 : Math.min(1, 0.4 + hi / (words.length + 1));
    return { language: 'hi', confidence: Number(confidence.toFixed(2)), romanised: true };
  }

  // franc is reliable on sentences, not on two words: weigh it by length. Alone (no word of either
  // language known) it decides nothing under 30 letters: "question number 0" read as Spanish
  // switched an English conversation.
  const letterCount = latin;
  const wordEvidence = es + en;
  if (wordEvidence === 0 && letterCount < 30) return undefined;
  if (letterCount >= 12) {
    const ranked = francAll(text, { only: ['eng', 'spa'], minLength: 3 });
    const top = ranked[0];
    const second = ranked[1];
    if (top && top[0] !== 'und') {
      const margin = top[1] - (second?.[1] ?? 0);
      const weight = Math.min(3, letterCount / 15) * (0.5 + margin);
      if (top[0] === 'spa') es += weight;
      else en += weight;
    }
  }
  if (es === 0 && en === 0) return undefined;
  const total = es + en;
  const language: Language = es > en ? 'es' : 'en';
  const share = Math.max(es, en) / total;
  const evidence = Math.min(1, total / 3);
  return { language, confidence: Number((share * evidence).toFixed(2)), romanised: false };
}
