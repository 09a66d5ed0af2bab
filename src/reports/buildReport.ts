/**
 * The evaluation report as a document tree (document.ts), from an evaluation's frozen snapshot and
 * its narrative: the cover, the method, the overall judgement, the narrative sections (a marked
 * blank where the planner wrote nothing), the indicator table and charts, tasks and projects, the
 * plan's own contradictions, lagging items, the unit scorecard. Pure and deterministic: the same
 * snapshot and narrative give the same document, byte for byte.
 */
import { LIGHT_LABELS, LIGHTS } from '../progress/index.ts';
import type { Block, ReportDocument, Section } from './document.ts';
import { chineseDate, chineseNumber, chinesePunctuation } from './format.ts';
import { indicatorCharts, indicatorTable, overallSection } from './indicatorSections.ts';
import {
  findingsSection,
  itemsSection,
  laggingSection,
  type Numbering,
  scorecardSection,
} from './itemSections.ts';
import { defaultTitle, type EvaluationSnapshot, KIND_TITLES } from './snapshot.ts';

/** What of the evaluation record the report prints besides its snapshot. */
export interface ReportMeta {
  title: string;
  /** When the evaluation was made (ISO): the report's date. */
  createdAt: string;
  narrative: { achievements: string; problems: string; nextSteps: string };
}

/** What belongs in each narrative blank. */
export const NARRATIVE_HINTS = {
  achievements: '请概述规划实施以来取得的主要成效，可引用上文主要指标、重大项目的完成情况和典型案例。',
  problems: '请分析滞后指标和事项（见“滞后事项及牵头单位”）的原因，以及规划文本自查发现的问题。',
  nextSteps: '请针对存在问题提出下一阶段的工作举措，明确牵头单位和时间节点；需要调整修订目标的，请一并提出。',
} as const;

/** Builds the report of an evaluation. */
export function buildReport(snapshot: EvaluationSnapshot, meta: ReportMeta): ReportDocument {
  let tables = 0;
  let figures = 0;
  const numbering: Numbering = { table: () => ++tables, figure: () => ++figures };
  const units = new Map(snapshot.units.map((u) => [u.id, u.shortName]));
  const unitName = (id: string | null): string => (id ? (units.get(id) ?? '—') : '—');
  let n = 0;
  const next = (): number => ++n;

  const intro: Block[] = [
    ...methodSection(snapshot, next(), numbering),
    ...overallSection(snapshot, next(), numbering, unitName),
    narrative(next(), '主要成效', meta.narrative.achievements, NARRATIVE_HINTS.achievements),
  ];
  const tableNumber = next();
  const indicators: Block[] = [
    { type: 'heading', level: 1, text: `${chineseNumber(tableNumber)}、主要指标完成情况` },
    indicatorTable(snapshot, `表${numbering.table()}　主要指标完成情况（截至${snapshot.year}年）`),
  ];
  const charts: Block[] = [
    { type: 'heading', level: 1, text: `${chineseNumber(next())}、主要指标走势` },
    ...indicatorCharts(snapshot, numbering.figure),
  ];
  const rest: Block[] = [
    ...itemsSection(snapshot, next(), numbering, unitName),
    ...findingsSection(snapshot, next(), numbering),
    ...laggingSection(snapshot, next(), numbering, unitName),
    ...scorecardSection(snapshot, next(), numbering),
    narrative(next(), '存在问题', meta.narrative.problems, NARRATIVE_HINTS.problems),
    narrative(next(), '下步举措', meta.narrative.nextSteps, NARRATIVE_HINTS.nextSteps),
  ];
  const sections: Section[] = [
    { orientation: 'portrait', blocks: intro },
    { orientation: 'landscape', blocks: indicators },
    { orientation: 'portrait', blocks: [...charts, ...rest] },
  ];

  const { startYear } = snapshot.plan.period;
  const valuesUsed = snapshot.values.length;
  const sampleValues = snapshot.values.filter((v) => v.sample).length;
  const sampleProgress = snapshot.items.filter((i) => i.progress?.sample).length;
  return {
    title: meta.title,
    cover: {
      // A title of the planner's own stands alone; the default one is set as plan title + kind.
      planTitle:
        meta.title === defaultTitle(snapshot.plan.title, snapshot.kind)
          ? `《${snapshot.plan.title}》`
          : meta.title,
      kindLine:
        meta.title === defaultTitle(snapshot.plan.title, snapshot.kind)
          ? `实施情况${KIND_TITLES[snapshot.kind]}`
          : '',
      periodLine: `（评估期：${startYear}—${snapshot.year}年）`,
      issuer: snapshot.issuingBody,
      date: chineseDate(meta.createdAt),
      sampleNote: snapshot.containsSampleData
        ? `说明：本报告使用的${valuesUsed}个指标年度数值中有${sampleValues}个为示例数据，` +
          `${sampleProgress}项任务、项目的进度为示例数据（非正式统计数据，表中以“*”标注），` +
          '仅供演示和试用，不得作为正式评估结论引用。'
        : null,
    },
    sections,
  };
}

