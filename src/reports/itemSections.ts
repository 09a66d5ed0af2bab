/**
 * The parts of the report about everything but the indicator table: tasks, projects, actions and
 * commitments with their state; the plan's own contradictions found at ingest; the lagging items
 * and their lead units; the unit scorecard. Pure: snapshot in, document blocks out.
 */
import { LIGHT_LABELS, LIGHTS, type Light, statusLabel } from '../progress/index.ts';
import type { Block, Cell, Row, Run } from './document.ts';
import { cell } from './document.ts';
import {
  chineseDate,
  chineseNumber,
  chinesePunctuation,
  formatRate,
  formatShare,
  formatValue,
} from './format.ts';
import { statusCell } from './indicatorSections.ts';
import { scorecard } from './scorecard.ts';
import { type EvaluationSnapshot, itemLight, type SnapshotItem } from './snapshot.ts';

/** Numbering of tables and figures, shared by all sections. */
export interface Numbering {
  table: () => number;
  figure: () => number;
}

/** A unit's short name, or — for none. */
export type UnitName = (id: string | null) => string;

const KIND_NAMES: Readonly<Record<SnapshotItem['kind'], string>> = {
  indicator: '主要指标',
  task: '重大任务',
  project: '重大项目',
  action: '专栏行动',
  commitment: '承诺事项',
};

/** The short names the lagging list uses, so its type column stays narrow. */
const SHORT_KIND_NAMES: Readonly<Record<SnapshotItem['kind'], string>> = {
  indicator: '指标',
  task: '任务',
  project: '项目',
  action: '行动',
  commitment: '承诺',
};

const LIGHT_ORDER: Readonly<Record<Light, number>> = { red: 0, yellow: 1, grey: 2, green: 3 };

/** The progress of an item: 84% (with a * for sample data), or 未报送. */
function progressText(item: SnapshotItem): string {
  if (!item.progress) return '未报送';
  return `${formatValue(item.progress.percent)}%${item.progress.sample ? '*' : ''}`;
}

function progressCell(item: SnapshotItem): Cell {
  if (!item.progress) return cell('未报送', 'right');
  const runs: Run[] = [{ text: `${formatValue(item.progress.percent)}%` }];
  if (item.progress.sample) runs.push({ text: '*', sup: true });
  return { runs, align: 'right' };
}

/** A due date as a table prints it: 2025年底 for 31 December, else 2024年6月30日. */
function dueText(item: SnapshotItem): string {
  if (item.dueDate)
    return item.dueDate.endsWith('-12-31') ? `${item.dueDate.slice(0, 4)}年底` : chineseDate(item.dueDate);
  return item.commitment?.year ? `${item.commitment.year}年` : '规划期末';
}

function scheduleCell(snapshot: EvaluationSnapshot, item: SnapshotItem): Cell {
  const s = item.schedule;
  if (item.kind === 'commitment' && !item.progress && item.commitment?.indicatorCode) {
    const code = item.commitment.indicatorCode;
    const judged = snapshot.summary.items.find((i) => i.indicator === code);
    if (judged) {
      return {
        runs: [{ text: '●', color: judged.light }, { text: `见指标${code}` }],
        light: judged.light,
        align: 'center',
      };
    }
  }
  if (!s) return cell('—', 'center');
  const c = statusCell(s.status, s.light);
  if (s.overdue) c.runs.push({ text: '（逾期）' });
  else if (s.overdueMilestones.length > 0) c.runs.push({ text: '（节点逾期）' });
  return c;
}

