import type { Language } from '../language/languages.js';

/**
 * Whether a red-flag message is about someone else ("my dad has crushing chest pain"), so that
 * the first-aid line speaks to the helper ("help them sit down") instead of to the patient
 * ("sit down, don't drive yourself"). Read on the safety normaliser's text (lower case, no
 * accents or apostrophes: "she's" is "shes"). Only a
 * clear other person counts: a relative or a third-person pronoun, and no sign that the writer
 * speaks of their own body ("my husband says my chest...", "I can't breathe"). When unsure, the
 * line speaks to the patient, as it did before.
 */
const OTHER: Record<Language, RegExp> = {
  en: /\b(?:(?:grand|step)?(?:dad|daddy|father|mom|mommy|mum|mummy|mother|son|daughter|brother|sister|husband|hubby|wife|uncle|aunt|auntie|cousin|roommate|flatmate|boyfriend|girlfriend|neighbou?r|coworker|colleague|grandma|grandpa|granny|grandad|fianc[eé]e?|spouse)s?|(?:father|mother|son|daughter|brother|sister)-in-law)\b|\b(?:my|our)\s+(?:kid|child|children|boy|girl|partner|friend|boss|nana|papa|family|teen|teenager)s?\b|\b(?:hes|shes|(?:he|she)\s+(?:is|are|was|were|has|have|had|cant|cannot|wont|keeps?|just|suddenly|started|says?|said|feels?|looks?|isnt|wasnt|hasnt|doesnt|didnt))\b|\b(?:someone|somebody)\b|\b(?:a|this|the|an)\s+(?:man|woman|guy|lady|person|customer|patient|stranger|elderly)\b/u,
  es: /(?<!\p{L})(?:pap[aá]|padre|mam[aá]|madre|esposo|esposa|marido|hij[oa]s?|herman[oa]s?|abuel[oa]s?|abuelit[oa]s?|suegr[oa]s?|cu[nñ]ad[oa]s?|nuera|yerno)(?!\p{L})|(?<!\p{L})mis?\s+(?:mujer|se[nñ]ora|viej[oa]|ni[nñ][oa]s?|t[ií][oa]s?|prim[oa]s?|amig[oa]s?|novi[oa]|vecin[oa]s?|pareja|compa[nñ]er[oa])(?!\p{L})|(?<!\p{L})(?:[eé]l|ella|ellos)\s+(?:est[aá]|tiene|no\s+puede|se\s+|dice|empez[oó])|(?<!\p{L})(?:alguien|una?\s+(?:se[nñ]or|se[nñ]ora|hombre|mujer|persona))(?!\p{L})/u,
  zh: /(?:爸爸?|妈妈?|媽媽?|父亲|父親|母亲|母親|老公|丈夫|老婆|妻子|爱人|愛人|儿子|兒子|女儿|女兒|爺爺|鄰居|家裡人|哥哥?|弟弟?|姐姐?|妹妹?|爷爷|奶奶|外公|外婆|姥姥|姥爷|公公|婆婆|岳父|岳母|朋友|同事|邻居|室友|男朋友|女朋友|家人|家里人|老人|老伴)|(?<!其)[他她]|有(?:个|一个)?人/u,
  hi: /\b(?:papa|papaji|pitaji|pita|dad|daddy|maa|mummy|mummi|mom|mother|pati|husband|patni|wife|bhai|bhaiya|behen|bahan|didi|sister|brother|dada|dadi|nana|nani|dost|saas|sasur|chacha|chachi|bahu|babuji|beta|beti|bete|bhabhi|biwi|amma|ammi|pota|poti|devar)\b|(?<![\p{L}\p{M}])(?:पापा|पिताजी|पिता|माँ|मां|मम्मी|पति|पत्नी|बेटा|बेटी|बेटे|भाई|भैया|बहन|दीदी|दादा|दादी|नाना|नानी|दोस्त|सास|ससुर|चाचा|चाची|बहू|बाबूजी|भाभी|बीवी|अम्मा|अम्मी|पोता|पोती)(?![\p{L}\p{M}])|\b(?:unko|unhe|unhen|usko|unki|uski|unka|uska)\b|(?:उनको|उन्हें|उसको|उसे|उनकी|उसकी|उनका|उसका)/u,
};

