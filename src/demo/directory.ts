/**
 * The org units of a demo installation: the directory of Shangcheng District (杭州市上城区) as its
 * plan needs it. Plain data for the lead to insert; nothing here reads a file or the clock.
 *
 * The tree: 区政府 (district government) holds its working departments, the directly affiliated
 * units (直属单位) and the 14 street offices; 区委 (party committee) holds its departments (组织部
 * for talent, 宣传部 for civilisation, 政法委 for public order); 区人大常委会 stands alone. Street
 * offices hang directly under 区政府, because a 街道办事处 is the district government's own agency
 * (派出机关): a synthetic "街道" group node would be a unit nobody works in and nobody reports for.
 * Units affiliated to one bureau (区疾控中心 under 区卫健局) hang under that bureau.
 */

/**
 * What an org unit is: bureau (区政府工作部门, including the city bureaus' district branches such
 * as 公安分局), department (区委工作部门 and 区政府办公室), affiliated (直属事业单位 and platform
 * management committees), street (街道办事处), leadership (区委, 区政府: viewers), oversight (区人大常委会,
 * 区审计局: auditors).
 */
export type DemoOrgUnitKind = 'bureau' | 'department' | 'affiliated' | 'street' | 'leadership' | 'oversight';

/** One org unit of the demo directory. */
export interface DemoOrgUnit {
  /** Stable ASCII slug, the key assignments and users refer to ('fgj', 'street-hubin'). */
  code: string;
  /** Full official-style name (杭州市上城区发展和改革局). */
  name: string;
  /** The name people use (区发改局). */
  shortName: string;
  kind: DemoOrgUnitKind;
  /** Code of the unit above it in the tree; null for a root. */
  parentCode: string | null;
}

const DISTRICT = '杭州市上城区';

/** The 14 street offices of Shangcheng (since the 2021 merger), in the district's own order. */
const STREETS: readonly (readonly [code: string, name: string])[] = [
  ['hubin', '湖滨'],
  ['qingbo', '清波'],
  ['xiaoying', '小营'],
  ['wangjiang', '望江'],
  ['nanxing', '南星'],
  ['ziyang', '紫阳'],
  ['kaixuan', '凯旋'],
  ['caihe', '采荷'],
  ['zhanongkou', '闸弄口'],
  ['sijiqing', '四季青'],
  ['pengbu', '彭埠'],
  ['jianqiao', '笕桥'],
  ['jiubao', '九堡'],
  ['dinglan', '丁兰'],
];

function unit(
  code: string,
  name: string,
  shortName: string,
  kind: DemoOrgUnitKind,
  parentCode: string | null,
): DemoOrgUnit {
  return { code, name, shortName, kind, parentCode };
}

/** The code of the planner's unit (区发展和改革局), which also takes whatever no rule assigns. */
export const PLANNER_UNIT_CODE = 'fgj';

/**
 * The demo directory of 杭州市上城区: leadership and oversight, the district departments the plan's
 * indicators, tasks and projects need, directly affiliated units, and the 14 street offices.
 * Roots come first and every parent precedes its children, so the list can be inserted in order.
 */
