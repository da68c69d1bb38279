import { describe, expect, it } from 'vitest';
import { compileConcepts } from '../../src/safety/compile.js';
import { createEmergencyDetector, SAFETY_RULES } from '../../src/safety/detector.js';
import { createFuzzyIndex, withinOneEdit } from '../../src/safety/fuzzy.js';
import { normalise, tokenise } from '../../src/safety/text.js';
import type { Category } from '../../src/safety/types.js';
import type { Language } from '../../src/language/languages.js';

const detector = createEmergencyDetector();
const categoryOf = (text: string) => detector.detect(text)?.category ?? null;

describe('emergencies, however they are put', () => {
  it.each<[string, Category]>([
    // indirect phrasing
    ['i cant catch my breath and my lips look blue', 'breathing'],
    ['took the whole bottle of my pills', 'overdose'],
    ["i don't want to wake up anymore", 'suicide'],
    // third person
    ['my dad is clutching his chest, says it feels like a weight on it', 'chest_pain'],
    ['my baby is choking what do i do', 'choking'],
    // a present report inside a question is still a report
    ['i have chest pain should i go to the er?', 'chest_pain'],
    ['is this a heart attack? crushing pain in my chest', 'chest_pain'],
    ['not sure if this is serious, but my chest hurts really bad', 'chest_pain'],
    ['my dad is showing signs of a stroke, his face is drooping', 'stroke'],
    // code-switching in the forms the other languages' rules now require
    ['mi hija de 14 hace cutting y hoy vi cortes nuevos en sus brazos', 'self_harm'],
    ['bhai ko abhi fits aa rahe hain, muh se jhaag nikal raha hai', 'seizure'],
    // typos, capitals, missing accents
    ['my dad is havng a siezure', 'seizure'],
    ['my son is chokeing on a grape', 'choking'],
    ['i cnat breathe', 'breathing'],
    ['my wife is bleding heavly and it wont stop', 'bleeding'],
    ['my husband is unconcious', 'unresponsive'],
    ['CRUSHING CHEST PAIN', 'chest_pain'],
    ['mi papa tiene un dolor de pecho muy fuerte', 'chest_pain'],
    ['mi bebe de 3 semanas tiene fiebre', 'infant_fever'],
    ['no puedo respirar y tengo los labios morados', 'breathing'],
    // mixed languages
    ['my baby de 2 meses tiene fiebre y no quiere comer', 'infant_fever'],
    ['mere chest me bahut dard ho raha hai', 'chest_pain'],
    ['papa ko dil ka daura pada hai', 'chest_pain'],
    // Chinese and Hindi
    ['我爸突然说话不清楚，右手抬不起来', 'stroke'],
    ['孩子抽搐了大约五分钟', 'seizure'],
    ['宝宝20天，发烧了', 'infant_fever'],
    ['mujhe jeena nahi hai', 'suicide'],
    ['chhote bacche ka haath garam tel se jal gaya chhale pad gaye', 'burns'],
    ["i've been thinking it'd be easier if i just didn't wake up", 'suicide'],
    ["there's a smell of gas and we all feel dizzy", 'carbon_monoxide'],
    ["I think I'm having a miscarriage", 'pregnancy_bleeding'],
    ['creo que estoy teniendo un aborto', 'pregnancy_bleeding'],
    ['我好像在流产', 'pregnancy_bleeding'],
    ['lagta hai miscarriage ho raha hai', 'pregnancy_bleeding'],
    ['my toddler ate a cigarette butt', 'poisoning'],
    // a hot drink pulled over a child, the commonest scald, in each language's words for it
    ['my 2 year old pulled hot tea over himself, his tummy and arm are blistering', 'burns'],
    ['se le volteó el café caliente encima al niño y le salieron ampollas en el brazo', 'burns'],
    ['beta 2 saal ka hai, garam chai gir gayi poore pet par, chhale aa gaye', 'burns'],
    ['बच्चे पर गरम दूध गिर गया, पूरे हाथ पर छाले', 'burns'],
    // a goodbye message and then silence: a warning sign of suicide
    ['my daughter (15) sent me a goodbye text and isnt answering her phone', 'suicide'],
    ['mi hija me mandó un mensaje de despedida y no contesta el teléfono', 'suicide'],
    ['我女儿给我发了告别短信，现在电话也不接', 'suicide'],
    ['beti ne alvida ka message bheja hai aur phone nahi utha rahi', 'suicide'],
  ])('%s → %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });
});

describe('not fooled by look-alikes', () => {
  it.each([
    // a wish about a sleeping child, and an everyday Spanish word once read as a typo of "prensado" (crushed)
    "i hope the baby doesn't wake up before i finish dinner",
    // recovery and after-care are about the condition, not a new one
    'stroke recovery tips',
    "I'm scared of losing the baby, is spotting normal at 6 weeks?",
    'I had a miscarriage last year and I am pregnant again, when should I book my first visit?',
    'my dad smokes cigarettes, how can I help him quit',
    'recovering from a stroke, can I drive?',
    'he pensado mucho en lo que me dijo el doctor sobre la dieta',
    // questions about a topic
    'what are the signs of a stroke?',
    'how do I know if chest pain is serious',
    'is jaw pain a heart attack sign',
    '中风有什么症状',
    'stroke ki pehchaan kaise kare',
    'que señales tiene un derrame cerebral',
    // past or resolved
    'i had a seizure last year, need a refill',
    'had a nosebleed this morning but it stopped after a few minutes',
    'naak se khoon aaya tha ab ruk gaya',
    // negation
    'no chest pain, just a cough',
    'seene me dard nahi hai bas khansi hai',
    '没有胸痛，就是有点咳嗽',
    // figures of speech
    'this wait is killing me',
    'my bill gave me a heart attack',
    'dying to know my results',
    'me muero de risa',
    '笑死我了',
    'जान निकल गई इंतज़ार में',
    // everyday words that look like symptoms
    'the app is not responding',
    'i have a lot of questions about my blood test',
    'i cut myself shaving',
    'i took all my meds this morning',
    'quiero cortarme el pelo',
    'me quema el pecho despues de comer',
    'burning in my chest after spicy food',
    'i get short of breath when i climb stairs',
    '晚上腿抽筋一直疼',
    'cuanto dura un resfriado normal',
    'ghabrahat ke daure aate hai dil tez dhadakta hai',
    'my baby has had a fever for 2 days',
    'i dont want to die',
    // English words in another language's rules (read for code-switching) meet English idioms and Spanish words
    "I'd like help cutting down my drinking",
    'me molesta la rodilla cuando subo escaleras',
    'me molestan los ojos con la luz de la computadora',
    'tengo una molestia en el estómago después de comer',
    'a slot that fits the bus times would be best',
    // walking with a limp, nothing to see on the skin, a constipated baby straining red in the face
    'twisted my ankle on the stairs, its swelling but i can limp on it',
    'he has had a limp since the football game on saturday',
    'me pica todo el cuerpo por las noches pero no veo nada en la piel',
    '宝宝便秘，每次拉的时候使劲憋得脸通红',
    // a hot drink drunk, not spilt
    'really bad sore throat, I keep drinking hot tea with honey all day',
    'gale me bahut dard hai, garam paani pi raha hu, buri tarah khansi',
    'tengo la garganta muy mal, tomo leche caliente con miel y todo el día igual',
    // goodbyes at work
    'my coworker sent a goodbye email on her last day and isnt answering my texts',
    '同事离职发了告别邮件，现在不回消息',
  ])('%s → routine', (text) => {
    expect(detector.detect(text)).toBeNull();
  });
});

describe('what the gate reports', () => {
  it('names the rule, not the words, and lists every category that fired', () => {
    const hit = detector.detect('i want to die so i took the whole bottle of my pills');
    expect(hit).toMatchObject({ category: 'overdose', matched: 'en.overdose.large_amount' });
    expect(hit?.categories).toEqual(['overdose', 'suicide']);
  });

  it('checks the conversation language and every language whose script is in the text', () => {
    expect(detector.detect('mi bebe se esta atragantando', 'zh')?.category).toBe('choking');
    expect(detector.detect('宝宝被葡萄卡住了喉咙', 'en')?.category).toBe('choking');
  });

  it('answers nothing for empty or symbol-only text', () => {
    expect(detector.detect('')).toBeNull();
    expect(detector.detect('?!… 👍')).toBeNull();
  });
});

describe('typo tolerance', () => {
  it('accepts one insert, delete, substitution or neighbour swap', () => {
    expect(withinOneEdit('seizure', 'siezure')).toBe(true);
    expect(withinOneEdit('bleeding', 'bleding')).toBe(true);
    expect(withinOneEdit('choking', 'chocking')).toBe(true);
    expect(withinOneEdit('pressure', 'presure')).toBe(true);
    expect(withinOneEdit('seizure', 'sezuire')).toBe(false);
    expect(withinOneEdit('breath', 'bread')).toBe(false);
  });

  it('finds lexicon words by their typos, but keeps the first letter and leaves short words exact', () => {
    const index = createFuzzyIndex(['seizure', 'burned', 'pills', 'cant']);
    expect(index.lookup('siezure')).toEqual(['seizure']);
    expect(index.lookup('turned')).toEqual([]);
    expect(index.lookup('bills')).toEqual([]);
    expect(index.lookup('cnat')).toEqual(['cant']);
    expect(index.lookup('cat')).toEqual([]);
  });

  it('reads an everyday word as itself, not as a typo of a red-flag word', () => {
    const detector = createEmergencyDetector();
    // "bills" is no "bile", "download" no "drown", "violation" no "violación", "shots" no "spots", "rapid" no "rape".
    for (const text of ['is there help paying medical bills', 'can i download my medical records from the portal', 'how do i report a hipaa violation', 'can i get covid and flu shots together while pregnant', 'how long does a rapid covid test take', 'will the covid vaccine hurt my baby']) {
      expect(detector.detect(text, 'en'), text).toBeNull();
    }
    // The words the patient misspelt are still read through the typo.
    expect(detector.detect('my son is drowing in the pool, pulled him out and he is not breathing', 'en')).not.toBeNull();
    expect(detector.detect('she is bleding a lot and it wont stop', 'en')).not.toBeNull();
    expect(detector.detect("i'm scared i might hurt my baby", 'en')?.category).toBe('suicide');
  });
});

describe('text preparation', () => {
  it('folds case, accents, apostrophes, nukta and Devanagari digits', () => {
    expect(normalise("Can't RESPIRACIÓN niño")).toBe('cant respiracion nino');
    expect(normalise('ज़्यादा साँस ३८')).toBe('ज्यादा सांस 38');
  });

  it('splits Chinese into characters and reads Chinese numerals and decimals', () => {
    const tokens = tokenise(normalise('宝宝两个月，体温38.5度'));
    expect(tokens.map((t) => t.text)).toEqual(['宝', '宝', '两', '个', '月', '体', '温', '38.5', '度']);
    expect(tokens[2]?.num).toBe(2);
    expect(tokens[7]?.num).toBe(38.5);
    expect(tokens[5]!.clause).toBeGreaterThan(tokens[4]!.clause);
    expect(tokenise('二十天').map((t) => t.num)).toEqual([20, undefined]);
  });
});

describe('rules that need the chest named', () => {
  const detector = createEmergencyDetector();
  it.each(['my knee is swollen and painful', 'me desmayé ayer y me duele la rodilla', 'my heart is racing before my exam and my ankle hurts'])('"%s" is not a clot, fainting or palpitation red flag', (text) => {
    expect(['dvt-pe', 'fainting-danger', 'palpitations-danger']).not.toContain(detector.detect(text, 'en')?.flag);
  });
  it('a swollen leg with breathlessness still is', () => {
    expect(detector.detect('my calf is swollen and red and now i cant breathe', 'en')?.category).toBe('breathing');
  });
});

describe('matcher: a negation inside a gap of a phrase', () => {
  it.each(['his breathing is not fast', 'her face is not drooping', 'my face is not drooping at all', 'no chest pain, just a cough', 'mi cara no está caída, solo me duele una muela'])('"%s" is negated', (text) => {
    expect(detector.detect(text)).toBeNull();
  });
  it.each<[string, string]>([
    ['he is not breathing', 'cardiac-arrest'],
    ['her face is drooping on one side', 'stroke-face'],
    ['my dads face looks weird, one side is droopy and he cant smile properly', 'stroke-face'],
    // the phrase carries its own negation: "ni" there is "not even"
    ['mi papá no puede ni respirar', 'breathing-difficulty'],
    // 特别 is not a negation although 别 is
    ['我妈嘴角特别歪', 'stroke-face'],
  ])('"%s" → %s', (text, flag) => {
    expect(detector.detect(text)?.flag).toBe(flag);
  });
});

describe('the more specific red flag is reported', () => {
  it.each<[string, string]>([
    ['i have a plan to kill myself tonight', 'suicidal-plan'],
    ['i want to die and i have saved up pills', 'suicidal-plan'],
    ['everyone would be better off without me, i have been saving my pills for friday', 'suicidal-plan'],
    ['家里有枪，我想好了这周末就结束一切', 'suicidal-plan'],
    ['he overdosed on fentanyl and his lips are blue', 'opioid-overdose'],
    ['he collapsed and is not breathing', 'cardiac-arrest'],
    ['my daughter is having an asthma attack, her inhaler is not helping and she cant talk', 'asthma-red-zone'],
    ['我刚吐了好多血', 'vomiting-blood'],
    // the look-alikes' guards leave the emergencies standing
    ['my baby is limp and wont wake up', 'infant-floppy'],
    ['no veo nada de un ojo', 'eye-emergency'],
    ['宝宝憋得脸发紫喘不上气', 'breathing-difficulty'],
  ])('"%s" → %s', (text, flag) => {
    expect(detector.detect(text)?.flag).toBe(flag);
  });
});

describe('a resolution cancels only what resolved', () => {
  it.each<[string, string]>([
    // the resolution is part of the sign
    ['he has stopped breathing', 'cardiac-arrest'],
    ['he is no longer responding', 'unresponsive'],
    ['uski saans ruk gayi hai', 'cardiac-arrest'],
    ['बच्चे की सांस रुक गई है', 'cardiac-arrest'],
    ['爸爸呼吸已经停了', 'cardiac-arrest'],
    // another sign resolved
    ['my baby is limp and floppy, the fever went away', 'infant-floppy'],
    ['बच्चा बेहोश है, बुखार ठीक हो गया', 'unresponsive'],
    ['宝宝叫不醒，烧已经好了', 'unresponsive'],
    ['ya pasó una hora y mi esposo no despierta', 'unresponsive'],
    // red flags that stay red flags when the sign passes (TIA, ingestions, head injury)
    ['his face drooped and his speech was slurred for ten minutes, it went away now', 'stroke-face'],
    ['she swallowed a button battery, she seems ok now', 'button-battery'],
    ['mi bebé se tragó una pila de botón, ya está bien', 'button-battery'],
    ['孩子吞了纽扣电池，现在好了', 'button-battery'],
    ['he took the whole bottle of pills, he says he is fine now', 'overdose'],
    ['he hit his head and threw up twice, he says he feels better now', 'head-injury'],
  ])('"%s" → %s', (text, flag) => {
    expect(detector.detect(text)?.flag).toBe(flag);
  });
  it.each([
    'had a nosebleed this morning but it stopped after a few minutes',
    'naak se khoon aaya tha ab ruk gaya',
    'tuve dolor de pecho en la mañana pero ya se me pasó',
    '痛经，跟以前一样，吃了止痛药好多了',
  ])('"%s" is still resolved', (text) => {
    expect(detector.detect(text)).toBeNull();
  });
});

describe('guards of one language do not misfire on another', () => {
  it.each<[string, string, Category]>([
    // pinyin: Spanish "ni" (你) is not a negation, Hindi "han" (汗, sweat) not an idiom
    ['ni ba ba zhong feng le', 'zh', 'stroke'],
    ['ni ye ye jiao bu xing', 'zh', 'unresponsive'],
    ['wo ma ma xiaba teng, yi zhi chu han', 'zh', 'chest_pain'],
    // Spanglish and English chat: "n" is "and", not Spanish for "no"; a bath "mat" is not Hindi "don't"
    ['she is vomiting n cant keep anything down', 'en', 'other_emergency'],
    ['i slipped on the mat and hit my head and now im confused', 'en', 'head_injury'],
  ])('"%s" (%s) → %s', (text, language, category) => {
    expect(detector.detect(text, language as 'en' | 'zh')?.category).toBe(category);
  });
  it.each([
    // ...while the guards a mixed message needs still reach across
    ['no tengo chest pain ni shortness of breath, solo quiero el physical anual', 'es'],
    ['si mi hijo has an asthma attack at school and the inhaler doesnt work, what should the teacher do?', 'es'],
    ['self-harm ki history hai par ek saal se clean hu', 'hi'],
    ['mujhe chest pain nahi hai, bas khansi hai', 'hi'],
  ])('"%s" (%s) → routine', (text, language) => {
    expect(detector.detect(text, language as 'es' | 'hi')).toBeNull();
  });
});

describe('Hindi negation reaches past postpositions', () => {
  const detector = createEmergencyDetector();
  it.each([
    ['मैंने ख़ुदकुशी के बारे में न सोचा है न कोई योजना है, बस नींद नहीं आती'],
    ['suicide ke baare me kabhi nahi socha, bas tension hai'],
  ])('"%s" → routine', (text) => {
    expect(detector.detect(text, 'hi')).toBeNull();
  });
  it.each([['मैं ख़ुदकुशी के बारे में सोच रहा हूँ'], ['suicide ke baare me soch raha hu']])('"%s" → suicide', (text) => {
    expect(detector.detect(text, 'hi')?.category).toBe('suicide');
  });
});

describe('phrases learnt from the train part', () => {
  it.each<[string, string]>([
    ['I took 20 paracetamol about an hour ago', 'overdose'],
    ['my son has a 105 fever and he just had a fit', 'high-fever-danger'],
    ['naak se bleeding 40 min se non stop, blood thinner leti hu', 'severe-bleeding'],
    ['我家娃出生四十天，腋下量37.9，肛温38.3', 'infant-fever'],
  ])('"%s" → %s', (text, flag) => {
    expect(detector.detect(text)?.flag).toBe(flag);
  });
  it.each([
    'Baby is 7 weeks and her temperature is 37.1, she is feeding well',
    'I almost had a stroke trying to use your online booking system',
    "I'm drowning in paperwork from the insurance company",
    'my daughter has a severe nut allergy, can I get new EpiPens',
    'How much is a private medical for a taxi licence?',
    'me recomiendan un abogado de inmigracion',
  ])('"%s" → routine', (text) => {
    expect(detector.detect(text)).toBeNull();
  });
  it('reads a group glued to the next one, and groups inside groups', () => {
    expect(detector.detect('he took 30 of my sleeping pills')?.flag).toBe('overdose');
    expect(detector.detect('我邻居打他家孩子', 'zh')?.flag).toBe('child-abuse');
  });
  it('refuses a phrase that opens with an optional group, which it could not index', () => {
    const rules = { ...SAFETY_RULES.es, concepts: { ...SAFETY_RULES.es.concepts, PAST: ['(el |)martes pasado'] } };
    expect(() => compileConcepts(rules)).toThrow(/may not start with an optional group/);
  });
});

describe('mixed languages, conditions and overlapping readings', () => {
  it('takes evidence across the languages of a code-switched message', () => {
    expect(detector.detect('baby is 2 months old y tiene 38.5 de fiebre, what should we do', 'en')?.flag).toBe('infant-fever');
  });
  it('leaves a message all in one language to that language (and its tuning)', () => {
    // Spanish tunes pre-eclampsia swelling with "un poquito": English rules may not override it with Spanish words alone.
    expect(detector.detect('estoy embarazada de 28 semanas y los tobillos se me hinchan un poquito, el bebé se mueve muchísimo', 'es')).toBeNull();
  });
  it('ends a negation at "and"', () => {
    expect(detector.detect('two weeks after the birth I have a pounding headache that paracetamol doesnt touch and blurry vision')?.flag).toBe('preeclampsia');
  });
  it('reads the end of a Hindi or Chinese condition back over its clause', () => {
    expect(detector.detect('बच्चे का गला अटक जाए तो पीठ पर कैसे थपथपाते हैं', 'hi')).toBeNull();
    expect(detector.detect('bacche ka gala atak jaye to kya karna chahiye', 'hi')).toBeNull();
  });
  it('"没有呼吸困难" is no breathing trouble, not "no breathing"', () => {
    expect(detector.detect('没有胸痛也没有呼吸困难，就是流鼻涕', 'zh')).toBeNull();
    expect(detector.detect('他没有呼吸了', 'zh')?.flag).toBe('cardiac-arrest');
  });
  it('"como si" (as if) is a simile, not a condition', () => {
    expect(detector.detect('siento como si me apretaran el pecho con una prensa desde hace media hora', 'es')?.category).toBe('chest_pain');
  });
});

describe('neighbouring words of a phrase stay in one clause', () => {
  it('"gushing blood, pressure isn\'t stopping it" is no "blood pressure"', () => {
    expect(detector.detect("I cut my leg badly on glass and it's gushing blood, pressure isn't stopping it")?.flag).toBe('severe-bleeding');
    expect(detector.detect('i have a lot of questions about my blood pressure')).toBeNull();
  });
});

describe('a negation that is part of the sign does not cancel it', () => {
  it.each<[string, string]>([
    ['there are tiny dark spots on her arms that dont blanch', 'en'],
    ['he has a rash on his back that does not go away when I press on it', 'en'],
    ['a mi nieta le salieron manchitas rojas que no se quitan al apretarlas', 'es'],
    ['tiene un sarpullido en las piernas que no desaparece con el vaso', 'es'],
    ['小孩肚子上起了好多小红点，用手压了也不褪', 'zh'],
    ['腿上的疹子按壓了還在', 'zh'],
    ['beti ke pet par laal daane hain jo dabane par bhi nahi mit rahe', 'hi'],
    ['बेटे की टांगों पर धब्बे हैं, दबाने पर भी नहीं हटते', 'hi'],
  ])('"%s" (%s) → meningitis rash', (text, language) => {
    expect(detector.detect(text, language as 'en')?.flag).toBe('meningitis-rash');
  });
  it.each<[string, string]>([
    ['his spots go white when I press them and there is no fever', 'en'],
    ['no tiene manchas, solo un granito que se quita al apretar', 'es'],
    ['红点一压就褪了，没发烧', 'zh'],
  ])('"%s" (%s) → no rash flag', (text, language) => {
    expect(detector.detect(text, language as 'en')?.flag).not.toBe('meningitis-rash');
  });
});

describe('a count taken so far after a "too many" question', () => {
  it.each<[string, string]>([
    ['how many tramadol is too many?? ive taken like 18 since this morning', 'en'],
    ['what is the max you can take of codeine, I have had 25 today', 'en'],
    ['¿cuántas pastillas para dormir es demasiado? ya me he tomado como 12', 'es'],
    ['止痛片吃多少会过量？我今天吃了十五片', 'zh'],
    ['dard ki goli kitni zyada ho jaati hai? maine subah se 16 kha li', 'hi'],
  ])('"%s" (%s) → overdose', (text, language) => {
    expect(detector.detect(text, language as 'en')?.category).toBe('overdose');
  });
  it.each<[string, string]>([
    ['how many ibuprofen is too many in a day? I have had 3 so far', 'en'],
    ['how many ibuprofen is too many? I have had 400 mg today', 'en'],
    ['¿cuántos paracetamoles son demasiados? si me tomara 20 ¿pasa algo?', 'es'],
  ])('"%s" (%s) → no overdose', (text, language) => {
    expect(detector.detect(text, language as 'en')).toBeNull();
  });
});

describe('asthma red zone in other words', () => {
  it.each<[string, string]>([
    ['my asthma is bad tonight, 12 puffs of the blue one already and he can only get a few words at a time', 'en'],
    ['asthma flare, using my reliever every 15 minutes, I cant finish my sentences', 'en'],
    ['mi hijo tiene asma, ¿cuántos disparos del inhalador le puedo dar? ya le di 8 y sigue sin poder hablar', 'es'],
    ['哮喘犯了，吸入器用了十几下还是憋得慌，说话上气不接下气', 'zh'],
    ['dame ka attack hai, inhaler 10 baar le liya, phir bhi bol ni pa rahi', 'hi'],
  ])('"%s" (%s) → asthma red zone', (text, language) => {
    expect(detector.detect(text, language as 'en')?.flag).toBe('asthma-red-zone');
  });
  it.each<[string, string]>([
    ['my asthma is well controlled, I use two puffs of the brown inhaler morning and night', 'en'],
    ['tengo asma desde niño, uso el inhalador dos veces al día y estoy bien', 'es'],
  ])('"%s" (%s) → routine', (text, language) => {
    expect(detector.detect(text, language as 'en')).toBeNull();
  });
});

describe('a suicide plan without the word', () => {
  it.each<[string, string]>([
    ["I've chosen the cliff and I'm doing it after everyone is asleep", 'en'],
    ['been stockpiling my sleeping tablets for months, this is my last week', 'en'],
    ['ya elegí el edificio, lo hago este fin de semana', 'es'],
    ['tengo las pastillas guardadas y ya me despedí de mis hijos', 'es'],
    ['安眠药已经攒够了，等家里人睡着就吃', 'zh'],
    ['नींद की गोलियाँ जमा कर ली हैं, कल रात सब खा लूँगा', 'hi'],
  ])('"%s" (%s) → suicidal plan', (text, language) => {
    expect(detector.detect(text, language as 'en')?.flag).toBe('suicidal-plan');
  });
  it('a wish said as "要是…就好了" is a wish, not a condition', () => {
    expect(detector.detect('真想要是哪天睡着了就不醒就好了', 'zh')?.category).toBe('suicide');
    expect(detector.detect('要是明天不用上班就好了', 'zh')).toBeNull();
  });
  it.each<[string, string]>([
    ['we picked the bridge route for the charity walk, going on Sunday', 'en'],
    ['I counted my pills into the weekly organiser tonight, can I get a refill?', 'en'],
    ['compré una cuerda para el tendedero, la pongo esta noche', 'es'],
    ['今晚把家里的药整理了一下，想问问过期的怎么处理', 'zh'],
  ])('"%s" (%s) → routine', (text, language) => {
    expect(detector.detect(text, language as 'en')).toBeNull();
  });
});

describe('household products by their shop names', () => {
  it.each<[string, string]>([
    ['my 3 year old had a swig of the limescale remover under the sink', 'en'],
    ['toddler got into the screen wash in the garage and drank some', 'en'],
    ['el niño se tomó un trago de antisarro de la cafetera', 'es'],
    ['बेटी ने लाइज़ोल का ढक्कन चाट लिया', 'hi'],
  ])('"%s" (%s) → household chemical', (text, language) => {
    expect(detector.detect(text, language as 'en')?.flag).toBe('household-chemical');
  });
  it.each<[string, string]>([
    ['which descaler do you recommend for a kettle?', 'en'],
    ['my son licked the dishwasher door, it was only water', 'en'],
  ])('"%s" (%s) → routine', (text, language) => {
    expect(detector.detect(text, language as 'en')).toBeNull();
  });
});

describe('more ways emergencies are put', () => {
  it.each<[string, string, string]>([
    ['कमरे में रात भर अंगीठी जली रही, नानी उठ नहीं रहीं और सबको उल्टी हो रही है', 'hi', 'carbon_monoxide'],
    ['kamre me koyle ki sigdi thi, sabko chakkar aur sir dard', 'hi', 'carbon_monoxide'],
    ['गुस्सा आता है तो अपनी कलाई जला लेती हूँ', 'hi', 'self_harm'],
    ['garam chammach se apne haath pe nishan bana leta hu jab tension hoti hai', 'hi', 'self_harm'],
    ['when im overwhelmed i burn my wrist with a lighter', 'en', 'self_harm'],
    ['mere pati ko dil ka dora aaya lagta hai, pasina aur ulti', 'hi', 'chest_pain'],
    ['डिलीवरी हुए तीन दिन हुए, चादर खून से लाल हो गई', 'hi', 'pregnancy_bleeding'],
    ['產後第四天，床單全是血', 'zh', 'pregnancy_bleeding'],
    ['भांजा swimming class में डूबने लगा था, बाहर निकाला तो अब भी खाँस रहा है और सुस्त है, साँस तेज़ चल रही है', 'hi', 'other_emergency'],
    ['पापा सोफ़े पर लुढ़के हैं, नाम लेकर बुलाया, हिलाया, कोई जवाब नहीं', 'hi', 'unresponsive'],
    ['पंद्रह साल का बेटा कह रहा है कि वो मर जाना चाहता है, किसी को फ़र्क नहीं पड़ेगा', 'hi', 'suicide'],
    ['懷孕三十二週，肚子一直收縮，大概六分鐘一次', 'zh', 'pregnancy_warning'],
    ['孩子在抽 怎么办', 'zh', 'seizure'],
  ])('"%s" (%s) → %s', (text, language, category) => {
    expect(detector.detect(text, language as 'en')?.category).toBe(category);
  });
  it.each<[string, string]>([
    ['孕30周，肚子偶尔发硬一下，不疼，躺一会就好', 'zh'],
    ['我爸在抽烟，怎么劝他戒掉', 'zh'],
    ['me quemé la mano con la plancha sin querer, está roja', 'es'],
    ['mujhe koi farak nahi padta dawai subah lu ya shaam, bas timing batao', 'hi'],
  ])('"%s" (%s) → no red flag', (text, language) => {
    expect(String(detector.detect(text, language as 'en')?.category)).not.toMatch(/^(pregnancy_warning|seizure|self_harm|suicide)$/);
  });
});

describe('large amounts in everyday words', () => {
  it.each<[string, string]>([
    ['my dad necked a whole strip of his sleeping tablets', 'en'],
    ['she took a load of her amitriptyline after the argument', 'en'],
    ['भाई ने बीस गोलियाँ खा लीं', 'hi'],
    ['usne pandrah goli kha li hain', 'hi'],
  ])('"%s" (%s) → overdose', (text, language) => {
    expect(detector.detect(text, language as 'en')?.category).toBe('overdose');
  });
  it('a double dose taken by mistake yesterday is no overdose alarm', () => {
    expect(detector.detect('I took a double dose of my statin by mistake yesterday, I feel fine', 'en')).toBeNull();
  });
});

describe('stroke signs in more words', () => {
  it.each<[string, string]>([
    ['a mi papá se le ve la boca derretida hacia un lado desde hace un rato', 'es'],
    ['mi tía tiene la sonrisa ladeada de repente', 'es'],
    ['外婆剛才突然左手左腳都沒力氣', 'zh'],
    ['dadi ka haath achanak se uth nhi rha', 'hi'],
    ['नाना जी के होंठ का एक कोना अचानक नीचे लटक गया', 'hi'],
  ])('"%s" (%s) → stroke', (text, language) => {
    expect(detector.detect(text, language as 'en')?.category).toBe('stroke');
  });
});

describe('reduced fetal movement without naming the movements', () => {
  it.each<[string, string]>([
    ["I'm 29 weeks and haven't felt a thing since yesterday evening", 'en'],
    ['voy por la semana 33 y el bebé hoy casi nada, ni con agua fría', 'es'],
    ['怀孕32周，宝宝今天一整天都没动', 'zh'],
  ])('"%s" (%s) → reduced fetal movement', (text, language) => {
    expect(detector.detect(text, language as 'en')?.flag).toBe('reduced-fetal-movement');
  });
  it('numbness after an injection is not about the baby', () => {
    expect(detector.detect("I haven't felt anything in my lip since the dentist this morning", 'en')?.flag).not.toBe('reduced-fetal-movement');
  });
});

describe('a closing throat in other words', () => {
  it.each<[string, string]>([
    ['after the new tablet my throat feels like it is narrowing', 'en'],
    ['antibiotic ke baad gale me kasav hai aur hawa andar nahi ja rahi', 'hi'],
    ['मूंगफली खाई और अब गला सिकुड़ रहा है', 'hi'],
  ])('"%s" (%s) → anaphylaxis', (text, language) => {
    expect(detector.detect(text, language as 'en')?.category).toBe('anaphylaxis');
  });
  it('a hoarse voice after cold food is not one', () => {
    expect(detector.detect('ठंडा खाने के बाद गला खराब है, आवाज़ बैठ गई है', 'hi')).toBeNull();
  });
});

describe('unresponsive and sepsis in other words', () => {
  it.each<[string, string, string]>([
    ["my grandad doesn't stir when we shake him, he's breathing though", 'en', 'unresponsive'],
    ['दादाजी कुर्सी पर हैं, कोई response नहीं दे रहे', 'hi', 'unresponsive'],
    ['阿爺瞓咗喺梳化，點叫都叫唔醒', 'zh', 'unresponsive'],
    ['se me infectó la herida de la rodilla y ahora tengo la piel manchada y siento que me voy a morir', 'es', 'sepsis'],
    ['tengo infección de orina y no he orinado en todo el día, estoy temblando y confundida', 'es', 'sepsis'],
  ])('"%s" (%s) → %s', (text, language, category) => {
    expect(detector.detect(text, language as 'en')?.category).toBe(category);
  });
});

describe('new lexicon words do not hide the typo readings of old ones', () => {
  // A word the lexicon holds exactly is not also read as a typo of another entry.
  it('"zyaada" still reads as a large amount, "halke" as mild', () => {
    expect(detector.detect('usne bahut zyaada goliyan kha li', 'hi')?.category).toBe('overdose');
    expect(detector.detect('bacche ke pet pe halke laal dane, glass se dabaye to gayab, bukhar nahi', 'hi')).toBeNull();
  });
});

describe('a violation of a rule, and harm asked about', () => {
  // "violación" is also a breach of a law or a right; "X se baby ko nuksan hoga?" asks whether X harms the baby.
  it.each<[string, string]>([
    ['como reporto una violacion de HIPAA', 'es'],
    ['quiero denunciar una violación a mis derechos como paciente', 'es'],
    ['kya covid ke tike se baby ko nuksaan hoga', 'hi'],
    ['क्या इस दवा से बच्चे को नुक़सान होगा?', 'hi'],
  ])('"%s" (%s) → routine', (text, language) => {
    expect(detector.detect(text, language as 'en')).toBeNull();
  });
  it.each<[string, string, string]>([
    ['anoche sufrí una violación, no sé qué hacer', 'es', 'sexual-assault'],
    ['fue una violación, de verdad no sé qué hacer', 'es', 'sexual-assault'],
    ['mujhe darr lagta hai ki main baby ko nuksaan pahuncha dungi', 'hi', 'postpartum-harm-thoughts'],
    ['डिलीवरी के बाद मन करता है बच्चे को नुकसान पहुँचा दूँ', 'hi', 'postpartum-harm-thoughts'],
  ])('"%s" (%s) → %s', (text, language, flag) => {
    expect(detector.detect(text, language as 'en')?.flag).toBe(flag);
  });
});

describe('wanting to die, said the everyday way', () => {
  // Short, common phrasings (too short for the classifier, so the rules must know them).
  it.each<[string, string]>([
    ['मुझे मरना है', 'hi'],
    ['मुझे अपनी जान लेनी है', 'hi'],
    ['apni jaan le lunga', 'hi'],
    ['zindagi khatam kar dunga', 'hi'],
    ['ज़िंदगी खत्म कर दूँगी', 'hi'],
    ['मरने का मन करता है', 'hi'],
    ['khud ko khatam kar lungi', 'hi'],
    ['जी नहीं करता जीने का', 'hi'],
    ['zeher kha lungi', 'hi'],
    ['gonna unalive myself', 'en'],
    ['gonna kms', 'en'],
    ["I'm done with life", 'en'],
    ['life isnt worth living', 'en'],
    ['mejor me muero', 'es'],
    ['me siento una carga para todos', 'es'],
    ['ojalá no despertara', 'es'],
    ['ya no aguanto más, quiero desaparecer para siempre', 'es'],
    ['吃安眠药算了', 'zh'],
    ['我不想再醒来了', 'zh'],
    ['活着太累了，想解脱', 'zh'],
  ])('"%s" (%s) → suicide', (text, language) => {
    expect(detector.detect(text, language as 'en')?.category).toBe('suicide');
  });
  it.each<[string, string]>([
    ['uski jaan le lunga', 'hi'],
    ['उसकी जान ले लूँगा', 'hi'],
  ])('"%s" (%s) → harm to others', (text, language) => {
    expect(detector.detect(text, language as 'en')?.flag).toBe('harm-others');
  });
  it.each<[string, string]>([
    ['I ran 5 kms today', 'en'],
    ['marne ka darr lagta hai', 'hi'],
    ['mujhe marne ka koi khayal nahi hai, bas tension hai', 'hi'],
    ['quiero desaparecer las manchas de la cara', 'es'],
    // Over: "a time when", "a plan I made", "much better now".
    ['ek zamana tha jab marne ka mann karta tha, ab 3 saal se theek hu, bas yearly check-in', 'hi'],
    ['divorce ke baad maine khud ko khatam karne ka plan banaya tha aur hospital me raha, ab bahut behtar hu', 'hi'],
  ])('"%s" (%s) → no rule', (text, language) => {
    expect(detector.detect(text, language as 'en')).toBeNull();
  });
});

describe('fear of a partner, and blood everywhere', () => {
  it.each<[string, string, string]>([
    ["I'm scared my boyfriend will kill me", 'en', 'domestic-violence'],
    ['tengo miedo de que mi novio me mate', 'es', 'domestic-violence'],
    ['我怕我男朋友会杀了我', 'zh', 'domestic-violence'],
    ['手割伤了，到处都是血', 'zh', 'severe-bleeding'],
    ['haath kat gaya, har taraf khoon', 'hi', 'severe-bleeding'],
  ])('"%s" (%s) → %s', (text, language, flag) => {
    expect(detector.detect(text, language as 'en')?.flag).toBe(flag);
  });
  it('a parent who will "kill me" over grades is not the fear of a partner', () => {
    expect(detector.detect('我妈会杀了我的，这次考试又没考好', 'zh')).toBeNull();
  });
});

describe('a request for help is no request for information', () => {
  // "What should I do", "which hospital", "what number", "why does it hurt so much" are how an
  // emergency asks for help; a class, an activity or the early weeks of a pregnancy are words of a day.
  it.each<[string, string, Category]>([
    ['我老公倒地不起，叫不醒，我该怎么做', 'zh', 'unresponsive'],
    ['他胸口痛，出冷汗，有什么办法吗', 'zh', 'chest_pain'],
    ['为什么我胸口这么痛，喘不上气，出冷汗', 'zh', 'chest_pain'],
    ['孩子在学校上课的时候突然抽搐，口吐白沫，叫不醒', 'zh', 'seizure'],
    ['孩子考试的时候晕倒了，叫不醒', 'zh', 'unresponsive'],
    ['吃了药以后出现副作用，喉咙发紧，呼吸困难，嘴唇肿了', 'zh', 'anaphylaxis'],
    ['老人家早上起来半边脸歪了，口水流出来，说话含糊，我不了解这是怎么回事', 'zh', 'stroke'],
    ['我爸稍一活动便气短，上腹部闷胀，大汗淋漓，左肩酸痛', 'zh', 'chest_pain'],
    ['papa gir gaye aur hosh nahi aa raha, kya karna chahiye', 'hi', 'unresponsive'],
    ['मम्मी बेहोश हो गईं, उठ नहीं रहीं, क्या करना चाहिए', 'hi', 'unresponsive'],
    ['dadi ka muh tedha ho gaya aur bol nahi pa rahi, kaunsa hospital le jaye', 'hi', 'stroke'],
  ])('"%s" (%s) → %s', (text, language, category) => {
    expect(detector.detect(text, language as 'en')?.category).toBe(category);
  });
  it.each<[string, string]>([
    ['中风的早期信号是什么？', 'zh'],
    ['为什么孩子吞纽扣电池这么危险', 'zh'],
    ['我们社区下周有急救活动，想学有人没呼吸时该怎么办', 'zh'],
    ['nursing student hu, kal sepsis early warning score ka exam hai, koi notes doge?', 'hi'],
    ['फिल्म में हीरो को ज़हर दिया गया और उसके मुँह से झाग आने लगा, झटके आने लगे। ऐसा सच में होता है क्या?', 'hi'],
    ['news me dekha ek bachche ne fridge wale magnets nigal liye the, kya aap safety leaflet dete ho?', 'hi'],
    ['estoy estudiando para el EMT exam, the chapter on opioid overdose and naloxone', 'en'],
    ['my daughter read that flashing lights in video games cause seizures, should she stop playing?', 'en'],
  ])('"%s" (%s) → no rule', (text, language) => {
    expect(detector.detect(text, language as 'en')).toBeNull();
  });
});

describe('signs in other words', () => {
  it.each<[string, string, string]>([
    // British "been sick" with a count is vomiting; after a knock to the head it is a red flag (NHS).
    ["Hit my head on a cupboard door an hour ago. Since then I've been sick twice and I keep forgetting what I was doing", 'en', 'head-injury'],
    ['en el practice de football chocó de cabeza con otro kid y ahora vomitó dos veces', 'es', 'head-injury'],
    ['我先生今晨起床后右上肢突然无力，无法持筷，抬臂困难', 'zh', 'stroke-arm'],
    ['wo yi jing xiang hao le, ming tian zao shang qu lou ding tiao xia qu, yi shu ye xie hao le', 'zh', 'suicidal-plan'],
    ['मेरे श्वसुर जी को दस मिनट पूर्व अकस्मात् एक नेत्र से दिखना बंद हो गया है तथा वे संतुलन खो रहे हैं', 'hi', 'stroke-balance-vision'],
  ])('"%s" (%s) → %s', (text, language, flag) => {
    expect(detector.detect(text, language as 'en')?.flag).toBe(flag);
  });
  it.each<[string, string]>([
    // A transfusion is treatment, not bleeding now; a fever medicine that worked is no ingestion.
    ['पहली डिलीवरी में बहुत खून बहा था, ख़ून चढ़ाना पड़ा, अब दूसरी प्रेग्नेंसी है, डॉक्टर को पहले से बताना है', 'hi'],
    ['我家女儿两岁半，昨晚开始发烧38.6，吃了退烧药降下来了，今天照样在客厅跑来跑去', 'zh'],
    ['ye traffic mujhe maar dalega, 15 min late pahunchungi', 'hi'],
  ])('"%s" (%s) → no rule', (text, language) => {
    expect(detector.detect(text, language as 'en')).toBeNull();
  });
});

describe('"since last week" is still going on', () => {
  // A long-ago word inside "since …" / "desde …" / "… se" / "从…开始" is no past: the sign goes on.
  it.each<[string, string, Category]>([
    ['my dad has had crushing chest pain since last week and now he is sweating', 'en', 'chest_pain'],
    ['desde la semana pasada tengo dolor fuerte en el pecho y sudo frío', 'es', 'chest_pain'],
    ['desde hace 2 semanas tengo dolor fuerte en el pecho y sudo frío', 'es', 'chest_pain'],
    ['pichle hafte se papa ke seene me dard hai aur pasina aa raha hai', 'hi', 'chest_pain'],
    ['从上周开始我爸胸口一直压着痛，出冷汗', 'zh', 'chest_pain'],
    ["I'm 32 weeks and haven't felt anything since last night", 'en', 'pregnancy_warning'],
  ])('"%s" (%s) → %s', (text, language, category) => {
    expect(detector.detect(text, language as 'en')?.category).toBe(category);
  });
  it.each<[string, string]>([
    ['el martes pasado me cayó cloro en el ojo, me lo lavé y fui a urgencias, ya sanó', 'es'],
    ['大学的时候被性侵过，一直没处理好，现在想找一个创伤方面的心理咨询师', 'zh'],
    ['生老大的时候产后大出血，这次怀二胎了，想提前跟医生说一下', 'zh'],
    ['6 months pehle beti ne button battery swallow ki thi, endoscopy se nikali, ab follow up scan kab hai', 'hi'],
  ])('"%s" (%s) → no rule', (text, language) => {
    expect(detector.detect(text, language as 'en')).toBeNull();
  });
});

describe('euphemisms, dialect and formal registers', () => {
  it.each<[string, string, Category]>([
    ['im done. tonights the night i check out for good', 'en', 'suicide'],
    ["I've been saving up the old ones and my sleeping tablets and I've worked out how many it would take", 'en', 'suicide'],
    ['個BB先六個禮拜大，啱啱探熱38.4度', 'zh', 'infant_fever'],
    ['qie cai qie dao shou le, xue pen chu lai, an le shi fen zhong hai zhi bu zhu', 'zh', 'bleeding'],
    ['मेरे पिताश्री को संभवतः मस्तिष्काघात हुआ है; उनका बायाँ अंग शिथिल है और वाणी अस्पष्ट', 'hi', 'stroke'],
  ])('"%s" (%s) → %s', (text, language, category) => {
    expect(detector.detect(text, language as 'en')?.category).toBe(category);
  });
  it.each<[string, string]>([
    ['IPL ka last over dekh ke BP shoot kar gaya bhai, heart attack aate aate bacha 🤣 match jeet gaye', 'hi'],
    ['daura pade to muh me chammach daalna chahiye kya?', 'hi'],
    ['我在考护士资格证，有道题问：患者突发胸痛伴大汗，应首先做什么？答案选哪个？', 'zh'],
  ])('"%s" (%s) → no rule', (text, language) => {
    expect(detector.detect(text, language as 'en')).toBeNull();
  });
});

describe('a blood draw is no bleeding', () => {
  it.each<[string, string]>([
    ['a q hora cierra el laboratorio? tengo q ir a sacarme sangre saliendo del trabajo', 'es'],
    ['me van a sacar sangre mañana, tengo que ir en ayunas?', 'es'],
  ])('"%s" (%s) → no rule, no bleeding sign', (text, language) => {
    expect(detector.detect(text, language as 'en')).toBeNull();
    expect(detector.inspect(text, language as 'en').evidence?.live).not.toContain('BLEED');
  });
});

describe('whose harm it is (zh)', () => {
  it.each<[string, string]>([
    ['我爸喝了酒拿着刀在楼下等邻居，说今天非要弄死他', 'harm-others'],
    ['我一焦虑就拿烟头烫手腕，现在已经好几个疤了，昨天又烫了', 'self-harm'],
    ['生完孩子两周，他一哭我就想把他闷死，我好害怕', 'postpartum-harm-thoughts'],
    ['邻居家孩子身上有烟头烫的疤', 'child-abuse'],
  ])('"%s" → %s', (text, flag) => {
    expect(detector.detect(text, 'zh')?.flag).toBe(flag);
  });
  it('a fever medicine that did not bring the fever down is no ingestion', () => {
    expect(detector.detect('孩子烧到40度5 吃了退烧药也不退 叫他眼神发直 反映很差 手脚冰凉', 'zh')?.flag).not.toBe('child-ingested-medicine');
  });
});

describe('sleep that should not end, and sleep that should go on (en)', () => {
  it.each<[string, Category]>([
    ["how many sleeping pills would be enough to not wake up? I've got a box of 30 here", 'suicide'],
    ['wish i could just go to sleep n not wake up, keep stopping and looking at the train tracks', 'suicide'],
    ['my baby doesnt wake up for feeds and is floppy', 'infant_unwell'],
  ])('"%s" → %s', (text, category) => {
    expect(detector.detect(text, 'en')?.category).toBe(category);
  });
  it('a parent hoping the baby "doesn\'t wake up before 6" is no unresponsive child', () => {
    expect(detector.detect('I hope the baby sleeps n doesnt wake up before 6', 'en')).toBeNull();
  });
});

describe('a strip of tablets is no leaf (hi)', () => {
  it.each<[string, string]>([
    ['usne gusse me paracetamol ki puri patti kha li ek ghanta pehle', 'overdose'],
    ['बाबूजी ने गलती से नींद वाली दवा की पूरी पत्ती खा ली', 'overdose'],
    ['बच्चे ने आयरन की गोलीयां खा ली पूरी पत्ती', 'poisoning'],
  ])('"%s" → %s', (text, category) => {
    expect(detector.detect(text, 'hi')?.category).toBe(category);
  });
});

describe('a swallow feared but not seen (button batteries and magnets)', () => {
  it.each<[string, Language, string]>([
    ['the battery from the car key is gone and my 2 year old had the key, he might have swallowed it', 'en', 'button-battery'],
    ["can't find one of the magnet balls, I think she swallowed it", 'en', 'magnets'],
    ['no sé si se tragó la pila del control, falta una y el niño estaba jugando con él', 'es', 'button-battery'],
    ['遥控器的纽扣电池不见了，孩子可能吞了', 'zh', 'button-battery'],
    ['remote ki battery nahi mil rahi, shayad munna ne nigal li', 'hi', 'button-battery'],
    ['falta la pila del reloj y mi hijo de 2 años estaba jugando con él', 'es', 'button-battery'],
    ['conté las pastillas de la abuela y faltan 4, el niño estaba jugando con el frasco', 'es', 'child-ingested-medicine'],
  ])('"%s" → %s', (text, language, flag) => {
    expect(detector.detect(text, language)?.flag).toBe(flag);
  });
  it.each<[string, Language]>([
    ['the smoke alarm battery is missing, where do I get one?', 'en'],
    ['我以为孩子吞了电池，后来在沙发缝里找到了，一颗不少', 'zh'],
    // A battery gone missing is a swallow only where a child was.
    ['se me perdió la pila del control remoto y no la encuentro, ¿venden pilas en la farmacia?', 'es'],
    // 'faltan' alone is no missing pill.
    ['acabamos de mudarnos de Guatemala y a mi hija le faltan vacunas, ¿sirve su cartilla?', 'es'],
  ])('"%s" is no ingestion', (text, language) => {
    expect(detector.detect(text, language)?.flag).not.toBe('button-battery');
  });
});

describe('danger written the way people say it', () => {
  it.each<[string, Language, string]>([
    // fear of what a partner will do tonight, and a weapon carried to someone
    ["he's drinking again and I'm scared of what he'll do when he gets home", 'en', 'domestic-violence'],
    ['mi pareja está tomando otra vez y tengo miedo de lo que me haga esta noche', 'es', 'domestic-violence'],
    ['I have a knife in my coat and I am waiting outside for him to finish work', 'en', 'harm-others'],
    ['llevo una navaja en la bolsa y estoy esperando a mi cuñado', 'es', 'harm-others'],
    // the means put by and the affairs settled
    ["i've put by enough of my tablets to do it properly and sorted my will so nobody has to deal with it", 'en', 'suicidal-plan'],
    ['计划好了，周末去江边，以后就不回来了', 'zh', 'suicidal-plan'],
    // 'no paro de vomitar' keeps the vomiting going
    ['soy diabético tipo 1, no paro de vomitar y el glucómetro marca más de 500', 'es', 'high-blood-sugar'],
    // child-specific signs
    ['my daughter hit her head on the table, since then 2 sicks and she is very sleepy', 'en', 'head-injury'],
    ['baby only had 1 wet nappy since this morning and no tears when crying', 'en', 'infant-dehydration'],
    ['宝宝吐了好几次，吐出来是墨绿色的', 'zh', 'infant-green-vomit'],
    ['सामने वाले घर का बच्चा रोज़ पिटता है, आज उसके हाथ पर बेल्ट के निशान हैं', 'hi', 'child-abuse'],
    ['dadi ji achanak kisi ko pehchan nahi pa rahi, subah tak theek thi', 'hi', 'sudden-confusion'],
    ['mi prima escribió que se quiere aventar desde el balcón y no contesta', 'es', 'suicidal-intent'],
    ['desde que nació mi hija me veo ahogándola en la bañera y me da terror', 'es', 'postpartum-harm-thoughts'],
  ])('"%s" → %s', (text, language, flag) => {
    expect(detector.detect(text, language)?.flag).toBe(flag);
  });
  it.each<[string, Language]>([
    ['मार्च में बेटी ने सिक्का निगल लिया था, एक्स-रे में निकल गया था, अब चेकअप कब है', 'hi'],
    ['पिताजी को गत वर्ष फेफड़ों में थक्का हुआ था, अब वो ठीक हैं, INR की तारीख बताइए', 'hi'],
    ['I am not scared of what he will do, we split up amicably, can I change my emergency contact', 'en'],
  ])('"%s" is no red flag', (text, language) => {
    expect(detector.detect(text, language)).toBeNull();
  });
});

describe('look-alikes of set 3 (dev)', () => {
  it.each<[string, Language]>([
    ['my son swallowed a battery when he was 14 months old, he is 6 now and fine, does he need more scans', 'en'],
    ['33 weeks pregnant with a stuffy nose, temp is normal, which decongestant is ok', 'en'],
    ['her mouth and lips are purple from the blueberry yoghurt lol', 'en'],
    ['threw up yellow bile this morning after the office party, no blood, just hungover', 'en'],
    ['casi me muero de la vergüenza cuando me llamaron por el nombre equivocado en la sala de espera', 'es'],
    ['¿cómo se oye el estridor? lo leí en un folleto de la guardería', 'es'],
    ['等到我想死，下次可以网上挂号吗', 'zh'],
    ['满月的宝宝睡着以后呼吸时快时慢，这样正常吗', 'zh'],
    ['beti jab 2 mahine ki thi tab bukhar se admit hui thi, ab 1 saal ki hai, tike kab lagenge', 'hi'],
  ])('"%s" is no red flag', (text, language) => {
    expect(detector.detect(text, language)).toBeNull();
  });
  it.each<[string, Language, string]>([
    ['排队的时候我爸突然说不出话，右手抬不起来', 'zh', 'stroke-arm'],
    ['my baby is 5 weeks old and vomiting green bile', 'en', 'infant-green-vomit'],
    ['mi bebé de 2 meses tiene 38.4 de fiebre', 'es', 'infant-fever'],
  ])('"%s" still → %s', (text, language, flag) => {
    expect(detector.detect(text, language)?.flag).toBe(flag);
  });
});

describe('Traditional and Cantonese negation (zh)', () => {
  it.each<string>([
    '沒有胸痛，也不喘，就是最近老是打嗝反酸，是不是胃的問題',
    '無胸痛，無氣促，只係想約下個月覆診',
  ])('"%s" is no red flag', (text) => {
    expect(detector.detect(text, 'zh')).toBeNull();
  });
  it.each<[string, string]>([
    ['阿媽冇反應，點叫都唔應', 'unresponsive'],
    ['我爸突然倒在地上，沒反應了', 'unresponsive'],
  ])('"%s" → %s', (text, category) => {
    expect(detector.detect(text, 'zh')?.category).toBe(category);
  });
});

describe('set 4 (dev): water as the means, and a Chinese complaint', () => {
  it('walking into the sea is a wish to die', () => {
    expect(detector.detect("I love my baby but I keep thinking I should just walk into the sea. She's 5 weeks.", 'en')?.category).toBe('suicide');
  });
  it.each<[string, Language]>([
    ['we walked into the sea at sunset on holiday, can I get a note for my sunburn?', 'en'],
    ['老板今天又让我加班，我想死的心都有了，明天下午的预约能不能改到周六', 'zh'],
  ])('"%s" is no red flag', (text, language) => {
    expect(detector.detect(text, language)).toBeNull();
  });
});

describe('set 6 (train and dev): lay phrasings the rules lacked', () => {
  it.each<[string, Language, string]>([
    ['tengo asma, ya me eché la bomba tres veces y no me alivia, no puedo ni hablar', 'es', 'asthma-red-zone'],
    ['a veces pienso ojalá yo no existiera', 'es', 'passive-ideation'],
    ['beta ke gale me kuch atka hai, saans nahi le pa raha', 'hi', 'choking'],
    ['papa diabetic hain, sugar 50 aayi hai aur baat ka jawab theek se nahi de rahe', 'hi', 'low-blood-sugar'],
    ['kabhi kabhi lagta hai main mar jaun to sabka bhala hoga', 'hi', 'passive-ideation'],
    ['my grandad with dementia was drinking out of the weedkiller bottle in the shed', 'en', 'household-chemical'],
  ])('"%s" → %s', (text, language, flag) => {
    expect(detector.detect(text, language as Language)?.flag).toBe(flag);
  });
  it.each<string>([
    'अभी बीपी नापा तो 182/118 आया पर मुझे कुछ भी महसूस नहीं हो रहा, क्या करूं',
    'sugar check ki to 250 aayi, par kuch mehsoos nahi ho raha',
    'biopsy aur khoon ki report kitne din me milegi?',
  ])('"%s": nothing felt outside a pregnancy is no baby\'s movement, and a blood report no bleeding', (text) => {
    expect(detector.detect(text, 'hi')).toBeNull();
  });
  it.each<[string, Language, string]>([
    ['my 2 year old had the remote and now the coin cell from it is gone', 'en', 'button-battery'],
    ['¿son peligrosos los imanes? mi niña se acaba de tragar uno de la pizarra', 'es', 'magnets'],
    ['mi hijo de 3 años estaba con el control remoto y ya no está la pila', 'es', 'button-battery'],
  ])('"%s": a swallow reported after a question about it → %s', (text, language, flag) => {
    expect(detector.detect(text, language)?.flag).toBe(flag);
  });
  it('a refill of seizure medicine is an office matter, even when "no refills" is negated', () => {
    expect(detector.detect('only 3 tablets left of my seizure med and the pharmacy says no refills on file', 'en')).toBeNull();
  });
  it.each<string>(['被老板气到心梗，下周的体检能改期吗', '这个牙套贵得我要吐血'])('"%s" is a complaint, no red flag', (text) => {
    expect(detector.detect(text, 'zh')).toBeNull();
  });
});
