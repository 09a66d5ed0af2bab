/**
 * The seed plan's indicator table (表1 of shangcheng-14th-fyp.txt, lines 87-127) built by hand as
 * ingest produces it, so the engine's tests do not depend on the parser.
 */
import type { Baseline, Direction, Indicator, Measure, Plan, Target } from '../../src/model/plan.ts';

const Y0 = 2020;
const YT = 2025;

function base(value: number | null, extra: Partial<Baseline> = {}): Baseline {
  return { year: Y0, value, ...extra };
}

function level(value: number, extra: Partial<Target> = {}): Target {
  return { year: YT, kind: 'level', value, ...extra };
}

function cumulative(value: number): Target {
  return { year: YT, kind: 'cumulative', value };
}

function growth(rate: number): Target {
  return { year: YT, kind: 'growth', value: null, annualRate: rate };
}

function measure(
  unit: string,
  baseline: Baseline,
  target: Target,
  direction: Direction = 'up',
  name?: string,
): Measure {
  const m: Measure = { unit, direction, baseline, target };
  if (name !== undefined) m.name = name;
  return m;
}

function ind(
  code: string,
  category: string,
  name: string,
  unit: string,
  binding: boolean,
  measures: Measure[],
  cumulativeFlag = false,
): Indicator {
  return {
    code,
    category,
    name,
    unit,
    binding,
    cumulative: cumulativeFlag,
    measures,
    line: 88 + Number(code),
    cells: [],
  };
}

const REFORM = '改革引领';
const INDUSTRY = '高端产业';
const CULTURE = '宋韵文化';
const LIFE = '品质生活';
const GOVERN = '精细治理';
const EXTERNAL: Target = { year: YT, kind: 'external', value: null, text: '完成市下达目标' };