export function shangchengDirectory(): DemoOrgUnit[] {
  const gov = 'qzf';
  const party = 'qw';
  const units: DemoOrgUnit[] = [
    // Leadership (viewers) and oversight (auditors).
    unit(party, '中共杭州市上城区委员会', '区委', 'leadership', null),
    unit(gov, `${DISTRICT}人民政府`, '区政府', 'leadership', null),
    unit('rd', `${DISTRICT}人民代表大会常务委员会`, '区人大常委会', 'oversight', null),
    unit('sjj', `${DISTRICT}审计局`, '区审计局', 'oversight', gov),
    // Party committee departments.
    unit('zzb', '中共杭州市上城区委组织部', '区委组织部（人才办）', 'department', party),
    unit('xcb', '中共杭州市上城区委宣传部', '区委宣传部（文明办）', 'department', party),
    unit('zfw', '中共杭州市上城区委政法委员会', '区委政法委', 'department', party),
    // District government departments and the city bureaus' district branches.
    unit('qfb', `${DISTRICT}人民政府办公室`, '区府办', 'department', gov),
    unit(PLANNER_UNIT_CODE, `${DISTRICT}发展和改革局`, '区发改局', 'bureau', gov),
    unit('jxj', `${DISTRICT}经济和信息化局`, '区经信局', 'bureau', gov),
    unit('jyj', `${DISTRICT}教育局`, '区教育局', 'bureau', gov),
    unit('kjj', `${DISTRICT}科学技术局`, '区科技局', 'bureau', gov),
    unit('gafj', '杭州市公安局上城区分局', '上城公安分局', 'bureau', gov),
    unit('mzj', `${DISTRICT}民政局`, '区民政局', 'bureau', gov),
    unit('sfj', `${DISTRICT}司法局`, '区司法局', 'bureau', gov),
    unit('czj', `${DISTRICT}财政局`, '区财政局', 'bureau', gov),
    unit('rsj', `${DISTRICT}人力资源和社会保障局`, '区人力社保局', 'bureau', gov),
    unit('gzfj', '杭州市规划和自然资源局上城分局', '规划资源上城分局', 'bureau', gov),
    unit('sthjfj', '杭州市生态环境局上城分局', '生态环境上城分局', 'bureau', gov),
    unit('zjj', `${DISTRICT}住房和城乡建设局`, '区住建局', 'bureau', gov),
    unit('swj', `${DISTRICT}商务局`, '区商务局', 'bureau', gov),
    unit('wltj', `${DISTRICT}文化和广电旅游体育局`, '区文旅体局', 'bureau', gov),
    unit('wjj', `${DISTRICT}卫生健康局`, '区卫健局', 'bureau', gov),
    unit('yjglj', `${DISTRICT}应急管理局`, '区应急管理局', 'bureau', gov),
    unit('scjgj', `${DISTRICT}市场监督管理局`, '区市场监管局', 'bureau', gov),
    unit('tjj', `${DISTRICT}统计局`, '区统计局', 'bureau', gov),
    unit('ybfj', '杭州市医疗保障局上城分局', '医保上城分局', 'bureau', gov),
    unit('cgj', `${DISTRICT}城市管理局`, '区城管局', 'bureau', gov),
    unit('sjzyj', `${DISTRICT}数据资源管理局`, '区数据资源局', 'bureau', gov),
    unit('tcj', `${DISTRICT}投资促进局`, '区投促局', 'bureau', gov),
    unit('xfj', `${DISTRICT}信访局`, '区信访局', 'bureau', gov),
    // Directly affiliated units (直属单位) and platform management committees.
    unit('jrzx', `${DISTRICT}金融工作服务中心`, '区金融办', 'affiliated', gov),
    unit('jsfz', `${DISTRICT}建设发展中心`, '区建设发展中心', 'affiliated', gov),
    unit('ygsn', '杭州玉皇山南基金小镇管理委员会', '基金小镇管委会', 'affiliated', gov),
    unit('qtzhc', '杭州钱塘智慧城管理委员会', '钱塘智慧城管委会', 'affiliated', gov),
    unit('xzfw', `${DISTRICT}行政服务中心`, '区行政服务中心', 'affiliated', 'sjzyj'),
    unit('jkzx', `${DISTRICT}疾病预防控制中心`, '区疾控中心', 'affiliated', 'wjj'),
    unit('tyzx', `${DISTRICT}体育中心`, '区体育中心', 'affiliated', 'wltj'),
  ];
  for (const [code, name] of STREETS) {
    units.push(unit(`street-${code}`, `${DISTRICT}${name}街道办事处`, `${name}街道`, 'street', gov));
  }
  return units;
}