/** 六、重大任务、重大项目和承诺事项推进情况. */
export function itemsSection(
  snapshot: EvaluationSnapshot,
  number: number,
  numbering: Numbering,
  unitName: UnitName,
): Block[] {
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: `${chineseNumber(number)}、重大任务、重大项目和承诺事项推进情况` },
  ];
  const kinds: SnapshotItem['kind'][] = ['project', 'action', 'task', 'commitment'];
  const summaryRows: Row[] = kinds.map((kind) => {
    const list = snapshot.items.filter((i) => i.kind === kind);
    const by: Record<Light, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
    for (const i of list) by[itemLight(snapshot, i)]++;
    const reported = list.filter((i) => i.progress).length;
    return {
      cells: [
        cell(KIND_NAMES[kind]),
        cell(String(list.length), 'center'),
        cell(String(reported), 'center'),
        ...LIGHTS.map((l) => cell(String(by[l]), 'center')),
      ],
    };
  });
  blocks.push({
    type: 'paragraph',
    runs: [
      {
        text:
          `按各事项完成时限倒排的时间进度，对照截至${snapshot.year}年底经审核的完成进度评估（方法见第一部分）。` +
          '灰灯表示尚未报送进度；与主要指标重复的承诺事项，以该指标的评价为准。',
      },
    ],
  });
  blocks.push({
    type: 'table',
    caption: `表${numbering.table()}　重大任务、重大项目和承诺事项推进情况汇总`,
    columns: [
      { title: '类型', width: 2.2 },
      { title: '事项数', width: 1.2, align: 'center' },
      { title: '已报进度', width: 1.4, align: 'center' },
      ...LIGHTS.map((l) => ({ title: LIGHT_LABELS[l].zh, width: 1.1, align: 'center' as const })),
    ],
    rows: summaryRows,
  });

  const sub = ['一', '二', '三', '四'];
  kinds.forEach((kind, k) => {
    const list = snapshot.items.filter((i) => i.kind === kind);
    if (list.length === 0) return;
    blocks.push({ type: 'heading', level: 2, text: `（${sub[k]}）${KIND_NAMES[kind]}` });
    const isCommitment = kind === 'commitment';
    const withInvestment =
      kind === 'project' && list.some((i) => i.progress?.investment !== null && i.progress);
    blocks.push({
      type: 'table',
      caption: `表${numbering.table()}　${KIND_NAMES[kind]}推进情况`,
      size: 'small',
      columns: [
        { title: '序号', width: 0.7, align: 'center' },
        { title: isCommitment ? '承诺事项' : '名称', width: 3.4 },
        isCommitment
          ? { title: '承诺目标', width: 1.6, align: 'center' }
          : { title: '所在位置', width: 1.5, align: 'center' },
        { title: '牵头单位', width: 2.1 },
        { title: '完成时限', width: 1.5, align: 'center' },
        { title: '完成\n进度', width: 1.25, align: 'right' },
        ...(withInvestment ? [{ title: '累计投资\n（亿元）', width: 1.25, align: 'right' as const }] : []),
        { title: '时间\n进度', width: 1, align: 'right' },
        { title: '状态', width: 2.2, align: 'center' },
      ],
      rows: list.map((item, i) => ({
        cells: [
          cell(String(i + 1), 'center'),
          cell(chinesePunctuation(item.title)),
          cell(isCommitment ? (item.commitment?.quantity ?? '') : item.place, 'center'),
          cell(unitName(item.leadUnitId)),
          cell(dueText(item), 'center'),
          progressCell(item),
          ...(withInvestment
            ? [cell(item.progress?.investment != null ? formatValue(item.progress.investment) : '—', 'right')]
            : []),
          cell(formatShare(item.schedule?.elapsed ?? null), 'right'),
          scheduleCell(snapshot, item),
        ],
      })),
      notes: snapshot.items.some((i) => i.kind === kind && i.progress?.sample)
        ? [[{ text: '注：带“*”的进度为示例数据。' }]]
        : [],
    });
  });
  return blocks;
}

const FINDING_KINDS: Readonly<Record<string, string>> = {
  contradiction: '前后表述不一致',
  unreachable_level: '增速与总量目标不衔接',
  unit_mismatch: '计量单位不一致',
};

