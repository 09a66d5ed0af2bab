/**
 * The indicator parts of the report: the overall judgement with counts by light, the indicator
 * table (基期值, each year's approved value, 目标值, 完成度, 序时进度, 状态) grouped by category, and
 * one chart per measure. Pure: snapshot in, document blocks out.
 */
import type { Measure } from '../model/plan.ts';
import { type Assessment, LIGHT_LABELS, LIGHTS, type Light, statusLabel } from '../progress/index.ts';
import type { Block, Cell, ChartSpec, Column, Row, Run } from './document.ts';
import { cell } from './document.ts';
import { chineseNumber, chinesePunctuation, formatComputed, formatShare, formatValue } from './format.ts';
import { type EvaluationSnapshot, itemLight, type SnapshotValue } from './snapshot.ts';

/** The ● and words of a status, tinted with its light. */
export function statusCell(status: Assessment['status'], light: Light, early = false): Cell {
  return {
    runs: [{ text: '●', color: light }, { text: statusLabel(status, 'zh-CN', early) }],
    light,
    align: 'center',
  };
}

const CMP: Readonly<Record<string, string>> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', about: '约' };

/** The target as the table prints it (the one in force), with the number it was judged against. */
export function targetText(m: Measure, a: Assessment | undefined): string {
  const t = m.target;
  const cmp = t.comparator ? (CMP[t.comparator] ?? '') : '';
  switch (t.kind) {
    case 'level':
      return `${cmp}${formatValue(t.value)}`;
    case 'cumulative':
      return `[${formatValue(t.value)}]`;
    case 'growth': {
      const level = a?.target !== null && a?.target !== undefined && m.baseline.value !== null;
      return `年均增长${formatValue(t.annualRate ?? null)}%${level ? `（${formatComputed(a.target)}）` : ''}`;
    }
    case 'threshold':
      return `${cmp}${formatValue(t.value)}`;
    case 'external':
      return `${t.text ?? '完成上级下达目标'}${a?.target !== null && a?.target !== undefined ? `（${a.year}年${formatValue(a.target)}）` : ''}`;
    case 'relational':
      return `${t.text ?? '相对目标'}${a?.target !== null && a?.target !== undefined ? `（对照${formatComputed(a.target)}%）` : ''}`;
  }
}

/** The value reported for one year, as the table prints it, and whether it is sample data. */
function yearValue(
  values: readonly SnapshotValue[],
  m: Measure,
): { runs: Run[]; sample: boolean; kind: string } | null {
  const pick =
    values.find((v) => v.kind === 'level') ??
    values.find((v) => v.kind === 'increment') ??
    values.find((v) => v.kind === 'growth');
  if (!pick) return null;
  let text = formatValue(pick.value);
  if (pick.kind === 'increment') text = `+${text}`;
  else if (pick.kind === 'growth' && m.unit !== '%') text = `增长${text}%`;
  const runs: Run[] = [{ text }];
  if (pick.sample) runs.push({ text: '*', sup: true });
  return { runs, sample: pick.sample, kind: pick.kind };
}

/** The label of an assessment row: the measure's name for compound indicators, and the sub-area. */
export function rowLabel(name: string, m: Measure | undefined, a: { area?: string | null }): string {
  const base = chinesePunctuation(m?.name ?? name);
  return a.area ? `${base}（${a.area}）` : base;
}

/** Counts by light in words: 绿灯27项、黄灯7项、红灯2项、灰灯1项. */
export function lightWords(byLight: Record<Light, number>): string {
  return LIGHTS.map((l) => `${LIGHT_LABELS[l].zh}${byLight[l]}项`).join('、');
}

