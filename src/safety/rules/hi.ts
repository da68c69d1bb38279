import type { LanguageRules } from '../types.js';
import { tuneRules } from './base.js';

/*
 * Hindi, in Devanagari and in Latin letters (romanised Hindi has no fixed spelling: "saans",
 * "sans", "saas"; the typo tolerance covers some, the lists cover the common ones). Text arrives
 * with nukta and chandrabindu folded (ज़ → ज, साँस → सांस). Hindi puts the verb and its negation
 * last ("dard nahi hai"), so negation also reaches forward; inability phrases carry their own
 * "nahi" ("saans nahi aa rahi", "jaag nahi rahe") and stay symptoms.
 */
const NAHI = 'nahi|nahin|nai|nhi|नहीं|नही';
const SAANS = 'saans|sans|saas|swas|swaas|shwas|सांस|श्वास';
const RAHA = 'raha|rahi|rahe|रहा|रही|रहे';
const HAATH = 'haath|hath|haat|pair|paon|pao|taang|baanh|bazu|हाथ|पैर|पांव|टांग|बांह';

export const hi: LanguageRules = {
  language: 'hi',
  negation: { before: 2, after: 3 },
  numbers: {
    ek: 1, do: 2, teen: 3, tin: 3, char: 4, chaar: 4, paanch: 5, panch: 5, chhe: 6, chhah: 6, saat: 7, aath: 8, nau: 9, das: 10,
    एक: 1, दो: 2, तीन: 3, चार: 4, पांच: 5, छह: 6, छः: 6, सात: 7, आठ: 8, नौ: 9, दस: 10,
  },
  concepts: {
    // ---- guards -------------------------------------------------------------------------
    // English "no"/"not" come from the English rules, which negate only forward.
    NEGATION: [NAHI, 'mat', 'bina', 'मत', 'बिना', 'kabhi nahi'],
    HYPOTHETICAL: ['agar', 'yadi', 'jab koi', 'kisi ko', 'अगर', 'यदि', 'किसी को', 'jab kisi'],
    // Hindi asks at the end of the sentence, so question words cover the whole sentence (INFO_TOPIC).
    INFO_QUESTION: [],
    // "kya karu" (what do I do) is NOT here: it is how an emergency asks for help.
    INFO_TOPIC: [
      'kaise pata', 'kaise pehchane|pehchaane|pahchane', 'pehchan|pehchaan|pahchan kaise', 'kaise kare|karen|karein', 'kaise bache|bachein|bachen', 'kaise roke', 'jaankari',
      'janna chahta|chahti|hai', 'sikhna', 'kaise pata', 'fark|farak|antar', 'कैसे पता', 'कैसे पहचान*', 'जानना चाहत*', 'जानकारी', 'सीखना', 'फर्क', 'अंतर', 'कैसे करें',
      'lakshan', 'lachhan', 'symptoms', 'लक्षण', 'kya karna chahiye', 'क्या करना चाहिए', 'kab serious', 'kab khatarnak', 'se bachne', 'bachne ke liye', 'से बचने',
      '(hone|padne|aane) (pe|par)', 'होने पर', 'पडने पर', 'आने पर', 'sikhna hai', 'क्या करें', 'kya kare',
    ],
    PRESENT: ['dikh rahe|raha|rahi', 'दिख रहे|रहा|रही', 'abhi', 'abhi abhi', 'is waqt', 'ho raha hai', 'ho rahi hai', 'अभी', 'हो रहा', 'हो रही'],
    PAST: [
      'pichle|pichhle|pichla saal|sal|mahine|mahina|hafte|baar', '<n:1-99> saal|sal|mahine|mahina|hafte pehle|pahle', 'kuch saal|mahine pehle|pahle', 'bachpan me|mein',
      'pehle|pahle … (hua tha|hui thi|hue the|pada tha|padi thi|aaya tha|aayi thi)', 'पिछले साल|महीने|हफ्ते', 'साल पहले', 'महीने पहले', 'पहले … (हुआ था|हुई थी|पडा था)', 'बचपन में',
    ],
    RESOLVED: [
      'ab theek|thik|sahi', 'ruk gaya|gayi|gya', 'ab nahi hai', 'band ho gaya|gayi', 'theek ho gaya|gayi|gaye', 'hosh aa gaya|gayi', 'hosh me aa', 'रुक गया|गई', 'अब ठीक', 'ठीक हो गया|गई|गए',
      'होश आ गया|गई', 'बंद हो गया|गई',
    ],
    IDIOM: [
      'jaan le lega|legi|lenge', 'jaan nikal', 'jaan hi nikal', 'meri jaan', 'hans hans ke', 'haste haste', 'hasi se', 'bhookh|bhuk|bhukh se mar', 'intezaar|intezar|intjar … mar',
      'karte karte mar', 'mar rahi|raha hu|hun|hoon intezaar|intezar', 'heart attack … lol|haha', 'dekh ke|kar … heart attack', 'dil baith gaya', 'dil toot', 'sar kha', 'dimag kharab',
      'जान ले लेगा|लेगी', 'जान निकल', 'जान ही निकाल', 'हंस हंस', 'भूख से मर', 'मरी|मरा जा रही|रहा', 'दिल बैठ गया', 'दिल टूट', 'इंतजार … मर', 'देखकर … (हार्ट अटैक|दिल का दौरा)',
      // set phrases whose words are not symptoms
      'ghabrahat|ghabrahat|panic|anxiety ke|ka daure|daura', 'घबराहट के दौरे', 'blood pressure|test|sugar', 'bp', 'खून की जांच', 'ब्लड टेस्ट', 'ब्लड प्रेशर', 'खून जांच', 'khoon ki jaanch|janch',
    ],
    CLAUSE_BREAK: ['lekin', 'par', 'magar', 'kintu', 'ab', 'phir', 'fir', 'लेकिन', 'पर', 'मगर', 'अब', 'फिर', 'bas'],

    // ---- shared modifiers -----------------------------------------------------------------
    // Not "chhota" alone: "chhota baccha" is the child, not the injury.
    MINOR: ['thoda', 'thodi', 'thoda sa', 'halka', 'halki', 'halka sa', 'chhota sa', 'chhoti si', 'zara sa', 'jara sa', 'थोडा', 'थोडी', 'हल्का', 'हल्की', 'छोटा सा', 'छोटी सी', 'जरा'],
    SMALL_WOUND: ['chhota sa kat', 'chhota kat', 'naak', 'masood*', 'masud*', 'shaving', 'छोटा सा कट', 'नाक', 'मसूड*', 'शेविंग'],
    SEVERE: ['bahut tez', 'tez', 'bhayankar', 'bhayanak', 'bahut zyada', 'asahniya', 'buri tarah', 'बहुत तेज', 'तेज', 'भयानक', 'बुरी तरह', 'असहनीय', 'बहुत ज्यादा'],
    SUDDEN: ['achanak', 'ekdum', 'ek dum', 'ek dam', 'ekdam', 'abhi abhi', '<n:1-59> min|minute|mint pehle', 'अचानक', 'एकदम', 'एक दम', 'अभी अभी', 'मिनट पहले'],
    ADMIN: [
      'refill', 'appointment', 'checkup', 'check up', 'follow up', 'followup', 'report', 'parcha', 'record', 'dawa|dawai|davai khatam', 'dawa|dawai chahiye', 'अपॉइंटमेंट',
      'रिफिल', 'फॉलो अप', 'दवा खत्म', 'दवा की डोज', 'डोज', 'चेकअप',
    ],
    EXERTION: ['seedhi', 'sidhi', 'chadhne', 'chalne par|pe', 'chalte waqt', 'exercise', 'daudne', 'सीढी', 'सीढ़ी', 'चलने पर', 'दौडने'],
    HABITUAL: ['kabhi kabhi', 'aksar', 'roz', 'hamesha', 'raat ko', 'kharrate', 'aate hai|hain', 'aata hai', 'aati hai', 'कभी कभी', 'अक्सर', 'हमेशा', 'रोज', 'खर्राटे', 'जैसा लगता', 'आते हैं', 'आता है'],
    VOMIT: ['ulti', 'ultiyan', 'ultiya', 'उल्टी', 'उल्टियां'],
    DIZZY: ['chakkar', 'चक्कर', 'sir ghoom'],

    // ---- chest pain ---------------------------------------------------------------------
    CHEST: ['seene', 'seena', 'sina', 'sine', 'seeney', 'chhati', 'chhaati', 'chati', 'chest', 'dil', 'सीने', 'सीना', 'छाती', 'दिल'],
    CHEST_PAIN: ['dard', 'dardh', 'pain', 'dabav', 'dabaav', 'dabao', 'jakdan', 'jakdaan', 'bhaari', 'bharipan', 'kheench*', 'chubhan', 'दर्द', 'दबाव', 'जकडन', 'भारीपन', 'भारी', 'खिंचाव', 'चुभन'],
    HEART_ATTACK: ['heart attack', 'heartattack', 'dil ka daura', 'dil ke daure', 'cardiac arrest', 'हार्ट अटैक', 'दिल का दौरा', 'दिल के दौरे'],
    HEART_ATTACK_NOW: [`heart attack aa ${RAHA}`, `dil ka daura pad ${RAHA}`, 'हार्ट अटैक आ रहा', 'दिल का दौरा पड रहा'],

    // ---- breathing ----------------------------------------------------------------------
    BREATH_TROUBLE: [
      `${SAANS} ${NAHI} … aa|le|ली|आ|ले`, `${SAANS} lene me|mein|में … dikkat|takleef|taklif|pareshani|mushkil|दिक्कत|तकलीफ|परेशानी`, `${SAANS} … phool|ful|fool|फूल`,
      `${SAANS} … ruk|atak|ukhad|रुक|अटक|उखड`, `${SAANS} … tez|bahut tez|तेज`, `${SAANS} … chadh|चढ`, 'haanf*', 'hanf*', 'हांफ*', 'dam|dum ghut', 'ghutan', 'दम घुट', 'घुटन',
    ],
    CYANOSIS: ['hoth|honth|होंठ … neele|nile|neela|nila|kaale|नीले|नीला|काले', `neele|nile|neela|nila pad`, 'नीले|नीला पड*'],
    WHEEZE: ['dama ka attack', 'asthma attack', 'dama', 'ghargharahat', 'seeti', 'घरघराहट', 'दमा', 'सीटी'],
    WHEEZE_DANGER: ['bol nahi pa', 'pump se bhi', 'inhaler se bhi', 'aaram nahi', 'बोल नहीं पा', 'पंप से भी', 'आराम नहीं'],

    // ---- stroke -------------------------------------------------------------------------
    FACE_DROOP: [
      'chehra|chehre|muh|munh|mooh|moonh … latak*|tedha|tedhi|tircha|tirchha|jhuk*', 'ek taraf … latak*|jhuk*', 'muh|munh tedha', 'चेहरा|चेहरे|मुंह … लटक*|टेढा|टेढ़ा|झुक*|तिरछा',
      'एक तरफ … लटक*|झुक*',
    ],
    DENTAL: ['daant', 'dentist', 'दांत', 'डेंटिस्ट'],
    ARM_WEAK: [
      `${HAATH} … sunn|sun|kamzor|kamjor|bejaan|lakwa|सुन्न|कमजोर|बेजान`, `${HAATH} … (uth nahi|nahi uth|utha nahi|nahi utha|hil nahi|उठ नहीं|नहीं उठ|हिल नहीं)`,
      `uth ${NAHI} pa`, 'ek taraf … sunn|kamzor', 'एक तरफ … सुन्न|कमजोर', 'lakwa', 'laqwa', 'लकवा',
    ],
    SPEECH: [
      'bol nahi pa', 'theek se bol nahi', 'aawaz|awaaz|awaz|zabaan|zuban|jubaan|zaban … ladkhada*|ladkhad*|atak*', 'tutla*', 'बोल नहीं पा', 'आवाज|जुबान|जबान … लडखडा*',
      'साफ नहीं बोल', 'हकला*', 'ajeeb … bol',
    ],
    CONFUSED: ['confuse*', 'behki', 'pehchan nahi', 'pehchaan nahi', 'भ्रम', 'पहचान नहीं', 'बहकी'],
    VISION_LOSS: ['dikhna band', 'dikhai nahi', 'dikh nahi', 'दिखाई नहीं', 'दिखना बंद', 'double dikh'],
    STROKE_WORD: ['stroke', 'brain stroke', 'paralysis attack', 'स्ट्रोक', 'ब्रेन स्ट्रोक', 'पक्षाघात'],
    STROKE_NOW: [`stroke aa ${RAHA}`, 'stroke aaya hai', 'stroke pada hai', 'lakwa maar gaya', 'स्ट्रोक आ रहा', 'लकवा मार'],

    // ---- bleeding -----------------------------------------------------------------------
    BLEED: ['khoon', 'khun', 'bleeding', 'blood', 'rakt', 'raktsrav', 'खून', 'रक्त', 'रक्तस्राव', 'ब्लीडिंग'],
    HEAVY_BLEED: [
      'bahut', 'bohot', 'bahot', 'zyada', 'jyada', `ruk ${NAHI}`, `ruk hi ${NAHI}`, `${NAHI} ruk`, `band ${NAHI}`, `beh ${RAHA}`, `nikal ${RAHA}`, 'phuhaar', 'fawwara', 'fuvara',
      'bhig gaya', 'bheeg', 'bhar gaye', 'bhar gaya', 'lagatar', 'बहुत', 'ज्यादा', 'रुक नहीं', 'रुक ही नहीं', 'बंद नहीं', 'बह रहा|रही', 'निकल रहा|रही', 'फव्वारे', 'भीग', 'लगातार',
    ],
    WOUND_TRAUMA: ['chaku|chaaku lag*', 'goli lag*', 'gehra|gahra kat|ghaav|ghav|zakhm', 'accident', 'चाकू', 'गोली लगी', 'गहरा घाव|कट', 'दुर्घटना', 'एक्सीडेंट'],
    BLOOD_VOMIT: ['khoon ki ulti', 'ulti me|mein khoon', 'khansi me|mein khoon', 'खून की उल्टी', 'उल्टी में खून', 'खांसी में खून'],

    // ---- unresponsive -------------------------------------------------------------------
    UNRESPONSIVE: [
      'behosh', 'behos', 'behoshi', `hosh ${NAHI}`, `jaag ${NAHI}`, `utha ${NAHI} ${RAHA}`, `koi jawab ${NAHI}`, `jawab ${NAHI} de`, `hil ${NAHI} ${RAHA}`, `${SAANS} ${NAHI} le ${RAHA}`,
      'बेहोश', 'होश नहीं', 'जवाब नहीं दे', 'जाग नहीं', `उठ ${NAHI} ${RAHA}`, `हिल ${NAHI} ${RAHA}`, `सांस ${NAHI} ले ${RAHA}`, 'जमीन पर पडा|पडी',
    ],

    // ---- seizure ------------------------------------------------------------------------
    SEIZURE: ['daura', 'daure', 'mirgi', 'jhatke', 'jhatka', 'seizure', 'fits', 'दौरा', 'दौरे', 'मिर्गी', 'झटके', 'ऐंठन'],
    SEIZURE_NOW: [
      `jhatke aa ${RAHA}`, 'jhatke lag*', 'muh|munh se jhaag', 'jhaag aa', 'aankhen|aankhe|ankhe upar', `daura pad ${RAHA}`, `daure pad ${RAHA}`, 'sharir|badan|poora … akad*',
      'मुंह से झाग', 'झाग', 'आंखें ऊपर', 'शरीर … अकड*', 'झटके आ रहे', 'दौरे पड रहे', 'दौरा पड रहा', 'झटक रहा|रही',
    ],
    SHAKING: ['kaanp*', 'kamp*', 'thar thar', 'कांप*', 'थरथरा*'],

    // ---- suicide / self-harm ------------------------------------------------------------
    SUICIDAL: [
      'mar jana|jaana chahta|chahti|hai', 'marna chahta|chahti|hai', `jeena ${NAHI}`, `jeene ka mann|man ${NAHI}`, `zinda ${NAHI} rehna`, 'khud ko|apne aap ko maar*', 'khudkushi', 'aatmhatya',
      'atmhatya', 'suicide', 'sab khatam kar', 'jaan de dunga|dungi|doonga|dena', 'kalai|nas kaat*', 'khud ko nuksan|chot|hurt', `aur ${NAHI} jee`, 'phansi', 'fansi',
      'फांसी', 'आत्महत्या', 'खुदकुशी', 'खुद को मार*', 'मर जाना', 'मरना चाहत*', `जीने का मन ${NAHI}`, `जीना ${NAHI}`, 'सब खत्म कर', 'जान दे दूंगा|दूंगी', 'नस|कलाई काट*', 'खुद को नुकसान|चोट',
    ],

    // ---- overdose / poisoning -----------------------------------------------------------
    INGESTED: ['kha li|liya|liye|lin|gaya|gayi', 'khaa li|liya', 'pi li|liya', 'pee li|liya', 'nigal li|liya|gaya', 'खा ली|लिया|लीं', 'पी ली|लिया', 'निगल'],
    LARGE_AMOUNT: [
      'poori|puri|pura|poora sheeshi|shishi|bottle|patta|dabba', 'saari|sari goliyan|goli|goliyon', 'bahut saari|sari', 'bahut zyada', 'ek saath|sath', 'dher saari',
      'पूरी शीशी|बोतल', 'सारी गोलियां', 'बहुत सारी', 'एक साथ', 'पूरा पत्ता',
    ],
    DRUG: ['goli', 'goliyan', 'goliyon', 'golia', 'dawa', 'dawai', 'davai', 'tablet*', 'pills', 'neend ki', 'गोली', 'गोलियां', 'गोलियों', 'दवा', 'दवाई', 'नींद की'],
    POISON: [
      'chuhe marne', 'chuha maar', 'keetnashak', 'keeda maar', 'zehar', 'jahar', 'zeher', 'bathroom cleaner', 'toilet cleaner', 'harpic', 'phenyl', 'tezaab', 'tezab', 'acid',
      'kerosene', 'mitti ka tel', 'pesticide', 'bleach', 'जहर', 'कीटनाशक', 'चूहे मारने', 'फिनाइल', 'तेजाब', 'मिट्टी का तेल', 'हार्पिक',
    ],
    OVERDOSE_WORD: ['overdose', 'zyada dose', 'ओवरडोज', 'zehar kha', 'जहर खा'],

    // ---- anaphylaxis --------------------------------------------------------------------
    ALLERGEN: [
      'madhumakkhi', 'makkhi', 'bhirad', 'tataiya', 'tatiya', 'tatayya', 'kaata', 'kaat liya', 'dank', 'moongfali', 'mungfali', 'peanut', 'allergy', 'elargy', 'nayi dawa',
      'injection', 'khane ke baad', 'khayi', 'khaya', 'jheenga', 'machhli', 'मधुमक्खी', 'ततैया', 'काटा', 'डंक', 'मूंगफली', 'एलर्जी', 'नई दवा', 'इंजेक्शन', 'खाने के बाद', 'झींगा', 'मछली',
    ],
    THROAT_CLOSING: ['gala band', 'गला बंद', 'gale me|mein … sujan', 'गले में सूजन'],
    THROAT_SWELL: ['gala|gale … sooj*|suj*|jakdan', 'jeebh|jibh … sooj*|suj*', 'गला|गले … सूज*|जकडन', 'जीभ … सूज*'],
    FACE_SWELL: ['chehra|chehre|hoth|honth|jeebh|aankh|aankhen|muh|munh … sooj*|suj*|phool', 'चेहरा|चेहरे|होंठ|जीभ|आंख|आंखें|मुंह … सूज*|फूल'],
    HIVES: ['pitti', 'chakatte', 'dadde', 'पित्ती', 'चकत्ते', 'दाने'],
    ANAPHYLAXIS_WORD: ['anaphylaxis', 'allergic reaction', 'epipen', 'एनाफिलेक्सिस'],

    // ---- infant fever -------------------------------------------------------------------
    INFANT_AGE: [
      '<n:0-12> hafte|hafta|hafton|week|weeks|हफ्ते|हफ्ता|सप्ताह ka|ki|ke|का|की|के', '<n:0-90> din|dino|दिन ka|ki|ke|का|की|के',
      '<n:0-2> mahine|mahina|month|months|महीने|महीना ka|ki|ke|का|की|के', 'navjaat', 'newborn', 'new born', 'नवजात',
    ],
    FEVER: ['bukhar', 'bukhaar', 'bukar', 'fever', 'tap raha|rahi', 'badan tap', 'garam', 'tapish', 'temperature', 'thermometer', 'बुखार', 'तप रहा|रही', 'गरम', 'गर्म', 'तापमान', 'थर्मामीटर', '<n:38-42.9>', '<n:100.4-107>'],

    // ---- pregnancy bleeding -------------------------------------------------------------
    PREGNANT: ['pregnant', 'pregnancy', 'garbh', 'garbhvati', 'garbhavati', 'pet se', 'गर्भ', 'गर्भवती', 'प्रेग्नेंट', 'गर्भावस्था', 'miscarriage', 'गर्भपात', 'garbhpat'],
    CRAMPS: ['pet me|mein dard', 'pet dard', 'marod', 'thakke', 'clots', 'पेट में दर्द', 'पेट दर्द', 'थक्के', 'मरोड'],

    // ---- burns --------------------------------------------------------------------------
    BURN: ['jal gaya|gayi|gaye|gya', 'jala', 'jhulas*', 'khaulta', 'khaulte', 'ubalta', 'garam pani|tel', 'aag', 'burn', 'जल गया|गई|गए', 'जला', 'झुलस*', 'खौलता', 'उबलता', 'गरम पानी|तेल', 'आग'],
    BURN_SEVERE: [
      'chamdi|chamri|skin|khaal … utar*|nikal*|safed|kaali|jal*', 'chhale', 'chale', 'phaphole', 'bada hissa', 'poora|pura|pure haath|chehra|pair|sharir|badan', 'buri tarah', 'chehra',
      'seene', 'cylinder', 'चमडी|त्वचा|खाल … उतर*|निकल*|सफेद|काली', 'छाले', 'फफोले', 'बडा हिस्सा', 'बुरी तरह', 'चेहरा', 'सिलेंडर',
    ],

    // ---- thunderclap headache -----------------------------------------------------------
    HEADACHE: ['sar|sir|sarr … dard|phat*|fat*|dukh*', 'sardard', 'sirdard', 'headache', 'सिर|सर … दर्द|फट*', 'सिरदर्द', 'migraine', 'माइग्रेन'],
    WORST_EVER: [
      `zindagi me|mein kabhi ${NAHI}`, `kabhi ${NAHI} hua`, `pehle kabhi ${NAHI}`, 'sabse bura|tez|zyada|bhayankar', 'phat raha|rahi', 'fat raha|rahi', 'phatne', 'bijli', 'hathoda',
      `जिंदगी में कभी ${NAHI}`, `कभी ${NAHI} हुआ`, 'सबसे बुरा|तेज|ज्यादा', 'फट रहा|रही', 'फटने', 'बिजली', 'हथौडा', 'अब तक का सबसे',
    ],
    STIFF_NECK: ['gardan … akad*|jakad*|stiff', 'गर्दन … अकड*|जकड*'],

    // ---- choking ------------------------------------------------------------------------
    CHOKING: ['gale|gala me|mein … fas*|phas*|atak*|fans*|phans*', 'gala atak*', 'kuch atak gaya', 'choking', 'choke', 'गले में … फंस*|अटक*', 'गला अटक*'],
    SWALLOWED_OBJECT: ['nigal … sikka|battery|magnet|khilona', 'निगल … सिक्का|बैटरी'],
  },

  rules: tuneRules({
    set: {
      'choking.choking': { unless: ['HABITUAL'] },
      'overdose.large_amount': { window: 12 },
      'overdose.poison': { window: 10 },
      'seizure.now': { unless: ['HEART_ATTACK'] },
      'seizure.word': { unless: ['ADMIN', 'HEART_ATTACK', 'HABITUAL'], note: '"dil ka daura" is a heart attack, not a seizure' },
      'seizure.signs': { all: ['SHAKING', ['UNRESPONSIVE', 'SEIZURE']], unless: ['HEART_ATTACK'] },
      'thunderclap.worst': { window: 14 },
    },
    drop: ['burns.area', 'seizure.fit'],
  }),
};
