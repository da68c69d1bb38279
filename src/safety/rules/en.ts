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
  negationStops: ['and', 'but', 'then', 'so'],
  numbers: { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 },
  concepts: {
    // ---- guards -------------------------------------------------------------------------
    NEGATION: ['no', 'not', 'without', 'never', 'denies', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'havent', 'hasnt', 'nor', 'none', 'cant', 'cannot', 'wont'],
    HYPOTHETICAL: ['(a|my) friend (of mine |)(might|may|could) be', 'if', 'in case', 'whether', 'suppose', 'supposing', 'should someone', 'when (someone|somebody|a person|a child|a baby)'],
    // "what do i do" is NOT here: "my baby is choking what do i do" is an emergency.
    INFO_QUESTION: ['how (do|does|should|would) (you|one|i|we) (do|give|perform|treat|help|stop|handle)', '(whats|what is) the (right|best|correct|proper) way', 'right way to', 'is it true', 'for my own knowledge', 'out of curiosity', 'just curious', 'can (a|an|the) … (turn into|become|cause|lead to)', 'what signs', 'what to do after', 'teach*', 
      'what does … (stand for|mean)', 'at what', 'what temp*', 'poster*', 'leaflet*', 'brochure', 'project', 'presentation', 'putting together', 'checklist', 'googling', 'reading … (online|about)', 'what are the', 'what is a|an', 'whats a|an', 'what counts', 'what does … feel|look like', 'how do|can|would|will i|you|we know|tell', 'how to', 'how can i prevent',
      'prevent*', 'avoid', 'learn*', 'first aid', 'class', 'course', 'training', 'workshop', 'what to do during|if|when', 'what to do in case', 'recogni*', 'how does|do … work', 'in the future', 'tell me about', 'read about', 'what happens', 'when should i worry', 'when to worry',
    ],
    INFO_TOPIC: ['(emt|nursing|pharmacology|anatomy|first aid|cpr|board|boards|final|finals|biology|paramedic) exam*', 'studying for', 'video game*', 'look out for', 'watch out for', 'watch for', 'for the future', 'for future reference', 'sign|signs|symptom|symptoms of', 'warning sign*', 'sign', 'signs', 'symptom', 'symptoms', 'early signs', 'difference between', 'tell the difference'],
    PRESENT: ['showing', '(i|he|she|they|we|hes|shes|im|theyre) … (has|have|having|got|showing) … (signs|symptoms)', 'is this', 'is that', 'could this|that', 'am i', 'i think', 'this is', 'right now', 'currently', 'at the moment', 'minutes|mins|min|hour|hours ago', 'i have', 'im having', 'is having', 'keeps', 'still'],
    PAST: ['when (he|she|they|i) (was|were) <n:1-36> (months|month) (old |)', 'when (he|she|they|i) (was|were) (a baby|a toddler|little|small|<n:1-17> (years|year) old|<n:1-17>)', '(two|three|four|five|few|several|<n:2-99>) (summers|winters|christmases|holidays) ago', 'a few (years|months|weeks) ago', '(after|during|in|with|since) (my|her|his) (first|last|previous) (delivery|birth|pregnancy|baby|labour|labor|c section)', '(my|her|his) (first|last|previous) (delivery|birth|pregnancy|baby|labour|labor|c section)', 'spent (time|weeks|months|a week|a month|a night|days) in (hospital|rehab|a psychiatric|psych|the hospital)', 
      'last year|month|week|summer|winter|spring|fall|time|pregnancy', '<n:1-99> year|years|yr|yrs|month|months|week|weeks ago', 'a year|month|week ago', 'years|months|weeks ago',
      'in <n:1950-2035>', 'used to', 'history of', 'back in', 'as a kid|child|baby|teen|teenager|student', 'since i was', 'since childhood', 'when i was (pregnant|little|young|a kid)', 'when (he|she|i|they) was|were <n:0-99>', 'when (he|she|they) was|were (a baby|little|small|younger|a toddler)',
      'previous*', 'prior', 'in the past', 'was|were in the er|hospital', 'was hospitalized|admitted', 'discharged', 'er visit',
    ],
    RESOLVED: ['doing (much |a lot |so much |)better', 'it stopped', 'has|had stopped', 'stopped after|with|by', 'stopped on its own', 'stopped bleeding', 'fine now', 'better now', 'ok now', 'okay now', 'normal now', 'went away', 'gone now', 'resolved', 'woke up', 'came to', 'came around', 'recovered'],
    IDIOM: [
      // Berries, ice lollies and ink colour lips blue without any lack of oxygen.
      '(blue|purple) from (the |)(blueberries|blueberry|berries|ice lolly|ice pop|popsicle|slushie|ink|dye|paint|marker|crayon|food colouring|food coloring)',
      // A parent hoping the baby sleeps on: 'doesn't wake up before 6'.
      '(doesnt|dont|wont|does not|will not) wake (up |)(before|till|until|til|all night)',
      // A transfusion is a treatment, not a sign of bleeding now.
      'transfusion*', 'blood transfusion*',
      // Walking with a limp is not a limp baby.
      '(can|could|cant|i|he|she|still) limp (on|around|along|to|home|a bit|a little|but|and|ok|okay|fine)', 'limp (on|around|along) (it|the|my|his|her)', '(with|has|had|have|got|walks with|a slight|a bit of) a limp','(hope|hoping|pray|praying) (he|she|they|it|baby|the baby|my baby|the kids|kids|the twins) (doesnt|dont|wont|does not|do not|will not) wake (up|her|him|them|the baby|anyone)', '(had|having|an) overdose of (christmas|chocolate|sugar|candy|sweets|netflix|tv|family|festivities|sun|sunshine|coffee|work|meetings)', '(cant|can barely|can hardly|could barely|could hardly) breathe … (excit*|laugh*|happy|happiness|joy)', 'heart (aches|ached|breaks|broke|goes out) for', 'unresponsive to (my|his|her|our) (texts|messages|calls|emails)', 'stroke of (luck|genius|brilliance)', '(bill|meeting|day|week|interview|date|exam) was a (car crash|train wreck)', 'choked on … (words|laugh*)', 'choked on … laughing', 'overdose* on (chocolate|sugar|candy|sweets|coffee|caffeine|netflix|tv|cake|pizza|carbs|shopping|memes)', 'seizure free', 'seizure-free', 'almost|nearly had a (heart attack|stroke)', 'more than (just |)spotting', 'face dropped when', 
      'killing me', 'kill me', 'kills me', '(gonna|going to|will) kill me',
      'gave|give|giving|gives me a heart attack', 'almost|nearly had a heart attack|stroke', `${CANT} breathe … laugh*|lol|lmao|haha|hahaha`, 'drowning in (paperwork|work|debt|bills|emails|homework|laundry|admin|deadlines|assignments|forms)',
      'suicide (risk|prevention|awareness|hotline|helpline|screening|assessment|training|course|survivors|support|statistics)', 'heart attack lol|haha|lmao', 'mini heart attack',
      'dying to', 'dying for', 'die|died|dying of|from embarrassment|boredom|laughter|laughing', 'died|dying|die laughing', 'bored|scared|worried to death', 'dead tired',
      'giving|gave|give|gives me a headache', 'pain in the neck|butt|ass', 'choked|choking|choke laughing', 'almost|nearly choked', 'choked|choke up',
      'made|make|makes my heart stop', 'heart stopped when', 'broke|breaks|break my heart', 'took|take|takes my breath away', 'breathtaking', 'gasped when|at',
      'bleeding|bleed me dry', 'bleeding money', 'burned|burnt|burning out', 'burnout', 'blow my mind', 'mind blowing', 'drop dead', 'dead on my feet',
      // set phrases whose words are not symptoms
      'blood pressure|test|tests|sugar|sugars|work|draw|drawn|type|donation|donor|results|bank|count|thinner|thinners|panel|glucose|orange', 'bloodwork',
      'app|website|portal|page|site|system|computer|server|phone|line … (not responding|unresponsive)', 'stroke of luck', 'brush stroke', 'heart attacks', 'strokes', '(domestic violence|domestic abuse|sexual assault|rape) (advocate*|shelter*|charity|awareness|training|course|poster*|leaflet*|service*|counsel*|support|volunteer*|crisis centre|crisis center)', 'chest x ray|xray', 'poison control|ivy|oak',
    ],
    CLAUSE_BREAK: ['but', 'though', 'although', 'however', 'anyway', 'anyways', 'btw', 'also', 'now', 'today', 'tonight', 'again'],

    // ---- shared modifiers (same names in every language; `unless` looks at all of them) --
    // Not "small"/"tiny" alone: "my small son", "tiny baby" describe the patient, not the injury.
    MINOR: ['a little', 'a bit', 'bit of', 'slightly', 'slight', 'mild*', 'minor', 'small|tiny spot|blister|burn|area|patch|cut', 'small red', 'a small', 'kind of', 'kinda', 'somewhat', 'red spot'],
    SMALL_WOUND: ['small|tiny|little|minor cut|scratch|nick|scrape', 'paper cut', 'papercut', 'shaving', 'gums'],
    SEVERE: ['severe*', 'really bad', 'so bad', 'very bad', 'terrible', 'horrible', 'awful', 'extreme*', 'intense', 'unbearable', 'excruciating', 'agoniz*', 'agonis*', 'worst', 'badly', 'huge', 'massive'],
    SUDDEN: ['since this (afternoon|morning|evening)', 'this is new', 'never (been|happened) like this before', '(this|it) came on (today|this morning|this afternoon|tonight|an hour ago)', 'came on (today|tonight|this morning)', 'started (today|this morning|an hour ago|tonight) out of nowhere', 'sudden*', 'all of a sudden', 'out of nowhere', 'out of the blue', 'just started', '<n:1-59> min|mins|minutes ago', 'minutes ago', 'an hour ago', 'just now', 'abrupt*', 'came on fast|suddenly', 'an hour ago', 'half an hour ago', 'in like a second', 'in seconds', 'was (completely|totally|perfectly|) (normal|fine) (this morning|earlier|an hour ago|yesterday)', 'went to bed fine', 'out of the blue'],
    ADMIN: ['refill*', 'med', 'pharmacy', 'pharmacist', 'follow up', 'followup', 'appointment', 'appt', 'records', 'meds', 'medication', 'prescription', 'rehab', 'checkup', 'check up', 'flu shot', 'vaccine', 'insurance', 'support group', 'prevent*', 'recovery', 'recovering', 'aftercare', 'after care', 'caregiver*'],
    EXERTION: ['climb*', 'stairs', 'when i walk', 'walking', 'exercis*', 'running', 'when i run', 'workout', 'gym', 'jogging'],
    ONGOING_SINCE: ['since (last|the last|a few|several|<n:1-99>) (night|week|month|year|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weeks|months|days|years|week ago|weeks ago|days ago|months ago)', 'for the (last|past) (week|month|year|few|<n:1-99>)'],
    HABITUAL: ['well controlled', 'is controlled', 'under control', 'controlled on', 'sometimes', 'occasionally', 'every now and then', 'usually', 'often', 'at times', 'for years', 'for months', 'chronic', 'when i sleep', 'at night', 'snor*', 'ever since', 'since then', 'as it has been', 'as before'],
    // British 'been sick twice' is vomiting; 'I've been sick' alone is only being unwell.
    VOMIT: ['vomit*', 'throwing up', 'threw up', 'throw up', 'puking', 'puked', '(been|was|being|got) sick (twice|again|<n:2-30> times|a few times|several times|more than once|everywhere)', 'sick (twice|<n:2-30> times) since', '<n:2-30> sicks', '(two|three|four|five|several|few) sicks'],
    DIZZY: ['black out', 'blacking out', '(going|about) to (faint|pass out|black out)', 'feel faint', 'dizzy', 'lightheaded', 'light headed', 'faint', 'fainting', 'passing out'],

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
    CYANOSIS: ['lips … (bluish|blueish|purplish|greyish|grayish|dusky)', '(bluish|blueish|purplish|greyish|dusky) … lips', 'lips … blue|purple|grey|gray', 'blue|purple|grey|gray … lips', 'turning|turned|going|gone|getting blue', 'face … blue|purple', 'blue in the face'],
    WHEEZE: ['wheez*'],
    WHEEZE_DANGER: [`${CANT} talk|speak|say`, 'inhaler … not|isnt|doesnt|wont|no … help*|work*', 'inhaler … (not doing anything|useless|doing nothing|not doing much)', `${CANT} breathe`, 'nebulizer … not|isnt|doesnt … help*|work*', 'so hard', 'ribs',
      // The reliever used far more than it should be, and only a few words at a time.
      '(inhaler|puffer|reliever|ventolin|salbutamol|albuterol|nebuliser|nebulizer) … every <n:5-30> (min|mins|minutes)', '<n:6-60> (puffs|puff|goes|times)', '(used|taken|had|done) (it |them |)(loads|so many times|tons|heaps|over and over)', 'barely touching it',
      `${CANT} finish (a|my|his|her|the) sentence*`, '(stop|stopping|pause|pausing) to (breathe|breath) between words', 'between (words|sentences)', '(a|one|two|few) words at a time'],

    // ---- stroke -------------------------------------------------------------------------
    FACE_DROOP: ['face … (dropped|dropping|hanging|slipped|slid) … (one side|left side|right side|on one side|to one side)', '(one|left|right) side of … face … (dropped|dropping|hanging|slipped|slid)', 'side of … (face|mouth) … (hanging|lower|down|dropped|droop*|slack)', '(mouth|lip) … hanging … (lower|down|open)', 'dribbling|drooling … (one side|corner)', '(on one side|one side) … drool*|dribbl*', 
      'face|mouth|smile … droop*|lopsided|crooked|uneven|fallen|sagging|saggy|slack|twisted', 'face … numb', 'lip|lips … droop*', 'droop*|lopsided|crooked|uneven … face|mouth|smile',
      'side of … face … down|numb|droop*|fallen|sagging', 'one side … droop*|sagging|saggy|fallen', `${CANT} smile … properly|right|normal*|straight|evenly`, 'smile … wonky|weird|funny|odd|off|wrong',
    ],
    DENTAL: ['dentist', 'novocaine', 'filling', 'root canal', 'anesthesia', 'anaesthetic', 'botox', 'bells palsy'],
    ARM_WEAK: ['(hand|hands|arm|fingers) … (wont|cant|cannot|doesnt|wouldnt) (grip|grab|hold|squeeze)', 
      `${CANT} … lift|move|raise|feel|use … arm|arms|leg|legs|hand|side`, 'arm|leg|hand|side … weak*|numb|limp|dead|paralyz*', 'weak*|numb*|paralyz* … one side',
      'one side … weak*|numb*', 'weakness in … arm|leg|hand', 'arm|leg|hand … (wont move|not moving|gave out)', 'dragging … leg|foot', 'dropping things',
    ],
    SPEECH: [
      'slur*', 'speech … weird|strange|funny|garbled|off|odd|wrong|jumbled|mumbled|slow', `${CANT} … speak|talk … properly|right|clearly|normal*|straight`,
      'talking … funny|weird|strange|nonsense|gibberish', 'words … jumbled|mixed|wrong|garbled|slurred', `${CANT} find … words`, `${CANT} get … words out`,
      'speaking … gibberish|nonsense|funny|weird', 'words … muddled|mixed|confused', `${CANT} understand … (him|her|them|what he|what she)`, 'muddled', 'trouble speaking|talking', 'difficulty speaking|talking', 'not making sense', 'suddenly cant|cannot speak|talk',
    ],
    CONFUSED: ['keep* forgetting what', 'cant remember what (happened|just happened|i was doing)', '(doesnt|does not|didnt) (know|recognise|recognize) (who i am|me|her own|his own)', 'keeps asking (where|what|who) (she|he|they) (is|are)', '(doesnt|does not|dont|cant) know (what|which) (year|day|month|date)', '(doesnt|does not|cant) (know|tell) where (he|she|they) (is|are)', 'saying (strange|weird|odd|random|silly) things', 'not like (himself|herself|themselves|this)', 'talking to people who arent there', 'confused', 'confusion', 'disoriented', 'doesnt know where', 'doesnt recognize|recognise', '(isnt|not|doesnt) making … sense', 'not … making any sense', 'talking nonsense', 'acting … (strange|strangely|weird|odd|drunk)', 'not himself|herself', 'out of it'],
    VISION_LOSS: ['seeing double', 'see double', 'blurry in (my|his|her) (left|right|one) eye', '(left|right|one) eye … (went|gone|going) (blurry|dark|black)', `${CANT} see … one eye`, 'lost … vision', 'vision … went|gone|lost|blacked', 'blind in one eye', 'double vision'],
    STROKE_WORD: ['stroke', 'mini stroke'],
    STROKE_NOW: ['having a stroke', 'think … having a stroke', 'is this a stroke'],

    // ---- bleeding -----------------------------------------------------------------------
    BLEED: ['(soak*|filling|going through) … (pad|pads|towel|towels)', 'passing … clots', 'bleed*', 'blood*', 'hemorrhag*', 'haemorrhag*', 'nosebleed*', 'nose bleed*'],
    HEAVY_BLEED: ['heavier', '(pad|pads|tampon) … (every|an|each) hour', 'clot*', 'golf ball', 'filling … (pad|pads|towel|toilet)', 
      'a lot', 'lots', 'heavily', 'heavy', 'so much', 'too much', 'everywhere', 'pouring', 'gushing', 'spurting', 'squirting', 'soak*', 'through the towel*', 'all over',
      'wont stop', 'will not stop', 'cant stop', 'not stopping', 'doesnt stop', 'isnt stopping', 'keeps bleeding', 'pool of', 'wont clot', 'profuse*', 'uncontrol*', 'nonstop', 'non stop',
    ],
    MENSTRUAL: ['period', 'periods', 'menstrua*', 'time of the month', 'on my cycle', 'my cycle', 'her cycle', 'aunt flo', 'tampon*', 'menorrhag*'],
    WOUND_TRAUMA: ['stabbed', 'shot', 'gunshot', 'deep cut', 'deep gash', 'gash', 'amputat*', 'cut off', 'severed', 'impaled'],
    BLOOD_VOMIT: ['coffee grounds', '(poo|poop|stool|stools|bowel movement*) … (black|tarry|like tar)', '(black|tarry) … (poo|poop|stool|stools)', 'blood … (in|from) … (bum|bottom|rectum) … (lots|a lot|pouring|clots)', 'vomit* blood', 'throwing|threw|puking up blood', 'throwing up blood', 'coughing up blood', 'coughing blood', 'blood in … vomit'],

    // ---- unresponsive -------------------------------------------------------------------
    UNRESPONSIVE: ['(does not|doesnt|wont|will not|not|isnt) (open|opening) (his|her|their) eyes', '(not|isnt|wont|doesnt|does not) (answering|answer|answer me) … (me|at all|even)', 'not answering me', 'slumped … (not|doesnt|wont|does not) (answer*|respond*|wake*|move*)', '(doesnt|does not|didnt|did not|wont|not) (react|respond|wake|move|flinch|stir) … when (i|we|you) (pinch*|shake|shook|shout*|call*|rub*|tap*)', `${CANT} wake (him|her|them|my|the) … (from|at all)`, 'unrousable', 'cant be woken', 'cant rouse', 
      '(wont|will not|doesnt|isnt|not) wake up', `${CANT} wake … up`, 'not waking up', 'unconscious', 'unresponsive', 'not responding', 'not responsive', 'wont respond', 'doesnt respond',
      'no longer (responding|responsive|breathing)', 'passed out', 'fainted', 'collapsed', 'isnt breathing', 'not breathing', 'stopped breathing', 'no pulse', 'blacked out', 'knocked out', 'lifeless',
    ],

    // ---- seizure ------------------------------------------------------------------------
    SEIZURE: ['seizure', 'seizures', 'siezure', 'convulsion', 'convulsions', 'grand mal', 'epileptic fit'],
    SEIZURE_NOW: ['having a seizure', 'is seizing', 'seizing', 'having a fit … (still|now|rn|mins|minutes)', 'fitting', 'fit … (still going|wont stop|for <n:2-60> min|for <n:2-60> mins|for <n:2-60> minutes)', 'convulsing', 'eyes rolled|rolling', 'foaming at the mouth', 'seizure … (wont stop|not stopping|still going)', 'having convulsions'],
    FIT: ['having a fit', 'had a fit'],
    SHAKING: ['shaking … all over', 'shaking … uncontrollably', 'jerking', 'twitching all over', 'stiff and shaking'],

    // ---- suicide / self-harm ------------------------------------------------------------
    SUICIDAL: ['(enough|sufficient) to (not|never) wake up', 'check* out for good', 'check* out permanently', '(saving|saved|stockpil*|hoard*|collecting|collected|keeping) (up |)(the |my |all the |all my |)(old |)(ones|pills|tablets|meds) … (worked out|figured out|know|calculated) how many', 'worked out how many (it would take|i need|i would need|to take)', '(rope|noose|gun|pills) … (going to|gonna|will) use (it|them) (tonight|today|tomorrow|soon|this weekend)', 'how many … (would it take|to die|would kill|to kill me|to not wake up)', 'lethal dose', 'enough (pills|tablets|meds) to (die|kill|not wake|end)', 'ways to (die|end it|kill myself)', 'planning (to end|my death|how to die)', 
      `kill|killing ${PERSON_SELF}`, `(want to|wanna|going to|gonna|thinking about|thoughts of|urge to|plan to) … hurt|harm|kill|cut ${PERSON_SELF}`, `harm|harming ${PERSON_SELF}`,
      `cutting ${PERSON_SELF}`, `cut ${PERSON_SELF} on purpose|again`, `hurting ${PERSON_SELF} on purpose`, `hang ${PERSON_SELF}`,
      'end|ending|take|taking my|his|her|their life', 'end|ending|take|taking my|his|her|their own life', 'end it all', '(going to|gonna|want to) end it', 'end it tonight',
      'suicid*', '(want to|wants to|wanna|going to|gonna) … die', 'dont|doesnt want to live|exist', 'dont|doesnt want to be alive|here', 'dont|doesnt want to wake up',
      'better off dead', '(going to|gonna|will) take … (them|it|all) all', 'take all … (my|the|of) … pills|tablets|meds', 'last (message|msg) to', 'pills … lined up', 'goodbye … (everyone|all|world)', 'no reason to live', 'nothing to live for', 'self harm*', 'jump off a|the bridge|building|roof', 'not be here anymore',
      // Lay and online ways of saying it: "unalive myself", "gonna kms", "off myself", "done with life".
      'unalive*', `(want to|wanna|going to|gonna|gunna|will|might|thinking about|thinking of) off ${PERSON_SELF}`, '(gonna|wanna|going to|want to|bout to|about to|finna|might) kms',
      'done with (life|being alive)', '(isnt|aint|wasnt) worth living',
    ],

    // ---- overdose / poisoning -----------------------------------------------------------
    INGESTED: ['had (it|one|them|some) in (his|her|their) mouth', 'drinking (from|out of)', 'sipping (from|out of)', '(tablet*|pill*|meds|capsule*) … (are|were|is) (gone|missing)', 'found (him|her|them|my) … with … (pill*|tablet*|medicine*|meds|pill organiser|pill organizer|pill box)', '(put|putting|popped) … (in|into) (his|her|their|its) mouth', 'took', 'taken', 'swallowed', 'ate', 'eaten', 'drank', 'drunk', 'chugged', 'downed', 'got into', 'popped', 'injected', 'had (a|some|one|two|several|few|a couple) … of', 'got hold of', 'chewed', 'sucked on', 'licked', 'swallow*', 'ingest*', 'has eaten', 'might have eaten|swallowed|taken', 'necked', 'took extra', 'taken extra', 'squirted … (in|into) … mouth', 'had a (swig|sip|gulp|mouthful|lick)', 'swig', 'mouthful', 'gulp*'],
    LARGE_AMOUNT: ['whole bottle', 'entire bottle', 'whole pack*', 'whole box', 'all … at once', 'all of them', 'all of my|his|her|the', 'the rest of', 'too many', 'too much', 'a bunch of', 'handful', 'like <n:8-500>', '<n:8-500> pills|tablets|tylenol|advil', 'whole (strip|sheet|blister|packet|tub|pot)', 'a load of', 'loads of', 'a (lot|load|bunch) extra', 'lot extra'],
    PILL_COUNT: ['<n:10-500> (of (my|his|her|the|those|their) |)(pill|pills|tablet|tablets|capsule|capsules|meds|paracetamol|acetaminophen|tylenol|advil|motrin|ibuprofen|aspirin|panadol|benadryl|melatonin|gummies|xanax|valium|sertraline|prozac|zoloft|ambien|sleeping pills|painkillers)', '<n:10-500> … (mg|milligram*) … (pills|tablets) … (at once|together)'],
    DRUG: [
      'pill*', 'tablet*', 'meds', 'medicine*', 'melatonin', 'gummies', 'gummy', 'vitamin*', 'iron tablets', 'sleeping pills', 'ambien', 'adderall', 'clonidine', 'blood pressure pills', 'medication*', 'capsule*', 'drugs', 'tylenol', 'advil', 'motrin', 'ibuprofen', 'acetaminophen', 'paracetamol', 'aspirin',
      'oxy*', 'percocet*', 'vicodin', 'opioid*', 'opiate*', 'fentanyl', 'heroin', 'xanax', 'valium', 'benzo*', 'insulin', 'antidepressant*', 'lithium', 'morphine', 'edible*', 'nicotine (patch|patches|gum|lozenge*)', 'propranolol', 'amitriptyline', 'quetiapine', 'mirtazapine', 'zopiclone', 'pregabalin', 'gabapentin', 'citalopram', 'fluoxetine', 'metformin', 'co codamol', 'cocodamol', 'codeine', 'tramadol', 'naproxen', 'nurofen', 'panadol', 'diazepam',
    ],
    POISON: [
      'bleach', 'drain cleaner', 'detergent', 'laundry pod*', 'dishwasher pod*', 'tide pod*', 'pods', 'antifreeze', 'pesticide', 'insecticide', 'rat poison', 'poison',
      'cleaning product*', 'lamp oil', 'gasoline', 'lighter fluid', 'window cleaner', 'ammonia', 'weed killer', 'button battery', 'chemicals',
      // Products by what they are sold as, and brands, not by what is in them.
      'descaler', 'limescale remover', 'toilet duck', 'toilet cleaner', 'bathroom cleaner', 'oven cleaner', 'drain unblocker', 'unblocker', 'screenwash', 'screen wash', 'washer fluid', 'washing up liquid', 'dish soap', 'rinse aid', 'white spirit', 'weedkiller', 'turpentine', 'paint thinner',
      'harpic', 'domestos', 'dettol', 'fabric softener', 'nail polish remover', 'caustic soda', 'lye', 'kerosene', 'paraffin', 'vape juice', 'e liquid', 'liquid nicotine', 'cigarette*', 'cigarette butt*', 'cig butt*', 'nicotine (gum|pouch*|patch*)', 'tobacco', 'dishwasher tablet*', 'washing powder', 'disinfectant', 'mothball*',
    ],
    DOSE_QUESTION: ['how many … (too many|too much|an overdose|overdose|dangerous|safe|the max|the maximum|the limit)', '(max|maximum|most) … (i|you|one|he|she) can (take|have)'],
    TAKEN_COUNT: ['(ive|i have|i|weve|we have|hes|he has|he|shes|she has|she|theyve|they have|they) (had|taken|took|done|swallowed|used|popped|gone through) (about|around|like|maybe|nearly|almost|over|roughly|probably|at least|more than|) <n:10-500>', '(im|i am|hes|shes|were) (up to|on|at) (about|around|like|nearly|almost|over|) <n:10-500>'],
    DOSE_UNIT: ['<n:1-5000> (mg|milligram*|ml|millilit*|mcg|microgram*|g|gram|grams|iu|units|unit|mls)'],
    OVERDOSE_WORD: ['overdose*', 'overdosing', 'overdosed', 'od', 'oded', 'poisoned', 'poisoning'],

    // ---- anaphylaxis --------------------------------------------------------------------
    ALLERGEN: ['amoxicil*', 'penicil*', 'antibiot*', 'cephal*', 'sulfa', 'new (pill|tablet|medication|med|meds|drug)', 'contrast dye', 'dye', 
      'sting', 'stung', 'bee', 'bees', 'wasp', 'hornet', 'yellowjacket', 'peanut*', 'nut', 'nuts', 'shrimp', 'shellfish', 'seafood', 'fish', 'allerg*', 'new medicine',
      'antibiotic*', 'penicillin', 'amoxicillin', 'injection', 'shot', 'ate', 'eating', 'cashew*', 'almond*', 'walnut*', 'pecan*', 'hazelnut*', 'pistachio*', 'sesame', 'kiwi', 'latex', 'ant bite*', 'fire ant*',
    ],
    THROAT_CLOSING: ['throat … (tightening|swelling|closing) … shut', 'throat … (shrinking|narrowing|getting smaller|closing in)', 'throat … shut', 'throat is closing up', 'cant … swallow … (spit|saliva)', 'throat … closing|closed', 'closing … throat', 'throat … swollen shut'],
    THROAT_SWELL: ['throat … swell*|swollen|tight*', 'struggl* to swallow', 'tongue … swell*|swollen|thick', '(hard|harder|difficult|trouble|cant) … swallow*', 'voice … (hoarse|changing|strange)'],
    FACE_SWELL: ['face|lips|lip|tongue|eyes|mouth … (swell*|swollen|puff*|blow up|blown up|blowing up)', 'swell*|swollen … face|lips|tongue|eyes|mouth'],
    HIVES: ['hives', 'rash … everywhere|all over', 'welts'],
    ANAPHYLAXIS_WORD: ['anaphyla*', 'allergic reaction', 'used … epipen', 'gave … epipen'],

    // ---- infant fever -------------------------------------------------------------------
    INFANT_AGE: ['(baby|newborn|son|daughter) (has|is) <n:0-2> (month|months)', '<n:0-12> (week|weeks|wk|wks) (baby|newborn|son|daughter|girl|boy|infant)', '(baby|newborn) … born <n:0-12> (week|weeks|days) ago', 'born … <n:0-90> days ago', 
      '<n:0-90> day|days old', '<n:0-12> week|weeks|wk|wks old', '<n:0-2> month|months|mo old', '<n:0-12> week|weeks baby|newborn',
      'newborn', 'new born', 'neonate', 'baby is <n:0-12> weeks|week|days', 'baby is <n:0-2> month|months',
    ],
    FEVER: ['fever*', 'temp', 'temperature', 'feels hot', 'burning up', 'thermometer', '<n:100.4-107>', '<n:38-42.9> c|degrees'],
    NORMAL_TEMP: ['(temp|temperature|thermometer|reading|it) … (was|is|says|of|at|reads) … <n:35-37.9>', '<n:35-37.9> c|degrees|celsius', '(temp|temperature|thermometer) … <n:96-100.3>', '<n:96-100.3> f|fahrenheit', 'normal temp*', '(temp|temperature) (is|was|s|has been) (normal|fine|ok|okay)'],
    FEVER_READING: ['(temp|temperature|thermometer|reading|fever|it) … (was|is|says|of|at|reads|hit|hits|reached) … (<n:38-42.9>|<n:100.4-107>)', '<n:38-42.9> c|degrees|celsius', '<n:100.4-107> f|fahrenheit|degrees'],

    // ---- pregnancy bleeding -------------------------------------------------------------
    PREGNANT: ['test … positive', 'period … (late|missed)', 'missed (my|a) period', 'pregnant', 'preggo', 'pregnancy', 'weeks pregnant', 'miscarr*', '<n:20-42> weeks|wks|wk', '<n:20-42>wks', 'expecting', 'trimester', 'my bump', 'positive pregnancy test', 'positive test', 'due date', 'prego'],
    NOTHING_FELT: ['(havent|hasnt|not|didnt) felt (anything|a thing|any|much) … (since|all day|today|tonight|this morning|last night|for hours|yesterday)', 'nothing from (the|my|our) (baby|bump|little one)', '(not|no|not a) (single|one) (kick|movement)'],
    CRAMPS: ['cramp*', 'severe pain', 'belly pain', 'stomach pain', 'abdominal pain', 'clots', 'clot'],

    // ---- burns --------------------------------------------------------------------------
    BURN: ['burned', 'burnt', 'burns', 'burn', 'scald*', 'caught fire', 'on fire', 'charred', 'electrocuted', 'boiling', 'grease fire', 'house fire',
      // A hot drink pulled over a small child is the commonest scald (NHS).
      'spill*|spilt|pulled|knocked|tipped|poured|dropped|splash* … hot|boiling tea|coffee|water|milk|soup|oil|drink|chocolate|cocoa|noodles|kettle',
      'hot|boiling tea|coffee|water|milk|soup|oil|drink|chocolate|cocoa|noodles|kettle … spill*|spilt|splash*|tipped|over (him|her|himself|herself|me|myself|them|his|my|the)'],
    BURN_SEVERE: [
      'skin … white|black|peel*|leathery|charred|melting|off', 'peel*', 'charred', 'blister*', 'huge|large|big area', 'whole arm|leg|back|chest|body|face', 'all over',
      'third degree', 'second degree', 'badly', 'severe*', 'fire', 'explosion', 'chemical', 'electric*', 'electrocut*', 'shock', 'black mark', 'black', 'white and leathery', 'no feeling',
    ],
    BURN_AREA: ['burns|burned|burnt|scalded on|to|his|her|my … face|chest|neck|eyes|genitals|airway', 'face|chest|neck|eyes … burned|burnt|scalded'],

    // ---- thunderclap headache -----------------------------------------------------------
    HEADACHE: ['(grab*|clutch*|holding) (his|her|my|their) head', 'headache*', 'head … pain|hurts|hurting|exploded|exploding|pounding|splitting', 'migraine'],
    WORST_EVER: [
      'worst … headache|pain', 'worst … of my|his|her life', 'never had … like', 'never felt … like', 'explosive', 'exploded', 'exploding', 'thunderclap',
      'like being hit', 'hit with a', 'like a bat|hammer|bomb',
    ],
    STIFF_NECK: ['stiff neck', 'neck … stiff', 'cant … bend … neck'],

    // ---- choking ------------------------------------------------------------------------
    CHOKING: ['chok*', 'chocking', 'something stuck in … throat', 'stuck in … throat', 'food stuck', 'lodged in … throat'],
    SWALLOWED_OBJECT: ['swallowed … coin|battery|magnet|toy|grape|piece|marble|bone', 'coin|grape|piece|bone … stuck'],

    // ---- v2 catalogue: concepts from CONCEPT_GUIDE (rules/base.ts) ----------------------
    NOT_BREATHING: ['not breathing', 'isnt breathing', 'stopped breathing', 'no longer breathing', 'no pulse', 'no heartbeat', 'not breathing normally', 'barely breathing'],
    SLOW_BREATHING: ['breathing (is|seems|getting|very|really|so|too) slow*', 'breathing … slowed', 'few breaths a minute', 'breathing … (shallow|weak)', 'breathing … (really|very|so) slow*', 'slow breath*', 'breath* … every <n:5-60> seconds', 'shallow breath*', 'gurgl*', 'snoring … weird|strange|loud', 'barely breathing'],
    ASTHMA: ['asthma*', 'inhaler', 'reliever', 'puffer', 'nebuli*', 'ventolin', 'albuterol', 'salbutamol'],
    STRIDOR: ['stridor', '(high pitched|highpitched|whistling|screechy|squeaky|harsh|crowing|squeaking|noisy) … (noise|sound|breath*) … (breath*|in)', 'noise|sound … (every time|when) … breath* in', 'breathes in … noise|whistl*|screech*', 'croup … (noise|whistl*|screech*|struggl*)'],
    INFANT_BREATHING: ['stop* breathing for', '(keeps|kept|keep) (stopping|pausing) … breath*', 'breathing … (stops|pauses) … seconds', 'grunting … (breath*|each|every)', 'grunt* with every|each breath', 'pauses|pausing|stops … in|between … (breathing|breaths)', 'stops breathing for', 'ribs … sucking|pulling|sinking … in', 'belly|tummy … sucking in', 'nostrils … flaring', 'chest … caving|sucking in'],
    NAUSEA: ['nause*', 'feel|feeling|feels|felt sick', 'queasy', 'sick to … stomach'],
    CANT_KEEP_DOWN: ['(vomit*|throw* up|throwing up|throws up|sick|pukes|puking) … every time … (drink*|eat*|sip*|swallow*)', '(cant|cannot|not) keep (water|fluids|liquids|anything) down', 'brings (everything|it all) back up', 'cant keep … down', 'cannot keep … down', 'not keeping … down', 'throws up everything', 'throwing up everything', 'vomit* everything', 'even water'],
    INSERTED: ['up … nose', 'in … ear', 'stuck … nose|ear'],
    SPLASHED: ['splash*', 'sprayed', 'got … in … eye|eyes|mouth', 'breathed in', 'inhaled', 'fumes'],
    WILD_PLANT: ['mushroom*', 'toadstool*', 'berries', 'berry', 'plant', 'leaves', 'leaf', 'seeds'],
    SUSPECTED_SWALLOW: ['(might|may|could|must) (have|of) (swallowed|eaten|ate)', '(not sure|dont know|cant tell|no idea) (if|whether) (he|she|they|the baby|my son|my daughter) … (swallowed|ate|put it in)', '(think|thinks|worried|scared|afraid) (he|she|they|the baby) (swallowed|ate|has swallowed)'],
    BATTERY_MISSING: ['(battery|batteries|coin cell|button cell) … … (is |are |)(missing|gone)', '(cant|cannot|can not) find (the|one|a) … (battery|batteries|coin cell|button cell)', '(battery|batteries|coin cell|button cell) … … (cant|cannot|can not) find (it|them)'],
    MAGNET_MISSING: ['(magnet|magnets) … (is |are |)(missing|gone)', '(cant|cannot|can not) find (the|one|a) … (magnet|magnets)', '(magnet|magnets) … … (cant|cannot|can not) find (it|them)'],
    BATTERY: ['battery', 'batteries', 'button cell', 'coin cell', 'lithium cell'],
    MAGNET: ['magnet*', 'magnetic'],
    CO_SOURCE: ['carbon monoxide', 'co alarm', 'co detector', 'gas heater', 'space heater', 'kerosene heater', 'propane heater', 'generator', 'boiler', 'furnace', 'gas fire', 'charcoal … inside|indoors', 'grill … inside|indoors', 'car running … garage', 'garage … car running', 'gas stove … (heat|warm)', 'heater', 'brazier', 'coal (fire|stove|burner|heater|pot) … (room|inside|indoors|bedroom)', 'gas leak', 'smell* (of|like) gas', 'gas smell'],
    CO_ALARM: ['(carbon monoxide|co|gas) (alarm|detector|alarms|detectors) … (going off|goin off|beeping|sounding|went off|keeps going)', 'alarm|detector … (going off|goin off|beeping|went off) … (headache*|dizzy|sick|nause*)', 'carbon monoxide poison*', 'co poison*', 'think … carbon monoxide', 'carbon monoxide … (now|leak|in the house)'],
    OPIOID: ['opioid*', 'opiate*', 'heroin', 'fentanyl', 'fent', 'oxy*', 'percocet*', 'vicodin', 'morphine', 'methadone', 'codeine', 'tramadol', 'hydrocodone', 'dilaudid', 'pain pills', 'painkillers', 'subs', 'suboxone', 'nodding off', 'narcan'],
    PINPOINT: ['pinpoint*', 'pin point', 'tiny pupils', 'pupils … tiny|small|pinpoint*'],
    ALCOHOL: ['drunk', 'alcohol', 'vodka', 'whiskey', 'tequila', 'shots', 'drinking', 'booze', 'wasted', 'blackout drunk', 'binge*'],
    CHILD: ['little (boy|girl|man|lad|guy)', 'the (boy|girl)', 'his|her (son|daughter|boy|girl)', 'my (twin|twins|stepson|stepdaughter)', 'grandbaby', 
      'toddler*', 'kid', 'kids', 'child', 'children', 'baby', 'infant', 'son', 'daughter', 'grandson', 'granddaughter', 'grandkid*', 'grandchild*', 'nephew', 'niece',
      'little one', 'lil one', 'my boy', 'my girl', '<n:1-12> year|yr|years|yrs old', '<n:1-12> yo', 'preschooler', 'bubs', 'bub',
    ],
    PRESCRIBED_FOR_CHILD: ['his|her|their … (prescribed|prescription) … dose', 'gave … (his|her|their) … (dose|medicine) … (as prescribed|like the doctor said)'],
    PASSIVE_IDEATION: ['(hope|hoping|wish|wishing|pray|praying) … (dont|wont|never|not|wouldnt) wake up', 'go to sleep and (never|not) wake up', '(sleep|sleeping) (n|an|&) (never|not|dont) wake',  'want to (disappear|vanish) (forever|for good)', 'tired of (living|being alive|existing)', 'whats the point of (living|being alive|going on)', 'no one would care if i (died|was gone|disappeared)', 'everyone would be happier without me', 
      // Walking into the water ('I should just walk into the sea', postpartum, set-4 dev).
      '(should|could|might as well|want to|wanna|going to|gonna) (just |)(walk|wade|swim) (into|out into|out to) the (sea|ocean|river|lake|waves)',
      'better off without me', 'better off if i … (wasnt|werent|was not|were not) … (here|around|alive)', 'happier if i … (wasnt|werent|was gone|died)', 'better served if i', 'burden', 'burdon',
      'wish i … (was|were) dead', 'wish i … (could|would) … (not wake up|never wake up|disappear|go to sleep and not)', 'wish i … (wasnt|werent) … (alive|here|born)', 'no point … (living|going on|in life|anymore)',
      'cant go on', 'cant do this anymore', 'dont want to be here anymore', 'want … (it all|everything) to stop', 'want to disappear forever', 'no longer alive', 'not … alive anymore', 'rather be dead', 'rather not exist',
      'everyone … better off', 'world … better … without me', 'nobody would miss me', 'no one would miss me', 'not worth living',
      '(easier|better|simpler|nicer|peaceful|best) if i … (didnt|did not|never|dont|wouldnt) wake up', '(easier|simpler) if i … (wasnt|werent|was not|were not|wasnt) … (here|around|alive)', '(dont|never) want to wake up',
    ],
    FAREWELL: ['goodbye|farewell|goodby text|txt|message|msg|note|letter|post|video|voicemail|call', 'texted|messaged|wrote|posted|left … goodbye', 'said|saying|says goodbye to (everyone|everybody|us|us all|all of us|the family)'],
    UNREACHABLE: ['(not|isnt|wont|doesnt|didnt|hasnt|stopped) (answering|answer|picking up|pick up|responding|respond|replying|reply)', 'phone … (off|switched off|goes to voicemail|going to voicemail)', '(cant|cannot|couldnt) (reach|find|get hold of|get through to|contact) (him|her|them)', 'no answer', 'nobody knows where (he|she|they) (is|are)'],
    SUICIDE_MEANS: ['saved', 'stockpil*', 'decided', 'on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)', 'written … (note|letter|will)', 'pills … (ready|saved|counted)', 'bought … (rope|gun|pills|charcoal)', 'charcoal', 
      'saving|saved|stockpil*|hoard* … pills|tablets|meds', 'pills … lined up', 'gun', 'rope', 'noose', 'bridge', 'plan', 'planned', 'wrote … note*', 'goodbye letter*', 'last message', 'last msg',
      'gave|giving away … (things|stuff|belongings)', 'tonight', 'this weekend', 'when … (at work|asleep|gone)', 'razor*', 'blade*', 'jump', 'overdose', 'take them all',
    ],
    LETHAL_MEANS: ['noose', 'enough to do it (properly|right|for good|this time)', '(put by|put aside|set aside|stashed|squirreled away|squirrelled away|hidden away) … enough', 'rope … (ready|sorted|tied|in the garage|is up)', 'hose … (garage|car|exhaust)', '(shotgun|gun|rifle) … loaded', 'loaded … (shotgun|gun|rifle)',
      '(saved|saving|stockpil*|kept back|keeping back|hoard*) … (pills|tablets|meds|insulin|sleeping|morphine|medication)', '(pills|tablets|meds|insulin) … (counted|saved|ready|lined up|stockpiled|saved up)', 'enough (pills|tablets|insulin|meds)',
      'how (many|much) … … (it would take|would do it|would be enough|would kill)', '(ive|i have|i|already|weve) (picked|chosen|chose|decided on) (the|a|my) (bridge|cliff|tracks|ledge|rooftop|method|way to do it)'],
    PLAN_COMMIT: ['tonight', '(sorted|sorted out|put in order|got in order|tidied up) … (paperwork|affairs|will|finances)', '(nobody|no one|noone) (has|will have|would have|needs) to (deal with|sort out)', 'this weekend', '(on|going|goin|this|next) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)', 'tomorrow (night|morning)', '(after|when|once) (everyone|everyones|everybody|they|the kids|hes|shes) … (asleep|sleeps|in bed|goes to bed|go to bed|gone|leaves|out)',
      '(my|his|her) last (week|day|night)', '(doing|doin|do) it (tonight|after|when|today|tomorrow)', '(ive|i have|i) (decided|made up my mind|made my arrangements|said my goodbyes)', '(letters|note|notes) … (written|ready)', '(written|wrote) … (letters|note|notes)', '(ready|am ready) to go', 'know where (she|he|they|mum|mom|dad) (keeps|keep|hides)', '(said|say|saying) (my |)goodbyes', 'given away … (things|stuff|cat|dog|belongings)'],
    HARM_BABY: ['(drop*|shak*|suffocat*|smother*|drown*) (him|her|the baby|my baby) … on purpose', 'imagin* … (hurting|dropping|drowning|harming|smothering) (him|her|the baby|my baby|my son|my daughter)', '(i|im|ive|me|myself|id|ill) … (hurt|harm) (our|my|the) (newborn|baby)', '(i|im|ive|me|myself|id|ill) … hurt* … (my|the) baby', '(i|im|ive|me|myself|id|ill) … harm* … (my|the) baby', 'keep … (my|the) baby safe from me', 'shake … (my|the) baby', 'smother', 'thoughts … (about|of) … (the|my) baby … (dying|hurt*|harm*)', 'drown … baby'],
    SELF_HARM: ['(burning|cutting|scratching|hitting|stabbing) (myself|himself|herself|themselves) with', '(scratch*|pinch*|punch*|bite|biting|bit|burn*|hit*|bang*|carv*) myself|himself|herself|themselves … (till|until|so) … (bleed*|bruis*|hurts|marks)', 'hurting myself … (to cope|when|again|every)', '(cuts|cutting|burns|scratches) on (my|her|his) (arms|wrists|legs|thighs) … (did|do|does) … (myself|herself|himself)', `cut|cutting|burn|burning|hurt|hurting|harm|harming|hit|hitting ${PERSON_SELF} … (on purpose|again|deliberately)`, `cutting ${PERSON_SELF}`, 'self harm*', 'selfharm*', 'self injur*', 'cutting again', 'started cutting', 'relapsed … cutting',
      // Burning or marking one's own skin, said with the tool or the reason, not the word self-harm.
      '(burn|burning|burnt|burned|mark|marking|scratch|scratching|scald|scalding) my … (arm|arms|hand|hands|wrist|wrists|thigh|thighs|legs|skin|stomach) … (lighter|cigarette*|hot (spoon|knife|metal|iron|tongs|pan)|on purpose|to cope|to feel)',
      'when (i|im) … (stressed|anxious|upset|panic*|angry|overwhelmed) … (i |)(burn|cut|scratch|hurt) my (arm|arms|hand|hands|wrist|wrists|thigh|thighs|legs|skin)'],
    SELF_HARM_NOW: [`cut ${PERSON_SELF} … (too deep|deep|bleeding|wont stop)`, `just cut ${PERSON_SELF}`, `cutting ${PERSON_SELF} … (now|rn|right now)`, 'cut … too deep', 'cuts … (wont stop|bleeding a lot|deep|gaping)'],
    HARM_OTHERS: ['(got|have|carrying|brought|took|grabbed) (a|the|my|his|her) (knife|hammer|gun|bat|machete|crowbar) … … (waiting for|waiting outside|going after|going to find|looking for)', '(thoughts|thinking|fantasi*|dreaming) (about|of) (hurting|killing|harming|stabbing|shooting|strangling) (my|the|a|him|her|them|someone|somebody|people|everyone)', '(planning|plan|planned) (how|to) … (hurt|kill|stab|shoot|attack) (him|her|them|someone|my|the)', 'going to (kill|hurt|stab|shoot) (him|her|them|my|the|everyone)', 
      '(want to|wanna|going to|gonna|thinking about|thoughts of|urge to|plan to) … (kill|hurt|harm|stab|shoot|strangle|beat up) (him|her|them|someone|somebody|people|everyone|my|his|her|their|the|that|this) (kids|kid|wife|husband|boss|coworker|colleague|neighbour|neighbor|teacher|ex|dad|mom|mum|mother|father|brother|sister|son|daughter|family|landlord|roommate|guy|man|woman|people)', '(want to|wanna|going to|gonna|thinking about|thoughts of|urge to|plan to) … (kill|hurt|harm|stab|shoot|strangle) (him|her|them|someone|somebody|people|everyone)',
      'cant stop thinking about hurting|killing', 'scared … (i will|ill|i might) … (hurt|kill) … (someone|him|her|them|my)',
    ],
    ASSAULT: ['(put|slipped|spiked) something in (my|her|his) drink', 'woke up … (no clothes|naked|undressed|without (my|her|his) clothes)', 'forced (himself|herself|themselves) on me', 'forced … (on me|me down)', 'took advantage of me … (drunk|asleep|passed out|unconscious)', 'woke up … (undressed|naked|no clothes) … (dont remember|cant remember)', 'pinned me down', 
      'raped', 'rape', 'sexually assaulted', 'sexual assault', 'sexually abused', 'molested', 'forced me … (sex|to have sex|to do)', 'made me have sex', 'had sex with me … (without|when i|while i)',
      'drugged … (my drink|me)', 'spiked … drink', 'touched me … (without|when|against)', 'assaulted me', 'assaulted … (last night|earlier|tonight|yesterday)', 'didnt consent', 'without … consent', 'date rape',
    ],
    DOMESTIC_VIOLENCE: ['(scared|afraid|terrified|frightened) (of|about) what (he|she|hell|shell|my husband|my partner|my boyfriend) (will |might |is going to |gonna |could |would |)do', '(scared|afraid|terrified|frightened) to go (back |)home','(husband|wife|boyfriend|boyfrend|girlfriend|partner|ex|bf|gf|dad|father|stepdad|mom|mother|son|brother|he|she) … (threw|throws|grabbed|grabs|dragged|drags|bit|burned|burnt|stomped|choked|strangles|smashed) … me', '(said|says|told me|threatens|threatened|swore) … (hell|he will|shell|she will|gonna|going to|will) (kill|hurt|end) me', 'hiding from (my|him|her)', 'afraid (hell|he will|she will) (kill|hurt) me', 'bruises … (from|because of) (him|her|my husband|my partner|my boyfriend)', 
      '(husband|wife|boyfriend|girlfriend|partner|ex|bf|gf|dad|father|stepdad|mom|mother|son|brother|he|she) … (hit|hits|beat|beats|beating|punched|punches|kicked|kicks|slapped|choked|chokes|strangled|pushed|shoved|hurt|hurts|attacked) … me',
      'threatened … (to kill|to hurt|me)', 'threatens … (to kill|to hurt|me)', 'afraid|scared|terrified … (to go home|of him|of her|of my husband|of my partner|of my boyfriend)', 'not safe at home', 'dont feel safe at home',
      'unsafe at home', '(scared|afraid|terrified|frightened) … (husband|boyfriend|boyfrend|girlfriend|partner|wife|ex|bf|gf|dad|father|stepdad|mom|mother|son|brother|he|she) … (will|is going to|gonna|might|would|wants to|going to) (kill|hurt|beat|strangle|choke) (me|us)', 'locked me in', 'wont let me leave', 'domestic violence', 'domestic abuse', 'abusive … (husband|partner|boyfriend|relationship)',
    ],
    CHILD_ABUSE: ['(stepdad|stepfather|stepbrother|uncle|cousin|coach|teacher|babysitter|grandpa|grandad|neighbour|neighbor|mums boyfriend|moms boyfriend) … (touches|touched|touching|touch) me', '(kids|children|child|son|daughter|boy|girl|baby|toddler) … being (beaten|hit|hurt|abused|burned|kicked|starved|locked)', '(hits|hit|beats|beat|hurts|kicks|kicked|burns|burned|slaps|slapped|punches|punched|shakes|shook) (my|the|his|her|their) (son|daughter|kid|kids|child|children|boy|girl|baby|toddler)', '(son|daughter|kid|child) … (scared|afraid|terrified) … (go back|of him|of her|to go home)', '(hitting|beating|hurting|abusing|burning) … (the|my|a|his|her) … (child|kid|son|daughter|boy|girl|baby)', '(finger shaped|fingermark|finger mark|handprint|hand print) … bruise*', 'bruises … (she|he) … (said|says) … (did it|hit)', '(child|kid|boy|girl) … (said|says) … (did it|hit|hurt|touched)', 'child abuse', 'being abused', 'touching … (my|the) … (daughter|son|child|kid) … (inappropriately|private)'],
    BABY: ['baby', 'babys', 'infant', 'newborn', 'new born', 'bubs', 'bub'],
    AGE_GIVEN: ['<n:0-99> day|days|week|weeks|wk|wks|month|months|mo|year|years|yr|yrs old', '<n:0-99> yo', 'is <n:1-99>', 'aged <n:0-99>', '<n:0-99> month|months|week|weeks|year|years'],
    FLOPPY: ['floppy', 'limp', 'hard|impossible|difficult to wake', 'cant wake … (her|him|them|the baby)', 'wont wake … properly', 'not waking … properly', 'very sleepy and', 'not responding … (to me|properly|normally)', 'unusually sleepy', 'lethargic'],
    DEHYDRATION_SIGNS: ['no wet … (diaper|diapers|nappy|nappies)', '(only|just) (one|<n:1-1>|a single) wet (diaper|nappy)', '(one|<n:1-1>) wet (diaper|nappy) (today|all day|since)', 'hasnt … wet … (diaper|nappy)', 'no … (pee|wee|urine) … (<n:6-48> hours|all day|since)', 'hasnt … (peed|weed|urinated) … (in|since|all day)', 'soft spot … sunken', 'sunken … (soft spot|fontanelle|eyes)', 'no tears', 'barely … (peed|weed)'],
    GREEN_VOMIT: ['green … (vomit|sick|puke|throw up|bile)', 'vomit* … green', 'throwing up … green', '(baby|babys|newborn|infant) … bile'],
    REFUSES_FEEDS: ['refus* … (feeds|feed|bottle|bottles|breast|milk|to eat|to drink)', 'not feeding', 'wont feed', 'wont take … (bottle|milk|breast)', 'stopped feeding', 'not eating or drinking'],
    POSTPARTUM: ['gave birth', 'given birth', 'had … baby … (days|weeks|ago)', 'postpartum', 'post partum', 'after … (birth|delivery|c section|csection)', 'since … (birth|delivery|giving birth)', 'delivered … (days|weeks|ago)', 'c section', 'new mum|mom'],
    SPOTTING_ONLY: ['spotting', 'light spotting', 'brown discharge', 'a little pink', 'implantation'],
    WATERS: ['waters … (broke|broken|breaking|gone)', 'water … (broke|broken|gone)', 'leaking … (fluid|water)', 'gush of … (fluid|water)', 'fluid … leaking'],
    MISCARRIAGE_NOW: ['(having|have) a miscarriage', 'miscarrying', '(im|i am|were|we are|she is|shes) losing (the|my|our|her) (baby|pregnancy)', 'think … miscarr*'],
    CONTRACTIONS: ['contraction*', 'labour|labor pains', 'tighten* … every', 'in labour|labor', 'going into labour|labor'],
    PRETERM_WEEKS: ['<n:20-36> weeks|wks|wk|week', '<n:20-36> weeks pregnant'],
    VISION_SPOTS: ['seeing spots', 'spots … (in|before) … (eyes|vision)', 'seeing stars', 'flashing lights', 'flashes', 'blurry … (vision|patches)', 'blurred vision', 'vision … (blurry|blurred|funny|weird|changes|changed)', 'sparkles', 'zigzag*'],
    SWELL_FACE_HANDS: ['(face|hands|fingers|feet|ankles) … (swollen|swelling|puffy|swelled|swell)', '(swollen|puffy) … (face|hands|fingers)'],
    PERSISTENT: ['wont go away', 'not going away', 'wont quit', 'wont shift', 'isnt shifting', 'not shifting', 'for hours', '<n:2-48> hours', 'all day', 'constant', 'paracetamol|tylenol|painkillers … (not helping|isnt helping|doesnt help|didnt help|not working)'],
    ONE_SIDED_PAIN: ['pain … (one side|right side|left side|lower right|lower left)', '(right|left) side … pain|hurts|sharp|stabbing', 'one sided', 'sharp pain … (right|left)'],
    SHOULDER_TIP: ['shoulder tip', 'tip of … shoulder', 'shoulder … (tip|started hurting|pain)'],
    FETAL_MOVEMENT_LESS: ['(havent|hasnt|not) felt … (kick|kicks|kicking|move|moving|movement|movements)', 'baby … (quiet|still|not moving) … (all day|whole day|since|today|tonight|hours)', '(usually|normally) kicks … (nothing|not today|not tonight|no kicks|quiet)', 'no (movement|movements|kicks) (since|all day|today|tonight|for hours)', 'havent felt (the baby|him|her|bub|baby) … (move|kick|all day|today|since)', 
      'barely felt … (anything|him|her|the baby|kicks|movement*)', 'baby … (not moving|isnt moving|hasnt moved|stopped moving|moving less|not kicking|stopped kicking|hasnt kicked|really quiet|very quiet|quiet today|no movement)', 'bubs … (hasnt moved|not moving)',
      'no … (kicks|movement|movements) … today', 'cant feel … (baby|the baby|kicks|movement)', 'reduced … movement*', 'less movement*', 'fewer … (kicks|movements)', 'only felt … (one|two|1|2) … movement*',
    ],
    BELLY_PAIN: ['stomach … (pain|ache|hurts|hurting|agony)', 'belly … (pain|ache|hurts)', 'abdomen … (pain|hurts)', 'abdominal pain', 'tummy … (pain|ache|hurts)', 'pain … (stomach|belly|abdomen|tummy)', 'stomach ache', 'stomachache', 'bellyache'],
    RIGID_BELLY: ['hard as a board', 'rigid', 'belly … (hard|rigid|tight as)', 'cant … touch … (belly|stomach)', 'curled up'],
    RASH_NONBLANCHING: ['purple … (dots|specks|pinpricks|freckles|blotch*)', '(red|dark|purple) (dots|spots|specks) … (glass|pressed|press)', '(stayed|stay|stays|still there|still visible|didnt fade|dont fade|doesnt fade|visible) … (under|through|with) … glass', 'glass … (stayed|still|didnt fade|dont fade)', 
      'rash … (doesnt|dont|wont|does not|didnt|did not) … (fade|go|disappear|blanch)', '(spots|blotches|rash|marks) … (stay|stayed|still there|didnt go|did not go|dont go|no se quitan) … (glass|press*)',
      'glass … (test|still see|didnt|did not|stay|still there)', 'purple … (spots|rash|blotches|marks)', 'dark red … (spots|pinprick*|rash)', 'pinprick … (spots|rash)', 'petechia*', 'bruise like rash', 'rash … like bruis*',
      // The negation is part of the sign here ("spots that don't blanch"): it must not cancel it.
      '(spots|dots|specks|rash|blotches|blotchy|marks|pinpricks|bumps) … (doesnt|dont|didnt|wont|does not|did not|do not|not|never|isnt|arent) (blanch*|fade*|go white|turn white|go pale|lighten)', 'non blanching', 'nonblanching', 'not blanching',
      '(spots|dots|specks|rash|blotches|marks|pinpricks|bumps) … (doesnt|dont|didnt|wont|does not|did not|do not|not) (go|go away|disappear|change) (when|if|as) (i|you|we|she|he) (press*|push*)',
    ],
    LIGHT_HURTS: ['light … (hurts|hurting|bothers|painful)', 'cant stand … light', 'bright light*', 'photophobia', 'lights … hurt'],
    INFECTION: ['infection', 'infected', 'uti', 'kidney infection', 'pneumonia', 'flu', 'cellulitis', 'chest infection', 'abscess', 'antibiotic*', 'wound … (red|hot|pus)'],
    SEPSIS_WORD: ['sepsis', 'septic', 'septicaemia', 'septicemia'],
    SEPSIS_SIGN: [
      'mottled', 'blotchy … skin', 'skin … (blotchy|mottled|blue|grey|gray|pale and cold)', 'shivering … uncontrollabl*', 'uncontrollabl* … shiver*', 'havent … (peed|weed|urinated)', 'not … (peed|weed|urinated) … (today|all day|since)',
      'no … (pee|urine) … (today|all day|since)', 'breathing … (very|really|so) … fast', 'feel … (like|as if) … (going to|gonna) die', 'never felt this ill', 'going to die', 'rigors',
    ],
    HEAD_HIT: ['hit|bumped|banged|knocked|smacked|whacked … (his|her|my|their|the) … head', '(hitting|banging|bumping|knocking|smacking|whacking) (his|her|my|their|the) head', '(fell|fall|fallen) … (on|onto) … (his|her|my|their) … head', 'head injury', 'head … (hit|bumped|banged)', 'concussion', 'bump on … head', 'fell … (off|down) … hit … head', 'knock to the head', 'head first'],
    CLEAR_FLUID: ['clear fluid', 'fluid … (nose|ear|ears)', 'watery … (nose|ear) … after'],
    BLOOD_THINNER: ['(on|take|takes|taking|taken|use|uses|using|started|start|prescribed) (a |)blood thinner*', 'blood thinner* (like|such as|called|pill*|tablet*|med*)', 'blood thinner*', 'warfarin', 'coumadin', 'eliquis', 'apixaban', 'xarelto', 'rivaroxaban', 'clopidogrel', 'plavix', 'anticoagula*'],
    DROWSY: ['drowsy', 'very sleepy', 'really sleepy', 'so sleepy', 'keeps … (falling asleep|wanting to sleep|dozing)', 'wants to sleep', 'cant stay awake', 'hard to keep awake', 'sleepy', 'nodding off', 'out of it'],
    BALANCE_LOSS: ['veer* … (left|right|to one side|sideways)', '(cant|cannot) keep (my|his|her) balance', '(lost|losing) … balance', 'cant walk straight', 'falling to one side', 'keep falling', 'cant stand up', 'staggering', 'walking like … drunk', 'dizzy and falling', 'room spinning and'],
    ONE_SIDE_WEAK: ['(left|right) side … (weak*|numb*|dead|heavy|limp|paralyz*)', '(weak*|numb*) … (left|right) side', 'whole side … (weak|numb|dead)', '(left|right) arm … and … (left|right) leg … (weak|numb|heavy)', 'cannot hold … cup'],
    RADIATING_PAIN: [
      '(jaw|neck|back|shoulder|shoulders|arm|left arm|shoulder blades) … (pain*|hurt*|ache*|aching|pressure|tight*)', '(pain*|ache*|aching|pressure|tight*) … (jaw|neck|back|shoulder|shoulder blades|left arm)',
      'between … shoulder blades',
    ],
    SWEAT: ['sweat*', 'swet*', 'clammy', 'perspir*', 'drenched'],
    PALPITATIONS: ['heart … (going|beating|pounding|racing) so fast', '(watch|heart rate|pulse|hr) … (says|reads|shows|is|at) … <n:140-300>', 'cant count (it|my pulse|my heartbeat|the beats)', 'heart … (racing|pounding|fluttering|flutter*|skipping|irregular|going crazy|beating fast|beating really fast|beating so fast)', 'palpitation*', 'racing heart', 'fast heartbeat', 'heart rate … <n:140-300>'],
    LEG_SWELL: ['(leg|calf|calves) … (swollen|swelling|red and|hot and|painful and)', 'swollen … (leg|calf)', 'one leg … (bigger|swollen)', 'dvt', 'blood clot … leg'],
    DIABETIC: ['diabet*', 'insulin', 'type 1', 'type one', 'type 2', 'sugar', 'blood sugar', 'glucose'],
    LOW_SUGAR: ['low sugar', 'sugar … (low|dropped|crashing|crashed)', 'hypo', 'hypoglyc*', 'sugar … <n:10-60>', 'reading … <n:10-60>', 'glucose … <n:10-60>', '<n:1-3.5> mmol'],
    HIGH_SUGAR: ['sugar … (<n:300-900>|hi|high|very high|through the roof|off the charts)', 'meter … (says|reads) … hi', 'ketones', 'dka', 'ketoacidosis', 'glucose … <n:300-900>', '<n:20-50> mmol'],
    SHAKY: ['shaky', 'shaking', 'trembl*', 'jittery', 'the shakes'],
    FRUITY_BREATH: ['fruity', 'nail polish … breath', 'acetone', 'breath … (smells|sweet)', 'breathing … (deep|heavy) … fast'],
    TESTICLE: ['testicle*', 'testes', 'ball', 'balls', 'scrotum', '(my|his|your|the|one|left|right) (nut|nuts)', 'groin'],
    HEAT: ['heatstroke', 'heat stroke', 'heat exhaustion', 'in the sun', 'hot car', 'in the heat', 'heatwave', 'heat wave', 'overheated', 'too hot'],
    NOT_SWEATING: ['stopped sweating', 'not sweating', 'hot and dry', 'dry … hot … skin'],
    DROWNING: ['drown*', 'fell in … (the|a) … (pool|pond|water|lake|river|bath)', 'pulled … (out of|from) … (the|a) … (water|pool|pond|lake|river|sea)', 'under water … (minute|minutes|seconds)', 'face down in … (water|pool|bath)'],
    MAJOR_TRAUMA: [
      'bone … (sticking out|through the skin|poking out|showing)', '(fell|fall|fallen) … (off|from) … (roof|ladder|balcony|window|scaffold*|tree|height)', 'car crash', 'car accident', 'hit by a car', 'motorbike crash', 'motorcycle accident',
      'cant feel … (legs|arms|feet)', 'neck … (after|since) … (fall|crash)', 'crushed', 'run over',
    ],
    EYE_EMERGENCY: ['(metal|glass|wood|shard|splinter|fragment|wire|nail|sliver|chip) … (in|into|stuck in) … eye', 'eye … (bleeding|pierced|gashed|slashed)', 'hit in the eye … (cant see|blood|bleeding)', '(bleach|chemical*|acid|cleaner|oven cleaner|drain cleaner|lime|cement) … (in|into) … eye*', 'something … (stuck|sticking) … in … eye', 'eye … (cut|punctured|stabbed)', 'suddenly … cant see', 'lost … sight', 'went blind'],
    FAINTED: ['fainted', 'passed out', 'blacked out', 'collapsed', 'keeled over'],
    NOT_WAKING: ['not coming round|around', 'still … (not awake|out|unconscious)', 'wont come round|around', 'not waking'],
    SOME_AMOUNT: ['some', 'a few', 'few', 'several', 'a couple', 'couple of', 'a bunch', 'dont know how many', 'not sure how many', 'unknown number'],
    MOOD_DOWN: ['(feeling|feel|felt) (really|so|very|pretty|quite|kind of|kinda|) (down|low|blue|flat|sad|miserable)', 'nothing (is|seems|feels) (fun|enjoyable|interesting) … (anymore|any more)', '(lost|lose|losing|no) interest in (everything|anything|things|stuff)', '(dont|cant|do not) enjoy (anything|things)', 'sad (all the time|every day|most days)'],
    LOW_MOOD: ['hopeless', 'cant cope', 'cant go on', 'so depressed', 'really depressed', 'nothing matters', 'empty inside', 'cant take it anymore', 'whats the point', 'no hope', 'falling apart', 'at the end of my rope', 'at my wits end'],
  },

  rules: tuneRules({}),
};
