import { words } from '../../normalise.js';
import { lightEnglishStem } from '../latin-stem.js';
import { safetyFiles, type LanguagePack } from '../types.js';

/** Hindi, in Devanagari and romanised (Hinglish). */
export const hi: LanguagePack = {
  code: 'hi',
  name: 'हिंदी',
  englishName: 'Hindi',
  // Romanised function words, then Devanagari ones (compared after normaliseDevanagari).
  stopWords: {
    words: [
      ...words(`hai hain h he hu hun hoon ho hota hoti hote tha thi the ka ki ke ko se me mein mai main mujhe mujhko
    mera meri mere humein hum hamara hamari aap aapka aapki aapke aapko tum tumhara kya kaise kab kahan kaha kaun
    koi kuch ek nahi nahin nhi na bhi to toh hi aur ya ab abhi karna karni karne karu karun karoon kare karen karo
    kar sakte sakta sakti sakti chahiye raha rahi rahe liye lie wala wali wale pe par please plz ji bhai batao
    bataiye bataye bata do de dijiye hua hui huye gaya gayi gaye jata jati jaate`),
      ...words(`है हैं हूँ हूं हो था थी थे का की के को से में पर और या भी तो ही क्या कैसे कब कहाँ कहां
    मैं मेरा मेरी मेरे मुझे हम हमें हमारा आप आपका आपकी आपके आपको यह वह ये वो इस उस इसे उसे कोई कुछ एक नहीं न करना करनी
    करने करें करूँ करूं करू कर सकता सकती सकते चाहिए जा रहा रही रहे हुआ हुई गया गई गए लिए वाला वाले वाली होता होती
    होते जाता जाती जाते जी कृपया बताएं बताइए बताओ दें दीजिए अब अभी`),
    ],
    chars: '',
  },
  // Romanised words go through the light English stemmer (plurals, -ing, -ed), not Porter's rules.
  stem: lightEnglishStem,
  numbers: {
    words: {
      एक: 1, दो: 2, तीन: 3, चार: 4, पांच: 5, पाँच: 5, छह: 6, छः: 6, सात: 7, आठ: 8, नौ: 9,
      ek: 1, do: 2, teen: 3, char: 4, paanch: 5, chhah: 6, saat: 7, aath: 8, nau: 9,
    },
    before: ['विकल्प', 'नंबर'],
    after: '',
  },
  switching: {
    names: { en: ['अंग्रेज़ी', 'अंग्रेजी', 'angrezi'], es: ['स्पेनिश'], zh: ['चीनी'], hi: ['हिंदी', 'हिन्दी', 'hindi'] },
    filler: ['में', 'me', 'mein', 'baat', 'karo', 'karein', 'बात', 'करें'],
    commands: [],
    phrases: [],
  },
  smsKeywords: { optOut: [], optIn: [], optInWhenOptedOut: [], help: [] },
  voice: { gather: 'hi-IN', say: 'hi-IN', voice: 'Polly.Kajal-Neural' },
  detection: {
    // Words that mark romanised Hindi; each is rare in English and Spanish text.
    words: words(`hai hain hoon hu hun mujhe mujhko mera meri mere mujhse hume humein hamara hamari aap aapka aapki aapko tum tumhara
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
    lekin magar phir fir abhi tak wapas
    lunga lungi loonga loongi dunga dungi doonga doongi karunga karungi karoonga aunga aungi marna marne marunga marungi
    maar maarta maarti maarte jaan zindagi jindagi zindgi khud zeher zehar jahar kha khaa khaya khayi
    rha rhi rhe rhaa gya gyi gye liya liye diya diye kiya kiye lagi laga lage aaya aayi aaye aa aata aati aate
    dikh dikhta dikhti dikhai sunn suna utha uth uthta uthti uthu uthun baar dafa tej tez dhundla dhundhla seene
    sina chhati haath hath pairon hoth honth neele neela neeli jhatke jhatka daura behosh hosh nigal nigla nigli
    chot chhat gire gira giri girna kabhi kabi kaash kash jaun jaaun jau drd dard bht bhot jldi jaldi btao batao kru karu
    krna krni pasina paseena ruk rukna rukta rukti bhig bheeg kamar gardan aankh aankhen kaan naak munh muh galaa gala
    chheenke chheenk mausam badalte badal sharab chhodna chhodein chhod shuru dheere jaanch naapein naap baith
    chahiye chaiye chahie kaun sa konsa kon kaunsa padega padegi pada padi laana dobara dubara`),
    // Of those, the ones that are also ordinary English or Spanish words count only with company.
    ambiguous: ['me', 'main', 'to', 'do', 'he', 'ha', 'mat', 'pet', 'sir', 'ek', 'par', 'pe', 'ho', 'se', 'ki', 'ka', 'ke', 'ko', 'mil', 'kal', 'hospital', 'sab', 'tab', 'jab', 'bata', 'beta', 'pani', 'ye', 'wo', 'toh', 'koi', 'hu', 'ji', 'bhai', 'band', 'din', 'der', 'bat', 'bhar', 'fir', 'bada', 'sake', 'lu', 'du', 'lena', 'dena', 'aa', 'kash', 'hath', 'sina', 'pada', 'gire', 'kon', 'sahi', 'tak', 'baje', 'saath', 'galat', 'phir', 'rakho'],
    grammar: [],
    // Future and polite verb forms: aaunga, karoge, dijiye, jayega, wala.
    endings: /^[a-z]{2,}(?:unga|ungi|oge|ogi|iye|ayega|ayegi|wala|wali|wale)$/,
  },
  safety: safetyFiles('hi'),
};
