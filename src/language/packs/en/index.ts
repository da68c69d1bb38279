import { stemmer } from '@orama/stemmers/english';
import { words } from '../../normalise.js';
import { safetyFiles, type LanguagePack } from '../types.js';

/** English. */
export const en: LanguagePack = {
  code: 'en',
  name: 'English',
  englishName: 'English',
  // Kept short on purpose: BM25 already discounts common words; these stop two-word questions
  // from matching on "how do I". English function words are stop words in every language's index.
  stopWords: {
    words: words(`a an the i me my mine myself we our us you your yours he him his she her it its they them their
    is are was were be been being am do does did doing done have has had having can could would should will shall
    may might must to of in on at by for with from as about into onto over than then there here this that these
    those what whats which who whom whose when where why how and or but if so not no yes just also very really
    please pls plz thanks thank thx hi hello hey im ive id ill youre dont cant wont didnt doesnt isnt u r ur ok okay
    any some much many like need needs want wants know think tell get gets got getting go going still now ya yall guys`),
    chars: '',
  },
  // The Porter stemmer (@orama/stemmers); index and questions are stemmed alike.
  stem: stemmer,
  numbers: {
    words: { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 },
    before: ['option', 'number', 'no.', 'no'],
    after: '',
  },
  switching: {
    names: { en: ['english'], es: ['spanish'], zh: ['chinese', 'mandarin'] },
    filler: ['in', 'please', 'speak'],
    commands: ['lang', 'language'],
    phrases: [],
  },
  // The words US carriers and Twilio act on.
  smsKeywords: {
    optOut: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'],
    optIn: ['START', 'UNSTOP'],
    optInWhenOptedOut: ['YES'],
    help: ['HELP', 'INFO'],
  },
  voice: { gather: 'en-US', say: 'en-US', voice: 'Polly.Joanna-Neural' },
  detection: {
    words: words(`the a an i my me is are was were be been am to of and or in on at for with without from can could would should
    will do does did have has had how what when where why who which you your it its this that there their they we
    our us please thanks thank hello hi hey need want get got help doctor appointment prescription refill medicine
    pain fever cough shot vaccine son daughter baby kid kids mom dad call pay insurance bill today tomorrow yesterday
    week open close closed hours not no yes about just really still any some
    accept accepts take takes work works working patch patches need needs new old get gets my mine much many
    after before since last next out off over again than then there here very too also if but so because
    bring send sent keep stop start feel feeling sick worse better tired hurt hurts sore still wont dont cant
    didnt doesnt isnt im ive id youre thats whats theres
    near raise raises lower lowers quit cause causes safe`),
    ambiguous: [],
    // Function words: what makes a sentence English rather than Hindi with English nouns in it.
    grammar: words(`the a an i my me is are was were be been am to of and or in on at for with from can could would should will
    do does did have has had how what when where why who which you your it its this that there their they we our us
    not no yes please if but so than then just about any some im ive dont cant didnt doesnt isnt`),
    endings: null,
  },
  safety: safetyFiles('en'),
};
