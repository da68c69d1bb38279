import { words } from '../../normalise.js';
import { lightEnglishStem } from '../latin-stem.js';
import { safetyFiles, type LanguagePack } from '../types.js';

/** Chinese (Mandarin, simplified characters). */
export const zh: LanguagePack = {
  code: 'zh',
  name: '中文',
  englishName: 'Chinese (Mandarin)',
  // Words and single characters that say nothing about a topic in a Chinese question.
  stopWords: {
    words: words(`我们 你们 他们 她们 什么 怎么 怎么办 怎样 如何 可以 是不是 有没有 一下 一个 这个 那个 还是 因为 所以 如果 要不要
    能不能 可不可以 行不行 好不好 请问 你好 您好 谢谢 麻烦 现在 已经 还有 就是 然后 但是 或者 我的 你的 我要 我想 想要 需要
    应该 知道 觉得 一点 一些 有点 大概 比较 这样 那样 这里 那里 多少`),
    chars: '的了吗呢啊吧呀嘛哦么我你他她它们是在有和就都也要会能还个这那么什怎哪谁几多不没得地着过给让把被为与及或很太更最又再才',
  },
  // Latin words in Chinese text are English ones ("portal", "password").
  stem: lightEnglishStem,
  numbers: {
    words: { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 },
    before: ['选项', '第'],
    after: '个号项',
  },
  switching: {
    names: { en: ['英语', '英文'], es: ['西班牙语'], zh: ['中文', '汉语', '普通话', '华语'] },
    filler: ['请', '说', '用'],
    commands: [],
    // Written without spaces: "请用中文", "说中文", "用普通话回答吧".
    phrases: [{ pattern: /^(请)?(用|说)?(中文|汉语|普通话)(回答|说)?(吧)?$/, language: 'zh' }],
  },
  smsKeywords: { optOut: [], optIn: [], optInWhenOptedOut: [], help: [] },
  // Mandarin is recognised as cmn-Hans-CN but spoken as cmn-CN.
  voice: { gather: 'cmn-Hans-CN', say: 'cmn-CN', voice: 'Polly.Zhiyu-Neural' },
  // Detected by its script (Han), not by words.
  detection: { words: [], ambiguous: [], grammar: [], endings: null },
  safety: safetyFiles('zh'),
};