/** 七、规划文本自查发现的问题: contradictions inside the plan that ingest found. */
export function findingsSection(snapshot: EvaluationSnapshot, number: number, numbering: Numbering): Block[] {
  // A finding about a commitment the planner rejected as no promise is not reported.
  const findings = snapshot.structure.findings.filter((f) => f.kind in FINDING_KINDS && !f.dismissed);
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: `${chineseNumber(number)}、规划文本自查发现的问题` },
  ];
  if (findings.length === 0) {
    blocks.push({
      type: 'paragraph',
      runs: [{ text: '规划导入时对文本中的目标和数字进行了交叉核对，未发现前后不一致之处。' }],
    });
    return blocks;
  }
  blocks.push({
    type: 'paragraph',
    runs: [
      {
        text:
          `规划导入时对文本中的目标和数字进行了交叉核对，发现以下${findings.length}处前后不一致，` +
          '建议在规划调整修订或下一轮规划编制时予以明确。',
      },
    ],
  });
  blocks.push({
    type: 'table',
    caption: `表${numbering.table()}　规划文本自查发现的问题`,
    columns: [
      { title: '序号', width: 0.7, align: 'center' },
      { title: '类型', width: 1.7 },
      { title: '发现的问题', width: 7.2 },
      { title: '位置', width: 2.4, align: 'center' },
    ],
    rows: findings.map((f, i) => ({
      cells: [
        cell(String(i + 1), 'center'),
        cell(FINDING_KINDS[f.kind] ?? f.kind),
        cell(chinesePunctuation(f.message)),
        cell(`第${[f.line, ...(f.relatedLines ?? [])].join('、')}行`, 'center'),
      ],
    })),
  });
  return blocks;
}

/** 八、滞后事项及牵头单位: every indicator and item on yellow or red, worst first. */
export function laggingSection(
  snapshot: EvaluationSnapshot,
  number: number,
  numbering: Numbering,
  unitName: UnitName,
): Block[] {
  const kindOrder: SnapshotItem['kind'][] = ['indicator', 'project', 'task', 'action', 'commitment'];
  const lagging = snapshot.items
    .map((item) => ({ item, light: itemLight(snapshot, item) }))
    .filter((x) => x.light === 'yellow' || x.light === 'red')
    .sort(
      (a, b) =>
        LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light] ||
        kindOrder.indexOf(a.item.kind) - kindOrder.indexOf(b.item.kind),
    );
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: `${chineseNumber(number)}、滞后事项及牵头单位` },
  ];
  const red = lagging.filter((x) => x.light === 'red').length;
  blocks.push({
    type: 'paragraph',
    runs: [
      {
        text:
          lagging.length === 0
            ? `截至${snapshot.year}年底，没有滞后的指标和事项。`
            : `截至${snapshot.year}年底，滞后的指标和事项共${lagging.length}项，其中严重滞后（红灯）${red}项、滞后（黄灯）${lagging.length - red}项，` +
              '请各牵头单位分析原因、制定措施，配合单位协同推进。',
      },
    ],
  });
  if (lagging.length === 0) return blocks;
  const assessmentOf = (code: string) => snapshot.assessments.filter((a) => a.indicator === code);
  blocks.push({
    type: 'table',
    caption: `表${numbering.table()}　滞后指标和事项清单`,
    size: 'small',
    columns: [
      { title: '序号', width: 0.7, align: 'center' },
      { title: '类型', width: 0.9, align: 'center' },
      { title: '指标或事项', width: 3.8 },
      { title: '完成情况', width: 2.7 },
      { title: '状态', width: 2.2, align: 'center' },
      { title: '牵头单位', width: 2.1 },
      { title: '配合单位', width: 2.6 },
    ],
    rows: lagging.map(({ item }, i) => {
      let progress: string;
      let status: Cell;
      if (item.kind === 'indicator') {
        const code = item.key.slice('ind:'.length);
        const judged = snapshot.summary.items.find((x) => x.indicator === code)!;
        const worst = assessmentOf(code).find((a) => a.status === judged.status) ?? assessmentOf(code)[0];
        progress = !worst
          ? '—'
          : worst.completion === null && worst.value !== null && worst.target !== null
            ? `${worst.year}年${formatValue(worst.value)}，目标${formatValue(worst.target)}`
            : `完成度${formatShare(worst.completion)}，序时进度${formatShare(worst.elapsed)}`;
        status = statusCell(judged.status, judged.light);
      } else {
        progress = `进度${progressText(item)}，时间进度${formatShare(item.schedule?.elapsed ?? null)}`;
        if (item.schedule?.overdueMilestones.length) {
          progress += `；逾期节点：${item.schedule.overdueMilestones.join('、')}`;
        }
        status = scheduleCell(snapshot, item);
      }
      const code = item.kind === 'indicator' ? `${item.key.slice('ind:'.length)}.` : '';
      return {
        cells: [
          cell(String(i + 1), 'center'),
          cell(SHORT_KIND_NAMES[item.kind], 'center'),
          cell(`${code}${chinesePunctuation(item.title)}`),
          cell(progress),
          status,
          cell(unitName(item.leadUnitId)),
          cell(item.coUnitIds.map((id) => unitName(id)).join('、') || '—'),
        ],
      };
    }),
  });
  return blocks;
}

