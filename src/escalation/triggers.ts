/**
 * What a patient says when they want a person, or when the bot's answers are not helping,
 * in English, Spanish, Chinese and Hindi (Devanagari and romanised).
 */

/** Lower case, curly quotes straightened, Latin accents dropped (Devanagari marks kept). */
export function normaliseForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .normalize('NFD')
    .replace(/([a-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

const PERSON_EN = '(?:a |an |the |some |any |one of your |your )?(?:real |live |actual |human )?(?:nurse|nurses|human|person|someone|somebody|agent|representative|operator|staff|people)';
const HUMAN_EN: RegExp[] = [
  new RegExp(`\\b(?:talk|speak|chat|text)(?:ing)? (?:to|with) ${PERSON_EN}\\b`),
  new RegExp(`\\b(?:connect|transfer|put|pass) me (?:to|with|through to) ${PERSON_EN}\\b`),
  /\b(?:want|need|would like|'d like|get|give me|can i (?:have|get)|let me have) (?:a |an |to (?:see|reach|get) (?:a |an )?)?(?:real |live )?(?:nurse|human)\b/,
  /\b(?:real|live|actual) (?:person|human|nurse|agent)\b/,
  /\bhuman being\b/,
  /^(?:a )?(?:nurse|human|agent|operator|representative)(?: please| pls| now)?[\s.!?]*$/,
];
const PERSON_ES = '(?:una? |el |la |algun |alguna )?(?:enfermer[oa]s?|persona(?: real)?|humano|ser humano|agente|representante|alguien(?: de verdad| real)?)';
const HUMAN_ES: RegExp[] = [
  new RegExp(`\\b(?:hablar|platicar|conversar|comunicarme|chatear|escribirle) (?:con|a) ${PERSON_ES}\\b`),
  new RegExp(`\\b(?:quiero|necesito|busco|pasame|paseme|comuniqueme|comunicame|ponme|contacteme) (?:con )?${PERSON_ES}\\b`),
  /\b(?:persona real|ser humano)\b/,
  /^(?:una? )?(?:enfermer[oa]|humano|agente)(?: por favor| ya)?[\s.!?¡¿]*$/,
];
const HUMAN_ZH: RegExp[] = [
  /转人工|人工客服|人工服务|找人工|要人工|接人工|真人/,
  /(?:找|要|叫|联系|转接?|接通)(?:一下|一个|一位)?护士/,
  /(?:和|跟|与|同)(?:一位|一个)?(?:护士|真人|人)(?:说话|聊|谈|沟通|通话|讲)/,
  /^护士[吧呢啊！!。.]*$/,
];
const HUMAN_HI: RegExp[] = [
  /(?:नर्स|इंसान|इन्सान|व्यक्ति|किसी)(?: [^ ]+)? से बात/,
  /नर्स (?:चाहिए|को बुला|से मिलना|से मिलवा)/,
  /असली (?:व्यक्ति|इंसान|इन्सान)/,
  /\b(?:nurse|insaan|insan|kisi|real person|person)(?: [a-z]+)? se (?:baat|bat|baath)\b/,
  /\bnurse (?:chahiye|ko bulao|ko bulaiye|se milna)\b/,
  /\b(?:asli|asal) (?:insaan|insan|vyakti|aadmi)\b/,
  /^नर्स[\s।!?.]*$/,
];

const DID_NOT_HELP: RegExp[] = [
  // English
  /\b(?:that|this|it|your answer|the answer)(?: really| still)? (?:didn't|did not|doesn't|does not|dont|didnt|doesnt|isn't|is not|wasn't|was not)(?: really)? (?:help|helping|helpful|answer my question|work)\b/,
  /\b(?:not|wasn't|isn't) (?:helpful|what i asked|what i meant|useful)\b/,
  /\b(?:no help|useless|doesn't help|didn't help|did not help)\b/,
  // Spanish
  /\bno (?:me )?(?:sirvio|sirve|ayudo|ayuda|ha servido|ha ayudado|resolvio)\b/,
  /\b(?:eso|esto) no (?:es lo que pregunte|ayuda|sirve)\b/,
  /\bno es lo que pregunte\b/,
  // Chinese
  /没(?:有)?用(?!过)|没帮助|没有帮助|没帮上|没解决|没有解决|不管用|不是我问的|答非所问/,
  // Hindi, Devanagari and romanised
  /मदद नहीं (?:हुई|मिली|हुआ)|काम नहीं आया|कोई फ़?फायदा नहीं|कोई फ़ायदा नहीं|बेकार है/,
  /\b(?:madad|help) (?:nahi|nahin|nhi) (?:hui|mili|hua)\b/,
  /\b(?:koi )?(?:fayda|faida) (?:nahi|nahin|nhi)\b/,
  /\bkaam (?:nahi|nahin|nhi) aaya\b/,
  /\bbekaar\b/,
];

/**
 * A question about which number to call ("is there a number I can ring to talk to someone after
 * hours?") asks for information the knowledge base gives (the nurse line), not for a person in
 * this chat now.
 */
const ASKS_WHICH_NUMBER: RegExp[] = [
  /\b(?:is there|are there|what(?:'s| is)|which|do you have|have you got) (?:a |an |the |any )?(?:(?:phone |telephone |nurse |help |after[- ]hours? |emergency )?(?:number|line|hotline|helpline)s?)\b/,
  /\b(?:number|line) (?:do |can |could |should )?(?:i|we) (?:can |could |should )?(?:call|ring|phone|text|dial)\b/,
  /\b(?:hay|existe|cual es|tienen|tienes) (?:un |una |el |la |algun |alguna )?(?:numero|telefono|linea)\b/,
  /(?:有没有|有什么|有没|哪个).{0,8}(?:电话|号码|热线)|(?:电话|号码|热线)是多少/,
  /\b(?:koi|kaunsa|konsa|kya) (?:number|phone number|helpline|phone)\b|(?:कोई|कौन सा|क्या) (?:नंबर|फ़ोन|फोन|हेल्पलाइन)/,
];

/** The patient asks for a nurse or another human. */
export function isHumanRequest(text: string): boolean {
  const t = normaliseForMatching(text);
  if (ASKS_WHICH_NUMBER.some((re) => re.test(t))) return false;
  return [...HUMAN_EN, ...HUMAN_ES, ...HUMAN_ZH, ...HUMAN_HI].some((re) => re.test(t));
}

/** The patient says the last answer did not help. */
export function isDidNotHelp(text: string): boolean {
  const t = normaliseForMatching(text);
  return DID_NOT_HELP.some((re) => re.test(t));
}