function narrative(number: number, title: string, text: string, hint: string): Block {
  return { type: 'narrative', title: `${chineseNumber(number)}、${title}`, text, hint };
}

/** 一、评估方法: the rules and thresholds the assessment used, from the method it stored. */
function methodSection(snapshot: EvaluationSnapshot, number: number, numbering: Numbering): Block[] {
  const { method, structure, year } = snapshot;
  const t = method.thresholds;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: `${chineseNumber(number)}、评估方法` }];
  blocks.push({
    type: 'paragraph',
    runs: [
      {
        text:
          `本报告依据《${structure.title}》确定的${structure.indicators.length}项主要指标和重大任务、重大项目、承诺事项，` +
          `以经审核确认的数据为准（截至${year}年，规划目标经调整修订的按调整后的目标），按序时进度方法评估规划实施情况。` +
          `评估方法为“${method.name}”第${method.version}版，完成度、序时进度先取${t.decimals}位小数再比较，规则如下。`,
      },
    ],
  });
  method.rules.forEach((rule, i) => {
    blocks.push({ type: 'paragraph', runs: [{ text: `${i + 1}.${chinesePunctuation(rule.zh)}` }] });
  });
  blocks.push({
    type: 'paragraph',
    runs: [
      {
        text:
          `${method.rules.length + 1}.重大任务、重大项目和承诺事项：以完成进度对照自规划期初至完成时限的时间进度，阈值同上；` +
          '完成时限已过而未完成，或登记的时间节点逾期未完成的，为严重滞后；节点完成情况未登记的，不作逾期判断；未报送进度的为无数据。',
      },
    ],
  });
  blocks.push({
    type: 'table',
    caption: `表${numbering.table()}　评估状态与亮灯规则`,
    columns: [
      { title: '状态', width: 2.2, align: 'center' },
      { title: '灯色', width: 1.2, align: 'center' },
      { title: '判定规则（c 为完成度，τ 为序时进度）', width: 7 },
    ],
    rows: method.statuses.map((s) => ({
      cells: [
        { runs: [{ text: '●', color: s.light }, { text: s.zh }], align: 'center', light: s.light },
        { runs: [{ text: LIGHT_LABELS[s.light].zh }], align: 'center' },
        { runs: [{ text: statusRule(s.status, t) }] },
      ],
    })),
    notes: [
      [
        {
          text: `注：亮灯为${LIGHTS.map((l) => LIGHT_LABELS[l].zh).join('、')}四种；多分项指标取最差分项的灯色。`,
        },
      ],
    ],
  });
  return blocks;
}

function statusRule(
  status: EvaluationSnapshot['method']['statuses'][number]['status'],
  t: EvaluationSnapshot['method']['thresholds'],
): string {
  switch (status) {
    case 'achieved':
      return '达到目标（按指标方向；限值、上级下达和相对目标以最近一期为准），目标年以前达到的为提前实现';
    case 'ahead':
      return `c ≥ τ + ${t.aheadMargin}`;
    case 'on_track':
      return `τ − ${t.onTrackMargin} ≤ c < τ + ${t.aheadMargin}`;
    case 'lagging':
      return `τ − ${t.laggingMargin} ≤ c < τ − ${t.onTrackMargin}；限值、上级下达和相对目标最近一期未达到`;
    case 'off_track':
      return `c < τ − ${t.laggingMargin}，或 c < 0（背离目标）`;
    case 'no_data':
      return '评估期内无经审核的数据';
    case 'not_assessable':
      return '无基期值或目标值可比（如上级下达目标尚未录入）';
  }
}