/** A baby or child named: someone else, except in a pregnancy, where "the baby" is the one not yet born. */
const CHILD: Record<Language, RegExp> = {
  en: /\b(?:baby|babys|toddler|newborn|infant|bubs|kid|child|son|daughter)\b|\bmy\s+\d+\s*(?:-\s*)?(?:day|week|wk|month|mo|year|yr)s?\s*(?:-\s*)?old\b/u,
  es: /(?<!\p{L})(?:beb[eé]s?|guagua|ni[nñ][oa]s?|reci[eé]n\s+nacid[oa]|hij[oa]s?)(?!\p{L})/u,
  zh: /(?:宝宝|寶寶|孩子|婴儿|嬰兒|新生儿|新生兒|小孩|儿子|兒子|女儿|女兒|娃)/u,
  hi: /\b(?:baby|bachch?[ae]|bachchi|beta|beti|bete|newborn)\b|(?<![\p{L}\p{M}])(?:बच्चा|बच्चे|बच्ची|बेटा|बेटी|बेटे|शिशु)(?![\p{L}\p{M}])/u,
};

/** The writer's own body or breath: then the message is about them, whoever else it names. */
const SELF: Record<Language, RegExp> = {
  en: /\bmyself\b|\bi(?:m|\s+am)\s+\d+\s*(?:weeks|wks|semanas)\b|\b(?:been|im|i\s+am|i\s+was|i\s+keep|i\s+kept)\s+(?:cutting|cuttin|burning)\b|\bmy\s+(?:chest|arm|jaw|heart|head|neck|back|stomach|belly|tummy|throat|breath(?:ing)?|lips|face|vision|eyes?|legs?|side|pregnancy|waters?)\b|\bi(?:m|\s+am)?\s+(?:having|short\s+of\s+breath|dizzy|sweating|bleeding|pregnant|passing\s+out)\b|\bi\s+(?:cant|cannot)\s+(?:breathe|breath|catch)\b|\bi\s+feel\s+(?:dizzy|faint|sick|pain|chest|like\s+i)\b|\b(?:i\s+have|ive\s+got|i\s+got)\s+(?:a\s+)?(?:chest|crushing|severe|bad|terrible|the\s+worst|pain)\b/u,
  es: /\bme\s+(?:duele|duelen|falta\s+el\s+aire|ahogo|est[aá]\s+doliendo|cuesta\s+respirar|desmayo|sangra)(?!\p{L})|(?<!\p{L})(?:tengo|siento|estoy)\s+(?:un\s+|una\s+|mucho\s+|el\s+|la\s+)?(?:dolor|presi[oó]n|opresi[oó]n|sangrando|embarazada|mareado|mareada|sudando)(?!\p{L})|\bmi\s+(?:pecho|brazo|coraz[oó]n|cabeza|barriga|panza|est[oó]mago|embarazo)(?!\p{L})/u,
  zh: /我(?:的)?(?:胸|心口|心脏|头|肚子|胳膊|手臂|下巴|呼吸)|我(?:喘不|怀孕|在流血|流血|出血)/u,
  hi: /\b(?:mujhe|mujhko)\s+(?:\S+\s+){0,2}(?:dard|saans|sans|chakkar|pasina|ulti|khoon)\b|\bmera\s+(?:seena|sina|sir|pet|dil)\b|\bmeri\s+(?:chhati|chhaati|saans|sans)\b|\b(?:main|mai)\s+(?:pregnant|garbhvati)\b|(?:मुझे|मुझको)\s+(?:\S+\s+){0,2}(?:दर्द|साँस|सांस|चक्कर|पसीना|उल्टी|खून)|मेरा\s+(?:सीना|सिर|पेट|दिल)|मेरी\s+(?:छाती|साँस|सांस)|मैं\s+(?:गर्भवती|प्रेग्नेंट)/u,
};

/** Patients mix languages ("mi bebé is breathing fast", "meri wife"): each is also read with these. */
const MIXED_WITH: Record<Language, readonly Language[]> = { en: ['en', 'es'], es: ['es', 'en'], zh: ['zh'], hi: ['hi', 'en'] };