/** 九、牵头单位监督考核: the scorecard. */
export function scorecardSection(
  snapshot: EvaluationSnapshot,
  number: number,
  numbering: Numbering,
): Block[] {
  const rows = scorecard(snapshot);
  const { rounds, obligations } = snapshot.reporting;
  const unknown = obligations.filter((o) => o.state === 'time_unknown').length;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: `${chineseNumber(number)}、牵头单位监督考核` }];
  blocks.push({
    type: 'paragraph',
    runs: [
      {
        text:
          rounds.length === 0
            ? '评估时尚无截止日期已过的填报轮次，报送情况不作统计。'
            : `纳入统计的填报轮次${rounds.length}个：${rounds
                .map((r) => `${r.title}（截止${chineseDate(r.deadline)}）`)
                .join('、')}。各牵头单位牵头事项的亮灯情况和报送情况如下。`,
      },
    ],
  });
  const totals = rows.reduce(
    (t, r) => ({
      owed: t.owed + r.owed,
      handedIn: t.handedIn + r.handedIn,
      onTime: t.onTime + r.onTime,
      late: t.late + r.late,
    }),
    { owed: 0, handedIn: 0, onTime: 0, late: 0 },
  );
  const tableRows: Row[] = rows.map((r, i) => ({
    cells: [
      cell(String(i + 1), 'center'),
      cell(r.unitName),
      cell(String(r.indicators + r.others), 'center'),
      ...LIGHTS.map((l) => cell(String(r.byLight[l]), 'center')),
      cell(String(r.owed), 'center'),
      cell(String(r.handedIn), 'center'),
      cell(formatRate(r.handedIn, r.owed), 'right'),
      cell(String(r.onTime), 'center'),
      cell(formatRate(r.onTime, r.onTime + r.late), 'right'),
    ],
  }));
  tableRows.push({
    total: true,
    cells: [
      cell(''),
      cell('合计'),
      cell(String(rows.reduce((n, r) => n + r.indicators + r.others, 0)), 'center'),
      ...LIGHTS.map((l) => cell(String(rows.reduce((n, r) => n + r.byLight[l], 0)), 'center')),
      cell(String(totals.owed), 'center'),
      cell(String(totals.handedIn), 'center'),
      cell(formatRate(totals.handedIn, totals.owed), 'right'),
      cell(String(totals.onTime), 'center'),
      cell(formatRate(totals.onTime, totals.onTime + totals.late), 'right'),
    ],
  });
  blocks.push({
    type: 'table',
    caption: `表${numbering.table()}　牵头单位监督考核情况`,
    size: 'small',
    columns: [
      { title: '序号', width: 0.7, align: 'center' },
      { title: '牵头单位', width: 3 },
      { title: '牵头\n事项', width: 1, align: 'center' },
      ...LIGHTS.map((l) => ({ title: LIGHT_LABELS[l].zh, width: 0.9, align: 'center' as const })),
      { title: '应报', width: 0.9, align: 'center' },
      { title: '已报', width: 0.9, align: 'center' },
      { title: '报送率', width: 1.2, align: 'right' },
      { title: '按时\n报送', width: 0.9, align: 'center' },
      { title: '及时率', width: 1.2, align: 'right' },
    ],
    rows: tableRows,
    notes: [
      [
        {
          text:
            '注：1.应报为截止日期已过的各填报轮次中，牵头事项应报送的分项数（已全部完成的任务项目、与主要指标重复的承诺事项不计）；' +
            '已报为已提交审核或已审核确认的分项数；报送率＝已报÷应报。',
        },
      ],
      [
        {
          text:
            `\u3000\u30002.及时率＝截止日期前（含当日，北京时间）首次提交的分项数÷有提交时间记录的分项数。` +
            (unknown > 0 ? `批量导入的数据没有提交时间记录，不计入及时率（本次共${unknown}项）。` : ''),
        },
      ],
    ],
  });
  return blocks;
}

/** The status words of an item's schedule, for the narrative draft. */
export function scheduleWords(item: SnapshotItem): string {
  return item.schedule ? statusLabel(item.schedule.status, 'zh-CN') : '—';
}
