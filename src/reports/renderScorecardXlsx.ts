/**
 * The unit scorecard (监督考核) as an Excel workbook, for the assessment office that scores units
 * in a spreadsheet: one row per lead unit (the same figures as the report's section), the values
 * each unit owed and did not hand in, or handed in late, and a sheet saying what the figures mean.
 */
import ExcelJS from 'exceljs';
import { chineseDate, chinesePunctuation } from './format.ts';
import { scorecard } from './scorecard.ts';
import { type EvaluationSnapshot, KIND_TITLES } from './snapshot.ts';

/** The header of the scorecard sheet, in column order. */
export const SCORECARD_COLUMNS = [
  '序号',
  '牵头单位',
  '单位全称',
  '牵头指标',
  '牵头任务项目',
  '绿灯',
  '黄灯',
  '红灯',
  '灰灯',
  '应报',
  '已报',
  '报送率',
  '按时报送',
  '逾期报送',
  '无报送时间',
  '未报',
  '及时率',
  '未亮绿灯事项',
] as const;

const STATE_WORDS = {
  missing: '未报送',
  late: '逾期报送',
  on_time: '按时报送',
  time_unknown: '已报送',
} as const;

/** The scorecard workbook (.xlsx bytes) of an evaluation; `title` names it in the notes sheet. */
export async function renderScorecardXlsx(
  snapshot: EvaluationSnapshot,
  meta: { title: string; createdAt: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const stamp = new Date(Date.parse(meta.createdAt));
  workbook.creator = snapshot.issuingBody || 'lantu';
  workbook.created = stamp;
  workbook.modified = stamp;
  workbook.title = `${meta.title}——牵头单位监督考核`;

  const titleOf = new Map(
    snapshot.items.map((i) => [i.key, i.kind === 'indicator' ? `${i.key.slice(4)}.${i.title}` : i.title]),
  );
  const rows = scorecard(snapshot);
  const sheet = workbook.addWorksheet('监督考核', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.addRow([...SCORECARD_COLUMNS]);
  rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      r.unitName,
      r.unitFullName,
      r.indicators,
      r.others,
      r.byLight.green,
      r.byLight.yellow,
      r.byLight.red,
      r.byLight.grey,
      r.owed,
      r.handedIn,
      r.completeness,
      r.onTime,
      r.late,
      r.timeUnknown,
      r.missing,
      r.timeliness,
      r.notGreen.map((k) => chinesePunctuation(titleOf.get(k) ?? k)).join('；'),
    ]);
  });
  const widths = [6, 18, 30, 9, 11, 7, 7, 7, 7, 7, 7, 9, 9, 9, 11, 7, 9, 80];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  for (const c of [12, 17]) sheet.getColumn(c).numFmt = '0.0%';
  styleHeader(sheet.getRow(1));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SCORECARD_COLUMNS.length } };

  const unitOf = new Map(snapshot.units.map((u) => [u.id, u.shortName]));
  const gaps = workbook.addWorksheet('未按时报送', { views: [{ state: 'frozen', ySplit: 1 }] });
  gaps.addRow(['牵头单位', '事项', '分项', '年度', '期间', '截止日期', '情况', '首次提交时间']);
  for (const o of snapshot.reporting.obligations) {
    if (o.state !== 'missing' && o.state !== 'late') continue;
    gaps.addRow([
      unitOf.get(o.unitId) ?? o.unitId,
      chinesePunctuation(titleOf.get(o.itemKey) ?? o.itemKey),
      o.measure,
      o.year,
      o.period ?? '全年',
      o.deadline,
      STATE_WORDS[o.state],
      o.handedInAt,
    ]);
  }
  [16, 60, 6, 8, 8, 12, 10, 24].forEach((w, i) => {
    gaps.getColumn(i + 1).width = w;
  });
  styleHeader(gaps.getRow(1));

  const notes = workbook.addWorksheet('说明');
  const { rounds, obligations } = snapshot.reporting;
  const lines: Array<[string, string]> = [
    ['报告', meta.title],
    ['规划', snapshot.plan.title],
    ['评估类型', KIND_TITLES[snapshot.kind]],
    ['数据截至', `${snapshot.year}年底`],
    ['生成日期', chineseDate(meta.createdAt)],
    ['生成单位', snapshot.issuingBody],
    ['纳入统计的填报轮次', rounds.map((r) => `${r.title}（截止${r.deadline}）`).join('；') || '无'],
    [
      '应报',
      '截止日期已过的各填报轮次中，牵头事项应报送的分项数（已全部完成的任务项目、与主要指标重复的承诺事项不计）',
    ],
    ['已报', '已提交审核或已审核确认的分项数；报送率＝已报÷应报'],
    [
      '及时率',
      `截止日期前（含当日，北京时间）首次提交的分项数÷有提交时间记录的分项数；批量导入的数据没有提交时间记录，不计入及时率（本次${obligations.filter((o) => o.state === 'time_unknown').length}项）`,
    ],
    [
      '亮灯',
      '牵头的主要指标按序时进度评估，任务、项目、行动和承诺事项按完成进度对照时间进度评估；灰灯为无数据或无法评估',
    ],
  ];
  if (snapshot.containsSampleData)
    lines.push(['注意', '本次评估使用的数据含示例数据（非正式统计数据），仅供演示和试用']);
  for (const line of lines) notes.addRow(line);
  notes.getColumn(1).width = 20;
  notes.getColumn(2).width = 100;
  notes.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  notes.getColumn(1).font = { bold: true };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    c.border = { bottom: { style: 'thin' } };
  });
}
