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
const NAHI2 = 'nahi|nahin|nai|nhi|ni|na|nahee|नहीं|नही|नई|नी|न|ना';
const RAHA = 'raha|rahi|rahe|rahin|rha|rhi|rhe|रहा|रही|रहे|रहीं';
const HAATH = 'haath|hath|haat|pair|paon|pao|taang|baanh|bazu|हाथ|पैर|पांव|टांग|बांह';

export const hi: LanguageRules = {
  language: 'hi',
  negation: { before: 2, after: 3 },
  negationSkips: ['के', 'का', 'की', 'बारे', 'में', 'को', 'ke', 'ka', 'ki', 'baare', 'bare', 'mein', 'me', 'ko'],
  // Short Hindi words that are English or Spanish words too ("bath mat", "un par de", "se han tomado").
  localGuards: ['mat', 'par', 'ab', 'bas', 'fir', 'han', 'haan', 'haa'],
  numbers: {
    ek: 1, do: 2, teen: 3, tin: 3, char: 4, chaar: 4, paanch: 5, panch: 5, chhe: 6, chhah: 6, saat: 7, aath: 8, nau: 9, das: 10,
    एक: 1, दो: 2, तीन: 3, चार: 4, पांच: 5, छह: 6, छः: 6, सात: 7, आठ: 8, नौ: 9, दस: 10,
    gyarah: 11, barah: 12, baarah: 12, terah: 13, chaudah: 14, pandrah: 15, solah: 16, satrah: 17, athara: 18, attharah: 18, unnis: 19, tees: 30, chalis: 40, pachas: 50, pachaas: 50,
    ग्यारह: 11, बारह: 12, तेरह: 13, चौदह: 14, पंद्रह: 15, पन्द्रह: 15, सोलह: 16, सत्रह: 17, अठारह: 18, उन्नीस: 19, बीस: 20, तीस: 30, चालीस: 40, पचास: 50,
  },
  concepts: {
    // ---- guards -------------------------------------------------------------------------
    // English "no"/"not" come from the English rules, which negate only forward.
    NEGATION: ['न', NAHI, 'mat', 'bina', 'मत', 'बिना', 'kabhi nahi', `koi (khayal|khyal|vichar|irada) ${NAHI}`, 'कोई (खयाल|ख्याल|विचार|इरादा) (नहीं|नही)'],
    HYPOTHETICAL: ['(सहेली|दोस्त|saheli|dost) (शायद|shayad)', 'maan lo', 'maan lijiye', 'man lo', 'मान लो', 'मान लीजिए', 'suppose', 'in case', 'kabhi agar', 'agar kabhi', 'अगर कभी', 'agar', 'yadi', 'jab koi', 'kisi ko', 'अगर', 'यदि', 'किसी को', 'jab kisi'],
    // Hindi asks at the end of the sentence, so question words cover the whole sentence (INFO_TOPIC).
    HYPOTHETICAL_END: ['(जाए|जाये|jaye|jaaye|ho|हो) (तो|to|toh)', '(पड़े|पडे|pade|pade|aaye|aye|आए|आये|लगे|lage) (तो|to|toh)', '(जाए|जाये) तो'],
    INFO_QUESTION: [],
    // "kya karu", "kya karna chahiye", "kaunsa hospital" (what do I do, which hospital) are NOT here: that is how an emergency asks for help.
    INFO_TOPIC: [
      '(कितने|kitne|kitna|कितना) … (पर|par|pe) … (चिंता|chinta)', 'चिंता करनी चाहिए', 'chinta karni chahiye', 'kaise pata', 'kaise pehchane|pehchaane|pahchane', 'pehchan|pehchaan|pahchan kaise', 'kaise bache|bachein|bachen', 'kaise roke', 'jaankari', 'janna chahta|chahti|hai', 'sikhna', 'kaise pata',
      '(me|mein|beech|kya) (fark|farak)', '(fark|farak) (kya|kaise)', '(kaise|kese) (fark|farak)', '(fark|farak) (karein|karen|kare|karu|pehchane|pehchaane|pahchane)', 'antar', 'कैसे पता', 'कैसे पहचान*', 'जानना चाहत*', 'जानकारी', 'सीखना', '(में|बीच|क्या) फर्क', 'फर्क (क्या|कैसे)',
      'कैसे फर्क', 'फर्क (करें|करे|पहचान*)', 'अंतर', 'lakshan', 'lachhan', 'symptoms', 'लक्षण', 'kab serious', 'kab khatarnak', 'se bachne', 'bachne ke liye', 'से बचने',
      '(hone|padne|aane) (pe|par) (kya|क्या)', 'लक्षण*', 'lakshan*', 'sanket', 'संकेत', 'training', 'ट्रेनिंग', 'workshop', 'वर्कशॉप', 'poster', 'पोस्टर', 'flyer',
      'पर्चे', 'पुस्तिका', 'booklet', 'case study', 'केस स्टडी', 'awareness', 'jagrukta', 'जागरूकता', '(kitne ghante|कितने घंटे) (me|में|baad|बाद)', '(kitni der|कितनी देर) (me|में|tak|तक)', 'bachav|bachaav', 'बचाव',
      'roktham', 'रोकथाम', 'general info|sawal|question', 'info chahiye', 'जानकारी चाहिए', 'bas jaanna|janna|puchna|poochna tha', 'बस जानना|पूछना था', 'बस पूछ रही|रहा', 'curiosity', 'kya hota hai', 'क्या होता है', 'form me|mein|pe likha',
      'फॉर्म में', 'inme se kuch nahi', 'इनमें से कुछ नहीं', 'practical', 'प्रैक्टिकल', 'सामान्य नीति', 'material', 'मटीरियल', '(होने|पडने|आने) पर क्या', 'sikhna hai', 'seekh rah*', 'sikh rah*',
      'seekhna', 'seekhne', 'सीख रह*', 'सीखने',
      '(first aid|cpr|फर्स्ट एड|biology|science|health|हेल्थ|nursing|नर्सिंग) (class|क्लास|exam|परीक्षा|project|प्रोजेक्ट|video|वीडियो)', '(school|college|स्कूल|कॉलेज) (project|प्रोजेक्ट|assignment)', '(project|प्रोजेक्ट) (ke liye|के लिए)', '(youtube|यूट्यूब|instagram|reel) (video|वीडियो|पर|pe|par)', '(video|वीडियो|reel) (me|mein|में) (dekha|देखा|dikhaya|दिखाया|bataya|बताया)', '(exam|परीक्षा) (me|mein|में) (aaya|aata|aayega|puchha|pucha|आया|आता|पूछा)', '(video|वीडियो|reel|videos) (dekh|देख|dekhkar|dekh kar)', 'presentation', 'प्रेजेंटेशन', 'प्रेज़ेंटेशन', 'seminar', 'सेमिनार', 'assignment', '(film|movie|serial|picture|फिल्म|फ़िल्म|सीरियल|मूवी) (me|mein|में|ka|का|ki|की)', '(news|khabar|akhbar|न्यूज़|न्यूज|खबर|ख़बर|अखबार) (me|mein|में|pe|par|पर)', '(ka|का|ki|की) (exam|परीक्षा)', '(biology|बायोलॉजी|science|साइंस) (project|प्रोजेक्ट|class|क्लास)', '(model|मॉडल|chart|चार्ट) (banana|बनाना|banane|बनाने)',
    ],
    PRESENT: ['dikh rahe|raha|rahi', 'दिख रहे|रहा|रही', 'abhi', 'abhi abhi', 'is waqt', 'ho raha hai', 'ho rahi hai', 'अभी', 'हो रहा', 'हो रही', '(kar|कर) (raha|rahi|rahe|रहा|रही|रहे) (hai|hain|he|है|हैं)', 'ab bhi', 'abhi bhi', 'अब भी', 'अभी भी'],
    PAST: ['<n:1-99> (months|month|years|year|weeks|week) (pehle|pahle|पहले|ago)', '(jab|जब) … <n:1-99> (mahine|mahina|saal|sal|din|hafte|महीने|साल|दिन|हफ्ते) (ka|ki|ke|का|की|के) (tha|thi|the|था|थी|थे)', '(गत|पिछले) (वर्ष|साल|माह|महीने)', '(जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर) (में|मे)', '(january|february|march|april|june|july|august|september|october|november|december) (me|mein|mai)', '(endoscopy|एंडोस्कोपी|operation|ऑपरेशन|surgery|सर्जरी) (se|से) (nikal*|निकाल*)', '(hospital|अस्पताल) (me|में|mein) (thi|tha|the|थी|था|थे)', '(padh|पढ) (rahi|raha|रही|रहा) (thi|tha|थी|था)', '(nikla|nikli|निकला|निकली)', '(पहली|पिछली|pehli|pichhli) (प्रेग्नेंसी|डिलीवरी|pregnancy|delivery)', '(college|कॉलेज|school|स्कूल|university) (me|में|mein) … (hua|hui|हुआ|हुई) (tha|thi|था|थी)', 'किशोरावस्था', 'kishoravastha', 'teenage (me|mein|में)', '<n:1-99> (saal|sal) (ki|ka|ke) (thi|tha|the)', '<n:1-99> साल (की|का|के) (थी|था|थे)', 'bachpan', 'बचपन', 
      'pichle|pichhle|pichla saal|sal|mahine|mahina|hafte|baar', '<n:1-99> saal|sal|mahine|mahina|hafte pehle|pahle', 'kuch saal|mahine pehle|pahle', 'bachpan me|mein',
      'pehle|pahle … (hua tha|hui thi|hue the|pada tha|padi thi|aaya tha|aayi thi)', 'पिछले साल|महीने|हफ्ते', 'साल पहले', 'महीने पहले', 'पहले … (हुआ था|हुई थी|पडा था)', 'बचपन में', 'pichhle|pichhli|pichli saal|sal|mahine|hafte|baar|sardi|garmi', 'पिछली|पिछले (बार|सर्दी|गर्मी|प्रेग्नेंसी)', 'history', 'हिस्ट्री', '(lagta tha|लगता था)', '(saal se clean|साल से क्लीन)', 'ek (zamana|jamana|samay|waqt|wakt) (tha|thaa)', '(plan|yojana|योजना|प्लान) (banaya|banayi|बनाया|बनाई|बनायी) (tha|thi|था|थी)', 'एक (ज़माना|जमाना|समय|वक़्त|वक्त) था', 'in <n:1950-2035>', '<n:1950-2035> (me|mein|में)',
    ],
    RESOLVED: [
      'ab theek|thik|sahi', 'ruk gaya|gayi|gya', 'ab nahi hai', '(khoon|ulti|dard|daura|jhatke|bleeding) band ho gaya|gayi', 'theek ho gaya|gayi|gaye', 'hosh aa gaya|gayi', 'hosh me aa', 'रुक गया|गई', 'अब ठीक', 'ठीक हो गया|गई|गए',
      'होश आ गया|गई', '(खून|उल्टी|दर्द|दौरा|झटके) बंद हो गया|गई',
      'ab (bahut |kaafi |kafi |)(behtar|better)', 'अब (बहुत |काफ़ी |काफी |)बेहतर', '(saal|sal|mahine|mahino|hafte|साल|महीने|महीनों|हफ्ते) se (theek|thik|behtar|better|ठीक|बेहतर)', '(साल|महीने|महीनों|हफ्ते) से (ठीक|बेहतर)',
    ],
    // A strip of tablets ('paracetamol ki puri patti', 'गोलियां खा ली पूरी पत्ती') is no leaf of a plant (rule poisoning.plant).
    PILL_STRIP: ['(goli|goliyon|goliyan|golia|tablet|tablets|dawai|dawa|paracetamol|crocin|dolo|calpol|medicine|गोली|गोलियों|गोलियां|गोलीयां|दवा|दवाई|टैबलेट|पैरासिटामोल) … (patti|patta|pattiyan|पत्ती|पत्ता|पत्तियां)'],
    IDIOM: [
      // 'Nearly had a heart attack' over a cricket match is a figure of speech.
      '(heart attack|हार्ट अटैक|attack|अटैक|daura|दौरा) (aate aate|aate-aate|आते आते|आते-आते|padte padte|पड़ते पड़ते) (bacha|bachi|bache|बचा|बची|बचे)',
      // Traffic, work or the heat 'will kill me' is a complaint, not a threat.
      '(traffic|kaam|boss|garmi|sardi|bill|exam|padhai|ट्रैफिक|ट्रैफ़िक|काम|गर्मी|बॉस|पढ़ाई) … (maar|mar|मार) (dalega|dalegi|daalega|daalegi|dalenge|डालेगा|डालेगी|डालेंगे)',
      // A transfusion is a treatment, not a sign of bleeding now.
      '(khoon|khun|khoon ki bottle|खून|ख़ून) (chadhana|chadhaya|chadhna|chadhane|chadha|चढ़ाना|चढ़ाया|चढ़ाने|चढ़ा|चढाना|चढाया|चढाने|चढा)', '(blood|ब्लड) (transfusion|ट्रांसफ्यूजन|ट्रांसफ़्यूज़न|chadhana|chadhaya|चढ़ाना|चढ़ाया)', '<n:1-9> (unit|units|यूनिट) (khoon|khun|blood|खून|ख़ून|ब्लड)','(chocolate|sugar|mithai|netflix|kaam|चॉकलेट|मिठाई) (ka|का|ki|की) (overdose|ओवरडोज)', '(se|से) (baby|bachche|bacche|bache|bachhe|bachchi|बच्चे|बच्ची|शिशु|बेबी) (ko|को) … (hoga|hogi|ho sakta|ho sakti|hota|hoti|होगा|होगी|हो सकता|हो सकती|होता|होती)', '(khushi|खुशी) (ke|के) (maare|mare|मारे) … (saans|सांस|sans)', '(खुशखबरी|khushkhabri|खुशी|khushi) … … (सांस|saans) (ही |) (अटक|atak)', '(hanste|haste|हंसते) … (chai|paani|khana|चाय|पानी) … (gale|गले) … (atak|अटक|fas|फंस)', 'hanste hanste', 'हंसते हंसते', 
      'jaan le lega|legi|lenge', 'jaan nikal', 'jaan hi nikal', 'meri jaan', 'hans hans ke', 'haste haste', 'hasi se', 'bhookh|bhuk|bhukh se mar', 'intezaar|intezar|intjar … mar',
      'karte karte mar', 'mar rahi|raha hu|hun|hoon intezaar|intezar', 'heart attack … lol|haha', 'dekh ke|kar … heart attack', 'dil baith gaya', 'naam sunte hi', 'नाम सुनते ही', 'bahut|bohot|बहुत kam|कम', 'panic attack', 'पैनिक अटैक', 'anxiety attack', '(stroke|स्ट्रोक|heart attack|हार्ट अटैक|sepsis|सेप्सिस|overdose|ओवरडोज|seizure|दौरे) (ke|के) (baad|बाद)', '(stroke|स्ट्रोक|overdose|ओवरडोज|sepsis|सेप्सिस) (wale|wala|wali|वाले|वाला|वाली|ward|वार्ड|treat|ka ilaj|का इलाज)', '(domestic violence|sexual assault|rape|घरेलू हिंसा|यौन हिंसा|आत्महत्या|suicide|self harm|overdose) (survivor*|support|group|flyer|poster|awareness|counsellor|counselor|wali|wala|helpline|हेल्पलाइन|रोकथाम|पोस्टर|talk|ward|prevention|के बारे में)', '(stroke|स्ट्रोक) … (treat|ilaj|ilaaj|इलाज)', 'heat stroke', 'sun stroke', '(karz|karze|karj|कर्ज|कर्जे) … (doob*|डूब*)', '(hair|baal|बाल) cutting', 'haan', 'han', 'haa', 'brown sugar', 'dil toot', 'sar kha', 'dimag kharab',
      'जान ले लेगा|लेगी', 'जान निकल', 'जान ही निकाल', 'हंस हंस', 'भूख से मर', 'मरी|मरा जा रही|रहा', 'दिल बैठ गया', 'दिल टूट', 'इंतजार … मर', 'देखकर … (हार्ट अटैक|दिल का दौरा)',
      // set phrases whose words are not symptoms
      'ghabrahat|ghabrahat|panic|anxiety ke|ka daure|daura', 'घबराहट के दौरे', 'blood pressure|test|sugar', 'bp', 'खून की जांच', 'ब्लड टेस्ट', 'ब्लड प्रेशर', 'खून जांच', 'khoon ki jaanch|janch', 'khoon|khun ki|ka report|test', 'खून की रिपोर्ट', 'खून का टेस्ट',
    ],
    CLAUSE_BREAK: ['lekin', 'par', 'magar', 'kintu', 'ab', 'phir', 'fir', 'लेकिन', 'पर', 'मगर', 'अब', 'फिर', 'bas', 'toh', 'तो'],

    // ---- shared modifiers -----------------------------------------------------------------
    // Not "chhota" alone: "chhota baccha" is the child, not the injury.
    MINOR: ['thoda', 'thodi', 'thoda sa', 'halka', 'halki', 'halka sa', 'chhota sa', 'chhoti si', 'zara sa', 'jara sa', 'थोडा', 'थोडी', 'हल्का', 'हल्की', 'छोटा सा', 'छोटी सी', 'जरा'],
    SMALL_WOUND: ['chhota sa kat', 'chhota kat', 'naak', 'masood*', 'masud*', 'shaving', 'छोटा सा कट', 'नाक', 'मसूड*', 'शेविंग'],
    SEVERE: ['bahut tez', 'tez', 'bhayankar', 'bhayanak', 'bahut zyada', 'asahniya', 'buri tarah', 'बहुत तेज', 'तेज', 'भयानक', 'बुरी तरह', 'असहनीय', 'बहुत ज्यादा'],
    SUDDEN: ['अकस्मात', 'अकस्मात्', 'akasmat', '<n:1-59> (मिनट|minute|min|minat) (पूर्व|पहले|pehle|pahle)', '(पिछले|pichhle|pichle) (एक|ek|do|दो|आधे|aadhe) (घंटे|ghante|ghanta) (से|se)', 'pehle kabhi (aisa|esa) (nahi|nhi)', 'पहले कभी ऐसा नहीं', 'aaj (subah|shaam|dopahar) se', 'आज (सुबह|शाम|दोपहर) से', 'achanak', 'ekdum', 'ek dum', 'ek dam', 'ekdam', 'abhi abhi', '<n:1-59> min|minute|mint pehle', 'अचानक', 'एकदम', 'एक दम', 'अभी अभी', 'मिनट पहले'],
    ADMIN: [
      'refill', 'पर्ची', 'parchi', 'dawa par|pe hu', 'दवा पर हूं', 'कॉपी', 'certificate', 'सर्टिफिकेट', 'प्रमाणपत्र', 'refill', 'appointment', 'checkup', 'check up', 'follow up', 'followup', 'report', 'parcha', 'record', 'dawa|dawai|davai khatam', 'dawa|dawai chahiye', 'अपॉइंटमेंट',
      'रिफिल', 'फॉलो अप', 'दवा खत्म', 'दवा की डोज', 'डोज', 'चेकअप', 'recovery', 'रिकवरी',
    ],
    EXERTION: ['seedhi', 'sidhi', 'chadhne', 'chalne par|pe', 'chalte waqt', 'exercise', 'daudne', 'सीढी', 'सीढ़ी', 'चलने पर', 'दौडने'],
    ONGOING_SINCE: ['(pichle|pichhle|pichla|pichhla|पिछले|पिछला) (saal|sal|mahine|mahina|hafte|hafta|हफ्ते|हफ़्ते|महीने|साल) (se|से)', '<n:1-99> (saal|sal|mahine|mahino|hafte|hafton|din|dino|साल|महीने|महीनों|हफ्ते|हफ़्ते|दिन|दिनों) (se|से)'],
    HABITUAL: ['jaati hai|hain', 'jati hai|hain', 'jata hai', 'jaata hai', 'जाती है', 'जाता है', '(saal se|साल से|salon se|सालों से)', 'kabhi kabhi', 'aksar', 'roz', 'hamesha', 'raat ko', 'kharrate', 'aate hai|hain', 'aata hai', 'aati hai', 'कभी कभी', 'अक्सर', 'हमेशा', 'रोज', 'खर्राटे', 'जैसा लगता', 'आते हैं', 'आता है'],
    VOMIT: ['ulti', 'ultiyan', 'ultiya', 'उल्टी', 'उल्टियां'],
    DIZZY: ['chakkar', 'चक्कर', 'sir ghoom'],

    // ---- chest pain ---------------------------------------------------------------------
    CHEST: ['seene', 'seena', 'sina', 'sine', 'seeney', 'chhati', 'chhaati', 'chati', 'chest', 'dil', 'सीने', 'सीना', 'छाती', 'दिल'],
    CHEST_PAIN: ['dabane wala', 'दबाने वाला', 'dabav wala', 'pakad*', 'पकड*', 'bojh', 'बोझ', 'dard', 'dardh', 'pain', 'dabav', 'dabaav', 'dabao', 'jakdan', 'jakdaan', 'bhaari', 'bharipan', 'kheench*', 'chubhan', 'दर्द', 'दबाव', 'जकडन', 'भारीपन', 'भारी', 'खिंचाव', 'चुभन'],
    HEART_ATTACK: ['heart attack', 'heartattack', 'dil ka daura', 'dil ke daure', 'dil ka (dora|doura|dauda|daur|dorra|dura)', 'dil ke (dore|doure)', 'cardiac arrest', 'हार्ट अटैक', 'दिल का दौरा', 'दिल के दौरे'],
    HEART_ATTACK_NOW: [`heart attack aa ${RAHA}`, `dil ka daura pad ${RAHA}`, 'हार्ट अटैक आ रहा', 'दिल का दौरा पड रहा'],

    // ---- breathing ----------------------------------------------------------------------
    BREATH_TROUBLE: [
      `${SAANS} ${NAHI} … aa|le|ली|आ|ले`, `${SAANS} lene me|mein|में … dikkat|takleef|taklif|pareshani|mushkil|दिक्कत|तकलीफ|परेशानी`, `${SAANS} … phool|ful|fool|फूल`,
      `${SAANS} … ruk|atak|ukhad|रुक|अटक|उखड`, `${SAANS} … tez|bahut tez|तेज`, '(hawa|hava|हवा) (andar |अंदर |)(nahi|nhi|nai|नहीं|नही|kam|कम) (ja|jaa|जा)', `${SAANS} … chadh|चढ`, 'haanf*', 'hanf*', 'हांफ*', 'dam|dum ghut', 'ghutan', 'दम घुट', 'घुटन',
    ],
    CYANOSIS: ['hoth|honth|होंठ … neele|nile|neela|nila|kaale|नीले|नीला|काले', `neele|nile|neela|nila pad`, 'नीले|नीला पड*'],
    WHEEZE: ['dama ka attack', 'asthma attack', 'dama', 'ghargharahat', 'seeti', 'घरघराहट', 'दमा', 'सीटी'],
    WHEEZE_DANGER: [`${NAHI2} bol (pa|paa|पा)`, `bol (${NAHI2}) (pa|paa)`, `(pump|inhaler|inhelar|puff|पंप|इनहेलर) … (kuch|koi|कुछ|कोई) (${NAHI2}|farak|fark|asar|फर्क|असर)`, `(pump|inhaler|inhelar|puff|पंप|इनहेलर) … (kaam|काम) (${NAHI2})`, `(aaram|aram|आराम) (${NAHI2})`,
      '(pump|inhaler|inhelar|पंप|इनहेलर|asthalin) … <n:6-60> (baar|bar|puff|बार|पफ|पफ़)', '<n:6-60> (puff|पफ|पफ़) … (liye|le|lie|लिए|ले)', '(do|ek|teen|दो|एक|तीन) … (shabd|shabad|lafz|शब्द) … (bol|बोल)', '(saans|sans|साँस|सांस) (toot*|tut*|टूट*)', 'साँस टूट', `${NAHI2} बोल पा`, '(puff|पफ) … (de diya|diye|दे दिए|दे चुकी|still)', 'still wheezing', 'कोई फर्क नहीं', 'farak|fark nahi pad*','bol nahi pa', 'pump se bhi', 'inhaler se bhi', 'aaram nahi', 'बोल नहीं पा', 'पंप से भी', 'आराम नहीं'],

    // ---- stroke -------------------------------------------------------------------------
    FACE_DROOP: [
      'chehra|chehre|muh|munh|mooh|moonh … latak*|tedha|tedhi|tircha|tirchha|jhuk*', 'ek taraf … latak*|jhuk*', 'muh|munh tedha', 'चेहरा|चेहरे|मुंह … लटक*|टेढा|टेढ़ा|झुक*|तिरछा',
      'एक तरफ … लटक*|झुक*',
      '(होंठ|होठ|hont|honth|hoth|मुँह|मुंह|muh|munh) … (कोना|kona|किनारा|kinara) … (लटक*|latak*|नीचे|neeche|niche|टेढ*|tedh*)',
    ],
    DENTAL: ['daant', 'dentist', 'दांत', 'डेंटिस्ट'],
    ARM_WEAK: [`${HAATH}|hand|arm|leg … (utha|uth|pakad|उठा|उठ|पकड) ${NAHI2} (pa|paa|पा)`, `(${HAATH}|hand|arm|leg) … (uth|utha|उठ|उठा) (${NAHI2}) (${RAHA})`, `${HAATH}|hand|arm|leg … weak|numb`,
      `${HAATH} … sunn|sun|kamzor|kamjor|bejaan|lakwa|सुन्न|कमजोर|बेजान`, `${HAATH} … (uth nahi|nahi uth|utha nahi|nahi utha|hil nahi|उठ नहीं|नहीं उठ|हिल नहीं)`,
      `uth ${NAHI} pa`, 'ek taraf … sunn|kamzor', 'एक तरफ … सुन्न|कमजोर', 'lakwa', 'laqwa', 'लकवा',
    ],
    SPEECH: ['(वाणी|बोली|आवाज़|आवाज) (अस्पष्ट|लड़खड़ा*|लडखडा*)', 'ulti seedhi (baatein|baate|baat)', '(shabd|शब्द|alfaaz) … (gadbad|गडबड|nahi nikal|नहीं निकल|galat|गलत)', 'galat shabd', 'गलत शब्द', 
      'bol nahi pa', 'theek se bol nahi', 'aawaz|awaaz|awaz|zabaan|zuban|jubaan|zaban … ladkhada*|ladkhad*|atak*', 'tutla*', 'बोल नहीं पा', 'आवाज|जुबान|जबान … लडखडा*',
      'साफ नहीं बोल', 'हकला*', 'ajeeb … bol',
    ],
    CONFUSED: [`(jawab|javab|जवाब) (theek se |thik se |ठीक से |)(${NAHI2}) (de|दे)`, '(किसी को|kisi ko|kisiko) (भी |bhi |)(पहचान|pehchan|pahchan|pehchaan|pahchaan) (नहीं|nahi|nahin|nhi|नही) (रही|रहीं|रहे|रहा|पा|पाती|पाते|pa|rahi|rahin|rahe|raha)','(ulta pulta|उल्टा पुल्टा)', '(उलझे|uljhe|उलझी|uljhi) (हुए|hue|हुई|hui)', 'उलझन', 'uljhan', '(बेतुकी|betuki) (बातें|baatein|baate)', '(कौन सा|kaun sa|konsa) (दिन|din) … (नहीं|nahi)', '(samajh|samaj|समझ) (nahi|nhi|नहीं|नही) (aa|आ) (raha|rahi|rahe|रहा|रही|रहे)', '(kuch|कुछ) (samajh|समझ) (nahi|नहीं) (aa|आ)', '(din|saal|tareekh|दिन|साल|तारीख) (bhi |भी |)(nahi|नहीं) (pata|पता)', '(kahan|कहां|कहाँ) (hai|हैं|है) … (pata nahi|पता नहीं)', '(jawab|जवाब) … (ulta|उल्टा)', '(ulta|उल्टा) (jawab|जवाब)', 'behki|bahki', 'बहकी', '(badbada*|बडबडा*)', '(same|wahi|वही|ek hi|एक ही) (sawal|baat|सवाल|बात) … (puch*|pooch*|पूछ*)','confuse*', 'behki', 'pehchan nahi', 'pehchaan nahi', 'भ्रम', 'पहचान नहीं', 'बहकी'],
    VISION_LOSS: ['dikhna gayab|गायब', 'दिखना गायब', 'double|डबल|do do|दो दो dikh|दिख*', 'ek aankh|एक आंख … (dikhna|dikhai|दिखना|दिखाई) (band*|बंद*|nahi*|नहीं*)', 'nazar chali', 'नजर चली','dikhna band', 'dikhai nahi', 'dikh nahi', 'दिखाई नहीं', 'दिखना बंद', 'double dikh'],
    STROKE_WORD: ['मस्तिष्काघात', 'मस्तिष्क आघात', 'लकवे का दौरा', 'stroke', 'brain stroke', 'paralysis attack', 'स्ट्रोक', 'ब्रेन स्ट्रोक', 'पक्षाघात'],
    STROKE_NOW: [`stroke aa ${RAHA}`, 'stroke aaya hai', 'stroke pada hai', 'lakwa maar gaya', 'स्ट्रोक आ रहा', 'लकवा मार'],

    // ---- bleeding -----------------------------------------------------------------------
    BLEED: ['(pad|पैड) … (bheeg*|भीग*|bhar*|भर*)', 'thakke', 'थक्के', 'thakka', 'थक्का', 'clots','khoon', 'khun', 'bleeding', 'blood', 'rakt', 'raktsrav', 'खून', 'रक्त', 'रक्तस्राव', 'ब्लीडिंग'],
    HEAVY_BLEED: ['(har taraf|chaaron taraf|charo taraf|हर तरफ|चारों तरफ)', '(bistar|bister|chadar|chaddar|bed|gadda|बिस्तर|चादर|गद्दा) … (se|से) (laal|lal|bhar*|bheeg*|sana|sani|लाल|भर*|भीग*|सना|सनी)', '(santre|santra|nimbu|ande|anda|mutthi|golf ball|संतरे|संतरा|नींबू|अंडे|अंडा|मुट्ठी) (jitna|jitne|jitni|jaisa|jaise|जितना|जितने|जितनी|जैसा|जैसे) (thakka|thakke|थक्का|थक्के)', 'non stop', 'nonstop','(pad|पैड) … (bheeg*|भीग*|bhar*|भर*)', 'thakke', 'थक्के', 'thakka', 'थक्का', 'clots',
      'bahut', 'bohot', 'bahot', 'zyada', 'jyada', `ruk ${NAHI}`, `ruk hi ${NAHI}`, `${NAHI} ruk`, `band ${NAHI}`, `beh ${RAHA}`, `nikal ${RAHA}`, 'phuhaar', 'fawwara', 'fuvara',
      'bhig gaya', 'bheeg', 'bhar gaye', 'bhar gaya', 'lagatar', 'बहुत', 'ज्यादा', 'रुक नहीं', 'रुक ही नहीं', 'बंद नहीं', 'बह रहा|रही', 'निकल रहा|रही', 'फव्वारे', 'भीग', 'लगातार',
    ],
    MENSTRUAL: ['period*', 'mahwari', 'mahawari', 'mahavari', 'maahwari', 'mahvari', 'masik dharm', 'mc', 'पीरियड*', 'माहवारी', 'मासिक धर्म', 'मासिक', 'एमसी', 'tampon*'],
    WOUND_TRAUMA: ['chaku|chaaku lag*', 'goli lag*', 'gehra|gahra kat|ghaav|ghav|zakhm', 'accident', 'चाकू', 'गोली लगी', 'गहरा घाव|कट', 'दुर्घटना', 'एक्सीडेंट'],
    BLOOD_VOMIT: ['(potty|latrine|mal|tatti|पॉटी|टट्टी|मल) … (kaali|kaala|kali|काली|काला)','khoon ki ulti', 'ulti me|mein khoon', 'khansi me|mein khoon', 'खून की उल्टी', 'उल्टी में खून', 'खांसी में खून'],

    // ---- unresponsive -------------------------------------------------------------------
    UNRESPONSIVE: ['uth (nahi|nahin|nai|nhi|नहीं|नही) (raha|rahi|rahe)', 'उठ (nahi|nahin|nai|nhi|नहीं|नही) (रहा|रही|रहे|रहीं)', 
      '(response|रिस्पॉन्स|रिस्पांस) (nahi|nhi|नहीं|नही) (de|दे) (rahe|rahi|raha|रहे|रही|रहा)', 'behosh', 'behos', 'behoshi me|mein|ki halat', 'koi response nahi', 'response nahi', 'कोई हरकत नहीं', 'हरकत नहीं', 'कोई जवाब नहीं', `jaga ${NAHI} pa`, `जगाने पर भी ${NAHI} (जाग*|उठ*)`, `${NAHI} uth ${RAHA}`, `उठ नही रहे|रहा|रही`, `hosh ${NAHI}`, `jaag ${NAHI}`, `utha ${NAHI} ${RAHA}`, `koi jawab ${NAHI}`, `jawab ${NAHI} de`, `hil ${NAHI} ${RAHA}`, `${SAANS} ${NAHI} le ${RAHA}`,
      '(naam|नाम) … (pukar*|bula*|aawaz|awaz|पुकार*|बुला*|आवाज़*) … (hila*|jhinjhod*|हिला*|झिंझोड़*) … (kuch nahi|kuchh nahi|koi jawab nahi|koi response nahi|कुछ नहीं|कोई जवाब नहीं|कोई हरकत नहीं)', '(hilane|hilaya|hilao|jhinjhodne|हिलाने|हिलाया|हिलाओ|झिंझोड़ने) (par|pe|se|पर|पे|से|) … (koi jawab nahi|koi response nahi|कोई जवाब नहीं|कोई हरकत नहीं|hosh nahi|होश नहीं)', 'बेहोश', 'होश नहीं', 'जवाब नहीं दे', 'जाग नहीं', `उठ ${NAHI} ${RAHA}`, `हिल ${NAHI} ${RAHA}`, `सांस ${NAHI} ले ${RAHA}`, 'जमीन पर पडा|पडी',
    ],

    // ---- seizure ------------------------------------------------------------------------
    SEIZURE: ['daura', 'daure', 'mirgi', 'jhatke', 'jhatka', 'seizure', 'fits (aaye|aaya|aate|aati|aa rahe|aa raha|aa gaye|aaye the|pade|pad rahe|padte|padne)', '(ko|ke|ki|use|usko|mujhe) fits', '(फिट्स|fits) (आए|आया|आते|आ रहे|पड़े|पड़ रहे)', 'दौरा', 'दौरे', 'मिर्गी', 'झटके', 'ऐंठन'],
    SEIZURE_NOW: [
      `jhatke aa ${RAHA}`, 'jhatke lag*', 'muh|munh se jhaag', 'jhaag aa', 'aankhen|aankhe|ankhe upar', `daura pad ${RAHA}`, `daure pad ${RAHA}`, 'sharir|badan|poora … akad*',
      'मुंह से झाग', 'झाग', 'आंखें ऊपर', 'शरीर … अकड*', 'झटके आ रहे', 'दौरे पड रहे', 'दौरा पड रहा', 'झटक रहा|रही',
    ],
    SHAKING: ['kaanp*', 'kamp*', 'thar thar', 'कांप*', 'थरथरा*'],

    // ---- suicide / self-harm ------------------------------------------------------------
    SUICIDAL: ['(kood|कूद) (jaungi|jaunga|jaun|jaaungi|jaaunga|जाऊंगी|जाऊंगा|जाऊं)', '(rassi|fanda|phanda|रस्सी|फंदा) … (taiyar|tayar|तैयार)',
      'mar jana|jaana chahta|chahti|hai', 'marna chahta|chahti|hai', `jeena ${NAHI}`, `jeene ka mann|man ${NAHI}`, `zinda ${NAHI} rehna`, 'khud ko|apne aap ko maar*', 'khudkushi', 'aatmhatya',
      'atmhatya', 'suicide', 'sab khatam kar', 'jaan de dunga|dungi|doonga|dena', 'kalai|nas kaat*', 'khud ko nuksan|chot|hurt', `aur ${NAHI} jee`, 'phansi', 'fansi',
      'फांसी', 'आत्महत्या', 'खुदकुशी', 'खुद को मार*', 'मर जाना', 'मरना चाहत*', `जीने का मन ${NAHI}`, `जीना ${NAHI}`, 'सब खत्म कर', 'जान दे दूंगा|दूंगी', 'नस|कलाई काट*', 'खुद को नुकसान|चोट',
      // Taking one's own life, ending it, wanting to die, said the everyday way in both scripts.
      '(apni|apn|khud ki) jaan (le|lena|leni|lene|lunga|lungi|loonga|loongi|lu|lun)', '(अपनी|खुद की) जान (ले|लेना|लेनी|लेने|लूँगा|लूँगी|लूंगा|लूंगी|लूँ|लूं)',
      '(mujhe|muje|mujhko) (marna|mrna) (hai|h|he)', '(मुझे|मुझको) मरना है', '(marne|मरने) (ka|ki|का|की) (mann|man|dil|iccha|ichha|khayal|khyal|मन|दिल|इच्छा|ख्याल|खयाल)',
      '(zindagi|jindagi|zindgi|jeevan|ज़िंदगी|जिंदगी|जीवन) (khatam|khatm|khtm|खत्म|ख़त्म|समाप्त) (kar|karna|karni|karne|karunga|karungi|कर|करना|करनी|करने|करूँगा|करूँगी|करूंगा|करूंगी)',
      '(khud|apne aap|apneaap) ko (khatam|khatm|khtm)', '(खुद|अपने आप) को (खत्म|ख़त्म)', `(jeene|jine) (ki|ka) (iccha|ichha|icha) ${NAHI}`, `जीने की इच्छा ${NAHI}`,
      '(जी|मन|दिल|ji|jee|mann|man|dil) (नहीं|नही|nahi|nahin|nhi) (करता|करती|karta|karti) (जीने|jeene|jine)',
      '(zeher|zehar|jahar|jeher|zahar|ज़हर|जहर) (kha|khaa|खा|pi|pee|पी) (lunga|lungi|loonga|loongi|lu|lun|lena|leni|लूँगा|लूँगी|लूंगा|लूंगी|लूँ|लूं|लेना|लेनी)',
    ],

    // ---- overdose / poisoning -----------------------------------------------------------
    INGESTED: ['kha liye|gaye|gya|gyi|lee|le', 'khaa', 'khayi|khaayi|khaai|khai', 'खाई|खायी|खाया', 'खा लीं|लिए|गया|गई|गए', 'chaba*', 'चबा*', 'nigal*', 'nigla', 'swallow*', 'gatak*', 'pee gaya|gayi|li|liya|lunga|lungi', 'pi gaya|gayi|li', 'पी गया|गई|गए|ली', 'gayab', 'गायब', '(muh|munh|मुंह|मुह) (me|mein|में) … (daal*|dal*|डाल*)', 'khali kar', 'खाली कर','kha li|liya|liye|lin|gaya|gayi', 'khaa li|liya', 'pi li|liya', 'pee li|liya', 'nigal li|liya|gaya', 'खा ली|लिया|लीं', 'पी ली|लिया', 'निगल', 'chaat (liya|li|gaya|gayi|rahi|raha)', 'chaata', 'चाट*', 'muh|munh|मुंह|मुँह (me|mein|में) … (chala|gaya|चला|गया)'],
    LARGE_AMOUNT: ['(puri|poori|पूरी|saari|sari|सारी|do|teen|दो|तीन) (patti|pattiyan|पत्ती|पत्तियां|पत्तियाँ)', '(patti|पत्ती) … (puri|poori|पूरी)', '<n:8-500> (tablet*|goli*|pills|गोली*|गोलियां|गोलियाँ|गोलियों)', 'pura|poora|पूरा dabba|डब्बा|packet|पैकेट', '(khali kar|खाली कर)', 'dabba khali',
      'poori|puri|pura|poora sheeshi|shishi|bottle|patta|dabba', 'saari|sari goliyan|goli|goliyon', 'bahut saari|sari', 'bahut zyada', 'ek saath|sath', 'dher saari',
      'पूरी शीशी|बोतल', 'सारी गोलियां', 'बहुत सारी', 'एक साथ', 'पूरा पत्ता',
    ],
    PILL_COUNT: ['<n:10-500> (goli|goliyan|goliyaan|tablet|tablets|pills|गोली|गोलियां|गोलियाँ|टैबलेट|पैरासिटामोल|paracetamol|crocin|dolo)'],
    DRUG: ['गोलीयां', 'गोलीयाँ', 'आयरन की गोली*', 'multivitamin', 'vitamin*', 'gummies', 'gummy', 'paracetamol', 'crocin', 'dolo', 'calpol', 'combiflam', 'ibuprofen', 'aspirin', 'iron ki goli', 'विटामिन', 'पैरासिटामोल', 'क्रोसिन', 'डोलो', 'कैप्सूल', 'capsule*', 'syrup', 'सिरप', 'medicine', 'meds', 'दवाइयां', 'दवाइयों','goli', 'goliyan', 'goliyon', 'golia', 'dawa', 'dawai', 'davai', 'tablet*', 'pills', 'neend ki', 'गोली', 'गोलियां', 'गोलियों', 'दवा', 'दवाई', 'नींद की'],
    POISON: ['पॉड', 'pod', 'pods', 'डिटर्जेंट', 'detergent', 
      'chuhe marne', 'chuha maar', 'keetnashak', 'keeda maar', 'zehar', 'jahar', 'zeher', 'bathroom cleaner', 'toilet cleaner', 'harpic', 'phenyl', 'tezaab', 'tezab', 'acid',
      'kerosene', 'mitti ka tel', 'pesticide', 'bleach', 'dishwasher … (tikiya|tablet|goli|pod|powder|liquid)', '(डिशवॉशर|डिशवाशर) … (टिकिया|टैबलेट|गोली|पॉड|पाउडर)', 'कॉलिन', 'lizol', 'lysol', 'लाइज़ोल', 'लाइजोल', 'naphthalene', 'नेफ़थलीन', 'नेफथलीन', 'mortein', 'मोर्टिन', 'सर्फ', 'detol', 'dettol', 'डेटॉल', 'थिनर', 'जहर', 'कीटनाशक', 'चूहे मारने', 'फिनाइल', 'तेजाब', 'मिट्टी का तेल', 'हार्पिक',
    ],
    DOSE_QUESTION: ['(kitni|kitne|kitna|कितनी|कितने|कितना) … (zyada|jyada|adhik|overdose|khatarnak|ज़्यादा|ज्यादा|जादा|अधिक|ओवरडोज़|ओवरडोज|खतरनाक)', '(zyada se zyada|jyada se jyada|ज़्यादा से ज़्यादा|ज्यादा से ज्यादा) … (kitni|kitne|कितनी|कितने)'],
    TAKEN_COUNT: ['<n:10-500> (goli|goliyan|goliya|tablet|tablets|tab|capsule|गोली|गोलियां|गोलियाँ|टैबलेट|) … (kha|khaa|khai|khayi|khali|khaa li|kha li|le li|li|lee|le chuka|le chuki|le liya|le liye|kha chuka|kha chuki|खा|खाई|खाईं|खा ली|ले ली|ली|लीं|ले चुका|ले चुकी|खा चुका|खा चुकी|ले लिया|ले लिए)'],
    DOSE_UNIT: ['<n:1-5000> (mg|ml|milligram|एमजी|मिलीग्राम|एमएल)'],
    OVERDOSE_WORD: ['overdose', 'zyada dose', 'ओवरडोज', 'zehar kha', 'जहर खा'],

    // ---- anaphylaxis --------------------------------------------------------------------
    ALLERGEN: [
      'madhumakkhi', 'makkhi', 'bhirad', 'tataiya', 'tatiya', 'tatayya', 'kaata', 'kaat liya', 'dank', 'moongfali', 'mungfali', 'peanut', 'allergy', 'elargy', 'nayi dawa',
      'injection', 'khane ke baad', 'khayi', 'khaya', 'jheenga', 'machhli', 'मधुमक्खी', 'ततैया', 'काटा', 'डंक', 'मूंगफली', 'एलर्जी', 'नई दवा', 'इंजेक्शन', 'खाने के बाद', 'झींगा', 'मछली',
    ],
    THROAT_CLOSING: ['(gala|गला) … (kas*|कस*)', '(gala|gla|gale|गला|गले) … (sukad*|sikud*|सुकड*|सिकुड*|सुकुड*)', '(gala|gla|gale|गला|गले) … (tight|टाइट) … (hawa|hava|हवा|saans|सांस|साँस)', '(gala|गला) … (tight|टाइट|band|बंद) (ho|हो) (raha|rahi|रहा|रही)','gala band', 'गला बंद', 'gale me|mein … sujan', 'गले में सूजन'],
    THROAT_SWELL: ['gala|gale … sooj*|suj*|jakdan', '(gala|gla|gale|गला|गले) … (tight|टाइट|kasav|kasaav|कसाव)', '(nigalna|nigalne|निगलना|निगलने) … (mushkil|dikkat|मुश्किल|दिक्कत)', 'jeebh|jibh … sooj*|suj*', 'गला|गले … सूज*|जकडन', 'जीभ … सूज*'],
    FACE_SWELL: ['chehra|chehre|hoth|honth|jeebh|aankh|aankhen|muh|munh … sooj*|suj*|phool', 'चेहरा|चेहरे|होंठ|जीभ|आंख|आंखें|मुंह … सूज*|फूल'],
    HIVES: ['pitti', 'chakatte', 'dadde', 'पित्ती', 'चकत्ते', 'दाने'],
    ANAPHYLAXIS_WORD: ['anaphylaxis', 'allergic reaction', 'epipen', 'एनाफिलेक्सिस'],

    // ---- infant fever -------------------------------------------------------------------
    INFANT_AGE: [
      '<n:0-12> hafte|hafta|hafton|week|weeks|हफ्ते|हफ्ता|सप्ताह ka|ki|ke|का|की|के', '<n:0-90> din|dino|दिन ka|ki|ke|का|की|के',
      '<n:0-2> mahine|mahina|month|months|महीने|महीना ka|ki|ke|का|की|के', 'navjaat', 'newborn', 'new born', 'नवजात',
    ],
    FEVER: ['bukhar', 'bukhaar', 'bukar', 'fever', 'tap raha|rahi', 'badan tap', 'garam', 'tapish', 'temperature', 'thermometer', 'बुखार', 'तप रहा|रही', 'गरम', 'गर्म', 'तापमान', 'थर्मामीटर', '<n:38-42.9>', '<n:100.4-107>'],
    NORMAL_TEMP: ['(temperature|temp|tapman|तापमान|bukhar|बुखार|thermometer|थर्मामीटर) … <n:35-37.9>', '(temperature|temp|tapman|तापमान|bukhar|बुखार|thermometer|थर्मामीटर) … <n:96-100.3>', '<n:96-100.3> (f|degree|डिग्री)', '<n:35-37.9> (c|°)', 'normal (temperature|temp)', 'नॉर्मल'],
    FEVER_READING: ['(temperature|temp|tapman|तापमान|bukhar|बुखार|thermometer|थर्मामीटर|fever) … (<n:38-42.9>|<n:100.4-107>)', '<n:100.4-107> (f|degree|डिग्री)', '<n:38-42.9> (c|°)'],

    // ---- pregnancy bleeding -------------------------------------------------------------
    PREGNANT: ['<n:20-42> (हफ्ते|hafte|hafta|weeks|week) (की|ki|ka|के|ke) (है|hai|hu|हूं|pregnant|गर्भवती|प्रेग्नेंट)', 'प्रेग्नेंसी', 'प्रेगनेंसी', 'प्रेगनेंट', 'pregnent', 'pregnency', 'preganent', 'test positive', '(टेस्ट|test) … (पॉजिटिव|positive)', '<n:4-42> (वें|वे|वां|th|va|ve) (हफ्ते|हफ्ता|सप्ताह|week|hafte)', '<n:4-42> (hafte|hafta|हफ्ते|हफ्ता|week|weeks|wk|wks) (pregnant|chal|चल|प्रेग्नेंट|गर्भवती|garbhvati)', '<n:1-9> (वें|वे|th|va|ve) (mahine|महीने|month|mahina|महीना)', '(mahina|महीना) (chal|चल)', 'ummeed se|उम्मीद', 'pet se (hu|hun|hoon|hai|thi)', 'pregnant', 'pregnancy', 'garbh', 'garbhvati', 'garbhavati', 'pet se', 'गर्भ', 'गर्भवती', 'प्रेग्नेंट', 'गर्भावस्था', 'miscarriage', 'गर्भपात', 'garbhpat'],
    CRAMPS: ['pet me|mein dard', 'pet dard', 'marod', 'thakke', 'thakka', 'clots', 'पेट में दर्द', 'पेट दर्द', 'थक्के', 'थक्का', 'मरोड'],

    // ---- burns --------------------------------------------------------------------------
    BURN: ['current|karant|karent|करंट laga|lag|लगा', '(bijli|बिजली) (ka|ke|का|के) … (jhatka|jhatke|taar|tar|झटका|तार)', '(taar chhu|तार छू*)', 'electric shock', 'jal gaya|gayi|gaye|gya', 'jala', 'jhulas*', 'khaulta', 'khaulte', 'ubalta', '(garam|garm|gram|khaulta|khaulti|ubalta|ubalti) (pani|paani|tel|chai|doodh|dudh|dal|daal) … (gir*|ulat*|chhalak*|pad gay*)', '(गरम|गर्म|खौलता|खौलती|उबलता|उबलती) (पानी|तेल|चाय|दूध|दाल) … (गिर*|उलट*|छलक*|पड़ गय*|पड गय*)', 'aag', 'burn', 'जल गया|गई|गए', 'जला', 'झुलस*', 'खौलता', 'उबलता', 'गरम पानी|तेल', 'आग'],
    BURN_SEVERE: ['(kala|kaala|kali|kaali|काला|काली) (nishan|nishaan|निशान|daag|दाग)', 'bijli', 'बिजली', 'current', 'करंट', 'electric*',
      'chamdi|chamri|skin|khaal … utar*|nikal*|safed|kaali|jal*', 'chhale', 'chale', 'phaphole', 'bada hissa', 'poora|pura|pure haath|chehra|pair|sharir|badan', 'buri tarah', 'chehra',
      'seene', 'cylinder', 'चमडी|त्वचा|खाल … उतर*|निकल*|सफेद|काली', 'छाले', 'फफोले', 'बडा हिस्सा', 'बुरी तरह', 'चेहरा', 'सिलेंडर',
    ],

    // ---- thunderclap headache -----------------------------------------------------------
    HEADACHE: ['(sir|sar|सिर) (pakad*|पकड*)', '(sir|sar|सिर|सर) (me|में|mein) … (dhamaka|धमाका)','sar|sir|sarr … dard|phat*|fat*|dukh*', 'sardard', 'sirdard', 'headache', 'सिर|सर … दर्द|फट*', 'सिरदर्द', 'migraine', 'माइग्रेन'],
    WORST_EVER: ['(danda|डंडा|hathoda|हथौडा|bijli|बिजली) (mara|maara|मारा|giri|गिरी|pada|पडा)', 'jaise … (danda|डंडा|hathoda|हथौडा|bijli|बिजली)', 'dhamaka', 'धमाका',
      `zindagi me|mein kabhi ${NAHI}`, `kabhi ${NAHI} hua`, `pehle kabhi ${NAHI}`, 'sabse bura|tez|zyada|bhayankar', 'phat raha|rahi', 'fat raha|rahi', 'phatne', 'bijli', 'hathoda',
      `जिंदगी में कभी ${NAHI}`, `कभी ${NAHI} हुआ`, 'सबसे बुरा|तेज|ज्यादा', 'फट रहा|रही', 'फटने', 'बिजली', 'हथौडा', 'अब तक का सबसे',
    ],
    STIFF_NECK: ['(gardan|गर्दन) … (nahi|nahin|nai|nhi|नहीं|नही) (jhuka|झुका|mod|मोड|ghuma|घुमा)', 'gardan … akad*|jakad*|stiff', 'गर्दन … अकड*|जकड*'],

    // ---- choking ------------------------------------------------------------------------
    CHOKING: ['gale|gala me|mein … fas*|phas*|atak*|fans*|phans*', 'gala atak*', 'gala|gale … atka|atki|atke', 'गला|गले … अटका|अटकी', 'kuch atak gaya', 'choking', 'choke', 'गले में … फंस*|अटक*', 'गला अटक*'],
    SWALLOWED_OBJECT: ['nigal … sikka|battery|magnet|khilona', 'निगल … सिक्का|बैटरी'],

    // ---- v2 catalogue: concepts from CONCEPT_GUIDE (rules/base.ts) ----------------------
    NOT_BREATHING: ['(ठीक से|theek se|thik se) (सांस|saans|sans) (नहीं|nahi|nhi)', '(अजीब|ajeeb) … (सांस|saans) (खींच*|kheench*)', 
      `${SAANS} ${NAHI2} chal|chalti|चल|चलती`, `${SAANS} band|बंद`, `${SAANS} (ruk|रुक) (gayi|gai|gaya|गई|गयी|गया)`, `${SAANS} (band|बंद) (ho|हो) (gayi|gai|गई|गयी)`, `nabz|nabj|pulse|नब्ज|पल्स ${NAHI2}`, `dhadkan|धडकन ${NAHI2}|band|बंद`,
      `breathing ${NAHI2} kar`, `pulse ${NAHI2} mil`, 'not breathing', 'no pulse',
    ],
    SLOW_BREATHING: [
      `${SAANS} … dheemi|dhimi|dheere|dhire|slow|धीमी|धीरे`, `${SAANS} … (ruk ruk|beech beech|bich bich|रुक रुक|बीच बीच)`, 'ghar ghar|gharghar|घरघर … saans|sans|सांस', 'kharrate jaisi|jaise … saans|सांस', 'खर्राटे जैसी … सांस',
    ],
    ASTHMA: ['asthma', 'dama', 'dame', 'dame ka', 'inhaler', 'inheler', 'pump', 'puff', 'nebulizer', 'nebuliser', 'asthalin', 'दमा', 'दमे', 'अस्थमा', 'इनहेलर', 'पंप', 'पफ', 'नेबुलाइजर'],
    STRIDOR: [
      `${SAANS} … (lete|andar|अंदर|लेते) … (seeti|siti|awaz|aawaz|awaaz|ghar ghar|सीटी|आवाज|घरघर)`, 'seeti|siti|सीटी jaisi|jaisa|jaise|जैसी|जैसा|की', 'stridor', 'कुत्ते के भौंकने', 'kutte ke bhaunkne|bhonkne',
    ],
    INFANT_BREATHING: ['(saans|sans|सांस) … (beech beech|bich bich|बीच बीच) … … (ruk|रुक)', 
      'pasli|pasliyan|pasliyaan|pasliya|पसली|पसलियां … andar|अंदर|dhans|धंस', 'gadda|gaddha|गड्ढा|गड्ढे pad|पड', 'naak|नाक … (phool|phul|fadak|फूल|फडक)', `${SAANS} … (kraah|karaah|कराह)`, 'कराह',
    ],
    NAUSEA: ['ji machla*|michla*|machal*|mitchla*|michala*', 'जी मिचला*|मचल*', 'ulti jaisa|jaisi|jaise', 'उल्टी जैसा|जैसी|जैसे', 'nausea', 'matli', 'मतली', 'ji kharab', 'जी खराब'],
    CANT_KEEP_DOWN: ['(जो भी|jo bhi|kuch bhi|कुछ भी) (पीते|पीती|peete|peeti|खाते|खाती|khate|khati|पिए|piye) … (उल्टी|ulti)', '(paani|पानी) (tak|bhi|तक|भी) … (ulti|उल्टी)', 
      `(paani|pani|पानी) (bhi|भी) … ${NAHI2} … (ruk*|tik*|pach*|reh*|रुक*|टिक*|पच*|रह*)`, `kuch|कुछ … ${NAHI2} (tik*|ruk*|टिक*|रुक*)`, `kuch ${NAHI2} tika|tik|ruk`, `कुछ ${NAHI2} टिक*|रुक*`,
      '(ghoont|घूंट) … (bahar|बाहर)', 'sab … (bahar aa|bahar nikal|ulti ho)', 'सब … बाहर (आ*|निकल*)', "can't keep", 'cant keep',
    ],
    INSERTED: ['(daal|dal|डाल) (li|liya|di|ली|लिया|दी)','(naak|kaan|नाक|कान) (me|mein|में) … (daal*|dal*|daali*|dali*|ghus*|ghusa*|ghusai*|phas*|fas*|डाल*|डाली*|घुस*|फंस*)'],
    SPLASHED: ['chhint*', 'chheent*', 'छींट*', 'mix', 'मिक्स', 'mila diya|diye|gaye', '(gas se|गैस से)', 'dhuan|dhuaan|धुआं', 'fumes', 'soongh*', 'sungh*', 'सूंघ*', 'aankh|आंख (me|में) … (gir*|chala*|chali*|pad*|गिर*|चला*|चली*|पड*)', 'spray'],
    WILD_PLANT: ['ber', 'बेर', 'jhaadi', 'jhadi', 'झाडी', 'mushroom*', 'khumbi', 'kukurmutta', 'jungli', 'berry', 'berries', 'beriyan', 'patte', 'paudha', 'paudhe', 'paudhe ke', 'beej', 'dhatura', 'kaner', 'oleander', 'मशरूम', 'कुकुरमुत्ता', 'खुंभी', 'जंगली', 'बेरी', 'बेरियां', 'पत्ते', 'पौधा', 'पौधे', 'बीज', 'धतूरा', 'कनेर'],
    SUSPECTED_SWALLOW: ['(shayad|shaayad|lagta hai|शायद|लगता है) … (nigal|nigla|nigli|kha|निगल|निगली|निगला|खा) (li|liya|gaya|gayi|गया|गई|ली|लिया)', '(pata nahi|pata nahin|पता नहीं|samajh nahi aa raha) … (nigla|nigli|nigal|निगला|निगली|निगल)'],
    BATTERY_MISSING: ['(battery|betri|बैटरी) … (mil nahi rahi|nahi mil rahi|नहीं मिल रही|गायब)'],
    MAGNET_MISSING: ['(magnet|चुंबक|chumbak) … (mil nahi raha|nahi mil raha|नहीं मिल रहा|गायब)'],
    BATTERY: ['battery', 'batteri', 'battry', 'betri', 'baitri', 'button cell', 'coin cell', 'बैटरी', 'बैट्री', 'बटन सेल', 'सेल'],
    MAGNET: ['magnet*', 'chumbak', 'chumbuk', 'चुंबक', 'चुम्बक', 'मैग्नेट'],
    CO_SOURCE: [
      'carbon monoxide', 'co alarm|detector', 'geyser', 'geezer', 'gizer', 'gyser', 'गीजर', 'angithi', 'angeethi', 'अंगीठी', 'koyla|koyle … (kamre|andar|jala)', 'कोयला|कोयले … (कमरे*|अंदर*|जला*)', 'सिगड़ी', 'sigdi', 'sigri', 'sigadi', '(kamre|kamra|कमरे|कमरा) … (koyla|koyle|कोयला|कोयले)',
      'heater', 'हीटर', 'generator', 'जनरेटर', 'कार्बन मोनोऑक्साइड', '(band kamre|कमरा बंद|बंद कमरे)',
    ],
    CO_ALARM: [
      '(co|carbon|gas|कार्बन|गैस) … (alarm|detector|अलार्म|डिटेक्टर) … (baj*|beep*|bol|बज*|बीप*)', '(alarm|detector|अलार्म|डिटेक्टर) … (baj|beep*|बज|बीप*) … (chakkar|sir|ulti|चक्कर|सिर|उल्टी)',
    ],
    OPIOID: [
      'heroin', 'smack', 'chitta', 'brown sugar', 'afeem', 'afim', 'doda', 'morphine', 'tramadol', 'codeine', 'corex', 'fentanyl', 'methadone', 'buprenorphine', 'painkiller*',
      'हेरोइन', 'स्मैक', 'चिट्टा', 'अफीम', 'मॉर्फिन', 'मॉर्फीन', 'मार्फीन', 'ट्रामाडोल', 'कोडीन', 'दर्द की … (गोली*|दवा)', 'dard ki … (goli*|dawa|dawai)',
    ],
    PINPOINT: ['putli|putliyan|putliyaan|pupil|pupils … (chhoti|sui|bindu|tiny|small)', 'पुतली|पुतलियां … (छोटी|सुई|बिंदु)', 'pinpoint'],
    ALCOHOL: ['daru', 'daaru', 'sharab', 'sharaab', 'alcohol', 'vodka', 'whisky', 'whiskey', 'beer', 'nasha', 'nashe', 'talli', 'theka', 'दारू', 'शराब', 'नशे', 'नशा', 'वोदका', 'व्हिस्की', 'बीयर', 'ठर्रा'],
    CHILD: [
      'baccha', 'bachcha', 'bacha', 'bachha', 'bachche', 'bache', 'bachhe', 'bacche', 'bachchi', 'bachi', 'bachhi', 'bacchi', 'beta', 'bete', 'beti', 'chhotu', 'munna', 'munni', 'gudiya',
      'baby', 'toddler', 'kid', 'son', 'daughter', 'pota', 'poti', 'pote', 'nati', 'natin', 'naati', 'bhatija', 'bhatiji', 'bhanja', 'bhanji',
      'बच्चा', 'बच्चे', 'बच्ची', 'बेटा', 'बेटे', 'बेटी', 'पोता', 'पोती', 'नाती', 'नातिन', 'भतीजा', 'भतीजी', 'भांजा', 'भांजी', 'मुन्ना', 'मुन्नी', 'छोटू', 'शिशु', 'नवजात',
      '<n:1-12> saal|sal|varsh|year|years|साल|वर्ष ka|ki|ke|का|की|के',
    ],
    PRESCRIBED_FOR_CHILD: ['doctor|daktar|डॉक्टर ne … (di|likhi|batayi|बताई|लिखी|दी) … (dose|dawai|dawa|खुराक|डोज|दवा)', '(sahi dose|सही डोज|सही खुराक)'],
    PASSIVE_IDEATION: [
      '(bojh|बोझ) (ban*|hu|hoon|hun|बन*|हूं|हू)', '(sab|सब) (par|pe|पर) … (bojh|बोझ)', 'बोझ उतर*', 'bojh utar*', 'burden', 'mere bina … (khush|theek|thik|achha|accha|behtar|better)', 'मेरे बिना … (खुश|ठीक|अच्छा|बेहतर)', 'mar jaun|jau|jaaun|jaau|jaaoon … (to|toh) … (better|accha|achha|theek|behtar|bhala)', 'मर जाऊं … (भला|बेहतर|अच्छा)',
      'मर जाऊं … तो', 'न रहूं', 'na rahun|rahu|rahoon', 'मेरे न होने', 'mere na hone', 'bhagwan|upar wala|uparwala … utha le|lele|leta', 'भगवान … उठा ले',
      `jeene|jine|जीने (ka|ki|का|की) … (matlab|fayda|maksad|wajah|vajah|मतलब|फायदा|मकसद|वजह)`, `koi rasta ${NAHI2}|nahin`, `कोई रास्ता ${NAHI2}`, 'kaash … (mar|paida na|पैदा)', 'काश … (मर|पैदा)',
      'so jaun aur … (na|nahi) uthun|uthu', 'सो जाऊं … न उठूं', 'sabki problem khatam', 'sab … (khush|theek) … (mere bina|main na)',
    ],
    FAREWELL: ['alvida', 'alwida', 'अलविदा', 'goodbye (message|msg|text|note|letter|post|video)', 'गुडबाय', 'sab (ko|se) (bye|goodbye|alvida) (bol|keh|kah)*', 'आखिरी (मैसेज|संदेश|चिट्ठी)', 'aakhri|akhri|aakhiri (message|msg|chitthi|khat)'],
    UNREACHABLE: ['(phone|fone|call|फोन|कॉल) (nahi|nahin|नहीं) (utha|uth|le|लग|उठा)*', '(phone|फोन) (band|off|switch off|बंद)', '(mil|मिल) (nahi|nahin|नहीं) (rahi|raha|rahe|रही|रहा|रहे)', '(jawab|reply|जवाब) (nahi|nahin|नहीं) (de|aa|दे|आ)*', 'koi pata nahi', 'कुछ पता नहीं'],
    SUICIDE_MEANS: [
      'rassi', 'rassa', 'fanda', 'phanda', 'रस्सी', 'फंदा', 'bandook', 'banduk', 'pistol', 'katta', 'gun', 'बंदूक', 'कट्टा', 'पिस्तौल',
      '(goli|goliyan|goliyaan|goliya|pills|tablets|गोली|गोलियां) … (jama*|ikatthi*|ikathe*|ikatthe*|bacha*|chhupa*|जमा*|इकट्ठी*|इकट्ठे*|बचा*|छुपा*)', 'chhupa ke|kar rakhi|rakha|rakhe', 'छुपा कर|के',
      'bridge|pul|chhat|terrace|building|पुल|छत|बिल्डिंग se|से', 'kood*', 'कूद*', '(train ke|ट्रेन के) (aage|neeche|आगे|नीचे)', 'plan', 'planning', 'प्लान', 'yojana', 'योजना', 'tarikh|तारीख',
      '(aaj raat|आज रात)', '(kal subah|कल सुबह)', 'suicide note', 'chitthi|चिट्ठी', 'keetnashak', 'zehar', 'jahar', 'जहर', 'कीटनाशक', 'blade', 'ब्लेड', 'chabi|चाबी',
      '(chooha|chuha|choohe|chuhe|चूहा|चूहे) (maar*|mar*|मार*)', 'rat poison',
    ],
    HARM_BABY: ['(use|usse|usko|उसे|उसको|baby ko|बच्चे को|bachche ko) … (nuksan|नुकसान|chot|चोट|hurt) … (khayal|khyal|ख्याल|खयाल|विचार)', '(जानबूझकर|jaan boojh kar|jaanbujhkar) … (गिरा|gira|girane|गिराने|daba|दबा)', 
      '(baby|bachche|bacche|bache|bachhe|bachchi|बच्चे|बच्ची|शिशु) (ko|को) … (kuch kar*|maar*|nuksan*|hurt*|harm*|chot*|fenk*|phenk*|कुछ कर*|मार*|नुकसान*|चोट*|फेंक*)',
      '(mann|man|khayal|khyal|vichar|thoughts|मन|खयाल|ख्याल|विचार) … (baby|bachche|bacche|बच्चे|बच्ची) … (kuch|maar|nuksan|hurt|कुछ|मार|नुकसान)',
    ],
    SELF_HARM: [
      '(khud|apne aap|apneaap|खुद|अपने आप) (ko|को) … (kaat*|kat*|maar*|maarta*|maarti*|marta*|jala*|jalata*|jalati*|chot*|nuksan*|hurt*|zakhmi*|काट*|मार*|मारता*|मारती*|जला*|जलाता*|जलाती*|चोट*|नुकसान*)',
      'cutting (kar|kari|karti|karta|ki|kiya|shuru|phir|fir|again)', '(thighs|thigh|kalai|haath|arm|arms|wrist|बांह|जांघ|कलाई) … cuts', 'cuts … (thighs|thigh|kalai|arm|arms|wrist)', 'self harm', 'selfharm', 'self injury', 'haath|kalai|हाथ|कलाई … (jalata|jalati|jalaya|kaatta|kaatti|जलाता|जलाती|काटता|काटती)', '(blade se|ब्लेड से)',
      // Burning or marking one's own skin: 'apna haath jala leta hoon', 'garam chimte se haath par nishan'.
      '(apna|apne|apni|अपना|अपने|अपनी) (haath|hath|banh|baanh|kalai|bazu|jangh|हाथ|बांह|बाँह|कलाई|बाजू|जांघ) … (jala|kaat|daag|जला|काट|दाग) (leta|leti|lete|liya|li|deta|deti|लेता|लेती|लेते|लिया|ली|देता|देती)',
      '(garam|garm|गरम|गर्म) (chimte|chimta|chammach|sariya|iron|press|सिगरेट|cigarette|चिमटे|चिमटा|चम्मच|सरिया|प्रेस) … (haath|hath|banh|kalai|jangh|हाथ|बांह|बाँह|कलाई|जांघ) … (nishan|daag|jala|निशान|दाग|जला)',
    ],
    SELF_HARM_NOW: ['(blade|ब्लेड|chaku|चाकू|razor) (se|से) … (kaata|kata|kaat|काटा|काट|काटी)', 
      '(khud|apne aap|खुद|अपने आप) (ko|को) … (kaat|kaata|kata|kaati|jala|jalaya|jalayi|काट|काटा|काटी|जला|जलाया) … (abhi|liya|li|lia|gehra|deep|अभी|लिया|ली|गहरा|है)',
      'abhi … (khud|खुद) (ko|को) … (kaat*|jala*|काट*|जला*)', 'cutting … (abhi|deep|gehra|अभी)', '(kaat liya|काट लिया) … (gehra|khoon|गहरा|खून)',
    ],
    HARM_OTHERS: ['(uski|uska|unki|iski|is ki|us ki|teri|tumhari) jaan (le|lunga|lungi|loonga|loongi)', '(उसकी|उनकी|इसकी|तेरी|तुम्हारी) जान (ले|लूँगा|लूंगा|लूँगी|लूंगी)', '(ko|को) (maar|मार) (dena|dunga|dungi|dalunga|daalunga|देना|दूंगा|डालूंगा) (chahta|chahti|चाहता|चाहती)', '(चाकू|chaku|chaaku|goli|गोली) (मार|maar) (देंगे|दूंगा|dega|denge|dunga|देगा)', '(kisi|किसी) (ko|को) (nuksan|नुकसान|chot|चोट|maar|मार) … (khayal|ख्याल|खयाल|vichar|विचार)', 
      '(jaan|जान) (se|से) (maar*|maarne*|mar*|मार*)', 'maar dunga|dungi|doonga|doongi|dalunga|dalungi|daalunga|daalungi', 'मार (दूंगा|दूंगी|डालूंगा|डालूंगी)', 'khoon kar dunga|dungi', 'खून कर दूंगा|दूंगी',
      '(thoughts|khayal|khyal|vichar|mann|खयाल|ख्याल|विचार|मन) … (hurt|maarne|marne|nuksan|chot|मारने|नुकसान|चोट) … (karne|dene|pahunchane|करने|देने|पहुंचाने)',
      '(hurt|maarne|nuksan|मारने|नुकसान) (karne|करने) (ke|के) (thoughts|khayal|vichar|खयाल|विचार)',
    ],
    ASSAULT: ['zabardasti', 'zabardasti', 'जबरदस्ती', 
      'rape', 'raped', 'balatkar', 'balaatkar', 'बलात्कार', 'रेप', '(zabardasti|jabardasti|zabardasthi|जबरदस्ती) (ki|kiya|kari|kar|की|किया|करी)', '(saath|sath|साथ) … (zabardasti|jabardasti|जबरदस्ती|galat kaam|गलत काम)',
      '(galat|gande|ganda|गलत|गंदे) (tareeke|tarike|तरीके) (se|से) (chhu*|chhua*|chua*|chhuya*|chhoo*|छु*|छुआ*|छू*)', 'yaun shoshan|utpeedan|utpidan', 'यौन (शोषण|उत्पीडन|हिंसा)', 'molested', 'molesting', 'molester', 'molest (kiya|kia|kiya gaya|karta|karti|karte|kar|hua|hui|huyi)',
      '(drink|ड्रिंक|peene|पीने) … (kuch|कुछ) (milaya*|mila*|milaa*|daala*|dala*|मिलाया*|मिला*|डाला*)', '(kapde|कपडे) (phate|fate|ulte|फटे|उल्टे)', 'assaulted', 'sexually (assaulted|abused|harass*)',
    ],
    DOMESTIC_VIOLENCE: ['maar (dewaanga|dewanga|devanga|deyanga|devega|dewega)', '(gharwala|ghar wala|pati|husband) (roz |) (kuttda|kutda|kutt da|kut da)', '(khatam|खत्म|jaan se maar|जान से मार|maar dalega|मार डालेगा|maar daalega) (kar |कर |)(dega|degi|denge|देगा|देगी|देंगे)', '(maar|मार) (dalega|daalega|dalegi)', 
      '(pati|husband|hubby|shohar|sasural|saas|sasur|jeth|devar|boyfriend|bf|partner|ex|पति|ससुराल|सास|ससुर|देवर|जेठ|शौहर|बॉयफ्रेंड) … (maarta|maarte|marta|marte|maara|mara|maari|maarti|peet|peette|peetta|peeta|pitai|dhakka|thappad|laat|dhamki|dhamka*|gala|मारता|मारते|मारा|मारी|पीट*|पिटाई|धक्का|थप्पड|लात|धमकी|धमका*|गला)',
      `ghar (me|mein|में|pe|par) … (safe|surakshit|सुरक्षित|सेफ) ${NAHI2}`, `ghar|घर … ${NAHI2} (jana|jaana|जाना)`, `(safe|surakshit|सुरक्षित|सेफ) ${NAHI2} (lagta|lag|hu|लगता|लग|हूं)`,
      '(mujhe|मुझे|meri|मेरी) … (jaan se|जान से|khatam|खत्म) … (maar|kar|मार|कर) (dega|denge|देगा|देंगे)', 'dhamki|धमकी', 'dhakka (de|diya|dekar|maara|mara)', 'धक्का (दे|दिया|देकर)', 'gala dabaya|dabaaya|daba diya|गला दबा*',
      '(seedhi|seedhiyon|sidhiyon|सीढियों|सीढी) (se|से) (gira*|धक्का*|गिरा*)', 'gharelu hinsa', 'घरेलू हिंसा', 'kamre|कमरे (me|में) band|बंद kar|कर (diya|दिया)',
      '(maarta|marta|maarti|maarte|peet*|मारता|मारती|मारते|पीट*) … (belt|danda|dande|chappal|rod|बेल्ट|डंडे|डंडा|चप्पल)', 'roz (maarta|marta|maarte|peette|peet)', 'रोज (मारता|मारते|पीटते|पीटता)',
    ],
    CHILD_ABUSE: ['(बेल्ट|belt|डंडे|dande|चप्पल|chappal) (के|ke|ki|की) … (निशान|nishan|nishaan)', '(रोज़|रोज|roz|har roz|हर रोज़) … (पिटता|पिटती|pitta|pit-ta|pitti) (है|hai)', '(ungliyon|उंगलियों|ungli|उंगली) (ke|के) (nishan|निशान)', '(bola|boli|kaha|बोला|बोली|कहा) … (papa|mummy|maa|baap|पापा|मम्मी|बाप) (ne|ने) (maara|mara|मारा)', '(सौतेले|sautele|सौतेला|sautela) … (छू*|chhoo*|chhu*)', 
      '(bachche|bacche|bachchi|bachi|baccho|bachon|बच्चे|बच्ची|बच्चों) (ko|को) … … (maarte*|peette*|peet*|jalate*|मारते*|पीटते*|जलाते*)', 'जलने के निशान', 'jalne ke nishan|nishaan', '(bal shoshan|बाल शोषण)', 'child abuse',
    ],
    BABY: ['baby', 'babies', 'bachcha', 'baccha', 'bacha', 'bachha', 'shishu', 'navjaat', 'newborn', 'munna', 'munni', 'बच्चा', 'बच्चे', 'बच्ची', 'शिशु', 'नवजात', 'बेबी', 'नन्हा', 'नन्ही'],
    FLOPPY: [
      '(bahut|bohot|bahot|bilkul|ekdam|ekdum|jaisa|jaise|बहुत|बहोत|बिलकुल|बिल्कुल|एकदम|जैसा|जैसे) (dheela|dhila|dheeli|dhili|dhile|dheele|ढीला|ढीली|ढीले)', '(dheela|dhila|dheeli|dhili|ढीला|ढीली) (pad|pada|padi|pade|पड|पडा|पडी|पडे|हे|है)',
      `(jagane|jaganey|uthane|जगाने|उठाने) (par|pe|पर|पे) … ${NAHI2} … (jaag*|jag*|uth*|जाग*|उठ*)`, '(jagane|जगाने) (par|pe|पर|पे) … (aankh|आंख) … (band|बंद)', 'floppy', 'limp', 'hard to wake', 'गोद में … लटक', 'latak jata|jati|jaati|jaata',
      `gardan|neck|गर्दन … (sambhal|संभाल) ${NAHI2}`, '(bahut sust|bahut susti|बहुत सुस्त)',
    ],
    DEHYDRATION_SIGNS: [
      '(diaper|nappy|langot|डायपर|नैपी) … (sukha|sookha|dry|सूखा)', `(peshab|pishab|susu|su su|sussu|urine|pesab|पेशाब|सुसु|सूसू) … ${NAHI2} … (kiya|ki|aaya|aayi|hua|किया|की|आया|आई|हुआ)`,
      '(taalu|talu|tallu|नरम हिस्सा|तालू) … (dhans*|dhasa|andar|baith*|धंस*|अंदर|बैठ*)', `(aansu|ansu|आंसू) ${NAHI2}`, 'soft spot', 'sunken',
    ],
    GREEN_VOMIT: ['(hari|hara|hare|green|हरी|हरा|हरे) … (ulti|vomit|उल्टी)', '(ulti|vomit|उल्टी) … (hari|hara|hare|green|हरी|हरा|हरे)', 'pitt ki ulti', 'पित्त'],
    REFUSES_FEEDS: [
      `(doodh|dudh|feed|feeding|bottle|दूध|फीड) … ${NAHI2} … (pi|pee|le|peeta|peeti|piya|piyaa|liya|पी|पिया|पीया|ले|लिया|रहा|रही|raha|rahi)`, `(doodh|dudh|दूध) (peena|pina|पीना) (band*|chhod*|बंद*|छोड*)`, 'feed … (mana|refuse)',
    ],
    POSTPARTUM: ['(delivery|डिलीवरी|dilivery) (hui|हुई|hue|हुए)', '(बेटा|बेटी|beta|beti|baby|bachcha|बच्चा) (hua|हुआ|hui|हुई) … (pehle|पहले)', 
      '(delivery|dilivery|dlivery|डिलीवरी|prasav|प्रसव|janam|जन्म) (ko|के|ke|को) … (baad|din|hafte|बाद|दिन|हफ्ते|हुए|hue)', '(bachcha|baby|बच्चा) (hone|होने) (ke|के) (baad|बाद)',
      '(operation|c section|cesarean|caesarean|sizerian|सिजेरियन|ऑपरेशन) (ke|के) (baad|बाद)', 'postpartum', 'post partum', 'jachcha', 'जच्चा', 'prasuti', 'प्रसूति',
    ],
    SPOTTING_ONLY: ['spotting', 'स्पॉटिंग', 'brown discharge', 'भूरा … (डिस्चार्ज|स्राव)', 'bhura discharge', 'implantation'],
    WATERS: [
      '(paani|pani|पानी) (ki|की) (thaili|theli|थैली)', '(thaili|थैली) … (phoot*|fut*|phat*|fat*|toot*|फूट*|फट*|टूट*)', '(neeche|niche|नीचे) (se|से) … (paani|pani|पानी|liquid|discharge)', '(kapde|कपडे) (geele|gile|गीले)',
      'water break*', 'waters', '(paani|pani|पानी) … (ris*|रिस*)', 'leak*',
    ],
    MISCARRIAGE_NOW: ['miscarriage (ho raha|ho rahi|ho gaya|ho gayi)', '(bachcha|baccha|bacha) (gir raha|gir rahi|gir gaya|gir jayega)', 'garbhpat (ho raha|ho rahi)', 'गर्भपात (हो रहा|हो रही)', 'मिसकैरेज (हो रहा|हो रही)'],
    CONTRACTIONS: [
      'contraction*', '(har|हर) <n:1-30> … (min|minute|mint|मिनट)', '(har|हर) … (min|minute|mint|मिनट) … (dard|kada|tight|दर्द|कडा)', '(pet|पेट) … (kada|kadak|sakht|tight|कडा|सख्त) (hokar|hoke|ho|होकर|हो)',
      'labour|labor pain*', 'prasav peeda|pida', 'प्रसव पीडा', 'लेबर पेन',
    ],
    PRETERM_WEEKS: [
      '<n:20-36> week|weeks|wk|wks|hafte|hafta|haftey|हफ्ते|हफ्ता|सप्ताह', '<n:20-36> (वें|वे|वां|th|va|ve|wa) (हफ्ते|हफ्ता|week|hafte|सप्ताह)',
      '<n:5-8> (mahine|mahina|month|महीने|महीना) … (pregnant|प्रेग्नेंट|गर्भवती|chal|चल)', '<n:5-8> (वें|वे|th|va|ve) (mahine|mahina|month|महीने|महीना)',
    ],
    VISION_SPOTS: [
      'dhundhla|dhundla|dhundhala|dhundala|dhundhli|dhundli', 'धुंधला|धुंधली', 'chamak', 'चमक', '(taare|tare|तारे) (dikh*|दिख*)', '(aankhon|ankhon|आंखों) (ke|के) (aage|samne|आगे|सामने) … (andhera|chamak|dhabbe|taare|spots|अंधेरा|चमक|धब्बे|तारे)',
      'blurry', 'blur', 'spots',
    ],
    SWELL_FACE_HANDS: [
      '(chehra|chehre|muh|munh|haath|hath|ungli|ungliyan|ungliyaan|pair|pairon|paon|takhne|चेहरा|चेहरे|मुंह|मुह|हाथ|उंगली|उंगलियां|पैर|पैरों|टखने) … (sooj*|suj*|phool*|phul*|सूज*|फूल*)',
      '(anguthi|अंगूठी) … (nahi*|नहीं*|फंस*|tight*|fas*)',
    ],
    PERSISTENT: ['(rukte|रुकते) (hi |ही |)(nahi|nhi|नहीं|नही)', 
      '(dawai|dawa|davai|goli|medicine|painkiller|दवा|दवाई|गोली|गोलियां|गोलियों) … (se bhi|से भी|khane par bhi|खाने पर भी|lene ke baad bhi|लेने के बाद भी|ke baad bhi|के बाद भी)',
      'lagatar', 'लगातार', '<n:1-72> (ghante|ghanton|घंटे|घंटों|hours) (se|से)', `kam ${NAHI2} ho`, `कम ${NAHI2} हो`, `ruk hi ${NAHI2}`, `रुक ही ${NAHI2}`, `ja ${NAHI2} raha|rahi`, `जा ${NAHI2} रहा|रही`,
      `${NAHI2} (gaya|gayi|ja|गया|गई|जा)`,
    ],
    ONE_SIDED_PAIN: [
      '(right|left|daayi|dayi|daayen|dayen|baayi|bayi|baayen|bayen|daahini|dahini|ek|दायीं|दाईं|दायें|दाएं|बायीं|बाईं|बायें|बाएं|दाहिनी|एक) (side|taraf|tarf|ओर|तरफ|साइड) … (pet|dard|chubh*|पेट|दर्द|चुभ*)',
      '(pet|पेट) … (ek taraf|एक तरफ|right side|left side|daayi|baayi|दाईं|बाईं|दायीं|बायीं)',
    ],
    SHOULDER_TIP: ['(kandhe|kandha|kandhon|shoulder|कंधे|कंधा) … (dard|pain|दर्द|bhi|भी)'],
    // 'Nothing felt' is the baby's movements only in a pregnancy (pregnancy.nothing_felt): "मुझे कुछ भी महसूस नहीं हो रहा" beside a blood-pressure reading means no symptoms.
    NOTHING_FELT: ['(aaj|आज|subah se|सुबह से|kal raat se|कल रात से) … (hila|hili|हिला|हिली|lat|लात|harkat|हरकत|kuch mehsoos|कुछ महसूस) … (nahi|nhi|नहीं|नही)', `(mehsoos|mahsus|महसूस) ${NAHI2}`],
    FETAL_MOVEMENT_LESS: ['(बच्चा|baby|bachcha|बच्चे) … (bilkul|बिलकुल) (shaant|shant|quiet|शांत)', '(हलचल|halchal|harkat|हरकत|movement|kick|kicks) … … (कम|kam|बंद|band|न के बराबर|na ke barabar|nahi ho rahi|नहीं हो रही)', 'न के बराबर', 'na ke barabar', 
      `(halchal|harkat|movement|movements|kicks|kick|हलचल|हरकत|लात|hilna|हिलना) … (kam|band|कम|बंद|${NAHI2}|gayab|गायब)`, '(बच्चा|baby|bachcha|बच्चे) … (bahut|बहुत) (shaant|shant|quiet|शांत)',

    ],
    BELLY_PAIN: ['(pet|pait|tummy|stomach|belly|पेट) … (dard|pain|marod|ainthan|दर्द|मरोड|ऐंठन)', '(dard|दर्द|pain) (pet|पेट)', 'petdard', 'पेटदर्द'],
    RIGID_BELLY: ['(pet|पेट) … (patthar|pathar|kada|kadak|sakht|hard|पत्थर|कडा|सख्त)', `(chhoo|chhu|छू) ${NAHI2}`, 'छूने नहीं'],
    RASH_NONBLANCHING: [
      '(glass|gilas|gilaas|गिलास|ग्लास) … (dabane|dabaya|daba|दबा*) … (bhi|भी)', `(glass|गिलास) … (${NAHI2} gaya|${NAHI2} ja|dikh rahe|नहीं गया|नहीं जा|दिख रहे|रंग नहीं)`,
      '(jamuni|baingani|bengani|baigani|purple|बैंगनी|जामुनी) … (daane|dane|dhabbe|dhabe|rash|chakatte|nishan|दाने|धब्बे|चकत्ते|निशान|रंग)', `fade ${NAHI2}`, 'नील जैसे', 'neel jaise',
      // The nahi is part of the sign ("dabane par nahi mit-ta"): it must not cancel it.
      `(daane|dane|daneh|dhabbe|dhabe|rash|chakatte|nishan|nishaan|spots|daag|dag|दाने|धब्बे|चकत्ते|निशान|दाग|रैश) … (dabane|dabaya|dabao|daba|dabate|dabakar|press|दबाने|दबाया|दबाओ|दबा|दबाते|दबाकर) … (${NAHI2}) (mit|mita|mitta|mitte|mitata|mitate|mitati|hat|hata|hatta|hatte|hatata|hatate|hatati|ud|uda|udta|udte|udti|fade|safed|मिट*|हट*|उड़*|सफेद|सफ़ेद)`,
      `(daane|dane|dhabbe|dhabe|rash|chakatte|nishan|spots|daag|दाने|धब्बे|चकत्ते|निशान|दाग|रैश) … (dabane|dabaya|dabao|daba|dabate|dabakar|press|दबाने|दबाया|दबाओ|दबा|दबाते|दबाकर) … (mit|mita|mitta|mitte|mitata|mitate|mitati|hat|hata|hatta|hatte|hatata|hatate|hatati|fade|मिट*|हट*) (${NAHI2})`,
    ],
    LIGHT_HURTS: ['(roshni|रोशनी|light|लाइट) … (bardasht|बर्दाश्त) (nahi|नहीं|nhi)', '(roshni|light|रोशनी|लाइट|ujala|उजाला) … (chubh*|bardasht|band|चुभ*|बर्दाश्त|बंद|dikkat|दिक्कत|se ro|से रो)', 'bright light'],
    INFECTION: ['infection', 'infeksan', 'infekshan', 'sankraman', 'इन्फेक्शन', 'इंफेक्शन', 'संक्रमण', 'uti', 'urine infection', 'peshab me jalan', 'पेशाब में जलन', 'pneumonia', 'nimonia', 'निमोनिया', 'pus', 'मवाद', 'mawaad', 'पस'],
    SEPSIS_WORD: ['sepsis', 'septic', 'सेप्सिस', 'सेप्टिक'],
    SEPSIS_SIGN: [
      '(skin|twacha|chamdi|त्वचा|चमडी) … (neel*|नीले|नीली|धब्बे*|dhabbe)', 'नीले धब्बे', 'dhabbedar', 'धब्बेदार', 'mottled', '(bahut|बहुत|bilkul|बिलकुल) … (kaanp*|kanp*|कांप*)', '(thand se daant|ठंड से दांत)', '(daant baj|दांत बज)',
      `(peshab|pishab|urine|पेशाब) ${NAHI2} (aaya|hua|आया|हुआ)`, '(saans|sans|सांस) … (jaldi jaldi|जल्दी जल्दी)', 'marne wala|wali hu', `(bachunga|bachungi|बचूंगा|बचूंगी) ${NAHI2}`, 'kuch bahut galat', 'कुछ बहुत गलत',
    ],
    HEAD_HIT: [
      '(sir|sar|sarr|head|सिर|सर|maatha|matha|माथा) … (chot|takra*|टकरा*|चोट|phoot|फूट)', '(sir|sar|सिर|सर) (deewar|diwar|zameen|jameen|floor|farsh|दीवार|जमीन|फर्श) (se|pe|par|से|पर|में) (laga|lagi|लगा|लगी|टकरा*|takra*)',
      '(sir ke bal|सिर के बल)', 'gumad|goomad|gumar|गूमड|गुमड', 'head injury', 'concussion', 'chot … (sir|sar|सिर)',
    ],
    CLEAR_FLUID: ['(naak|kaan|नाक|कान) (se|से) … (paani|pani|saaf|पानी|साफ|liquid|taral|तरल)'],
    BLOOD_THINNER: ['blood thinner* (leti|leta|lete|le|lena|khati|khata|khate|ki|pe|par)', '(khoon|खून) (patla|पतला) (karne|करने) (ki|की) (dawa|dawai|goli|दवा|दवाई|गोली)', 'khoon patla|पतला', 'खून पतला', 'blood thinner*', 'warfarin', 'ecosprin', 'aspirin', 'clopidogrel', 'apixaban', 'eliquis', 'xarelto', 'rivaroxaban', 'dabigatran', 'acitrom', 'एस्पिरिन', 'इकोस्प्रिन', 'वारफरिन'],
    DROWSY: [
      '(neend|nind|नींद) (aa|आ) (rahi|रही)', '(bahut|बहुत) (neend|नींद)', '(neend jaise|नींद जैसे)', '(neend me|नींद में)', 'sust', 'सुस्त', 'ungh*', 'ऊंघ*', '(so jaati|so jati|so jata|so jaata|सो जाती|सो जाता)',
      `(aankh|आंख) ${NAHI2} (khol*|खोल*)`, 'drowsy', 'sleepy', 'jhuk rahe|jhapki', 'behosh jaisa',
    ],
    BALANCE_LOSS: ['(संतुलन|santulan|balance|बैलेंस) (खो|kho|बिगड़|बिगड|bigad)', '(दीवार|deewar|diwar) (का|ka) (सहारा|sahara)', 
      '(balance|बैलेंस|संतुलन|santulan) … (kho*|nahi*|bigad*|gaya*|खो*|नहीं*|बिगड*)', 'ladkhada*', 'लडखडा*', `(seedha|sidha|सीधा) (chal|चल) ${NAHI2}`, `(khadi|khada|khade|खडी|खडा|खडे) ${NAHI2} (ho|हो) (pa|paa|पा)`,
      '(deewar|diwar|दीवार) pakad|पकड', 'chakkar … gir', 'चक्कर … गिर',
    ],
    ONE_SIDE_WEAK: ['(बायाँ|बायां|दायाँ|दायां|बाएं|दाएं) (अंग|हाथ|पैर|हिस्सा) (शिथिल|सुन्न|बेजान)', 
      '(ek|एक|left|right|daayi|baayi|dayan|bayan|दायां|बायां|दाईं|बाईं|दायीं|बायीं|दाएं|बाएं) (taraf|tarf|side|हिस्सा|तरफ|ओर|साइड) … (sunn|kamzor|kamjor|weak|numb|bejaan|lakwa|सुन्न|कमजोर|बेजान|लकवा)',
      '(aadha sharir|aadhe sharir|आधा शरीर|आधे शरीर)',
    ],
    RADIATING_PAIN: [
      '(jabda|jabde|jaw|gardan|peeth|kandha|kandhe|shoulder|back|neck|जबडा|जबडे|गर्दन|पीठ|कंधे|कंधा) … (dard|pain|bhaari|भारी|दर्द|खिंचाव|jakdan|जकडन)',
      '(baayen|bayen|baye|baaye|left|बाएं|बायें|बाये) (haath|hath|arm|baanh|bazu|kandhe|हाथ|बांह|बाजू|कंधे) … (dard|pain|bhaari|भारी|दर्द)', '(dard|दर्द) … (jabde|jaw|जबडे|बाएं हाथ|left arm)',
    ],
    SWEAT: ['pasin*', 'pasee*', 'paseen*', 'पसीन*', 'sweat*', 'chip chip', 'clammy'],
    PALPITATIONS: [
      '(dil|dhadkan|heart|दिल|धडकन|heartbeat|pulse|nabz|नब्ज) … (tez|bahut tez|tezi|bhaag|daud|racing|dhak dhak|dhadak|irregular|ajeeb|अनियमित|तेज|भाग|दौड|धक धक|अजीब|gadbad|गडबड|<n:120-300>)', 'palpitation*', 'घबराहट … दिल',
    ],
    LEG_SWELL: ['(pair|paer|taang|tang|pindli|calf|leg|पैर|टांग|पिंडली) … (sooj*|suj*|सूज*|सूजन|laal|लाल)', 'dvt', 'clot'],
    DIABETIC: ['sugar', 'shugar', 'shuger', 'suger', 'diabetes', 'diabetic', 'madhumeh', 'मधुमेह', 'शुगर', 'डायबिटीज', 'डायबिटिक', 'insulin', 'इंसुलिन', 'इन्सुलिन'],
    LOW_SUGAR: [
      '(sugar|shugar|suger|glucose|शुगर|ग्लूकोज) … (low|kam|gir|neeche|down|कम|गिर|नीचे|लो)', '(low sugar|लो शुगर)', 'hypo', 'हाइपो', '(sugar|shugar|glucose|reading|शुगर|रीडिंग) … <n:10-69>', '<n:10-69> mg',
    ],
    HIGH_SUGAR: ['(sugar|shugar|glucose|शुगर) … (<n:300-900>|high|हाई|bahut zyada|बहुत ज्यादा)', '(meter|glucometer|मीटर) … (hi|high|हाई)', 'ketone*', 'कीटोन', 'dka'],
    SHAKY: ['kaanp*', 'kanp*', 'कांप*', 'कंपकंपी', 'kapkapi', 'shaky', 'shaking', 'thartharaa'],
    FRUITY_BREATH: ['fruity', '(phal|phalon|फल|फलों) (jaisi|जैसी) … (smell|gandh|badboo|महक|गंध|बदबू)', '(saans|sans|सांस) … (meethi|मीठी|lambi lambi|लंबी लंबी|gehri|गहरी)', 'acetone', 'nail polish'],
    TESTICLE: ['andkosh', 'andkoshon', 'अंडकोष', 'अंडकोश', 'testicle*', 'testis', 'balls', 'scrotum'],
    HEAT: ['loo|lu lag*', 'लू लग*', '(dhoop|dhup|धूप) (me|mein|में)', 'garmi', 'गर्मी', 'heatstroke', 'heat stroke', 'sunstroke', 'band (car|gaadi|gadi)', 'बंद गाडी', 'marathon', '(badan|body|sharir|बदन|शरीर) … (aag|आग)'],
    NOT_SWEATING: ['(पसीना|pasina|paseena) … (बंद|band)', `(pasina|paseena|पसीना) (band|${NAHI2}|बंद|bilkul|बिलकुल)`, '(sookhi garam|सूखी गरम)'],
    DROWNING: ['(tub|टब|pool|पूल|paani|पानी|nadi|नदी|talab|तालाब|bucket|balti|बाल्टी|tank|टैंक) (me|में|mein) (gir|गिर)', '(paani|पानी) (ke|के) (andar|अंदर)', 
      'doob*', 'dub gaya|gayi|raha|rahi|gaye', 'dubne', 'डूब*', '(pani|paani|pool|nadi|talab|bathtub|tub|tank|पानी|पूल|नदी|तालाब|टब|टैंक) (se|me|mein|से|में) … (nikala|nikaala|nikali|bahar|निकाला|निकाली|बाहर|mila|मिला)', 'face down',
    ],
    MAJOR_TRAUMA: [
      '(haddi|हड्डी) … (bahar*|बाहर*|dikh*|दिख*|nikal*|निकल*)', '(chhat|chhath|balcony|seedhi|ladder|ped|pedh|terrace|manzil|manjil|छत|बालकनी|पेड|सीढी|मंजिल) (se|से) (gir*|गिर*)',
      '(accident|एक्सीडेंट|durghatna|दुर्घटना) (hua|ho|हुआ|हो)', 'takkar|टक्कर', '(gaadi|car|truck|bike|गाडी|कार|ट्रक|बाइक) (ne|से|se) … (takkar*|maar*|kuchal*|uda*|टक्कर*|मार*|कुचल*|उडा*)', 'kuchal*', 'कुचल*',
      `(pair|pairon|legs|पैर|पैरों) … (sunn*|सुन्न*|mehsoos ${NAHI2}|महसूस ${NAHI2})`,
    ],
    EYE_EMERGENCY: ['(क्लीनर|cleaner|ओवन|oven) … (aankh|आंख)', 
      '(chuna|choona|चूना|acid|tezab|tezaab|तेजाब|एसिड|chemical|bleach|ब्लीच|phenyl|फिनाइल|cement|सीमेंट|harpic|हार्पिक) … (aankh|aankhon|ankh|आंख|आंखों)',
      '(metal|lohe|loha|sheesha|sheeshe|kaanch|kanch|tukda|tukde|keel|teer|लोहे|शीशा|शीशे|कांच|टुकडा|कील) … (aankh|आंख)', '(aankh|आंख) (me|mein|में) … (ghus*|घुस*)', '(aankh phoot|आंख फूट)',
      'achanak … (dikhna band|dikhai dena band|दिखना बंद|दिखाई देना बंद)',
    ],
    FAINTED: ['behosh ho gaya|gayi|gaye|gai|hua|hui', 'बेहोश हो गए|गया|गई', 'gir pade|pada|padi', 'गिर पडे|पडा|पडी', 'chakkar kha ke|khakar gir*', 'चक्कर खाकर गिर*', 'collapse*', 'hosh kho', 'होश खो'],
    NOT_WAKING: [`abhi tak … (hosh|होश) ${NAHI2}`, `(hosh|होश) ${NAHI2} (aaya|aa|आया|आ)`, `abhi tak … ${NAHI2} (utha*|jaga*|उठ*|जाग*)`],
    FIT: ['fit aa|aaya|pada|pad', 'फिट आ*'],
    BURN_AREA: ['(chehre|chehra|muh|munh|gale|gardan|aankh|चेहरे|चेहरा|मुंह|गले|गर्दन|आंख) … (jal*|jala*|jhulas*|जल*|जला*|झुलस*)'],
    AGE_GIVEN: ['<n:0-99> (din|dino|hafte|hafta|week|weeks|mahine|mahina|month|months|saal|sal|varsh|year|years|yr|दिन|हफ्ते|हफ्ता|महीने|महीना|साल|वर्ष) (ka|ki|ke|का|की|के|old)'],
    SOME_AMOUNT: ['kuch', 'कुछ', 'kai', 'कई', 'do teen', 'दो तीन', `pata ${NAHI2} kitni|kitne`, `पता ${NAHI2} कितनी|कितने`, `कितनी पता ${NAHI2}`],
    MOOD_DOWN: ['man (nahi|nhi|nai) lagta|lagti', 'मन नहीं लगता|लगती', 'udaas|udas rehta|rehti|rahta|rahti', 'उदास रहता|रहती', 'dukhi rehta|rehti', 'दुखी रहता|रहती', 'kisi cheez me (mann|man) (nahi|nhi)', 'किसी चीज़ में मन नहीं'],
    LOW_MOOD: ['bahut udaas|udas', 'उदास', 'depression', 'depressed', 'डिप्रेशन', 'nirasha', 'निराशा', `koi ummeed|umeed ${NAHI2}`, `कोई उम्मीद ${NAHI2}`, `himmat ${NAHI2}`, `हिम्मत ${NAHI2}`, `ab aur ${NAHI2}`, `अब और ${NAHI2}`, 'toot gaya|gayi', 'टूट गया|गई', `kuch achha|accha ${NAHI2} lagta`, `कुछ ठीक ${NAHI2} लगता`],
    // hi-only concepts for the rules below
    TOOK: ['le li|liya|liye|lee|lin|li', 'ले ली|लिया|लीं|लिए', 'kha', 'खा'],
    LETHAL_MEANS: ['rassi', 'fanda', 'phanda', 'रस्सी', 'फंदा', 'bandook', 'banduk', 'pistol', 'katta', 'बंदूक', 'कट्टा', 'keetnashak', 'zehar', 'jahar', 'जहर', 'कीटनाशक', '(goli|goliyan|goliyaan|pills|गोली|गोलियां) … (jama*|ikatthi*|ikathe*|ikatthe*|bacha*|chhupa*|जमा*|इकट्ठी*|इकट्ठे*|बचा*|छुपा*)',
      '(rassi|rassa|fanda|phanda|dupatta|chunni|रस्सी|फंदा|दुपट्टा|चुन्नी) … (baandh*|bandh*|laga*|taang*|tang*|बाँध*|बांध*|लगा*|टांग*)', '(pankhe|pankha|पंखे|पंखा) … (rassi|dupatta|fanda|रस्सी|दुपट्टा|फंदा)', '(sulfas|salfas|celphos|सल्फ़ास|सल्फास|chuhe|चूहे|keetnashak|कीटनाशक|zehar|जहर|ज़हर) … (le li*|kharid*|rakh*|ले ली*|खरीद*|रख*)',
      '(goli|goliyan|goliyaan|goliya|tablets|गोली|गोलियां|गोलियाँ|गोलीयां) … (jama*|ikatthi*|ikatthe*|gin*|जमा*|इकट्ठी*|इकट्ठे*|गिन*)', '(pul|bridge|chhat|nahar|kuan|kuaan|railway|track|पुल|छत|नहर|कुआँ|कुएँ|कुएं|ट्रेन) … (soch liya|chun liya|tay|decide|सोच लिया|चुन लिया|तय)'],
    RESOLVE: ['(use|istemal|इस्तेमाल) (karunga|karungi|करूंगा|करूंगी)', '(le aaya|le aayi|ले आया|ले आई|khareed liya|खरीद लिया)', 'aaj raat', 'आज रात', 
      'soch chuka|chuki|liya|rakha', 'decide kar', 'tay kar', 'तय कर', 'सोच (लिया|रखा|चुका|चुकी)', 'man bana', 'मन बना', 'himmat juta*', 'हिम्मत जुटा*', 'taiyar|tayar|तैयार',
      '(pee|pi|kha) (lunga|lungi|loonga|loongi|lu|lun)', '(पी|खा) (लूंगा|लूंगी|लूं)', 'kab karunga|karungi', '(sab ek saath|सब एक साथ)',
      '(aaj|आज) (raat|रात)', '(raat|रात) (ko|को)', '(kal|कल) (subah|raat|सुबह|रात)', '(shaam|शाम) (ko|को)', '(sab|सब) (so|सो) (jaye|jaaye|jayenge|जाएं|जाएँ|जाएंगे)', '(decide|tay|thaan|ठान|तय) (kar |कर |)(liya|li|lee|लिया|ली|लेले)', '(plan|प्लान) (hai|है|ho gaya)',
      '(letter|chitthi|चिट्ठी) … (likh*|लिख*)', '(saaman|saman|सामान) … (baant*|बाँट*|बांट*)', '(wapas|vapas|वापस) (nahi|nahin|nhi|नहीं) (aaun*|आऊँ*|आउं*)', '(alvida|अलविदा)', '(kha|खा) (lungi|lunga|लूँगी|लूंगी|लूँगा|लूंगा)',
    ],
    CHEST_HURTS: ['(seene|seena|sine|sina|chhati|chati|chest|सीने|सीना|छाती) … (dard|pain|chubhan|dabav|dabaav|jakdan|bhaari|दर्द|चुभन|दबाव|जकडन|भारी)', 'chest pain'],
    CHEST_WEIGHT: ['pathar', 'patthar', 'पत्थर', 'bojh', 'बोझ', 'haathi', 'hathi', 'हाथी'],
  },

  rules: tuneRules({
    set: {
      'poisoning.plant': { unless: ['PILL_STRIP'], note: '"patti" is also a strip of tablets' },
      'choking.choking': { unless: ['HABITUAL'] },
      'poisoning.chemical': { window: 10 },
      'seizure.now': { unless: ['HEART_ATTACK'] },
      'seizure.word': { unless: ['ADMIN', 'HEART_ATTACK', 'HABITUAL'], note: '"dil ka daura" is a heart attack, not a seizure' },
      'seizure.signs': { all: ['SHAKING', ['UNRESPONSIVE', 'SEIZURE']], unless: ['HEART_ATTACK'] },
      'thunderclap.worst': { window: 14 },
      'swallowed.battery': { window: 20 },
      'swallowed.magnet': { window: 20 },
      'overdose.large_amount': { all: [['INGESTED', 'TOOK'], 'LARGE_AMOUNT', 'DRUG'], window: 14 },
      'screen.some_pills': { all: [['INGESTED', 'TOOK'], 'SOME_AMOUNT', 'DRUG'], window: 12 },
      // CHEST_PAIN is a bare pain word ("dard"): alone it matches any ache, so these rules need the chest named.
      'chest_pain.palpitations': { all: ['PALPITATIONS', ['CHEST_HURTS', 'DIZZY', 'UNRESPONSIVE', 'BREATH_TROUBLE']] },
      'circulation.clot': { all: ['LEG_SWELL', ['BREATH_TROUBLE', 'CHEST_HURTS']] },
      'other.fainting': { all: ['FAINTED', ['CHEST_HURTS', 'PALPITATIONS', 'BREATH_TROUBLE', 'NOT_WAKING']] },
      'stroke.word': { unless: ['ADMIN', 'HEAT'] },
    },
    after: {
      'suicide.plan': [{ id: 'suicide.means_resolve', flag: 'suicidal-plan', all: ['LETHAL_MEANS', 'RESOLVE'], window: 30, note: 'a lethal means and a decision ("rassi taiyar hai", "soch chuka hu kab")' }],
      'chest_pain.pain': [{ id: 'chest_pain.weight', flag: 'chest-pain', all: ['CHEST', 'CHEST_WEIGHT'], window: 12, note: '"seene me aisa lag raha hai jaise koi pathar rakh diya ho": a weight on the chest, said with more words' }],
      'abdominal.severe': [{ id: 'abdominal.rigid_plus', flag: 'severe-abdominal', all: ['RIGID_BELLY', ['SEVERE', 'VOMIT', 'BLOOD_VOMIT']] }],
    },
    // suicide.means_resolve below says it with this language's own RESOLVE.
    drop: ['burns.area', 'seizure.fit', 'suicide.means_commit'],
  }),
};