/** 二、总体评价: counts by light for indicators and items, by category, the chart, and escalations. */
export function overallSection(
  snapshot: EvaluationSnapshot,
  number: number,
  numbering: { table: () => number; figure: () => number },
  unitName: (id: string | null) => string,
): Block[] {
  const { summary, year } = snapshot;
  const s = summary.indicators;
  const binding = summary.items.filter((i) => i.binding);
  const bindingNotGreen = binding.filter((i) => i.light !== 'green');
  const items = snapshot.items.filter((i) => i.kind !== 'indicator');
  const itemsByLight: Record<Light, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
  for (const i of items) itemsByLight[itemLight(snapshot, i)]++;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: `${chineseNumber(number)}、总体评价` }];
  blocks.push({
    type: 'paragraph',
    runs: [
      {
        text:
          `截至${year}年底，规划确定的${s.total}项主要指标中，` +
          `绿灯${s.byLight.green}项（其中已实现${s.byStatus.achieved}项、快于预期${s.byStatus.ahead}项、基本符合预期${s.byStatus.on_track}项），` +
          `黄灯${s.byLight.yellow}项（滞后），红灯${s.byLight.red}项（严重滞后），灰灯${s.byLight.grey}项（无数据或无法评估）。` +
          `约束性指标${binding.length}项，` +
          (bindingNotGreen.length === 0
            ? '均亮绿灯。'
            : `其中${bindingNotGreen.length}项未亮绿灯，已列入督办。`),
      },
    ],
  });
  blocks.push({
    type: 'paragraph',
    runs: [
      {
        text:
          `重大任务、重大项目、专栏行动和承诺事项共${items.length}项，${lightWords(itemsByLight)}` +
          `（灰灯主要为尚无进度报送的事项）。`,
      },
    ],
  });

  const rows: Row[] = summary.categories.map((c) => ({
    cells: [
      cell(c.category || '（未分类）'),
      cell(String(c.total), 'center'),
      ...LIGHTS.map((l) => cell(String(c.byLight[l]), 'center')),
    ],
  }));
  rows.push({
    total: true,
    cells: [
      cell('合计'),
      cell(String(s.total), 'center'),
      ...LIGHTS.map((l) => cell(String(s.byLight[l]), 'center')),
    ],
  });
  blocks.push({
    type: 'table',
    caption: `表${numbering.table()}　主要指标分类别评价结果`,
    columns: [
      { title: '类别', width: 3 },
      { title: '指标数', width: 1.4, align: 'center' },
      ...LIGHTS.map((l) => ({ title: LIGHT_LABELS[l].zh, width: 1.4, align: 'center' as const })),
    ],
    rows,
  });
  const spec: ChartSpec = {
    kind: 'lights',
    groups: [
      ...summary.categories.map((c) => ({ name: c.category || '（未分类）', byLight: c.byLight })),
      { name: '全部指标', byLight: s.byLight },
    ],
  };
  blocks.push({
    type: 'charts',
    wide: true,
    charts: [{ id: 'overall', caption: `图${numbering.figure()}　主要指标亮灯情况（按类别）`, spec }],
  });

  if (bindingNotGreen.length > 0) {
    const leadOf = new Map(snapshot.items.map((i) => [i.key, i.leadUnitId]));
    blocks.push({
      type: 'table',
      caption: `表${numbering.table()}　未亮绿灯的约束性指标（督办）`,
      columns: [
        { title: '序号', width: 0.8, align: 'center' },
        { title: '指标', width: 5 },
        { title: '状态', width: 1.8, align: 'center' },
        { title: '牵头单位', width: 2.4 },
      ],
      rows: bindingNotGreen.map((i) => ({
        cells: [
          cell(i.indicator, 'center'),
          cell(chinesePunctuation(i.name)),
          statusCell(i.status, i.light),
          cell(unitName(leadOf.get(`ind:${i.indicator}`) ?? null)),
        ],
      })),
    });
  }
  return blocks;
}