/** The 37 indicators of 表1. */
export const SEED_INDICATORS: Indicator[] = [
  ind('1', REFORM, '依申请政务服务办件“一网通办”率', '%', true, [measure('%', base(80), level(95))]),
  ind('2', REFORM, '民生事项在街道可办率', '%', true, [measure('%', base(70), level(85))]),
  ind(
    '3',
    REFORM,
    '国家级高新技术企业数量',
    '家',
    false,
    [measure('家', base(474, { cumulative: true }), cumulative(800))],
    true,
  ),
  ind(
    '4',
    REFORM,
    '有效发明专利拥有量',
    '件',
    false,
    [measure('件', base(3315, { cumulative: true }), cumulative(4945))],
    true,
  ),
  ind(
    '5',
    REFORM,
    '人才资源总量',
    '万人',
    false,
    [measure('万人', base(35.96, { cumulative: true }), cumulative(42))],
    true,
  ),
  ind('6', REFORM, '实际利用外资', '亿美元', false, [measure('亿美元', base(10.6), level(12))]),
  ind('7', REFORM, '货物贸易进出口总额', '亿元', false, [measure('亿元', base(552.88), level(640))]),
  ind('8', REFORM, '服务贸易进出口总额', '亿元', false, [measure('亿元', base(130.15), level(166))]),
  ind('9', REFORM, '研究与试验发展(R&D)经费支出', '亿元', false, [measure('亿元', base(15.97), level(25))]),
  ind('10', INDUSTRY, '地区生产总值(GDP)', '亿元', false, [measure('亿元', base(2218.6), level(3250))]),
  ind('11', INDUSTRY, '服务业增加值', '亿元', false, [measure('亿元', base(1666.9), level(2500))]),
  ind('12', INDUSTRY, '数字经济核心产业增加值', '%', false, [measure('%', base(null), growth(8))]),
  ind('13', INDUSTRY, '一般公共预算收入', '亿元,%', false, [measure('亿元', base(187.1), growth(5))]),
  ind(
    '14',
    INDUSTRY,
    '持牌金融机构省级以上总部',
    '家',
    false,
    [measure('家', base(110, { cumulative: true }), cumulative(130))],
    true,
  ),
  ind('15', INDUSTRY, '社会消费品零售总额', '亿元,%', false, [measure('亿元', base(877), growth(7.5))]),
  ind('16', INDUSTRY, '网络零售额增速', '%', false, [measure('%', base(null), growth(9.5))]),
  ind(
    '17',
    INDUSTRY,
    '税收超亿元楼宇',
    '幢',
    false,
    [measure('幢', base(37, { cumulative: true }), cumulative(80))],
    true,
  ),
  ind('18', CULTURE, '文化产业增加值增幅', '%', false, [measure('%', base(null), growth(6.5))]),
  ind(
    '19',
    CULTURE,
    '宋韵文化理论研究转化、理论传播',
    '项',
    false,
    [measure('项', base(null), cumulative(25))],
    true,
  ),
  ind('20', CULTURE, '宋韵文化节', '届', false, [measure('届', base(null), cumulative(5))], true),
  ind(
    '21',
    CULTURE,
    '区级及以上非遗代表项目;重点文化元素基因解码和转化',
    '个',
    false,
    [
      measure('个', base(163, { cumulative: true }), cumulative(190), 'up', '区级及以上非遗代表项目'),
      measure('个', base(0), cumulative(35), 'up', '重点文化元素基因解码和转化'),
    ],
    true,
  ),
  ind('22', CULTURE, '新时代文明实践中心、所、站及社区文化家园覆盖率(含宋韵文化体验点)', '%', false, [
    measure('%', base(null), level(100)),
  ]),
  ind('23', LIFE, '每千人拥有3岁以下婴幼儿托位数', '个', false, [measure('个', base(2.5), level(4.6))]),
  ind('24', LIFE, '居民人均可支配收入平均增速', '%', false, [
    measure('%', base(null), {
      year: YT,
      kind: 'relational',
      value: null,
      comparator: '>',
      relatesTo: '经济增长',
      text: '高于经济增长',
    }),
  ]),
  ind('25', LIFE, '每千人执业(助理)医师数(常住人口)', '人', false, [measure('人', base(5.58), level(5.98))]),
  ind('26', LIFE, '人均体育场地面积', 'm2', false, [measure('m2', base(1.5), level(2.6))]),
  ind('27', LIFE, '基本养老保险、医疗保险参保率', '%', false, [
    measure('%', base(99), { year: YT, kind: 'threshold', value: 99, comparator: '>' }),
  ]),
  ind('28', LIFE, '人均期望寿命', '岁', false, [measure('岁', base(86), level(86.55))]),
  ind('29', LIFE, '康养联合体数', '个', false, [measure('个', base(0), cumulative(10))], true),
  ind(
    '30',
    LIFE,
    '儿童青少年总体近视率降低',
    '百分点',
    true,
    [measure('百分点', base(null), cumulative(6))],
    true,
  ),
  ind('31', GOVERN, '单位GDP能耗(电耗)降低率', '%', true, [measure('%', base(null), EXTERNAL)]),
  ind('32', GOVERN, '城市空气质量优良天数比率', '%', true, [
    measure('%', base(null, { byArea: { 原上城: 86.6, 原江干: 87.4 } }), EXTERNAL),
  ]),
  ind('33', GOVERN, 'PM2.5平均浓度', '微克/立方米', true, [
    measure('微克/立方米', base(null, { byArea: { 原上城: 31.1, 原江干: 27.1 } }), EXTERNAL, 'down'),
  ]),
  ind('34', GOVERN, '市控以上断面达到或优于三类水体比率', '%', true, [
    measure('%', base(100), { year: YT, kind: 'threshold', value: 100, comparator: '>=' }),
  ]),
  ind('35', GOVERN, '城区绿化覆盖率', '%', true, [measure('%', base(39.2), level(40.5))]),
  ind('36', GOVERN, '亿元GDP生产安全事故死亡率', '人/亿元', true, [
    measure('人/亿元', base(0.0068), level(0.0035), 'down'),
  ]),
  ind('37', GOVERN, '主要食品评价性抽检合格率', '%', false, [measure('%', base(null), level(99))]),
];

/** A Plan holding the seed indicators, with nothing else (the engine reads only period and indicators). */
export function seedPlan(indicators: Indicator[] = SEED_INDICATORS): Plan {
  return {
    title: '杭州市上城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
    issuer: '杭州市上城区人民政府',
    issuedOn: '2022-03-02',
    period: { baseYear: Y0, startYear: 2021, endYear: YT, visionYear: 2035 },
    chapters: [],
    columns: [],
    indicators,
    commitments: [],
    findings: [],
    source: { sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8', lines: 0 },
  };
}

/** The seed indicator with a code. */
export function seedIndicator(code: string): Indicator {
  const found = SEED_INDICATORS.find((i) => i.code === code);
  if (!found) throw new Error(`no seed indicator ${code}`);
  return found;
}

/** A plan with a single indicator (for focused tests). */
export function planOf(...indicators: Indicator[]): Plan {
  return seedPlan(indicators);
}

/** A one-measure indicator built from a measure, for formula tests. */
export function single(code: string, m: Measure, extra: Partial<Indicator> = {}): Indicator {
  return { ...ind(code, 'test', `indicator ${code}`, m.unit, false, [m]), ...extra };
}

export { base, cumulative, growth, level, measure };
