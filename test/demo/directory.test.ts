/** The demo directory: Shangcheng's departments and its 14 street offices, as a well-formed tree. */
import { describe, expect, test } from 'vitest';
import { PLANNER_UNIT_CODE, shangchengDirectory } from '../../src/demo/index.ts';

const units = shangchengDirectory();
const byCode = new Map(units.map((u) => [u.code, u]));

describe('shangchengDirectory', () => {
  test('has the 14 street offices under 区政府, with their full names', () => {
    const streets = units.filter((u) => u.kind === 'street');
    expect(streets.map((s) => s.shortName)).toEqual(
      [
        '湖滨',
        '清波',
        '小营',
        '望江',
        '南星',
        '紫阳',
        '凯旋',
        '采荷',
        '闸弄口',
        '四季青',
        '彭埠',
        '笕桥',
        '九堡',
        '丁兰',
      ].map((n) => `${n}街道`),
    );
    expect(byCode.get('street-hubin')).toEqual({
      code: 'street-hubin',
      name: '杭州市上城区湖滨街道办事处',
      shortName: '湖滨街道',
      kind: 'street',
      parentCode: 'qzf',
    });
    for (const s of streets) expect(s.parentCode).toBe('qzf');
  });

  test('has the departments the plan needs, under their real-style full names', () => {
    const names = units.map((u) => u.name);
    for (const name of [
      '杭州市上城区发展和改革局',
      '杭州市上城区统计局',
      '杭州市上城区科学技术局',
      '杭州市上城区商务局',
      '杭州市上城区财政局',
      '杭州市上城区教育局',
      '杭州市上城区卫生健康局',
      '杭州市上城区城市管理局',
      '杭州市生态环境局上城分局',
      '杭州市上城区应急管理局',
      '杭州市上城区市场监督管理局',
      '杭州市上城区人力资源和社会保障局',
      '杭州市上城区文化和广电旅游体育局',
      '杭州市上城区住房和城乡建设局',
      '杭州市上城区民政局',
      '杭州市上城区金融工作服务中心',
      '杭州市上城区数据资源管理局',
      '杭州市上城区司法局',
      '杭州市公安局上城区分局',
      '杭州市医疗保障局上城分局',
      '杭州市上城区建设发展中心',
      '杭州市上城区人民政府',
      '杭州市上城区人民代表大会常务委员会',
      '杭州市上城区审计局',
    ]) {
      expect(names).toContain(name);
    }
    expect(byCode.get(PLANNER_UNIT_CODE)?.shortName).toBe('区发改局');
  });

  test('leadership and oversight are there for viewers and auditors', () => {
    expect(byCode.get('qzf')?.kind).toBe('leadership');
    expect(byCode.get('rd')?.kind).toBe('oversight');
    expect(byCode.get('sjj')?.kind).toBe('oversight');
  });

  test('codes are unique ASCII slugs and every parent exists before its children', () => {
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    const seen = new Set<string>();
    for (const u of units) {
      expect(u.code).toMatch(/^[a-z][a-z0-9-]*$/);
      if (u.parentCode !== null) expect(seen.has(u.parentCode)).toBe(true);
      seen.add(u.code);
    }
    expect(units.filter((u) => u.parentCode === null).map((u) => u.code)).toEqual(['qw', 'qzf', 'rd']);
  });

  test('affiliated units hang under the government or their bureau', () => {
    expect(byCode.get('jkzx')?.parentCode).toBe('wjj');
    expect(byCode.get('jrzx')).toMatchObject({ kind: 'affiliated', parentCode: 'qzf' });
  });
});
