import type { LanguageRules } from '../types.js';
import { tuneRules } from './base.js';

/*
 * English. Concepts are lay phrasings as patients type them (lower case, no apostrophes:
 * "can't" arrives as "cant"). Rules pair a body part or sign with what makes it dangerous;
 * a concept fires alone only when it is unambiguous ("face drooping", "choking").
 */
const CANT = 'cant|cannot|couldnt|cnt|unable';
const BREATHE = 'breath*|breah*|brething';
const PERSON_SELF = 'myself|himself|herself|themselves|themself|urself|yourself';

export const en: LanguageRules = {
  language: 'en',
  negation: { before: 3, after: 0 },
  numbers: { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 },
  concepts: {
    // ---- guards -------------------------------------------------------------------------
    NEGATION: ['no', 'not', 'without', 'never', 'denies', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'havent', 'hasnt', 'nor', 'none', 'cant', 'cannot', 'wont'],
    HYPOTHETICAL: ['if', 'in case', 'whether', 'suppose', 'supposing', 'should someone', 'when (someone|somebody|a person|a child|a baby)'],
    // "what do i do" is NOT here: "my baby is choking what do i do" is an emergency.
    INFO_QUESTION: [
      'what are the', 'what is a|an', 'whats a|an', 'what counts', 'what does … feel|look like', 'how do|can|would|will i|you|we know|tell', 'how to', 'how can i prevent',
      'prevent*', 'avoid', 'learn*', 'first aid', 'class', 'course', 'tell me about', 'read about', 'what happens', 'when should i worry', 'when to worry',
    ],
    INFO_TOPIC: ['sign|signs|symptom|symptoms of', 'warning sign*', 'sign', 'signs', 'symptom', 'symptoms', 'early signs', 'difference between', 'tell the difference'],
    PRESENT: ['showing', 'has|have|having|got … signs|symptoms', 'is this', 'is that', 'could this|that', 'am i', 'i think', 'this is', 'right now', 'currently', 'at the moment', 'minutes|mins|min|hour|hours ago', 'i have', 'im having', 'is having', 'keeps', 'still'],
    PAST: [
      'last year|month|week|summer|winter|spring|fall|time|pregnancy', '<n:1-99> year|years|yr|yrs|month|months|week|weeks ago', 'a year|month|week ago', 'years|months|weeks ago',
      'in <n:1950-2035>', 'used to', 'history of', 'back in', 'as a kid|child|baby|teen', 'since i was', 'since childhood', 'when i was (pregnant|little|young|a kid)',
      'previous*', 'prior', 'in the past', 'was|were in the er|hospital', 'was hospitalized|admitted', 'discharged', 'er visit',
    ],
    RESOLVED: ['it stopped', 'has|had stopped', 'stopped after|with|by', 'stopped on its own', 'stopped bleeding', 'fine now', 'better now', 'ok now', 'okay now', 'normal now', 'went away', 'gone now', 'resolved', 'no longer', 'woke up', 'came to', 'came around', 'recovered'],
    IDIOM: [
      'killing me', 'kill me', 'kills me', '(gonna|going to|will) kill me',
      'gave|give|giving|gives me a heart attack', 'almost|nearly had a heart attack', 'heart attack lol|haha|lmao', 'mini heart attack',
      'dying to', 'dying for', 'die|died|dying of|from embarrassment|boredom|laughter|laughing', 'died|dying|die laughing', 'bored|scared|worried to death', 'dead tired',
      'giving|gave|give|gives me a headache', 'pain in the neck|butt|ass', 'choked|choking|choke laughing', 'almost|nearly choked', 'choked|choke up',
      'made|make|makes my heart stop', 'heart stopped when', 'broke|breaks|break my heart', 'took|take|takes my breath away', 'breathtaking', 'gasped when|at',
      'bleeding|bleed me dry', 'bleeding money', 'burned|burnt|burning out', 'burnout', 'blow my mind', 'mind blowing', 'drop dead', 'dead on my feet',
      // set phrases whose words are not symptoms
      'blood pressure|test|tests|sugar|sugars|work|draw|drawn|type|donation|donor|results|bank|count|thinner|thinners|panel|glucose|orange', 'bloodwork',
      'app|website|portal|page|site|system|computer|server|phone|line … (not responding|unresponsive)', 'stroke of luck', 'brush stroke', 'chest x ray|xray', 'poison control|ivy|oak',
    ],
    CLAUSE_BREAK: ['but', 'though', 'although', 'however', 'anyway', 'anyways', 'btw', 'also', 'now', 'today', 'tonight', 'again'],

    // ---- shared modifiers (same names in every language; `unless` looks at all of them) --
    // Not "small"/"tiny" alone: "my small son", "tiny baby" describe the patient, not the injury.
    MINOR: ['a little', 'a bit', 'bit of', 'slightly', 'slight', 'mild*', 'minor', 'small|tiny spot|blister|burn|area|patch|cut', 'small red', 'a small', 'kind of', 'kinda', 'somewhat', 'red spot'],
    SMALL_WOUND: ['small|tiny|little|minor cut|scratch|nick|scrape', 'paper cut', 'papercut', 'shaving', 'nosebleed', 'nose bleed', 'gums'],
    SEVERE: ['severe*', 'really bad', 'so bad', 'very bad', 'terrible', 'horrible', 'awful', 'extreme*', 'intense', 'unbearable', 'excruciating', 'agoniz*', 'worst', 'badly', 'huge', 'massive'],
    SUDDEN: ['sudden*', 'all of a sudden', 'out of nowhere', 'out of the blue', 'just started', '<n:1-59> min|mins|minutes ago', 'minutes ago', 'an hour ago', 'just now', 'abrupt*', 'came on fast|suddenly'],
    ADMIN: ['refill*', 'follow up', 'followup', 'appointment', 'appt', 'records', 'meds', 'medication', 'prescription', 'rehab', 'checkup', 'check up', 'flu shot', 'vaccine', 'insurance', 'support group', 'prevent*'],
    EXERTION: ['climb*', 'stairs', 'when i walk', 'walking', 'exercis*', 'running', 'when i run', 'workout', 'gym', 'jogging'],
    HABITUAL: ['sometimes', 'occasionally', 'every now and then', 'usually', 'often', 'at times', 'for years', 'for months', 'chronic', 'when i sleep', 'at night', 'snor*'],
    VOMIT: ['vomit*', 'throwing up', 'threw up', 'throw up', 'puking', 'puked'],
    DIZZY: ['dizzy', 'lightheaded', 'light headed', 'faint', 'fainting', 'passing out'],

    // ---- chest pain ---------------------------------------------------------------------
    CHEST: ['chest', 'sternum', 'breastbone', 'heart'],
    CHEST_PAIN: ['pain*', 'hurt*', 'ache*', 'aching', 'achy', 'pressure', 'tight*', 'squeez*', 'crush*', 'heavy', 'heaviness', 'weight on', 'elephant', 'stabbing', 'sharp', 'discomfort', 'pressing', 'clutch*'],
    HEART_ATTACK: ['heart attack', 'heartattack', 'heart attak', 'cardiac arrest'],
    HEART_ATTACK_NOW: ['having a heart attack', 'think … heart attack', 'is this a heart attack'],

    // ---- breathing ----------------------------------------------------------------------
    BREATH_TROUBLE: [
      `can|could barely|hardly ${BREATHE}`, `${CANT} … ${BREATHE}`, `barely ${BREATHE}`, `hard to ${BREATHE}`, `hard time ${BREATHE}`, `trouble ${BREATHE}`,
      `difficulty ${BREATHE}`, `difficult to ${BREATHE}`, `struggl* … ${BREATHE}`, 'struggl* for air', 'gasp*', 'short of breath', 'shortness of breath', 'out of breath', 'breathless',
      `${CANT} get … air`, 'not getting … air', 'suffocat*', 'breathing … fast|hard|heavy|rapid*|weird|strange|funny|shallow', 'laboured|labored breathing', 'ribs … sucking|pulling in', 'air hunger',
    ],
    CYANOSIS: ['lips … blue|purple|grey|gray', 'blue|purple|grey|gray … lips', 'turning|turned|going|gone|getting blue', 'face … blue|purple', 'blue in the face'],
    WHEEZE: ['wheez*'],
    WHEEZE_DANGER: [`${CANT} talk|speak|say`, 'inhaler … not|isnt|doesnt|wont|no … help*|work*', 'nebulizer … not|isnt|doesnt … help*|work*', 'so hard', 'ribs'],

    // ---- stroke -------------------------------------------------------------------------
    FACE_DROOP: [
      'face|mouth|smile … droop*|lopsided|crooked|uneven|fallen|sagging|saggy|slack|twisted', 'face … numb', 'lip|lips … droop*', 'droop*|lopsided|crooked|uneven … face|mouth|smile',
      'side of … face … down|numb|droop*|fallen|sagging',
    ],
    DENTAL: ['dentist', 'novocaine', 'filling', 'root canal', 'anesthesia', 'anaesthetic', 'botox', 'bells palsy'],
    ARM_WEAK: [
      `${CANT} … lift|move|raise|feel|use … arm|arms|leg|legs|hand|side`, 'arm|leg|hand|side … weak*|numb|limp|dead|paralyz*', 'weak*|numb*|paralyz* … one side',
      'one side … weak*|numb*', 'weakness in … arm|leg|hand', 'arm|leg|hand … (wont move|not moving|gave out)', 'dragging … leg|foot', 'dropping things',
    ],
    SPEECH: [
      'slur*', 'speech … weird|strange|funny|garbled|off|odd|wrong|jumbled|mumbled|slow', `${CANT} … speak|talk … properly|right|clearly|normal*|straight`,
      'talking … funny|weird|strange|nonsense|gibberish', 'words … jumbled|mixed|wrong|garbled|slurred', `${CANT} find … words`, `${CANT} get … words out`,
      'speaking … gibberish|nonsense|funny|weird', 'trouble speaking|talking', 'difficulty speaking|talking', 'not making sense', 'suddenly cant|cannot speak|talk',
    ],
    CONFUSED: ['confused', 'confusion', 'disoriented', 'doesnt know where', 'doesnt recognize|recognise'],
    VISION_LOSS: [`${CANT} see … one eye`, 'lost … vision', 'vision … went|gone|lost|blacked', 'blind in one eye', 'double vision'],
    STROKE_WORD: ['stroke', 'mini stroke'],
    STROKE_NOW: ['having a stroke', 'think … having a stroke', 'is this a stroke'],

    // ---- bleeding -----------------------------------------------------------------------
    BLEED: ['bleed*', 'blood*', 'hemorrhag*', 'haemorrhag*'],
    HEAVY_BLEED: [
      'a lot', 'lots', 'heavily', 'heavy', 'so much', 'too much', 'everywhere', 'pouring', 'gushing', 'spurting', 'squirting', 'soak*', 'through the towel*', 'all over',
      'wont stop', 'will not stop', 'cant stop', 'not stopping', 'doesnt stop', 'isnt stopping', 'keeps bleeding', 'pool of', 'wont clot', 'profuse*', 'uncontrol*', 'nonstop', 'non stop',
    ],
    WOUND_TRAUMA: ['stabbed', 'shot', 'gunshot', 'deep cut', 'deep gash', 'gash', 'amputat*', 'cut off', 'severed', 'impaled'],
    BLOOD_VOMIT: ['vomit* blood', 'throwing|threw|puking up blood', 'throwing up blood', 'coughing up blood', 'coughing blood', 'blood in … vomit'],

    // ---- unresponsive -------------------------------------------------------------------
    UNRESPONSIVE: [
      '(wont|will not|doesnt|isnt|not) wake up', `${CANT} wake … up`, 'not waking up', 'unconscious', 'unresponsive', 'not responding', 'not responsive', 'wont respond', 'doesnt respond',
      'passed out', 'fainted', 'collapsed', 'isnt breathing', 'not breathing', 'stopped breathing', 'no pulse', 'blacked out', 'knocked out', 'lifeless',
    ],

    // ---- seizure ------------------------------------------------------------------------
    SEIZURE: ['seizure', 'seizures', 'siezure', 'convulsion', 'convulsions', 'grand mal', 'epileptic fit'],
    SEIZURE_NOW: ['having a seizure', 'is seizing', 'seizing', 'convulsing', 'eyes rolled|rolling', 'foaming at the mouth', 'seizure … (wont stop|not stopping|still going)', 'having convulsions'],
    FIT: ['having a fit', 'had a fit'],
    SHAKING: ['shaking … all over', 'shaking … uncontrollably', 'jerking', 'twitching all over', 'stiff and shaking'],

    // ---- suicide / self-harm ------------------------------------------------------------
    SUICIDAL: [
      `kill|killing ${PERSON_SELF}`, `(want to|wanna|going to|gonna|thinking about|thoughts of|urge to|plan to) … hurt|harm|kill|cut ${PERSON_SELF}`, `harm|harming ${PERSON_SELF}`,
      `cutting ${PERSON_SELF}`, `cut ${PERSON_SELF} on purpose|again`, `hurting ${PERSON_SELF} on purpose`, `hang ${PERSON_SELF}`,
      'end|ending|take|taking my|his|her|their life', 'end|ending|take|taking my|his|her|their own life', 'end it all', '(going to|gonna|want to) end it', 'end it tonight',
      'suicid*', '(want to|wants to|wanna|going to|gonna) … die', 'dont|doesnt want to live|exist', 'dont|doesnt want to be alive|here', 'dont|doesnt want to wake up',
      'better off dead', 'no reason to live', 'nothing to live for', 'self harm*', 'jump off a|the bridge|building|roof', 'not be here anymore',
    ],

    // ---- overdose / poisoning -----------------------------------------------------------
    INGESTED: ['took', 'taken', 'swallowed', 'ate', 'eaten', 'drank', 'drunk', 'chugged', 'downed', 'got into', 'popped', 'injected'],
    LARGE_AMOUNT: ['whole bottle', 'entire bottle', 'whole pack*', 'whole box', 'all … at once', 'all of them', 'all of my|his|her|the', 'the rest of', 'too many', 'too much', 'a bunch of', 'handful', 'like <n:8-500>', '<n:8-500> pills|tablets|tylenol|advil'],
    DRUG: [
      'pill*', 'tablet*', 'meds', 'medicine*', 'medication*', 'capsule*', 'drugs', 'tylenol', 'advil', 'motrin', 'ibuprofen', 'acetaminophen', 'paracetamol', 'aspirin',
      'oxy*', 'percocet*', 'vicodin', 'opioid*', 'opiate*', 'fentanyl', 'heroin', 'xanax', 'valium', 'benzo*', 'insulin', 'antidepressant*', 'lithium', 'morphine', 'edible*',
    ],
    POISON: [
      'bleach', 'drain cleaner', 'detergent', 'laundry pod*', 'dishwasher pod*', 'tide pod*', 'pods', 'antifreeze', 'pesticide', 'insecticide', 'rat poison', 'poison',
      'cleaning product*', 'lamp oil', 'gasoline', 'lighter fluid', 'window cleaner', 'ammonia', 'weed killer', 'button battery', 'chemicals',
    ],
    OVERDOSE_WORD: ['overdose*', 'overdosing', 'overdosed', 'od', 'oded', 'poisoned', 'poisoning'],

    // ---- anaphylaxis --------------------------------------------------------------------
    ALLERGEN: [
      'sting', 'stung', 'bee', 'bees', 'wasp', 'hornet', 'yellowjacket', 'peanut*', 'nut', 'nuts', 'shrimp', 'shellfish', 'seafood', 'fish', 'allerg*', 'new medicine',
      'antibiotic*', 'penicillin', 'amoxicillin', 'injection', 'shot', 'ate', 'eating',
    ],
    THROAT_CLOSING: ['throat … closing|closed', 'closing … throat', 'throat … swollen shut'],
    THROAT_SWELL: ['throat … swell*|swollen|tight*', 'tongue … swell*|swollen|thick'],
    FACE_SWELL: ['face|lips|lip|tongue|eyes|mouth … (swell*|swollen|puff*|blow up|blown up|blowing up)', 'swell*|swollen … face|lips|tongue|eyes|mouth'],
    HIVES: ['hives', 'rash … everywhere|all over', 'welts'],
    ANAPHYLAXIS_WORD: ['anaphyla*', 'allergic reaction', 'used … epipen', 'gave … epipen'],

    // ---- infant fever -------------------------------------------------------------------
    INFANT_AGE: [
      '<n:0-90> day|days old', '<n:0-12> week|weeks|wk|wks old', '<n:0-2> month|months|mo old', '<n:0-12> week|weeks baby|newborn',
      'newborn', 'new born', 'neonate', 'baby is <n:0-12> weeks|week|days', 'baby is <n:0-2> month|months',
    ],
    FEVER: ['fever*', 'temp', 'temperature', 'feels hot', 'burning up', 'thermometer', '<n:100.4-107>', '<n:38-42.9> c|degrees'],

    // ---- pregnancy bleeding -------------------------------------------------------------
    PREGNANT: ['pregnant', 'pregnancy', 'weeks pregnant', 'miscarr*'],
    CRAMPS: ['cramp*', 'severe pain', 'belly pain', 'stomach pain', 'abdominal pain', 'clots', 'clot'],

    // ---- burns --------------------------------------------------------------------------
    BURN: ['burned', 'burnt', 'burns', 'burn', 'scald*', 'caught fire', 'on fire', 'charred', 'electrocuted', 'boiling', 'grease fire', 'house fire'],
    BURN_SEVERE: [
      'skin … white|black|peel*|leathery|charred|melting|off', 'peel*', 'charred', 'blister*', 'huge|large|big area', 'whole arm|leg|back|chest|body|face', 'all over',
      'third degree', 'second degree', 'badly', 'severe*', 'fire', 'explosion', 'chemical',
    ],
    BURN_AREA: ['burns|burned|burnt|scalded on|to|his|her|my … face|chest|neck|eyes|genitals|airway', 'face|chest|neck|eyes … burned|burnt|scalded'],

    // ---- thunderclap headache -----------------------------------------------------------
    HEADACHE: ['headache*', 'head … pain|hurts|hurting|exploded|exploding|pounding|splitting', 'migraine'],
    WORST_EVER: [
      'worst … headache|pain', 'worst … of my|his|her life', 'never had … like', 'never felt … like', 'explosive', 'exploded', 'exploding', 'thunderclap',
      'like being hit', 'hit with a', 'like a bat|hammer|bomb',
    ],
    STIFF_NECK: ['stiff neck', 'neck … stiff', 'cant … bend … neck'],

    // ---- choking ------------------------------------------------------------------------
    CHOKING: ['chok*', 'chocking', 'something stuck in … throat', 'stuck in … throat', 'food stuck', 'lodged in … throat'],
    SWALLOWED_OBJECT: ['swallowed … coin|battery|magnet|toy|grape|piece|marble|bone', 'coin|grape|piece|bone … stuck'],
  },

  rules: tuneRules({}),
};
