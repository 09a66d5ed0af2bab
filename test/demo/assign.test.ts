/**
 * Demo assignments of the seed plan: every item gets exactly one lead unit of the directory, the
 * keyword table decides nearly all of them, and due dates and time nodes sit inside the period.
 */
import { describe, expect, test } from 'vitest';
import {
  type AssignmentRule,
  assignLeadUnits,
  type DemoAssignment,
  planItems,
  SHANGCHENG_RULES,
  shangchengDirectory,
} from '../../src/demo/index.ts';
import { seedPlan } from '../helpers.ts';

const plan = seedPlan();
const units = shangchengDirectory();
const codes = new Set(units.map((u) => u.code));
const assignments = assignLeadUnits(plan, units);
const byKey = new Map(assignments.map((a) => [a.itemKey, a]));

function at(key: string): DemoAssignment {
  const a = byKey.get(key);
  if (!a) throw new Error(`no assignment for ${key}`);
  return a;
}

/** The lead of the indicator whose name includes the words. */
function indicatorLead(words: string): DemoAssignment {
  const indicator = plan.indicators.find((i) => i.name.includes(words));
  if (!indicator) throw new Error(`no indicator ${words}`);
  return at(`ind:${indicator.code}`);
}

describe('assignLeadUnits on the seed plan', () => {
  test('every indicator, column item, task and commitment has exactly one assignment', () => {
    const items = planItems(plan);
    const count = (type: string): number => items.filter((i) => i.type === type).length;
    expect(count('indicator')).toBe(37);
    expect(count('column')).toBe(39);
    expect(count('task')).toBe(80);
    expect(count('commitment')).toBe(99);
    expect(assignments.map((a) => a.itemKey)).toEqual(items.map((i) => i.key));
    expect(new Set(assignments.map((a) => a.itemKey)).size).toBe(assignments.length);
  });

  test('keys follow the documented shapes', () => {
    expect(byKey.has('ind:10')).toBe(true);
    expect(byKey.has('col:6.7')).toBe(true);
    expect(byKey.has('task:3.1.1')).toBe(true);
    expect(byKey.has('com:231:48')).toBe(true);
    // Two promises are read from the same clause (line 238, offset 135): the second gets an ordinal.
    expect(byKey.has('com:238:135:2')).toBe(true);
  });

  test('leads and co-operating units exist in the directory; 0–3 co-units, never the lead', () => {
    for (const a of assignments) {
      expect(codes.has(a.leadUnitCode)).toBe(true);
      expect(a.coUnitCodes.length).toBeLessThanOrEqual(3);
      expect(new Set(a.coUnitCodes).size).toBe(a.coUnitCodes.length);
      expect(a.coUnitCodes).not.toContain(a.leadUnitCode);
      for (const c of a.coUnitCodes) expect(codes.has(c)).toBe(true);
    }
  });

  test('the table decides every item: none falls through to 发改局', () => {
    const fallen = assignments.filter((a) => a.rule === null);
    expect(fallen.map((a) => a.itemKey)).toEqual([]);
    expect(fallen).toHaveLength(0);
  });

  test('every unit a rule names is in the directory, and rule ids are unique', () => {
    for (const rule of SHANGCHENG_RULES) {
      expect(codes.has(rule.lead)).toBe(true);
      for (const c of rule.co ?? []) expect(codes.has(c)).toBe(true);
      expect(() => new RegExp(rule.pattern)).not.toThrow();
    }
    expect(new Set(SHANGCHENG_RULES.map((r) => r.id)).size).toBe(SHANGCHENG_RULES.length);
  });

  test('indicators go to the units that own them', () => {
    expect(indicatorLead('地区生产总值')).toMatchObject({ leadUnitCode: 'tjj', coUnitCodes: ['fgj'] });
    expect(indicatorLead('服务业增加值')).toMatchObject({ leadUnitCode: 'tjj', coUnitCodes: ['fgj'] });
    expect(indicatorLead('一般公共预算收入').leadUnitCode).toBe('czj');
    expect(indicatorLead('国家级高新技术企业').leadUnitCode).toBe('kjj');
    expect(indicatorLead('研究与试验发展').leadUnitCode).toBe('kjj');
    expect(indicatorLead('发明专利').leadUnitCode).toBe('scjgj');
    for (const words of ['实际利用外资', '货物贸易进出口', '社会消费品零售总额', '网络零售额']) {
      expect(indicatorLead(words).leadUnitCode).toBe('swj');
    }
    expect(indicatorLead('持牌金融机构').leadUnitCode).toBe('jrzx');
    expect(indicatorLead('托位').leadUnitCode).toBe('wjj');
    expect(indicatorLead('执业(助理)医师').leadUnitCode).toBe('wjj');
    expect(indicatorLead('人均期望寿命').leadUnitCode).toBe('wjj');
    expect(indicatorLead('参保率')).toMatchObject({ leadUnitCode: 'rsj', coUnitCodes: ['ybfj'] });
    expect(indicatorLead('空气质量').leadUnitCode).toBe('sthjfj');
    expect(indicatorLead('PM2.5').leadUnitCode).toBe('sthjfj');
    expect(indicatorLead('三类水体').leadUnitCode).toBe('sthjfj');
    expect(indicatorLead('能耗').leadUnitCode).toBe('fgj');
    expect(indicatorLead('绿化覆盖率').leadUnitCode).toBe('cgj');
    expect(indicatorLead('安全事故').leadUnitCode).toBe('yjglj');
    expect(indicatorLead('食品').leadUnitCode).toBe('scjgj');
    expect(indicatorLead('宋韵文化节').leadUnitCode).toBe('wltj');
    expect(indicatorLead('非遗').leadUnitCode).toBe('wltj');
    expect(indicatorLead('近视率').leadUnitCode).toBe('jyj');
  });

  test('tasks, projects and promises go to sensible units', () => {
    expect(at('col:6.7').leadUnitCode).toBe('zjj'); // 老旧小区改造
    expect(at('col:6.8').leadUnitCode).toBe('zjj'); // 保障性住房建设 (安置房)
    expect(at('col:6.2').leadUnitCode).toBe('cgj'); // 公园绿地
    expect(at('col:9.4').leadUnitCode).toBe('scjgj'); // 食品药品监管
    expect(at('col:1.6').leadUnitCode).toBe('wltj'); // 德寿宫遗址 / 南宋博物院
    expect(at('task:4.1.1').leadUnitCode).toBe('jrzx'); // 金融总部集聚地
    expect(at('task:8.1.2').leadUnitCode).toBe('jyj'); // 教育资源
    expect(at('com:231:48').leadUnitCode).toBe('jyj'); // 新建幼儿园34所
    expect(at('com:211:46').leadUnitCode).toBe('zjj'); // 交付安置房面积
    expect(at('com:252:275').leadUnitCode).toBe('yjglj'); // 因灾经济损失占GDP比重
  });

  test('a promise that restates an indicator follows the indicator', () => {
    const gdp = at('com:81:118');
    expect(gdp.rule).toBe('indicator:10');
    expect(gdp.leadUnitCode).toBe(at('ind:10').leadUnitCode);
  });

  test("a task named after a street's area is led by that street office, the department co-operating", () => {
    // 湖滨国际时尚消费核: 湖滨街道 leads, the commerce bureau the rules found co-operates.
    expect(at('task:2.2.2')).toMatchObject({ leadUnitCode: 'street-hubin', rule: 'street:street-hubin' });
    expect(at('task:2.2.2').coUnitCodes[0]).toBe('swj');
    // Named only in the text, a street co-operates.
    expect(at('task:6.3.3').leadUnitCode).not.toBe('street-hubin');
    expect(at('task:6.3.3').coUnitCodes).toContain('street-hubin');
  });

  test('street offices co-operate where the text names their area', () => {
    expect(at('col:3.1').coUnitCodes).toEqual(expect.arrayContaining(['street-nanxing', 'street-kaixuan']));
    expect(at('task:5.1.3').coUnitCodes).toContain('street-xiaoying'); // 小营·江南红巷
  });
});

