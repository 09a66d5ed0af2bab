/**
 * The keyword table that decides who leads (牵头) and who co-operates (配合) on each item of the seed
 * plan. It is data: another district swaps the table (and the directory) and keeps the code. Order
 * matters: the first rule whose pattern matches an item's name or title wins, so specific rules
 * (数字经济核心产业增加值) stand before general ones (增加值). When no title matches, the rule with the
 * most hits in the item's text wins (ties go to the earlier rule).
 */

/** One row of the table: a pattern over item names and texts, and the units it points to. */
export interface AssignmentRule {
  /** Stable name of the rule, reported with each assignment it decides ('gdp', 'air'). */
  id: string;
  /** A regular expression source (no flags), matched against names, titles and texts. */
  pattern: string;
  /** Code of the lead unit (牵头单位). */
  lead: string;
  /** Codes of co-operating units (配合单位) that always join this rule's lead. */
  co?: readonly string[];
}

/**
 * Shangcheng's table, most specific first. Units named by code (see directory.ts): fgj 区发改局,
 * tjj 区统计局, kjj 区科技局, swj 区商务局, czj 区财政局, jrzx 区金融办, jyj 区教育局, wjj 区卫健局,
 * rsj 区人力社保局, ybfj 医保分局, sthjfj 生态环境分局, cgj 区城管局, yjglj 区应急管理局, scjgj
 * 区市场监管局, wltj 区文旅体局, zjj 区住建局, mzj 区民政局, sjzyj 区数据资源局, sfj 区司法局, gafj
 * 公安分局, jsfz 区建设发展中心, jxj 区经信局, tcj 区投促局, zzb 区委组织部, xcb 区委宣传部, zfw
 * 区委政法委, gzfj 规划资源分局, xfj 区信访局.
 */
