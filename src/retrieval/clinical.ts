/**
 * Questions only a clinician should answer: an individual dose, a diagnosis, or stopping or
 * changing a prescribed medicine. The bot does not answer these from the knowledge base; it
 * hands them to a nurse. General questions ("what can I take for a cold", "what is a normal
 * blood pressure") are not clinical in this sense and are answered from the knowledge base.
 * Mixing two medicines and reading one's own lab values are clinical too: the answer depends
 * on the person's other medicines, kidneys and history.
 */
export type ClinicalKind = 'dose' | 'diagnosis' | 'medication_change' | 'interaction' | 'lab_value' | 'symptom';

interface Rule {
  kind: ClinicalKind;
  pattern: RegExp;
}

const MEDICINE =
  '(?:ibuprofen|ibuprofeno|tylenol|acetaminophen|acetaminof[eé]n|paracetamol|motrin|advil|aspirin|aspirina|aleve|naproxen|benadryl|' +
  'amoxicillin|amoxicilina|insulin|insulina|metformin|metformina|prednisone|zyrtec|claritin|melatonin|melatonina|' +
  '布洛芬|泰诺|对乙酰氨基酚|扑热息痛|阿司匹林|胰岛素|二甲双胍|阿莫西林|' +
  // Chinese brands and everyday names (美林 and 芬必得 are ibuprofen; 百服宁, 必理通 and 泰诺林 paracetamol).
  '美林|芬必得|百服宁|必理通|散利痛|白加黑|感冒灵|连花清瘟|格华止|' +
  'पैरासिटामोल|इबुप्रोफेन|आइबुप्रोफेन|इंसुलिन|एस्पिरिन|क्रोसिन|डोलो|कॉम्बिफ्लेम|crocin|dolo|combiflam|' +
  // Indian brands (Calpol and Dolo are paracetamol, Brufen ibuprofen, Ecosprin and Disprin aspirin, Glycomet metformin).
  'calpol|brufen|meftal|ecosprin|disprin|saridon|glycomet|d-?cold|sinarest|' +
  'कैलपोल|ब्रूफेन|ब्रुफेन|मेफ्टाल|इकोस्प्रिन|इकोस्प्रीन|डिस्प्रिन|सैरिडॉन|ग्लाइकोमेट|डी-?कोल्ड|सिनारेस्ट)';
// Medicines people mix (blood thinners, blood-pressure and heart medicines, antidepressants) and their classes.
const OTHER_MEDICINE =
  '(?:warfarin|coumadin|eliquis|apixaban|xarelto|rivaroxaban|clopidogrel|plavix|lisinopril|losartan|amlodipine|metoprolol|atenolol|' +
  'hydrochlorothiazide|furosemide|lasix|sertraline|zoloft|fluoxetine|prozac|citalopram|escitalopram|lexapro|tramadol|oxycodone|codeine|' +
  'levothyroxine|synthroid|atorvastatin|simvastatin|statins?|antibiotics?|metronidazole|flagyl|gabapentin|omeprazole|nyquil|dayquil|cetirizine|loratadine|' +
  'prednisolone|methotrexate|digoxin|lithium|spironolactone|' +
  'metronidazol|omeprazol|優甲樂|优甲乐|钙片|甲硝唑|'+
  'birth control|the pill|blood thinners?|(?:blood pressure|bp|heart) (?:pills?|meds|medicines?|medications?|tablets?)|' +
  'warfarina|anticoagulantes?|antibi[oó]ticos?|pastillas (?:de|para) la presi[oó]n|anticonceptivos?|' +
  '华法林|降压药|抗凝药|抗生素|头孢|避孕药|阿托伐他汀|' +
  '降糖药|抗抑郁药|安眠药|立普妥|氨氯地平|络活喜|硝苯地平|缬沙坦|厄贝沙坦|美托洛尔|倍他乐克|舍曲林|左甲状腺素|' +
  'amlong|amlodipin|telma|telmisartan|thyronorm|eltroxin|acitrom|azithral|augmentin|montair|cetzine|allegra|shelcal|nexito|alprax|metrogyl|' +
  'एमलोंग|अमलोंग|टेल्मा|थायरोनॉर्म|एल्ट्रोक्सिन|एसिट्रोम|एज़िथ्रल|एजिथ्रल|ऑगमेंटिन|मोंटेयर|शेलकैल|शुगर की दवा|शुगर की गोली|डिप्रेशन की (?:दवा|गोली)|' +
  'sugar ki (?:dawa|dawai|goli)|depression ki (?:dawa|dawai|goli)|' +
  'warfarin|khoon patla|bp ki dawa|bp ki goli|वारफेरिन|वारफरिन|बीपी की दवा|बीपी की गोली|खून पतला|थायराइड की गोली|कैल्शियम की गोली|एंटीबायोटिक)';
