import type { LanguageRules } from '../types.js';

/*
 * Simplified Chinese. Matching is character by character (no word segmentation), so a
 * window of 10 means ten characters, and `…` skips up to four. Phrases that contain 不/没
 * ("喘不上气", "叫不醒", "没反应") are symptoms in themselves; the negation guard only sees a
 * 不/没 that stands outside such a phrase ("没有胸痛").
 */
const PAIN = '(痛|疼|闷|压|紧|绞|憋|揪|捏|难受|不舒服|压榨|压迫|刺痛)';

export const zh: LanguageRules = {
  language: 'zh',
  negation: { before: 3, after: 0 },
  concepts: {
    // ---- guards -------------------------------------------------------------------------
    NEGATION: ['没有', '没', '不', '无', '未', '别', '并没有', '不是'],
    HYPOTHETICAL: ['如果', '万一', '假如', '要是', '一旦', '假设', '遇到'],
    // Chinese asks at the end of the sentence ("心脏病发作是什么感觉"), so question words cover the whole sentence.
    INFO_QUESTION: [],
    INFO_TOPIC: [
      '症状', '征兆', '前兆', '迹象', '表现', '有什么', '有哪些', '严不严重', '挂什么科', '什么是', '是什么病', '怎么知道', '如何判断', '怎么判断', '怎么预防', '如何预防', '怎样预防', '预防',
      '是什么感觉', '什么感觉', '了解', '学习', '急救知识', '急救方法', '科普', '区别', '怎么区分',
    ],
    PRESENT: ['出现', '现在', '正在', '刚才', '刚刚', '此刻', '还在', '是不是', '一直'],
    PAST: [
      '去年', '前年', '上个月', '上周', '上星期', '上次', '以前', '之前', '曾经', '小时候', '年前', '个月前', '那年', '早年', '出院', '过一次', '有过', '出过', '发作过',
      '抽搐过', '抽过', '晕过', '噎到过', '中风过', '得过', '犯过', '做过', '住过院',
    ],
    RESOLVED: ['止住了', '已经止住', '已经好了', '好多了', '已经停了', '停了', '缓过来了', '醒过来了', '醒了', '没事了', '恢复了', '现在好了', '已经没事'],
    IDIOM: [
      '笑死', '急死', '饿死', '累死', '吓死', '气死', '烦死', '困死', '热死', '冷死', '想死你', '想死我了', '要了我的命', '要我的命', '头都炸了', '头都大了', '头大',
      '心脏病都要犯了', '心脏病要犯了', '令人窒息', '窒息的', '心碎', '晕死', '我晕', '气得吐血', '亏得吐血', '吐血了都', '死机', '快疯了',
      // set phrases whose characters are not symptoms
      '血压', '验血', '抽血', '血糖', '血常规', '血检', '献血', '血型', '血脂', '高血压', '低血压', '贫血', '晕针', '晕血', '晕车', '食物中毒', '中毒性',
    ],
    CLAUSE_BREAK: ['但是', '可是', '不过', '但', '就是', '然后', '另外', '顺便'],

    // ---- shared modifiers -----------------------------------------------------------------
    MINOR: ['一点', '有点', '一点点', '轻微', '稍微', '一小块', '一小片', '小水泡', '小伤口', '小红点', '不严重', '溅了一下', '烫了一下', '红了一'],
    SMALL_WOUND: ['小口子', '小伤口', '创可贴', '鼻血', '牙龈', '刷牙', '划了个', '小口'],
    SEVERE: ['剧痛', '剧烈', '很痛', '好痛', '非常痛', '特别痛', '厉害', '严重', '受不了', '要命', '钻心', '撕裂', '最痛', '难以忍受'],
    SUDDEN: ['突然', '忽然', '一下子', '猛地', '突发', '毫无征兆', '分钟前', '刚才', '刚刚'],
    ADMIN: ['续药', '开药', '复诊', '预约', '挂号', '复查', '康复', '配药', '拿药', '病历', '疫苗', '报告', '医保', '体检', '随访', '药快吃完', '预约', '想约'],
    EXERTION: ['爬楼', '上楼', '走路', '运动', '跑步', '走快', '活动后', '锻炼'],
    HABITUAL: ['有时候', '有时', '偶尔', '经常', '老是', '总是', '晚上睡觉', '打鼾', '打呼', '多年', '慢性'],
    VOMIT: ['吐', '呕吐', '想吐', '恶心'],
    DIZZY: ['头晕', '发晕', '头昏', '眼前发黑'],

    // ---- chest pain ---------------------------------------------------------------------
    CHEST: ['胸', '心口', '心脏', '心前区'],
    CHEST_PAIN: [PAIN, '石头', '喘不上气'],
    HEART_ATTACK: ['心梗', '心肌梗塞', '心肌梗死', '心脏病发作', '心脏骤停', '心绞痛'],
    HEART_ATTACK_NOW: ['是不是心梗', '是不是心脏病', '心脏病犯了', '心梗了'],

    // ---- breathing ----------------------------------------------------------------------
    BREATH_TROUBLE: [
      '喘不上气', '喘不过气', '透不过气', '上不来气', '气上不来', '吸不进气', '呼吸困难', '呼吸急促', '呼吸 … (急|快|困难|费力|不了|很怪|微弱)', '憋气', '憋得', '喘得厉害',
      '大口喘气', '喘粗气', '上气不接下气', '窒息', '无法呼吸', '不能呼吸', '没法呼吸', '喘气 … (困难|急)', '肋骨 … 凹', '凹进去', '三凹征', '鼻翼扇动',
    ],
    CYANOSIS: ['嘴唇 … (紫|青|乌|发紫|发青)', '发紫', '发青', '脸 … (紫|青)', '憋紫', '青紫', '紫绀'],
    WHEEZE: ['哮喘发作', '喘鸣', '喘息', '哮鸣'],
    WHEEZE_DANGER: ['说不出话', '药 … (没用|不管用|没效果|没有用)', '说不了话'],

    // ---- stroke -------------------------------------------------------------------------
    FACE_DROOP: ['嘴歪', '口角歪斜', '嘴角歪', '脸歪', '面瘫', '口眼歪斜', '(半边|一边|一侧) 脸 … (麻|木|歪|耷拉|垂|动不了)', '嘴 … 歪'],
    DENTAL: ['牙医', '拔牙', '麻药', '打了麻药'],
    ARM_WEAK: [
      '(手脚|胳膊|手臂|手|腿|半边身子|半身|一侧|左边|右边|左侧|右侧) … (没力气|没劲|无力|不能动|动不了|麻|拿不住|抬不起|拖)', '半身不遂', '偏瘫', '拿不住', '抬不起来',
    ],
    SPEECH: ['说话 … (含糊|不清|不利索|大舌头|听不懂|奇怪)', '口齿不清', '吐字不清', '大舌头', '说不清楚', '舌头 … (不灵活|打结)', '语无伦次'],
    CONFUSED: ['糊涂', '意识不清', '神志不清', '认不出人', '迷糊', '胡言乱语'],
    VISION_LOSS: ['看不见', '看不清', '失明', '视力 … (模糊|丧失)', '重影'],
    STROKE_WORD: ['中风', '脑梗', '脑卒中', '卒中', '脑溢血', '脑出血', '脑血栓'],
    STROKE_NOW: ['是不是中风', '好像中风', '可能中风了', '中风了'],

    // ---- bleeding -----------------------------------------------------------------------
    BLEED: ['血', '出血', '流血'],
    HEAVY_BLEED: ['止不住', '止不了', '压不住', '一直流', '一直出', '往外喷', '喷', '好多', '很多', '不少', '大量', '大出血', '湿透', '不停', '哗哗', '一地', '染红', '浸透', '不止', '一大摊'],
    WOUND_TRAUMA: ['被刀捅', '捅伤', '刀伤', '枪伤', '中枪', '砍伤', '被砍', '伤口很深', '断指', '割得很深'],
    BLOOD_VOMIT: ['吐血', '咳血', '呕血', '咯血'],

    // ---- unresponsive -------------------------------------------------------------------
    UNRESPONSIVE: [
      '(叫|喊|拍|摇) … 不醒', '叫不应', '醒不过来', '没反应', '没有反应', '昏迷', '昏过去', '晕倒', '晕过去', '昏倒', '不省人事', '失去意识', '没意识', '没有意识', '没呼吸', '没有呼吸',
      '不呼吸', '呼吸停止', '呼吸停了', '心跳停了', '没心跳', '没有心跳', '倒地不起',
    ],

    // ---- seizure ------------------------------------------------------------------------
    SEIZURE: ['抽搐', '抽蓄', '癫痫发作', '羊癫疯', '羊角风', '惊厥', '抽风', '全身抽'],
    SEIZURE_NOW: ['口吐白沫', '眼睛 … 上翻', '翻白眼', '正在抽', '抽个不停', '抽搐 … (停不下来|不停)', '牙关紧闭'],
    SHAKING: ['抽筋', '全身发抖', '浑身抖', '四肢抽动', '手脚 … (抖|抽)', '全身僵硬'],
    NONSTOP: ['停不下来', '不停', '好几分钟', '分钟了', '全身'],
    LEG_CRAMP: ['腿抽筋', '小腿', '脚抽筋', '脚趾', '半夜抽筋'],

    // ---- suicide / self-harm ------------------------------------------------------------
    SUICIDAL: [
      '自杀', '轻生', '不想活', '活不下去', '想死', '去死', '寻死', '结束生命', '结束自己', '结束一切', '了结', '割腕', '跳楼', '跳河', '上吊', '自残', '自伤', '伤害自己', '划自己',
      '遗书', '活着没意思', '活着没有意思', '活着没什么意思', '不如死了', '死了算了', '一了百了', '想不开',
    ],

    // ---- overdose / poisoning -----------------------------------------------------------
    INGESTED: ['吃了', '喝了', '吞了', '误服', '误食', '误喝', '误吞', '服了', '吃进去', '咽了', '服用了', '吞下', '吃下'],
    LARGE_AMOUNT: ['一整瓶', '整瓶', '一瓶', '一大把', '一把', '大量', '过量', '一盒', '整盒', '所有的', '全部', '几十片', '十几片', '一堆'],
    DRUG: ['药', '药片', '安眠药', '止痛药', '降压药', '胰岛素', '退烧药', '感冒药', '抗抑郁药', '胶囊', '扑热息痛', '布洛芬', '对乙酰氨基酚', '泰诺'],
    POISON: [
      '农药', '敌敌畏', '百草枯', '老鼠药', '耗子药', '消毒水', '消毒液', '漂白水', '漂白剂', '洗衣液', '洗衣凝珠', '洗洁精', '洁厕灵', '清洁剂', '杀虫剂', '汽油', '煤油', '防冻液',
      '毒药', '纽扣电池',
    ],
    OVERDOSE_WORD: ['过量服药', '吃药过量', '药物过量', '中毒', '服毒', '吸毒过量'],

    // ---- anaphylaxis --------------------------------------------------------------------
    ALLERGEN: ['蛰', '蜇', '蜜蜂', '马蜂', '黄蜂', '花生', '坚果', '海鲜', '虾', '螃蟹', '过敏', '打完针', '打针', '输液', '青霉素', '头孢', '吃了', '新药'],
    THROAT_CLOSING: ['喉咙 … (封住|闭上|堵住了|锁紧)', '喉头水肿'],
    THROAT_SWELL: ['(喉咙|嗓子) … (肿|紧|发紧)', '舌头 … 肿'],
    FACE_SWELL: ['(脸|嘴唇|舌头|眼睛|嘴|眼皮) … 肿', '面部肿', '肿 … 脸'],
    HIVES: ['疹子', '荨麻疹', '风团', '起包'],
    ANAPHYLAXIS_WORD: ['过敏性休克', '严重过敏', '过敏反应', '肾上腺素笔'],

    // ---- infant fever -------------------------------------------------------------------
    INFANT_AGE: [
      '<n:0-12> (周|星期) (大|的)', '<n:0-90> 天 (大|的)', '<n:0-2> 个 月 (大|的)', '<n:0-2> 月 大', '出生 … <n:0-90> 天', '出生 … <n:0-12> 周', '新生儿', '刚出生', '满月',
      '才 <n:0-12> 周', '才 <n:0-90> 天',
      // "宝宝20天" is an age; "宝宝发烧两天" (a duration) has words in between.
      '(宝宝|孩子|婴儿|女儿|儿子|闺女|小孩) <n:0-90> 天', '(宝宝|孩子|婴儿|女儿|儿子|闺女|小孩) <n:0-12> (周|星期)', '(宝宝|孩子|婴儿|女儿|儿子|闺女|小孩) <n:0-2> 个 月',
    ],
    FEVER: ['发烧', '发热', '高烧', '烧到', '低烧', '体温', '摸着 … 烫', '很烫', '发烫', '额头烫', '<n:38-42.9> 度', '<n:38-42.9>'],

    // ---- pregnancy bleeding -------------------------------------------------------------
    PREGNANT: ['怀孕', '孕', '怀了', '孕妇', '孕期', '流产', '先兆流产', '宫外孕'],
    CRAMPS: ['肚子痛', '肚子疼', '腹痛', '剧痛', '绞痛', '血块', '宫缩'],

    // ---- burns --------------------------------------------------------------------------
    BURN: ['烫伤', '烧伤', '烫了', '被烫', '开水', '热油', '着火', '起火', '火灾', '烧着', '电击', '灼伤', '烫到'],
    BURN_SEVERE: ['一大片', '大片', '大面积', '皮 … (掉|脱|烂|发白|发黑|焦)', '起大泡', '大水泡', '水泡', '起泡', '焦', '发黑', '脸', '全身', '整个', '严重', '化学'],

    // ---- thunderclap headache -----------------------------------------------------------
    HEADACHE: ['头痛', '头疼', '头 … (痛|疼|炸|裂)', '偏头痛'],
    WORST_EVER: ['最痛', '最疼', '从来没 … (这么|这样)', '从没 … (这么|这样)', '这辈子最', '炸开', '炸裂', '爆炸', '裂开', '头痛欲裂', '像被 … (打|劈|砸)', '雷劈', '霹雳', '前所未有'],
    STIFF_NECK: ['脖子 … (硬|僵)', '颈部 … (僵硬|强直)'],

    // ---- choking ------------------------------------------------------------------------
    CHOKING: ['噎住', '噎着', '噎到', '卡住 … (喉咙|嗓子|气管)', '卡在 … (喉咙|嗓子|气管)', '(喉咙|嗓子) … 卡', '呛住', '卡喉', '异物 … 气管'],
    SWALLOWED_OBJECT: ['吞了 … (硬币|电池|磁铁|玩具|葡萄|果冻|糖|异物)', '误吞 … (硬币|电池|磁铁|玩具|葡萄|果冻|糖)'],
  },

  rules: [
    { id: 'choking.choking', category: 'choking', all: ['CHOKING'] },
    { id: 'choking.object_no_air', category: 'choking', all: ['SWALLOWED_OBJECT', ['BREATH_TROUBLE', 'CYANOSIS']] },

    { id: 'anaphylaxis.word', category: 'anaphylaxis', all: ['ANAPHYLAXIS_WORD', ['BREATH_TROUBLE', 'THROAT_SWELL', 'FACE_SWELL', 'WHEEZE', 'DIZZY']] },
    { id: 'anaphylaxis.throat_closing', category: 'anaphylaxis', all: ['THROAT_CLOSING'] },
    { id: 'anaphylaxis.throat_swelling', category: 'anaphylaxis', all: [['ALLERGEN', 'BREATH_TROUBLE', 'FACE_SWELL'], 'THROAT_SWELL'] },
    { id: 'anaphylaxis.face_swelling', category: 'anaphylaxis', all: ['ALLERGEN', 'FACE_SWELL'], unless: ['MINOR'] },
    { id: 'anaphylaxis.breathing', category: 'anaphylaxis', all: ['ALLERGEN', ['BREATH_TROUBLE', 'WHEEZE']] },
    { id: 'anaphylaxis.hives_plus', category: 'anaphylaxis', all: ['ALLERGEN', 'HIVES', ['VOMIT', 'DIZZY', 'BREATH_TROUBLE', 'WHEEZE', 'FACE_SWELL']] },

    { id: 'overdose.word', category: 'overdose_poisoning', all: ['OVERDOSE_WORD'] },
    { id: 'overdose.large_amount', category: 'overdose_poisoning', all: ['INGESTED', 'LARGE_AMOUNT', 'DRUG'], window: 14 },
    { id: 'overdose.poison', category: 'overdose_poisoning', all: ['INGESTED', 'POISON'], window: 12 },

    { id: 'suicide.intent', category: 'suicide', all: ['SUICIDAL'] },

    { id: 'infant_fever.age', category: 'infant_fever', all: ['INFANT_AGE', 'FEVER'], unless: ['PREGNANT'] },

    { id: 'pregnancy_bleeding.heavy', category: 'pregnancy_bleeding', all: ['PREGNANT', 'BLEED', ['HEAVY_BLEED', 'SUDDEN', 'CRAMPS']] },

    { id: 'burns.severe', category: 'burns', all: ['BURN', 'BURN_SEVERE'], unless: ['MINOR'], window: 16 },

    { id: 'seizure.now', category: 'seizure', all: ['SEIZURE_NOW'] },
    { id: 'seizure.word', category: 'seizure', all: ['SEIZURE'], unless: ['ADMIN', 'HABITUAL'] },
    { id: 'seizure.signs', category: 'seizure', all: ['SHAKING', ['UNRESPONSIVE', 'SEIZURE', 'SEIZURE_NOW', 'NONSTOP']], unless: ['LEG_CRAMP'], note: '抽筋 alone is usually a leg cramp' },

    { id: 'thunderclap.worst', category: 'thunderclap_headache', all: ['HEADACHE', 'WORST_EVER'], window: 16 },
    { id: 'thunderclap.sudden_severe', category: 'thunderclap_headache', all: ['HEADACHE', 'SUDDEN', ['SEVERE', 'VOMIT', 'STIFF_NECK', 'CONFUSED']] },
    { id: 'thunderclap.stiff_neck', category: 'thunderclap_headache', all: ['HEADACHE', 'STIFF_NECK', ['SUDDEN', 'SEVERE']] },

    { id: 'stroke.face', category: 'stroke', all: ['FACE_DROOP'], unless: ['DENTAL'] },
    { id: 'stroke.arm_plus', category: 'stroke', all: ['ARM_WEAK', ['SPEECH', 'SUDDEN', 'CONFUSED', 'VISION_LOSS']] },
    { id: 'stroke.speech_plus', category: 'stroke', all: ['SPEECH', ['SUDDEN', 'CONFUSED', 'VISION_LOSS']] },
    { id: 'stroke.vision_face', category: 'stroke', all: ['VISION_LOSS', 'SUDDEN', ['ARM_WEAK', 'SPEECH', 'FACE_DROOP']] },
    { id: 'stroke.now', category: 'stroke', all: ['STROKE_NOW'] },
    { id: 'stroke.word', category: 'stroke', all: ['STROKE_WORD'], unless: ['ADMIN'] },

    { id: 'unresponsive.unresponsive', category: 'unresponsive', all: ['UNRESPONSIVE'] },

    { id: 'chest_pain.pain', category: 'chest_pain', all: ['CHEST', 'CHEST_PAIN'], window: 10 },
    { id: 'chest_pain.heart_attack_now', category: 'chest_pain', all: ['HEART_ATTACK_NOW'] },
    { id: 'chest_pain.heart_attack', category: 'chest_pain', all: ['HEART_ATTACK'], unless: ['ADMIN'] },

    { id: 'bleeding.heavy', category: 'bleeding', all: ['BLEED', 'HEAVY_BLEED'], window: 10, unless: ['SMALL_WOUND'] },
    { id: 'bleeding.trauma', category: 'bleeding', all: ['BLEED', 'WOUND_TRAUMA'], window: 12 },
    { id: 'bleeding.vomit_blood', category: 'bleeding', all: ['BLOOD_VOMIT'] },

    { id: 'breathing.distress', category: 'breathing', all: ['BREATH_TROUBLE'], unless: ['EXERTION', 'HABITUAL', 'MINOR'] },
    { id: 'breathing.cyanosis', category: 'breathing', all: ['CYANOSIS'] },
    { id: 'breathing.wheeze_severe', category: 'breathing', all: ['WHEEZE', 'WHEEZE_DANGER'] },
  ],
};