describe('due dates and time nodes', () => {
  test('indicators are due at the end of the plan period, without time nodes', () => {
    for (const i of plan.indicators)
      expect(at(`ind:${i.code}`)).toMatchObject({ dueDate: '2025-12-31', milestones: [] });
  });

  test('commitments are due on 31 December of their year, or of the end year', () => {
    const keys = planItems(plan).filter((i) => i.type === 'commitment');
    for (const item of keys) expect(at(item.key).dueDate).toBe(`${item.year ?? 2025}-12-31`);
    expect(at('com:236:157').dueDate).toBe('2035-12-31'); // 居民健康素养 45% by 2035
  });

  test('column items and tasks get 2–3 ordered time nodes inside the period, the last on the due date', () => {
    for (const a of assignments.filter((x) => /^(col|task):/.test(x.itemKey))) {
      expect(a.milestones.length).toBeGreaterThanOrEqual(2);
      expect(a.milestones.length).toBeLessThanOrEqual(3);
      const dues = a.milestones.map((m) => m.due);
      expect([...dues].sort()).toEqual(dues);
      expect(dues[0]! >= '2021-01-01').toBe(true);
      expect(dues[dues.length - 1]).toBe(a.dueDate);
      for (const m of a.milestones) expect(m.title.length).toBeGreaterThan(0);
    }
  });

  test('a year named in the text brings the due date forward and becomes a time node', () => {
    // 德寿宫 "将于2022年建成并向公众开放参观".
    expect(at('col:1.6').dueDate).toBe('2022-12-31');
    expect(at('col:1.6').milestones.at(-1)).toEqual({
      title: '将于2022年建成并向公众开放参观',
      due: '2022-12-31',
    });
    // 亚运会 2022.
    expect(at('task:3.3.1').dueDate).toBe('2022-12-31');
    // 未来社区: 2022年底前…, 2023年底前初见成效, 2025年基本全面建成.
    expect(at('col:6.9').milestones.map((m) => m.due)).toEqual(['2022-12-31', '2023-12-31', '2025-12-31']);
    expect(at('col:6.9').milestones[1]!.title).toBe('2023年底前初见成效');
    // 到2025年,新建幼儿园34所: the node takes the words after the year.
    expect(at('task:8.1.2').milestones.at(-1)!.title).toBe('新建幼儿园34所');
  });

  test('otherwise the generic nodes: start-up, mid-term, completion', () => {
    expect(at('task:2.2.1').milestones).toEqual([
      { title: '制定实施方案、明确责任分工', due: '2021-06-30' },
      { title: '完成中期评估、推进过半', due: '2023-06-30' },
      { title: '全面完成目标任务', due: '2025-12-31' },
    ]);
  });
});

describe('the table is data', () => {
  test('another table, another result: what it does not cover falls to the default unit', () => {
    const rules: AssignmentRule[] = [{ id: 'gdp-only', pattern: '地区生产总值', lead: 'tjj' }];
    const result = assignLeadUnits(plan, units, { rules });
    expect(result.find((a) => a.itemKey === 'ind:10')).toMatchObject({
      leadUnitCode: 'tjj',
      rule: 'gdp-only',
    });
    expect(result.find((a) => a.itemKey === 'ind:13')).toMatchObject({ leadUnitCode: 'fgj', rule: null });
  });

  test('a rule whose unit is not in the directory is skipped, and a missing default unit is an error', () => {
    const small = units.filter((u) => u.code !== 'tjj');
    expect(assignLeadUnits(plan, small).find((a) => a.itemKey === 'ind:10')!.leadUnitCode).not.toBe('tjj');
    expect(() => assignLeadUnits(plan, units, { defaultUnitCode: 'nowhere' })).toThrow(RangeError);
  });

  test('the result is the same every time', () => {
    expect(assignLeadUnits(plan, shangchengDirectory())).toEqual(assignments);
  });
});