export const SHANGCHENG_RULES: readonly AssignmentRule[] = [
  // Safety and food first: their words (事故, 因灾, 抽检) also sit inside economic and health names (亿元GDP…事故).
  {
    id: 'energy',
    pattern: '能耗|电耗|碳达峰|碳中和|碳排放|能源“?双控|节能',
    lead: 'fgj',
    co: ['sthjfj', 'jxj'],
  },
  { id: 'work-safety', pattern: '安全生产|生产安全|事故|危险化学品', lead: 'yjglj', co: ['scjgj'] },
  { id: 'emergency', pattern: '应急|消防|防灾|减灾|避灾|灾害|因灾|韧性', lead: 'yjglj' },
  { id: 'food-drugs', pattern: '食品|药品|餐饮|阳光厨房|抽检', lead: 'scjgj' },
  // The economy: specific value-added measures before GDP, finance, trade, industry, investment, projects.
  { id: 'digital-economy', pattern: '数字经济核心产业|数字经济', lead: 'jxj', co: ['tjj'] },
  { id: 'culture-industry', pattern: '文化产业', lead: 'wltj', co: ['xcb', 'tjj'] },
  { id: 'finance-value', pattern: '金融业增加值', lead: 'jrzx', co: ['tjj'] },
  { id: 'gdp', pattern: '地区生产总值|GDP|人均生产总值|服务业增加值', lead: 'tjj', co: ['fgj'] },
  { id: 'income', pattern: '可支配收入', lead: 'tjj', co: ['rsj', 'fgj'] },
  { id: 'fiscal', pattern: '一般公共预算|财政|政府债|债务|国资国企|国有资本', lead: 'czj', co: ['tjj'] },
  { id: 'buildings', pattern: '税收超亿元楼宇|楼宇', lead: 'tcj', co: ['czj', 'swj'] },
  {
    id: 'online-services',
    pattern: '一网通办|政务服务|办件|行政服务中心|浙里办',
    lead: 'sjzyj',
    co: ['xzfw'],
  },
  { id: 'street-services', pattern: '街道可办|民生事项', lead: 'sjzyj', co: ['xzfw', 'mzj'] },
  {
    id: 'patents',
    pattern: '专利|知识产权|商标|标准化|标准创新|质量强区|品字标',
    lead: 'scjgj',
    co: ['kjj'],
  },
  { id: 'rnd', pattern: '研究与试验发展|R&D|研发', lead: 'kjj', co: ['tjj', 'czj'] },
  {
    id: 'hightech',
    pattern: '高新技术企业|科技型中小|科技创新|创新券|孵化|产业创新服务综合体|创业创新|创新生态',
    lead: 'kjj',
    co: ['jxj'],
  },
  { id: 'talent', pattern: '人才|院士|金靴|领军|高层次|工匠|名家', lead: 'zzb', co: ['rsj', 'kjj'] },
  {
    id: 'licensed-finance',
    pattern: '持牌金融|金融|基金|财富管理|资本市场|上市|私募',
    lead: 'jrzx',
    co: ['ygsn'],
  },
  { id: 'foreign-investment', pattern: '外资|利用外资|跨国', lead: 'swj', co: ['tcj'] },
  {
    id: 'trade',
    pattern: '进出口|服务贸易|货物贸易|跨境电商|跨境电子商务|海外仓|出口|进口|自贸区|外贸',
    lead: 'swj',
  },
  {
    id: 'consumption',
    pattern:
      '社会消费品|网络零售|消费|零售|商圈|步行街|夜间经济|夜经济|老字号|电商|直播|旗舰店|购物|酒店|商业|商贸|商务|会展',
    lead: 'swj',
  },
  {
    id: 'manufacturing',
    pattern: '智能制造|制造|工厂|数字化车间|工业|产业大脑|光电|两业融合|雄鹰|规上企业',
    lead: 'jxj',
    co: ['kjj'],
  },
  { id: 'investment-promotion', pattern: '招引|招商|总部|500强|区域协作|长三角', lead: 'tcj', co: ['swj'] },
  {
    id: 'professional-services',
    pattern: '专业服务|中介机构|法律服务|会计|咨询',
    lead: 'fgj',
    co: ['swj', 'sfj'],
  },
  { id: 'major-projects', pattern: '综合体|地标|塔楼', lead: 'fgj', co: ['jsfz'] },
  { id: 'common-prosperity', pattern: '共同富裕', lead: 'fgj', co: ['mzj'] },
  // Education before culture and sport: 学生 in an arts or sports promise is the schools' business.
  { id: 'myopia', pattern: '近视|肥胖|中小学健康', lead: 'jyj', co: ['wjj'] },
  { id: 'childcare', pattern: '托位|婴幼儿|照护|托育|成长驿站', lead: 'wjj', co: ['mzj'] },
  { id: 'education', pattern: '幼儿园|学校|教育|中小学|学生|教师|校长|学前|名校|育人|思政', lead: 'jyj' },
  // Culture, civilisation, sport.
  {
    id: 'civilisation',
    pattern: '文明实践|文明城市|文明典范|核心价值观|思想|爱国主义|意识形态|道德',
    lead: 'xcb',
    co: ['wltj'],
  },
  {
    id: 'song-culture',
    pattern: '宋韵|非遗|非物质文化遗产|文化基因|遗址|博物|南宋|海塘|古籍|文物',
    lead: 'wltj',
    co: ['xcb'],
  },
  {
    id: 'culture-tourism',
    pattern: '文化|文旅|旅游|短视频|影视|演艺|书房|图书馆|阅读|艺术|文创',
    lead: 'wltj',
  },
  { id: 'sport', pattern: '体育|健身|赛事|运动|亚运|场地面积', lead: 'wltj', co: ['tyzx'] },
  // Social security, health, welfare.
  { id: 'insurance', pattern: '参保|社会保险|社会保障|社保|养老保险', lead: 'rsj', co: ['ybfj'] },
  { id: 'medical-insurance', pattern: '医疗保险|医保', lead: 'ybfj', co: ['rsj'] },
  {
    id: 'health-industry',
    pattern: '健康产业|生命健康|生物医药|医疗器械|健康贸易',
    lead: 'fgj',
    co: ['wjj', 'tcj'],
  },
  { id: 'elderly', pattern: '康养|养老|敬老|颐养', lead: 'mzj', co: ['wjj'] },
  {
    id: 'health',
    pattern: '医师|医疗|卫生|健康|期望寿命|疾病|疾控|疫情|中医|医院|慢病|传染病|爱国卫生|人口|生育',
    lead: 'wjj',
    co: ['jkzx'],
  },
  { id: 'employment', pattern: '就业|创业|劳动|人力资源', lead: 'rsj' },
  { id: 'welfare', pattern: '慈善|社会福利|残疾人|社会救助|婚|殡|社会组织', lead: 'mzj' },
  // Environment, city management, construction.
  { id: 'air', pattern: '空气|PM2\\.5|大气|扬尘|废气|尾气|天蓝', lead: 'sthjfj', co: ['cgj'] },
  { id: 'water', pattern: '水体|断面|水质|治水|五水共治|污水|饮用水|河长', lead: 'sthjfj', co: ['cgj'] },
  {
    id: 'environment',
    pattern: '土壤|污染|生态环境|环境保护|无废|固体废|三线一单|生物多样性|湿地|生态',
    lead: 'sthjfj',
  },
  { id: 'greening', pattern: '绿化|绿地|公园|绿道|园林|花园|彩化', lead: 'cgj', co: ['jsfz'] },
  {
    id: 'city-management',
    pattern: '河道|保洁|清扫|垃圾|市容|城市管理|城区管理|街巷|综合行政执法|执法|美丽',
    lead: 'cgj',
  },
  {
    id: 'housing',
    pattern:
      '老旧小区|有机更新|安置房|保障性住房|旧城改造|城中村|征迁|住房|过渡户|未来社区|公租房|人才专项用房|蓝领公寓',
    lead: 'zjj',
    co: ['jsfz'],
  },
  {
    id: 'spatial-planning',
    pattern: '国土空间|地下空间|地下城市|空中连廊|立体都市|城市形态|风景线',
    lead: 'gzfj',
    co: ['jsfz'],
  },
  { id: 'transport', pattern: '交通|道路|快速路|地铁|轨道|停车|充电|慢行', lead: 'jsfz', co: ['gafj'] },
  // Reform, order, rule of law, digital government.
  {
    id: 'business-environment',
    pattern: '营商环境|准入|公平竞争|商事登记|企业开办|改革',
    lead: 'fgj',
    co: ['scjgj'],
  },
  { id: 'economic-security', pattern: '经济运行|风险预警|产业链供应链', lead: 'fgj', co: ['tjj'] },
  {
    id: 'social-governance',
    pattern: '平安|矛盾|调解|信访|访源|基层治理|社会治理|枫桥|国家安全|政治安全|国防',
    lead: 'zfw',
    co: ['gafj', 'xfj'],
  },
  { id: 'policing', pattern: '治安|犯罪|诈骗|雪亮|公安|维稳|安保|禁毒|三圈两站', lead: 'gafj', co: ['zfw'] },
  { id: 'rule-of-law', pattern: '法治|依法行政|宪法|普法|行政决策|律师', lead: 'sfj' },
  {
    id: 'digital-government',
    pattern: '数字化改革|数字政府|整体智治|城市大脑|5G|信息网络|公共数据|智慧城区|数字治理',
    lead: 'sjzyj',
  },
];