/** `pregnancy`: the message is about a pregnancy, where a baby or child named does not make it someone else's. */
export function aboutSomeoneElse(normalised: string, language: Language, pregnancy = false): boolean {
  const read = MIXED_WITH[language];
  const other = read.some((l) => OTHER[l].test(normalised) || (!pregnancy && CHILD[l].test(normalised)));
  return other && !read.some((l) => SELF[l].test(normalised));
}

/**
 * Thoughts of suicide told of another person, plainly ("my brother says he wants to kill himself",
 * "mi hija se quiere matar", "他说不想活了", "wo khudkushi karna chahta hai"), and none told of the
 * writer: the crisis reply then speaks to the one worried about them. Strict on purpose: when in
 * doubt the reply stays the one for a person at risk.
 */
const CRISIS_OTHER: Record<Language, RegExp> = {
  en: /\b(?:kill|hurt|harm|end)\s+(?:himself|herself|themselves|themself)\b|\b(?:he|she|they)\s+(?:\w+\s+){0,3}(?:wants?|wanna|is going|are going|gonna|plans?|planning|threatens?|threatened|threatening|talks?|talking|talked|tried|attempted|keeps? saying|said|says)\s+(?:\w+\s+){0,3}(?:to die|about dying|suicide|to end (?:it all|his life|her life|their life))\b|\b(?:hes|shes|theyre|he is|she is|they are|is|has been|seems|sounds)\s+(?:\w+\s+){0,1}suicidal\b/u,
  es: /(?<!\p{L})(?:se\s+(?:quiere|va\s+a|piensa|intento|trato\s+de)\s+(?:matar|suicidar|quitar\s+la\s+vida)|quiere\s+(?:matarse|suicidarse|quitarse\s+la\s+vida|morirse)|(?:intento|trato\s+de)\s+(?:matarse|suicidarse|quitarse\s+la\s+vida)|(?:el|ella)\s+(?:\p{L}+\s+){0,2}(?:quiere\s+morir|esta\s+suicida|habla\s+de\s+suicid))/u,
  zh: /[他她][^，。！？,.!?我]{0,6}(?:自杀|轻生|寻死|去死|不想活|结束自己的生命|结束生命)/u,
  hi: /\b(?:wo|woh|vo|vah)\s+(?:\S+\s+){0,4}(?:marna|khudkushi|suicide|jaan de|khud ko (?:maar|khatam))|(?:वो|वह)\s+(?:\S+\s+){0,4}(?:मरना|खुदकुशी|आत्महत्या|जान दे|खुद को (?:मार|खत्म))/u,
};
const CRISIS_SELF: Record<Language, RegExp> = {
  en: /\bmyself\b|\bi\s+(?:\w+\s+){0,3}(?:to die|kill|end it|end my life|suicid)|\b(?:im|i am)\s+(?:\w+\s+){0,2}suicidal\b|\bmy (?:own )?life\b|\bkill me\b/u,
  es: /(?<!\p{L})(?:me\s+quiero\s+(?:matar|morir|suicidar)|quiero\s+(?:morir|matarme|suicidarme|quitarme\s+la\s+vida)|me\s+voy\s+a\s+(?:matar|suicidar)|no\s+quiero\s+vivir)/u,
  zh: /我[^，。！？,.!?他她]{0,6}(?:自杀|轻生|寻死|去死|不想活|结束自己的生命|结束生命)/u,
  hi: /\b(?:main|mai|mujhe)\b[^.?!]{0,30}(?:marna|khudkushi|suicide|jaan de|khud ko (?:maar|khatam))|(?:मैं|मुझे)[^।?!]{0,30}(?:मरना|खुदकुशी|आत्महत्या|जान दे|खुद को (?:मार|खत्म))/u,
};

export function crisisOfSomeoneElse(normalised: string, language: Language): boolean {
  const read = MIXED_WITH[language];
  return read.some((l) => CRISIS_OTHER[l].test(normalised)) && !read.some((l) => CRISIS_SELF[l].test(normalised));
}