/** 四、主要指标完成情况: the indicator table, grouped by category. */
export function indicatorTable(snapshot: EvaluationSnapshot, caption: string): Block {
  const { structure, year, assessments, values } = snapshot;
  const { baseYear, startYear, endYear } = structure.period;
  const years: number[] = [];
  for (let y = startYear; y <= year; y++) years.push(y);
  const revised = new Set(snapshot.revisedTargets.map((r) => `${r.indicatorCode}#${r.measure}`));
  const byRow = new Map<string, SnapshotValue[]>();
  for (const v of values) {
    if (v.period !== null || v.kind === 'target') continue;
    const key = `${v.indicator}#${v.measure}#${v.area ?? ''}#${v.year}`;
    const list = byRow.get(key) ?? [];
    list.push(v);
    byRow.set(key, list);
  }
  const columns: Column[] = [
    { title: '序号', width: 0.8, align: 'center' },
    { title: '指标', width: 4.6 },
    { title: '单位', width: 1.3, align: 'center' },
    { title: `基期值\n${baseYear}年`, width: 1.45, align: 'right' },
    ...years.map((y) => ({ title: `${y}年`, width: 1.45, align: 'right' as const })),
    { title: `目标值\n${endYear}年`, width: 2.2, align: 'right' },
    { title: '完成度', width: 1.3, align: 'right' },
    { title: '序时\n进度', width: 1.2, align: 'right' },
    { title: '状态', width: 2.4, align: 'center' },
  ];
  const rows: Row[] = [];
  let category: string | null = null;
  for (const indicator of structure.indicators) {
    if (indicator.category !== category) {
      category = indicator.category;
      rows.push({
        group: true,
        cells: [{ runs: [{ text: category || '（未分类）', bold: true }], span: columns.length }],
      });
    }
    const own = assessments.filter((a) => a.indicator === indicator.code);
    own.forEach((a, k) => {
      const m = indicator.measures[a.measure - 1];
      const name: Run[] = [
        { text: rowLabel(indicator.name, indicator.measures.length > 1 ? m : undefined, a) },
      ];
      if (k === 0 && indicator.binding) name.push({ text: '〔约束性〕', bold: true });
      const target: Run[] = [{ text: m ? targetText(m, a) : '—' }];
      if (revised.has(`${indicator.code}#${a.measure}`)) target.push({ text: '△', sup: true });
      rows.push({
        cells: [
          cell(k === 0 ? indicator.code : '', 'center'),
          { runs: name },
          cell(m?.unit ?? indicator.unit, 'center'),
          cell(formatValue(a.baseline), 'right'),
          ...years.map((y): Cell => {
            const v = m
              ? yearValue(byRow.get(`${a.indicator}#${a.measure}#${a.area ?? ''}#${y}`) ?? [], m)
              : null;
            return v ? { runs: v.runs, align: 'right' } : cell('—', 'right');
          }),
          { runs: target, align: 'right' },
          cell(formatShare(a.completion), 'right'),
          cell(formatShare(a.elapsed), 'right'),
          statusCell(a.status, a.light, a.status === 'achieved' && a.year < endYear),
        ],
      });
    });
  }
  const notes: Run[][] = [
    [{ text: '注：1.标注〔约束性〕的为约束性指标，其余为预期性指标；[ ]内为规划期累计数。' }],
    [
      {
        text: '\u3000\u30002.完成度、序时进度按“评估方法”计算；“—”表示无数据或无法计算；“增长x%”为当年增速，“+x”为当年新增量。',
      },
    ],
  ];
  if (values.some((v) => v.sample && v.year <= year)) {
    notes.push([{ text: `\u3000\u3000${notes.length + 1}.带“*”的数值为示例数据（非正式统计数据）。` }]);
  }
  for (const r of snapshot.revisedTargets) {
    const indicator = structure.indicators.find((i) => i.code === r.indicatorCode);
    const m = indicator?.measures[r.measure - 1];
    const before = m ? targetText({ ...m, target: r.original }, undefined) : '';
    const after = m ? targetText({ ...m, target: r.inForce }, undefined) : '';
    notes.push([
      {
        text:
          `\u3000\u3000${notes.length + 1}.带“△”的目标值已调整修订：指标${r.indicatorCode}${indicator ? `“${chinesePunctuation(indicator.name)}”` : ''}` +
          `目标由${before}调整为${after}，自${r.effectiveYear}年起执行（依据：${r.document}；理由：${r.reason}）。`,
      },
    ]);
  }
  return { type: 'table', caption, columns, rows, size: 'small', notes };
}

/** 五、主要指标走势: one chart per measure (and sub-area) that has data. */
export function indicatorCharts(snapshot: EvaluationSnapshot, figure: () => number): Block[] {
  const charts: Array<{ id: string; caption: string; spec: ChartSpec }> = [];
  for (const c of snapshot.charts) {
    if (!c.points.some((p) => p.actual !== null && p.year > snapshot.structure.period.baseYear)) continue;
    const indicator = snapshot.structure.indicators.find((i) => i.code === c.indicator);
    if (!indicator) continue;
    const m = indicator.measures[c.measure - 1];
    const unit = m?.unit ?? indicator.unit;
    const label = rowLabel(indicator.name, indicator.measures.length > 1 ? m : undefined, c);
    charts.push({
      id: `m-${c.indicator}-${c.measure}-${c.area ?? ''}`,
      caption: `图${figure()}　${c.indicator}.${label}（${unit}）`,
      spec: { kind: 'measure', chart: c, unit, year: snapshot.year },
    });
  }
  return [
    {
      type: 'paragraph',
      runs: [
        {
          text:
            '下图中，实线为各年经审核的实际值（累计目标为累计数，年均增速目标为基期以来的年均增速），' +
            '虚线为按序时进度应达到的目标路径，点线为按基期以来速度外推的期末预测；限值类、上级下达类目标以水平线表示。',
        },
      ],
      variant: 'note',
    },
    { type: 'charts', charts },
  ];
}