const ANY_MEDICINE = `(?:${MEDICINE.slice(3, -1)}|${OTHER_MEDICINE.slice(3, -1)})`;
// Lab tests people get numbers for.
const LAB =
  '(?:potassium|sodium|a1c|hba1c|cholesterol|ldl|hdl|triglycerides?|creatinine|egfr|gfr|tsh|t4|hemoglobin|haemoglobin|hgb|inr|psa|sgpt|sgot|platelets?|' +
  'white (?:blood )?cell count|wbc|ferritin|vitamin d|b12|alt|ast|liver enzymes|bilirubin|uric acid|glucose|fasting (?:sugar|glucose)|blood sugar|sugar|' +
  'potasio|sodio|colesterol|triglic[eé]ridos|creatinina|hemoglobina|plaquetas|glucosa|az[uú]car|' +
  '血钾|血钠|胆固醇|甘油三酯|肌酐|血红蛋白|血小板|血糖|糖化血红蛋白|转氨酶|尿酸|甲状腺|' +
  '低密度脂蛋白|高密度脂蛋白|低密度|高密度|血脂|糖化|谷丙转氨酶|谷草转氨酶|谷丙|肝功能?|尿蛋白|白细胞|红细胞|维生素D|维D|铁蛋白|' +
  'कोलेस्ट्रॉल|क्रिएटिनिन|हीमोग्लोबिन|बी12|बी-12|बी 12|टीएसएच|एचबीए1सी|ट्राइग्लिसराइड|एलडीएल|एसजीपीटी|आईएनआर|शुगर|प्लेटलेट्स|थायराइड|पोटैशियम|पोटेशियम|सोडियम|ग्लूकोज|यूरिक एसिड|विटामिन डी|hemoglobin|creatinine|thyroid)';
const NUMBER = '\\d+(?:[.,]\\d+)?';

const UNIT = '(?:mg|mgs|milligrams?|mcg|ml|mls|milliliters?|cc|units?|tablets?|pills?|capsules?|teaspoons?|tsp|puffs?)';
const PRESCRIBED_EN = '(?:pills?|meds|medicines?|medications?|tablets?|insulin|prescription|dose|inhaler|antidepressants?|' + MEDICINE + ')';
const CONDITION_EN =
  '(?:diabetes|cancer|covid|the flu|strep|pneumonia|an? (?:uti|infection|std|sti|ear infection|ulcer|blood clot)|' +
  'infection|hiv|hypertension|high blood pressure|a heart (?:problem|condition)|heart disease|appendicitis|' +
  'kidney stones?|a kidney infection|lupus|thyroid (?:problem|disease)|arthritis|asthma|shingles|measles|lyme disease)';
const CONDITION_ES =
  '(?:diabetes|c[aá]ncer|covid|gripe|influenza|una infecci[oó]n|infecci[oó]n|neumon[ií]a|vih|hipertensi[oó]n|presi[oó]n alta|' +
  'az[uú]car alta|tiroides|apendicitis|asma|herpes|una ets|ets|piedras en los ri[ñn]ones)';
const CONDITION_HI_ROMAN = '(?:diabetes|sugar|cancer|covid|corona|bp|infection|tb|typhoid|dengue|malaria|asthma|thyroid|heart ki bimari)';
const CONDITION_HI = '(?:डायबिटीज़?|शुगर|मधुमेह|कैंसर|कोविड|कोरोना|बीपी|इन्फेक्शन|संक्रमण|टीबी|टाइफाइड|डेंगू|मलेरिया|अस्थमा|थायराइड)';
const CONDITION_ZH = '(?:糖尿病|癌症|癌|新冠|流感|高血压|肺炎|感染|甲亢|甲减|哮喘|心脏病|肾结石|阑尾炎|艾滋病|性病|带状疱疹)';

