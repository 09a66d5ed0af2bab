/**
 * `lantu assess` end to end, in-process: the real seed plan (data/plans) through the real ingest,
 * observation files held in memory, output captured.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatNumber, runAssess } from '../../src/cli/assess.ts';
import { main } from '../../src/cli/main.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const files: Record<string, Uint8Array> = {
  'plan.txt': readFileSync(join(root, 'data/plans/shangcheng-14th-fyp.txt')),
  'published.csv': readFileSync(join(root, 'data/observations/shangcheng-published.csv')),
  'empty.txt': new Uint8Array(),
};

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function run(argv: string[], extra: Record<string, Uint8Array> = {}, isTty = false) {
  let stdout = '';
  let stderr = '';
  const all = { ...files, ...extra };
  const code = await runAssess(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readFile: async (path) => {
      const bytes = all[path];
      if (!bytes) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return bytes;
    },
    isTty,
  });
  return { code, stdout, stderr };
}

/** The table row of an indicator code in the text output. */
function tableRow(stdout: string, code: string): string {
  return stdout.split('\n').find((line) => line.startsWith(`${code} `)) ?? '';
}

describe('text output', () => {
  test('the published figures: table, roll-ups, escalations and the method', async () => {
    const { code, stdout, stderr } = await run(['plan.txt', '--data', 'published.csv']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('评估年份 assessment year 2024');
    const gdp = tableRow(stdout, '10');
    for (const cell of [
      '地区生产总值(GDP)',
      '亿元',
      '2218.6',
      '2803.5 (2024)',
      '3250',
      '0.613',
      '0.800',
      '● 滞后 (lagging)',
      '2972.4 ✗',
    ]) {
      expect(gdp).toContain(cell);
    }
    expect(tableRow(stdout, '15')).toContain('0.984');
    expect(tableRow(stdout, '15')).toContain('快于预期 (ahead)');
    expect(tableRow(stdout, '15')).toContain('1368.3 ✓');
    expect(tableRow(stdout, '13')).toContain('基本符合预期 (on track)');
    expect(tableRow(stdout, '12')).toContain('8/年');
    expect(tableRow(stdout, '36')).toContain('0.0068');
    expect(tableRow(stdout, '3')).toContain('[800]');
    expect(tableRow(stdout, '27')).toContain('>99');
    expect(tableRow(stdout, '34')).toContain('≥100');
    expect(tableRow(stdout, '21/2')).toContain('重点文化元素基因解码');
    expect(stdout).toContain('汇总 summary: 37 项指标 indicators');
    expect(stdout).toMatch(/绿灯 2 {2}● 黄灯 2 {2}● 红灯 0 {2}● 灰灯 33/);
    expect(stdout).toContain('约束性指标督办 binding escalations: 9');
    expect(stdout).toContain('快于预期 ahead c ≥ τ + 0.05');
    expect(stdout).toContain('评估方法');
    expect(stdout).toContain('Method (');
    expect(stdout).not.toContain('\u001b[');
  });
  test('--year 2022 judges the 2022 figures; a preliminary (预计) figure is starred', async () => {
    const { code, stdout } = await run(['plan.txt', '--data', 'published.csv', '--year', '2022']);
    expect(code).toBe(0);
    expect(tableRow(stdout, '10')).toContain('2525 (2022)*');
    expect(tableRow(stdout, '10')).toContain('基本符合预期 (on track)');
    expect(tableRow(stdout, '11')).toContain('滞后 (lagging)');
    expect(stdout).toContain('* 预计数 preliminary');
  });
  test('sub-area rows, year-to-date readings, external targets and early achievement', async () => {
    const csv = utf8(
      [
        'indicator,year,value,kind,area,period',
        '15,2024,1300,,,',
        '32,2022,87,target,,',
        '32,2022,88,,原上城,',
        '32,2022,86.5,,原江干,',
        '35,2024,40,,,Q2',
      ].join('\n'),
    );
    const { code, stdout } = await run(['plan.txt', '--data', 'data.csv', '--year', '2024'], {
      'data.csv': csv,
    });
    expect(code).toBe(0);
    // 1300 ≥ 1259.05 before 2025: achieved early.
    expect(tableRow(stdout, '15')).toContain('提前实现 (achieved early)');
    const areas = stdout.split('\n').filter((line) => line.startsWith('32 '));
    expect(areas).toHaveLength(2);
    expect(areas[0]).toContain('· 原上城');
    expect(areas[0]).toContain('已实现 (achieved)'); // a yearly target met is not "early"
    expect(areas[1]).toContain('· 原江干');
    expect(areas[1]).toContain('滞后 (lagging)');
    // Q2 2024: t = 2023.5, τ = 0.7; c = 0.8/1.3 = 0.615 ≥ 0.60 → on track.
    expect(tableRow(stdout, '35')).toContain('40 (2024Q2)');
    expect(tableRow(stdout, '35')).toContain('0.700');
    expect(tableRow(stdout, '35')).toContain('基本符合预期 (on track)');
  });
  test('colour on a terminal only', async () => {
    const { stdout } = await run(['plan.txt', '--data', 'published.csv'], {}, true);
    expect(stdout).toContain('\u001b[33m●'); // the yellow light of GDP
  });
  test('data in GB18030 with a full-width value and a 万元 unit', async () => {
    const gbk = new Uint8Array([
      ...utf8('indicator,year,value,unit\n10,2024,'),
      ...[0xa3, 0xb2, 0xa3, 0xb8, 0xa3, 0xb0, 0xa3, 0xb3, 0xa3, 0xb5, 0xa3, 0xb0, 0xa3, 0xb0, 0xa3, 0xb0], // ２８０３５０００
      0x2c,
      0xcd,
      0xf2,
      0xd4,
      0xaa, // 万元
      0x0a,
    ]);
    const { code, stdout, stderr } = await run(['plan.txt', '--data', 'gbk.csv'], { 'gbk.csv': gbk });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(tableRow(stdout, '10')).toContain('2803.5 (2024)');
  });
  test('numbers are printed at a sensible precision', () => {
    expect(formatNumber(2218.6)).toBe('2218.6');
    expect(formatNumber(552.88)).toBe('552.88');
    expect(formatNumber(1259.046919)).toBe('1259');
    expect(formatNumber(0.0068)).toBe('0.0068');
    expect(formatNumber(0.00001234)).toBe('0.000012');
    expect(formatNumber(null)).toBe('—');
  });
});

describe('--json', () => {
  test('{year, method, assessments, summary} with the fields of the issue', async () => {
    const { code, stdout } = await run(['plan.txt', '--data', 'published.csv', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['year', 'method', 'assessments', 'summary']);
    expect(result.year).toBe(2024);
    expect(result.method.thresholds).toMatchObject({
      aheadMargin: 0.05,
      onTrackMargin: 0.1,
      laggingMargin: 0.3,
    });
    const gdp = result.assessments.find((a: { indicator: string }) => a.indicator === '10');
    expect(gdp).toMatchObject({
      indicator: '10',
      measure: 1,
      year: 2024,
      value: 2803.5,
      baseline: 2218.6,
      target: 3250,
      path: 'geometric',
      elapsed: 0.8,
      status: 'lagging',
      light: 'yellow',
      willReach: false,
      openSdg: { status: 'moderate' },
    });
    expect(gdp.completion).toBeCloseTo(0.6129, 4);
    expect(gdp.expected).toBeCloseTo(3011.08, 2);
    expect(gdp.projected).toBeCloseTo(2972.39, 2);
    expect(gdp.openSdg.ratio).toBeCloseTo(0.7592, 4);
    expect(result.assessments).toHaveLength(38); // 37 indicators, no. 21 has two measures
    expect(result.summary.indicators.byLight).toEqual({ green: 2, yellow: 2, red: 0, grey: 33 });
    expect(stdout).not.toContain('NaN');
  });
});

describe('errors: one line each on stderr, exit 1, no stack trace', () => {
  test('a bad value names the file, line and column', async () => {
    const csv = utf8('indicator,year,value\n10,2022,2525\n11,2022,1860\n13,2022,abc\n');
    const { code, stdout, stderr } = await run(['plan.txt', '--data', 'data.csv'], { 'data.csv': csv });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('lantu: data.csv line 4, column value: "abc" is not a number\n');
  });
  test('a unit that does not convert', async () => {
    const csv = utf8('indicator,year,value,unit\n10,2022,2525,万人\n');
    const { code, stderr } = await run(['plan.txt', '--data', 'data.csv'], { 'data.csv': csv });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'lantu: data.csv line 2, column unit: 万人 cannot be converted to 亿元, the unit of indicator 10 (地区生产总值(GDP))\n',
    );
  });
  test('every bad row is listed, up to 20, then counted', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `10,${2000 + i},x`).join('\n');
    const { code, stderr } = await run(['plan.txt', '--data', 'data.csv'], {
      'data.csv': utf8(`indicator,year,value\n${rows}\n`),
    });
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('lantu: data.csv: 5 more bad rows');
  });
  test('a missing data file', async () => {
    const { code, stderr } = await run(['plan.txt', '--data', 'nope.csv']);
    expect(code).toBe(1);
    expect(stderr).toBe('lantu: nope.csv: no such file\n');
  });
  test('a plan that cannot be read', async () => {
    const { code, stderr } = await run(['empty.txt', '--data', 'published.csv']);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(2);
    expect(stderr).toMatch(/^lantu: empty.txt: /);
  });
  test('wrong arguments: usage, exit 2', async () => {
    for (const argv of [
      ['plan.txt'],
      ['--data', 'published.csv'],
      ['plan.txt', '--data', 'published.csv', '--year', '24'],
    ]) {
      const { code, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stderr).toContain('usage: lantu assess');
    }
  });
  test('--help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('usage: lantu assess');
  });
});

test('through the lantu command', async () => {
  let stdout = '';
  const code = await main(['assess', 'plan.txt', '--data', 'published.csv', '--json'], {
    stdout: (s) => {
      stdout += s;
    },
    stderr: () => {},
    readFile: async (path) => files[path]!,
    isTty: false,
  });
  expect(code).toBe(0);
  expect(JSON.parse(stdout).year).toBe(2024);
});