const ALCOHOL = '(?:alcohol|wine|beers?|drinks?|drinking|liquor|vodka|whiskey|tequila|vino|cerveza|copas?|tragos?|licor|酒|喝酒|啤酒|红酒|白酒|sharab|daru|daaru|pegs?|शराब|दारू|पेग)';
const CHANGE_EN = '(?:stop|quit|skip|halve|cut|double|reduce|lower|increase|raise|change|switch|come off|go off|taper)';

const RULES: Rule[] = [
  // —— Any language: alcohol with a medicine, or two medicines "together".
  { kind: 'interaction', pattern: new RegExp(`${ALCOHOL}.{0,60}${ANY_MEDICINE}|${ANY_MEDICINE}.{0,60}${ALCOHOL}`, 'i') },
  { kind: 'interaction', pattern: /(?:能|可以|可不可以)(?:一起|同时)(?:吃|服用?|用)|(?:一起|同时)(?:吃|服用)(?:吗|可以吗|行吗)|\btogether with\b.{0,30}\b(?:pills?|meds|medicines?|tablets?)\b|\bjuntos?\b.{0,20}\b(?:pastillas|medicinas|medicamentos)\b/i },
  // —— Mixing medicines, every language (two medicines named in one question, or "interaction").
  { kind: 'interaction', pattern: /\binteract(?:s|ion|ions|ing)?\b|\binteracci[oó]n|相互作用|\binteraction\b/i },
  {
    kind: 'interaction',
    pattern: new RegExp(`${ANY_MEDICINE}.{0,40}(?:\\bwith\\b|\\band\\b|\\bplus\\b|\\bcon\\b|\\by\\b|\\baur\\b|\\bke saath\\b|和|跟|与|और|के साथ|\\+).{0,40}${ANY_MEDICINE}`, 'i'),
  },
  { kind: 'interaction', pattern: new RegExp(`\\b(?:while|when) (?:i'?m |i am |on |taking )+.{0,20}${ANY_MEDICINE}`, 'i') },
  // —— One's own lab values: a named test with a number ("my potassium is 5.8", "血钾5.8正常吗", "sugar 250 aaya").
  { kind: 'lab_value', pattern: new RegExp(`\\b(?:my|his|her|mi|su|mera|meri|mere)\\b.{0,20}\\b${LAB}\\b.{0,25}${NUMBER}`, 'i') },
  { kind: 'lab_value', pattern: new RegExp(`${LAB}\\s*(?:is|was|came back|of|at|es|fue|sali[oó]|est[aá]|en|是|为|有|hai|aaya|aayi|आया|है)?\\s*${NUMBER}.{0,30}(?:normal|bad|high|low|ok|okay|mean|worried|dangerous|malo|alto|bajo|normales?|preocupa|peligroso|正常|高|低|严重|要紧|危险|没事|有问题|kya|ठीक|ज्यादा|kam|zyada|\\?)`, 'i') },
  { kind: 'lab_value', pattern: /\b(?:my|mis?)\s+(?:lab|labs|blood ?work|test|resultados?|an[aá]lisis)\b.{0,40}\b(?:mean|normal|bad|high|low|significa|malo|alto|bajo)\b/i },
  { kind: 'lab_value', pattern: /(?:化验单|检查结果|验血结果|化验结果).{0,20}(?:正常吗|什么意思|严重吗|高|低)|(?:रिपोर्ट|report).{0,30}(?:normal|नॉर्मल|ठीक|kya matlab|क्या मतलब)/i },

  // —— English
  { kind: 'dose', pattern: new RegExp(`\\bhow (?:much|many)\\b.{0,40}\\b${UNIT}\\b`, 'i') },
  { kind: 'dose', pattern: new RegExp(`\\bhow (?:much|many)\\b.{0,25}${MEDICINE}.{0,40}\\b(?:give|take|use)\\b`, 'i') },
  { kind: 'dose', pattern: new RegExp(`\\b(?:what|which|right|correct|safe|max(?:imum)?) (?:dose|dosage)\\b|\\bdos(?:e|age) (?:of|for)\\b`, 'i') },
  { kind: 'dose', pattern: new RegExp(`\\b\\d+(?:[.,]\\d+)?\\s?(?:mg|mcg|ml|cc|units?)\\b`, 'i') },
  { kind: 'diagnosis', pattern: new RegExp(`\\b(?:do|could|might|can) i (?:have|got) ${CONDITION_EN}\\b`, 'i') },
  { kind: 'diagnosis', pattern: new RegExp(`\\b(?:is (?:it|this|that)|am i|have i got) ${CONDITION_EN}\\b`, 'i') },
  { kind: 'diagnosis', pattern: /\bwhat(?:'s| is) wrong with (?:me|my|him|her)\b|\b(?:can you|please) diagnose\b|\bwhat do i have\b|\bdiagnose (?:me|my|this)\b/i },
  {
    kind: 'medication_change',
    pattern: new RegExp(`\\b(?:should|can|could|may|must) i (?:stop|quit|skip|double|halve|cut|reduce|lower|increase|raise|change|switch)\\b.{0,30}\\b${PRESCRIBED_EN}`, 'i'),
  },
  { kind: 'medication_change', pattern: new RegExp(`\\b(?:stop|quit) (?:taking )?(?:my|the|his|her) .{0,25}\\b${PRESCRIBED_EN}`, 'i') },
  // Anyone's medicine ("can my mom stop her metoprolol", "is it ok to skip my insulin").
  {
    kind: 'medication_change',
    pattern: new RegExp(`\\b(?:should|can|could|may|must|is it (?:ok|okay|safe|fine) (?:to|if)|safe to)\\b.{0,25}\\b${CHANGE_EN}\\b.{0,30}(?:\\b${PRESCRIBED_EN}|${OTHER_MEDICINE})`, 'i'),
  },
  { kind: 'medication_change', pattern: new RegExp(`(?:${PRESCRIBED_EN}|${OTHER_MEDICINE}|\\bpastillas?\\b|\\bmedicinas?\\b).{0,40}\\b(?:instead of|en vez de|en lugar de)\\b`, 'i') },
  { kind: 'dose', pattern: new RegExp(`\\bmax(?:imum)?(?: amount| dose)? of ${MEDICINE}|\\b(?:lo )?m[aá]ximo de ${MEDICINE}|\\bdosis m[aá]xima\\b`, 'i') },
  // —— Spanish
  { kind: 'dose', pattern: new RegExp(`\\bcu[aá]nt[oa]s? (?:mg|miligramos|ml|mililitros|pastillas|tabletas|c[aá]psulas|gotas|cucharaditas|unidades)\\b`, 'i') },
  { kind: 'dose', pattern: new RegExp(`\\bcu[aá]nt[oa] ${MEDICINE}.{0,30}\\b(?:le doy|le puedo dar|puedo tomar|me tomo|tomo|doy)\\b`, 'i') },
  { kind: 'dose', pattern: /\bqu[eé] dosis\b|\bla dosis (?:de|para)\b/i },
  { kind: 'diagnosis', pattern: new RegExp(`\\b(?:ser[aá] que tengo|creo que tengo|puede que tenga|tendr[eé]|tengo) ${CONDITION_ES}\\s*[?¿]`, 'i') },
  { kind: 'diagnosis', pattern: new RegExp(`¿\\s*tengo ${CONDITION_ES}\\b|\\bser[aá] (?:un |una )?${CONDITION_ES}\\b|(?:^|¿)\\s*qu[eé] (?:es lo que )?tengo\\s*[?¿]|\\bme puede[n]? diagnosticar\\b`, 'i') },
  {
    kind: 'medication_change',
    pattern: /\b(?:puedo|debo|tengo que|me puedo|ya puedo)\s+(?:dejar|suspender|parar|quitar|cambiar|duplicar|bajar|subir)\b.{0,30}\b(?:pastillas?|medicinas?|medicamentos?|insulina|tratamiento|dosis|tabletas?)\b/i,
  },
  // —— Chinese
  { kind: 'dose', pattern: /(?:吃|服|用|喂|给|打)(?!了)[^了。，,]{0,8}(?:多少|几)(?:毫克|mg|毫升|ml|片|粒|颗|袋|勺|滴|单位|支)/i },
  { kind: 'dose', pattern: /(?:剂量|用量)(?:是)?多少|多大剂量|一次(?:吃|服|用|喂|给|倒|喝|滴)(?:多少|几)/ },
  { kind: 'dose', pattern: /(?:药|泰诺|布洛芬|美林|糖浆|退烧药|止咳药|扑热息痛|对乙酰氨基酚|胶囊|片|混悬液|滴剂|口服液|颗粒|冲剂).{0,6}(?:给|吃|喂|用|服|倒|喝|滴|冲)多少|(?:给|吃|喂|用|服)多少.{0,4}(?:药|泰诺|布洛芬|美林|糖浆|退烧药)/ },
  { kind: 'medication_change', pattern: /药.{0,6}(?:能|可以|要不要|该不该)?(?:减半|减量|加倍|少吃|停掉)/ },
  { kind: 'diagnosis', pattern: new RegExp(`我?(?:是不是|是否|会不会|可能)?(?:得了|患了|有)${CONDITION_ZH}(?:吗|么|啊)?[?？]`) },
  { kind: 'diagnosis', pattern: new RegExp(`(?:是不是|会不会)(?:得了|患了|有)?${CONDITION_ZH}|我得了什么病|是什么病|帮我诊断`) },
  { kind: 'medication_change', pattern: /(?:能不能|可不可以|可以|能|要不要|该不该|需要)停(?:药|掉|吃|用)|停(?:吃|用)?(?:降压药|降糖药|胰岛素|抗抑郁药)|(?:药|药物).{0,6}(?:能|可以)停/ },
  { kind: 'medication_change', pattern: /(?:能不能|可以|要不要)(?:加量|减量|减药|加药|换药)/ },
  // Halving or stopping a named medicine ("降压药能不能改成半片", "二甲双胍可以不吃了吧", "抗抑郁药我想先停几天").
  { kind: 'medication_change', pattern: /(?:改成|换成|减成|减到|只吃)(?:半片|半颗|半粒|一半|半包)/ },
  { kind: 'medication_change', pattern: new RegExp(`${ANY_MEDICINE}.{0,25}(?:(?:可以|能|能不能|可不可以|是不是可以|要不要)(?:先)?(?:不吃|不用|不打|停)|(?:想|打算|准备)(?:自己)?(?:先)?(?:停|不吃)|(?:停|不吃)(?:几天|一下|一段时间)|隔天吃)`) },
  // Taking something while on a medicine ("我在吃华法林，能不能吃点芬必得", "吃头孢期间能喝…").
  { kind: 'interaction', pattern: new RegExp(`(?:在吃|吃着|正在吃|在用|在打|正在服用|一直吃|长期吃)${ANY_MEDICINE}.{0,25}(?:能不能|能|可以|可不可以|还能)(?:同时|一起|再)?(?:吃|喝|用|服|打)(?!什么|啥|哪)`) },
  { kind: 'interaction', pattern: new RegExp(`(?:吃|服用?|打)${ANY_MEDICINE}(?:的时候|期间|时).{0,15}(?:能不能|能|可以|可不可以|还能)(?:同时|一起|再)?(?:吃|喝|用|服)`) },
  // One's own lab value: a test, its number, a worried question ("我的肌酐 130，肾是不是出问题了").
  { kind: 'lab_value', pattern: new RegExp(`(?!血糖|blood sugar|sugar|glucose|शुगर|ग्लूकोज)${LAB}\\s*(?:是|为|有|只有|才|到了?|:|：)?\\s*${NUMBER}(?![\\d.,])(?!\\s*(?:到|至|-|–|~|～)\\s*\\d).{0,25}(?:是不是|出问题|有问题|不好|怎么办|要不要|需要|要吃药|吗|(?<!什)么|[?？])`, 'i') },
  // —— Hindi (romanised and Devanagari)
  { kind: 'dose', pattern: /\bkitn[aie]\s+(?:mg|ml|goli|goliyan|golia|tablet|tablets|dose|chammach|boond|unit)\b/i },
  { kind: 'dose', pattern: /कितनी?\s*(?:mg|ml|एमजी|एमएल|गोली|गोलियां|गोलियाँ|टैबलेट|खुराक|डोज़?|चम्मच|बूंद|यूनिट)/ },
  { kind: 'dose', pattern: /(?:dose|खुराक|डोज़?)\s+(?:kitn|कितन)/i },
  // "how much syrup should I give", "kitni goli du"
  {
    kind: 'dose',
    pattern: new RegExp(
      `(?:सिरप|दवा|दवाई|गोली|टैबलेट|ड्रॉप्स|syrup|dawa|dawai|davai|goli|tablet|drops|${MEDICINE.slice(3, -1)})[^।?]{0,25}(?:कितना|कितनी|कितने|kitna|kitni|kitne)[^।?]{0,15}` +
        '(?:दें|देनी|देना|दूँ|दूं|लें|लेनी|लूँ|लूं|खाऊं|खाएं|पिलाएं|पिलाऊं|ml|एमएल|mg|चम्मच|बूंद|dena|deni|du|doon|lu|loon|khau|pilau|pilana|chammach)',
      'i',
    ),
  },
  // Halving or doubling a dose, taking two things together.
  { kind: 'medication_change', pattern: /(?:खुराक|डोज|dose|dawa|दवा|दवाई|goli|गोली)[^।?]{0,20}(?:आधी|आधा|कम कर|डबल|दोगुनी|aadhi|aadha|kam kar|double)/i },
  { kind: 'interaction', pattern: /(?:गोली|दवा|दवाई|goli|dawa|dawai|tablet)[^।?]{0,40}(?:साथ में|के साथ|saath me|saath mein|ke saath)[^।?]{0,20}(?:ले|खा|le|kha)\s*(?:सकत|sakt)/i },
  { kind: 'diagnosis', pattern: new RegExp(`\\b(?:kya )?mujhe ${CONDITION_HI_ROMAN} (?:hai|ho gaya|ho gayi|hua)(?: kya)?\\s*\\?`, 'i') },
  { kind: 'diagnosis', pattern: new RegExp(`क्या मुझे ${CONDITION_HI}|मुझे ${CONDITION_HI} (?:है|हो गया|हो गई) क्या|मुझे क्या बीमारी है|कौन सी बीमारी है`) },
  { kind: 'diagnosis', pattern: /\bmujhe kya bimari hai\b|\bkaunsi bimari hai\b/i },
  { kind: 'medication_change', pattern: /\b(?:dawa|dawai|dawaai|davai|goli|goliyan|medicine|tablet)\s+(?:band|chhod|chod)\s*(?:kar|karna|karu|karun|de|du|doon|sakta|sakti|sakte)/i },
  { kind: 'medication_change', pattern: /(?:दवा|दवाई|गोली|गोलियां|गोलियाँ)\s+(?:बंद|छोड़|छोड)\s*(?:कर|करना|करूँ|करूं|दूँ|दूं|दे|सकता|सकती|सकते)/ },
  // Stopping, halving or skipping a named medicine a few words on ("Glycomet lena chhod doon?",
  // "डिप्रेशन की गोली से जी मिचलाता है, कुछ दिन के लिए बंद कर दूँ?", "Amlong aadhi kar de kya").
  {
    kind: 'medication_change',
    pattern: new RegExp(
      `(?:${ANY_MEDICINE.slice(3, -1)}|\\bdawa\\b|\\bdawai\\b|\\bdavai\\b|\\bgoli\\b|\\btablet\\b|दवा|दवाई|गोली)[^?।]{0,40}` +
        '(?:(?:\\bband|\\bchhod|\\bchod|\\bskip)\\s*(?:kar(?!na|ne)|karu|karun|karoon|kar du|kar doon|kar dun|kar de|de|du|doon|dun|sakt)|(?:बंद|छोड़|छोड|स्किप)\\s*(?:कर(?!ना|ने)|करूँ|करूं|दूँ|दूं|दें|दे|सकत)|' +
        '\\b(?:aadhi|aadha|adhi|adha)\\s*(?:kar|le|kha|de)|(?:आधी|आधा)\\s*(?:कर|ले|खा|दे)|' +
        // Every other day ("ek din chhod ke le lu").
        '\\b(?:chhod|chod)\\s*(?:ke|kar)\\s*(?:le|kha|de)|(?:छोड़|छोड)\\s*(?:के|कर)\\s*(?:ले|खा|दे))',
      'i',
    ),
  },
  { kind: 'medication_change', pattern: /\b(?:lena|leni|dena|deni|lagana)\s+(?:band|chhod|chod)\s*(?:kar(?!na|ne)|karu|karun|du|doon|dun|de|sakt)|(?:लेना|लेनी|देना|देनी)\s+(?:बंद|छोड़|छोड)\s*(?:कर(?!ना|ने)|दूँ|दूं|दें|दे|सकत)/i },
  // A medicine one is on, then "can I take / give / drink…" ("BP ki dawai chal rahi hai, D-Cold le sakta hu?").
  {
    kind: 'interaction',
    pattern: new RegExp(
      `(?:${ANY_MEDICINE.slice(3, -1)}|\\bdawa\\b|\\bdawai\\b|\\bgoli\\b|दवा|दवाई|गोली)[^?।]{0,20}(?:chal rahi|chal raha|chal rahe|leta hu|leti hu|lete hai|lete hain|leti hain|चल रही|चल रहा|चल रहे|लेता हूँ|लेता हूं|लेती हूँ|लेती हूं|लेते हैं|लेती हैं)` +
        '[^?।]{0,50}(?:le sakt|de sakt|kha sakt|pee sakt|pi sakt|le lu|le loon|le lun|de du|de doon|de dun|ले सकत|दे सकत|खा सकत|पी सकत|ले लूँ|ले लूं|दे दूँ|दे दूं)',
      'i',
    ),
  },
];

// A question about people in general ("why shouldn't people on blood thinners take ibuprofen?",
// "为什么吃抗凝药的人不能吃布洛芬？一般了解"), with nobody of the patient's own in it, is answered
// from the knowledge base (the medication-safety unit), not handed over.
const ABOUT_PEOPLE =
  /\b(?:why (?:do|does|should|shouldn'?t|can'?t|cannot|is|are)\b.{0,40}\b(?:people|patients|someone|anyone|those)|in general|general(?:ly)? (?:info|information|question)|just (?:curious|wondering)|por qu[eé](?![a-z]).{0,30}\b(?:la gente|las personas|los pacientes|quienes|alguien)|en general|pregunta general|kyon\b.{0,30}\blog|general (?:jaankari|jankari)|jaankari ke liye)\b|为什么.{0,15}的人|一般了解|随便问问|好奇问一下|जानकारी के लिए|सामान्य जानकारी|लोगों को क्यों/i;
const OWN_PEOPLE =
  /\b(?:i|i'?m|im|i'?ve|my|me|mine|we|our|us|yo|mi|mis|me|tomo|estoy|mujhe|mera|meri|mere|main|hum|hamare)\b|我|我们|家里|मेरा|मेरी|मेरे|मुझे|मैं|हम|हमारे/i;

// "What can I do besides medicine to lower my blood pressure?": a question about everything but a
// medicine, answered from the knowledge base, unless it also asks to stop or change one.
const BESIDES_MEDICINE =
  /\b(?:without|besides|other than|apart from|instead of) (?:any )?(?:medicines?|medications?|meds|pills|drugs|tablets)\b|\bsin (?:medicinas?|medicamentos?|pastillas)\b|\badem[aá]s de (?:las |los )?(?:medicinas?|medicamentos?|pastillas)\b|(?:दवा|दवाई|दवाओं|गोली|गोलियों)\s*(?:के|की)?\s*(?:अलावा|बिना|बगैर)|\b(?:dawa|dawai|dawaai|goli|goliyon)\s*(?:ke|ki)?\s*(?:alawa|alava|bina|bagair)\b|\b(?:bina|bagair|baghair)\s+(?:dawa|dawai|dawaai|goli|goliyon)\b|(?:बिना|बगैर)\s+(?:दवा|दवाई|गोली)|不吃药|除了(?:吃)?药|不用药/i;
const STOP_OR_CHANGE = /\b(?:stop|quit|skip|halve|double|come off|dejar|suspender|parar|dej[oe])\b|停|减量|बंद|छोड़|chhod|band kar/i;

/** The kind of clinical question, or undefined for a general one. Language-independent: all rules run. */
export function detectClinical(text: string): ClinicalKind | undefined {
  // Nukta folded: "वारफ़रिन" and "वारफरिन" are the same word to a patient.
  const normalised = text.normalize('NFC').replace(/\u093c/g, '').replace(/\s+/g, ' ');
  if (ABOUT_PEOPLE.test(normalised) && !OWN_PEOPLE.test(normalised)) return undefined;
  if (BESIDES_MEDICINE.test(normalised) && !STOP_OR_CHANGE.test(normalised)) return undefined;
  const kind = RULES.find((r) => r.pattern.test(normalised))?.kind;
  if (kind) return kind;
  // Two different medicines in one question ("my dad takes eliquis, can he take aleve"): an interaction.
  // Not a choice between two ("zyrtec or claritin, which is better?"): that is a general question.
  const named = new Set([...normalised.matchAll(ANY_MEDICINE_GLOBAL)].map((m) => m[0].toLowerCase()));
  return named.size >= 2 && !CHOICE.test(normalised) ? 'interaction' : undefined;
}

/**
 * A request for more of a medicine one already takes ("I need a refill on my lisinopril",
 * "resurtir la metformina", "续开降压药", "metformin ka refill chahiye") is an office request for
 * the prescription-refills answers, even though it names a medicine: the nearest clinical examples
 * name the same medicines, so their verdict gives way to this. A dose, a stop or a change in the
 * same message is caught by `detectClinical` first.
 */
const REFILL_REQUEST = /\b(?:re-?fill?s?|renew(?:al|ed)?|resurt\w*|refill\w*)\b|续开|续药|续方|再开|रि[फ़फ]िल|दोबारा लिख|dobara likh/iu;

// A refill that asks for something else than more of the same ("at a higher dose", "otra dosis") stays clinical.
const REFILL_CHANGE = /\b(?:dos(?:e|es|age|is)|higher|lower|strong(?:er)?|weaker|increase|decrease|double|half|mg|switch|change|different|cambi\w*|aument\w*|baj\w*|otr[oa]|badh\w*|kam kar\w*|khura?k|badal\w*)\b|剂量|加量|减量|换|改|खुराक|बढ़|घटा|बदल/iu;

export function isRefillRequest(text: string): boolean {
  return REFILL_REQUEST.test(text) && !REFILL_CHANGE.test(text);
}

// Chinese writes no space around 还是 / 或者 ("泰诺还是美林").
const CHOICE = new RegExp(`${ANY_MEDICINE}(?:\\s*(?:,\\s*)?(?:or|vs\\.?|versus|o|u|ya|या)\\s+|\\s*(?:还是|或者?)\\s*)${ANY_MEDICINE}`, 'i');

const ANY_MEDICINE_GLOBAL = new RegExp(ANY_MEDICINE, 'gi');

/**
 * A request to book a visit ("I'd like to book an appointment for my husband, his back has hurt
 * for a month", "quiero hacer una cita porque me duele la rodilla", "想预约", "appointment chahiye")
 * asks for the booking answer, though it describes the symptom it is for. Cancelling or moving
 * a visit is another matter (appointment changes).
 */
const BOOKING_REQUEST = new RegExp(
  [
    String.raw`\b(?:book|make|schedule|get|arrange|set up|need|want|like)\b[^.?!]{0,25}\b(?:appointment|appt|visit|consultation)\b`,
    String.raw`\b(?:pedir|hacer|sacar|agendar|programar|reservar|conseguir|quisiera|quiero|necesito)\b[^.?!]{0,25}\b(?:cita|consulta|turno)\b`,
    String.raw`\b(?:appointment|appointmnt|apointment)\b[^.?!]{0,20}\b(?:chahiye|chaiye|lena|leni|book|milega|milegi|mil sakta|mil sakti|kaise)\b`,
    '预约|預約|挂号|掛號|约个时间|约个医生|अपॉइंटमेंट',
  ].join('|'),
  'iu',
);
const BOOKING_CHANGE = /\b(?:cancel\w*|reschedul\w*|move|change|cancelar|cambiar|mover|reprogramar|posponer|badal\w*)\b|取消|改约|改期|रद्द/iu;

export function isBookingRequest(text: string): boolean {
  return BOOKING_REQUEST.test(text) && !BOOKING_CHANGE.test(text);
}

