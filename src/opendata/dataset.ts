/**
 * Open data of a published plan (依法公开规划实施信息): its indicators, its approved values and its
 * assessments, as CSV (UTF-8 with a BOM), JSON and XLSX, with a data dictionary describing every
 * column in Chinese and English. The values' CSV follows the Open SDG layout (opensdg.ts) so that
 * SDG tooling reads it; JSON and XLSX carry each value's source and whether it is sample data.
 * Nothing here names a person: only figures, units and where they come from.
 *
 * Pure: the published data in, file contents out; the routes and `lantu export-site` serve them.
 */
import type { Plan } from '../model/plan.ts';
import { type Assessment, type MethodDescription, STATUS_LABELS, type Summary } from '../progress/index.ts';
import { type CsvValue, toCsv } from './csv.ts';
import {
  kindRank,
  OPEN_SDG_COLUMNS,
  OPEN_SDG_COMBINED_COLUMNS,
  openSdgFileName,
  openSdgRows,
  type PublishedValue,
  seriesName,
  valueUnit,
} from './opensdg.ts';
import { tableToXlsx, type XlsxColumn, type XlsxValue } from './xlsx.ts';

/** A published plan as open data describes it. */
export interface PublicPlanInfo {
  id: string;
  title: string;
  regionCode: string;
  issuer: string | null;
  issuedOn: string | null;
  period: { baseYear: number; startYear: number; endYear: number; visionYear: number | null };
}

/** Everything the open data of a plan is made from. */
export interface PublicData {
  plan: PublicPlanInfo;
  structure: Plan;
  /** Approved values only. */
  values: PublishedValue[];
  /** The plan's assessment for each year from its start year to the latest year with data. */
  assessments: { year: number; assessments: Assessment[]; summary: Summary }[];
  method: MethodDescription;
}

/** The column type a data dictionary names. */
export type DataType = 'string' | 'integer' | 'number' | 'boolean';

/** A column of an open data table: its key (CSV header, JSON field), type and meaning in both languages. */
export interface DataColumn {
  key: string;
  type: DataType;
  zh: string;
  en: string;
}

/** The datasets and their columns: the single source of headers, JSON fields and the dictionary. */
export const DATASETS = {
  indicators: {
    zh: '主要指标',
    en: 'Headline indicators',
    columns: [
      {
        key: 'code',
        type: 'string',
        zh: '指标序号(规划指标表中的序号)',
        en: 'Indicator code, as numbered in the plan’s table',
      },
      { key: 'category', type: 'string', zh: '指标类别', en: 'Category of the indicator' },
      { key: 'name', type: 'string', zh: '指标名称', en: 'Name of the indicator' },
      { key: 'unit', type: 'string', zh: '计量单位(规划原文)', en: 'Unit, as printed in the plan' },
      {
        key: 'binding',
        type: 'boolean',
        zh: '是否约束性指标(否为预期性)',
        en: 'Binding (约束性); false: expected (预期性)',
      },
      {
        key: 'measure',
        type: 'integer',
        zh: '分项序号(一个指标可有多个分项)',
        en: 'Measure number (an indicator may have several)',
      },
      {
        key: 'series',
        type: 'string',
        zh: '分项名称(多分项指标)',
        en: 'Name of the measure, for indicators with several',
      },
      { key: 'measure_unit', type: 'string', zh: '分项的计量单位', en: 'Unit of the measure' },
      {
        key: 'direction',
        type: 'string',
        zh: '向好方向:up 越大越好,down 越小越好',
        en: 'Which way is better: up or down',
      },
      { key: 'baseline_year', type: 'integer', zh: '基期年份', en: 'Baseline year' },
      { key: 'baseline_value', type: 'number', zh: '基期值', en: 'Baseline value' },
      {
        key: 'baseline_by_area',
        type: 'string',
        zh: '分片区基期值(片区=数值;…)',
        en: 'Baseline per sub-area (area=value; …)',
      },
      { key: 'target_year', type: 'integer', zh: '目标年份', en: 'Target year' },
      {
        key: 'target_kind',
        type: 'string',
        zh: '目标类型:level 期末值,growth 年均增速,cumulative 累计数,threshold 底线值,external 上级下达,relational 相对目标',
        en: 'Kind of target: level, growth (average annual), cumulative, threshold, external (set by the level above), relational',
      },
      { key: 'target_value', type: 'number', zh: '目标值', en: 'Target value' },
      {
        key: 'target_comparator',
        type: 'string',
        zh: '目标比较符(>=、<= 等)',
        en: 'Comparator of the target (>=, <= …)',
      },
      {
        key: 'target_annual_rate',
        type: 'number',
        zh: '年均增速目标(%)',
        en: 'Average annual growth target, %',
      },
      {
        key: 'target_text',
        type: 'string',
        zh: '目标原文(文字表述的目标)',
        en: 'The target in words, when it is words',
      },
    ],
  },
  observations: {
    zh: '实际值(已审定)',
    en: 'Approved values',
    columns: [
      { key: 'indicator', type: 'string', zh: '指标序号', en: 'Indicator code' },
      { key: 'indicator_name', type: 'string', zh: '指标名称', en: 'Name of the indicator' },
      { key: 'measure', type: 'integer', zh: '分项序号', en: 'Measure number' },
      {
        key: 'series',
        type: 'string',
        zh: '分项名称(多分项指标)',
        en: 'Name of the measure, for indicators with several',
      },
      { key: 'year', type: 'integer', zh: '年份', en: 'Year' },
      {
        key: 'period',
        type: 'string',
        zh: '期间:Q1–Q4 季度、M01–M12 月份(年初至今),空为全年',
        en: 'Period: Q1–Q4, M01–M12 (year to date); empty for the year',
      },
      {
        key: 'area',
        type: 'string',
        zh: '片区或街道,空为全区',
        en: 'Sub-area or street; empty for the whole plan area',
      },
      {
        key: 'kind',
        type: 'string',
        zh: '数据类型:level 数值(累计目标为累计数),growth 同比增速(%),increment 当年增量,target 上级下达的年度目标',
        en: 'Kind: level (the running total for cumulative targets), growth (year-on-year, %), increment, target (set by the level above)',
      },
      { key: 'value', type: 'number', zh: '数值(以 unit 计)', en: 'The value, in unit' },
      { key: 'unit', type: 'string', zh: '计量单位', en: 'Unit' },
      { key: 'source', type: 'string', zh: '数据来源', en: 'Where the figure comes from' },
      {
        key: 'sample',
        type: 'boolean',
        zh: '是否示例数据(非公开发布的数据)',
        en: 'Sample data, not a published figure',
      },
    ],
  },
  opensdg: {
    zh: '实际值(Open SDG 格式 CSV)',
    en: 'Approved values, Open SDG layout (CSV)',
    columns: [
      { key: 'Year', type: 'integer', zh: '年份(Open SDG:首列)', en: 'Year (Open SDG: the first column)' },
      {
        key: 'Indicator',
        type: 'string',
        zh: '指标序号(仅汇总文件 observations.csv)',
        en: 'Indicator code (only in the combined file, observations.csv)',
      },
      {
        key: 'Units',
        type: 'string',
        zh: '计量单位(Open SDG 特殊列)',
        en: 'Unit (an Open SDG special column)',
      },
      {
        key: 'Series',
        type: 'string',
        zh: '分项名称(Open SDG 特殊列;单分项指标为空)',
        en: 'Measure name (an Open SDG special column; empty for one-measure indicators)',
      },
      {
        key: 'Area',
        type: 'string',
        zh: '片区或街道(分组列;空为全区)',
        en: 'Sub-area or street (a disaggregation; empty for the whole area)',
      },
      {
        key: 'Period',
        type: 'string',
        zh: '季度或月份(分组列;空为全年)',
        en: 'Quarter or month (a disaggregation; empty for the year)',
      },
      {
        key: 'Kind',
        type: 'string',
        zh: '数据类型(分组列;空为数值本身 level)',
        en: 'Kind of value (a disaggregation; empty for the level itself)',
      },
      {
        key: 'Value',
        type: 'number',
        zh: '数值(Open SDG:末列)',
        en: 'The value (Open SDG: the last column)',
      },
    ],
  },
  assessments: {
    zh: '序时进度评估',
    en: 'Assessments against the target path',
    columns: [
      { key: 'assessed_year', type: 'integer', zh: '评估年份', en: 'Year assessed' },
      { key: 'indicator', type: 'string', zh: '指标序号', en: 'Indicator code' },
      { key: 'indicator_name', type: 'string', zh: '指标名称', en: 'Name of the indicator' },
      { key: 'measure', type: 'integer', zh: '分项序号', en: 'Measure number' },
      { key: 'area', type: 'string', zh: '片区,空为全区', en: 'Sub-area; empty for the whole plan area' },
      { key: 'value_year', type: 'integer', zh: '所评数值的年份', en: 'Year of the value judged' },
      {
        key: 'period',
        type: 'string',
        zh: '所评数值的期间,空为全年',
        en: 'Period of the value judged; empty for the year',
      },
      { key: 'value', type: 'number', zh: '实际值 A', en: 'Value judged, A' },
      { key: 'baseline', type: 'number', zh: '基期值 B', en: 'Baseline, B' },
      { key: 'target', type: 'number', zh: '目标值 T', en: 'Target, T' },
      {
        key: 'path',
        type: 'string',
        zh: '目标路径:linear 线性,geometric 等比',
        en: 'Target path: linear or geometric',
      },
      { key: 'expected', type: 'number', zh: '序时进度应达值 E', en: 'Expected value on the target path, E' },
      {
        key: 'completion',
        type: 'number',
        zh: '完成度 c(1 为完成目标)',
        en: 'Completion c (1: target reached)',
      },
      {
        key: 'elapsed',
        type: 'number',
        zh: '时间进度 τ(规划期已过比例)',
        en: 'Share of the plan period elapsed, τ',
      },
      { key: 'status', type: 'string', zh: '评估结论(英文代码)', en: 'Status code' },
      { key: 'status_zh', type: 'string', zh: '评估结论', en: 'Status in Chinese' },
      { key: 'light', type: 'string', zh: '亮灯:green 绿、yellow 黄、red 红、grey 灰', en: 'Traffic light' },
      {
        key: 'projected',
        type: 'number',
        zh: '按当前速度推算的期末值',
        en: 'Value projected to the end year at the pace so far',
      },
      {
        key: 'will_reach',
        type: 'boolean',
        zh: '推算期末能否达到目标',
        en: 'Whether the projection reaches the target',
      },
      { key: 'opensdg_ratio', type: 'number', zh: 'Open SDG 进度比 p', en: 'Open SDG progress ratio p' },
      { key: 'opensdg_status', type: 'string', zh: 'Open SDG 进度类别', en: 'Open SDG progress category' },
    ],
  },
} as const satisfies Record<string, { zh: string; en: string; columns: readonly DataColumn[] }>;

/** The datasets a plan publishes. */
export type DatasetName = 'indicators' | 'observations' | 'assessments' | 'dictionary';

/** A row of a dataset, by column key. */
export type DataRow = Record<string, CsvValue>;

/** The rows of the indicators dataset: one per measure of each indicator. */
export function indicatorRows(plan: Plan): DataRow[] {
  return plan.indicators.flatMap((indicator) =>
    indicator.measures.map((m, k) => ({
      code: indicator.code,
      category: indicator.category,
      name: indicator.name,
      unit: indicator.unit,
      binding: indicator.binding,
      measure: k + 1,
      series: seriesName(indicator, k + 1),
      measure_unit: m.unit,
      direction: m.direction,
      baseline_year: m.baseline.year,
      baseline_value: m.baseline.value,
      baseline_by_area: m.baseline.byArea
        ? Object.entries(m.baseline.byArea)
            .map(([area, value]) => `${area}=${value}`)
            .join('; ')
        : null,
      target_year: m.target.year,
      target_kind: m.target.kind,
      target_value: m.target.value,
      target_comparator: m.target.comparator ?? null,
      target_annual_rate: m.target.annualRate ?? null,
      target_text: m.target.text ?? null,
    })),
  );
}

/** The rows of the approved values dataset (JSON and XLSX), in the plan's order. */
export function observationRows(plan: Plan, values: readonly PublishedValue[]): DataRow[] {
  const byCode = new Map(plan.indicators.map((i, k) => [i.code, { indicator: i, position: k }]));
  return [...values]
    .sort(
      (a, b) =>
        (byCode.get(a.indicator)?.position ?? 0) - (byCode.get(b.indicator)?.position ?? 0) ||
        a.measure - b.measure ||
        kindRank(a.kind) - kindRank(b.kind) ||
        (a.area ?? '').localeCompare(b.area ?? '', 'zh-CN', { numeric: true }) ||
        (a.period ?? '').localeCompare(b.period ?? '') ||
        a.year - b.year,
    )
    .map((v) => {
      const indicator = byCode.get(v.indicator)?.indicator;
      return {
        indicator: v.indicator,
        indicator_name: indicator?.name ?? '',
        measure: v.measure,
        series: indicator ? seriesName(indicator, v.measure) : '',
        year: v.year,
        period: v.period,
        area: v.area,
        kind: v.kind,
        value: v.value,
        unit: valueUnit(indicator, v.measure, v.kind, v.unit),
        source: v.source,
        sample: v.sample,
      };
    });
}

/** The rows of the assessments dataset: every year assessed, every measure (and sub-area). */
export function assessmentRows(data: PublicData): DataRow[] {
  const names = new Map(data.structure.indicators.map((i) => [i.code, i.name]));
  return data.assessments.flatMap(({ year, assessments }) =>
    assessments.map((a) => ({
      assessed_year: year,
      indicator: a.indicator,
      indicator_name: names.get(a.indicator) ?? '',
      measure: a.measure,
      area: a.area ?? null,
      value_year: a.value === null ? null : a.year,
      period: a.period ?? null,
      value: a.value,
      baseline: a.baseline,
      target: a.target,
      path: a.path,
      expected: a.expected,
      completion: a.completion,
      elapsed: a.elapsed,
      status: a.status,
      status_zh: STATUS_LABELS[a.status].zh,
      light: a.light,
      projected: a.projected,
      will_reach: a.willReach,
      opensdg_ratio: a.openSdg.ratio,
      opensdg_status: a.openSdg.status,
    })),
  );
}

/** The data dictionary: every column of every dataset, its type and meaning in both languages. */
export function dictionaryRows(): DataRow[] {
  return Object.entries(DATASETS).flatMap(([dataset, d]) =>
    d.columns.map((c) => ({
      dataset,
      dataset_zh: d.zh,
      column: c.key,
      type: c.type,
      description_zh: c.zh,
      description_en: c.en,
    })),
  );
}

const DICTIONARY_COLUMNS: readonly DataColumn[] = [
  { key: 'dataset', type: 'string', zh: '数据集', en: 'Dataset' },
  { key: 'dataset_zh', type: 'string', zh: '数据集中文名', en: 'Dataset, in Chinese' },
  { key: 'column', type: 'string', zh: '列名', en: 'Column' },
  { key: 'type', type: 'string', zh: '类型', en: 'Type' },
  { key: 'description_zh', type: 'string', zh: '说明', en: 'Description, in Chinese' },
  { key: 'description_en', type: 'string', zh: '英文说明', en: 'Description, in English' },
];

/** One downloadable file of a plan's open data. */
export interface PublicFile {
  /** The file's name under data/: observations.csv, opensdg/indicator_10.csv … */
  name: string;
  dataset: DatasetName;
  format: 'csv' | 'json' | 'xlsx';
  /** What it holds, in both languages. */
  zh: string;
  en: string;
}

const FORMAT_WORDS = {
  csv: { zh: 'CSV(UTF-8,带 BOM)', en: 'CSV (UTF-8 with BOM)' },
  json: { zh: 'JSON', en: 'JSON' },
  xlsx: { zh: 'Excel 工作簿', en: 'Excel workbook' },
} as const;

/** Every file of a plan's open data: three datasets and the dictionary in three formats, and Open SDG files. */
export function publicFiles(plan: Plan): PublicFile[] {
  const files: PublicFile[] = [];
  const datasets: { name: DatasetName; zh: string; en: string }[] = [
    { name: 'indicators', zh: DATASETS.indicators.zh, en: DATASETS.indicators.en },
    { name: 'observations', zh: DATASETS.observations.zh, en: DATASETS.observations.en },
    { name: 'assessments', zh: DATASETS.assessments.zh, en: DATASETS.assessments.en },
    { name: 'dictionary', zh: '数据字典', en: 'Data dictionary' },
  ];
  for (const d of datasets) {
    for (const format of ['csv', 'json', 'xlsx'] as const) {
      const opensdg = d.name === 'observations' && format === 'csv';
      files.push({
        name: `${d.name}.${format}`,
        dataset: d.name,
        format,
        zh: `${d.zh} · ${opensdg ? 'Open SDG 格式汇总 CSV' : FORMAT_WORDS[format].zh}`,
        en: `${d.en} · ${opensdg ? 'combined CSV, Open SDG layout' : FORMAT_WORDS[format].en}`,
      });
    }
  }
  for (const indicator of plan.indicators) {
    files.push({
      name: `opensdg/${openSdgFileName(indicator.code)}`,
      dataset: 'observations',
      format: 'csv',
      zh: `${indicator.code} ${indicator.name} · Open SDG 格式 CSV`,
      en: `Indicator ${indicator.code} · CSV, Open SDG layout`,
    });
  }
  return files;
}

/** A rendered file: its media type and contents. */
export interface RenderedFile {
  type: string;
  body: string | Buffer;
}

const CSV_TYPE = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The columns and rows of a dataset (the Open SDG layout is the observations' CSV only). */
function table(data: PublicData, dataset: DatasetName): { columns: readonly DataColumn[]; rows: DataRow[] } {
  switch (dataset) {
    case 'indicators':
      return { columns: DATASETS.indicators.columns, rows: indicatorRows(data.structure) };
    case 'observations':
      return { columns: DATASETS.observations.columns, rows: observationRows(data.structure, data.values) };
    case 'assessments':
      return { columns: DATASETS.assessments.columns, rows: assessmentRows(data) };
    case 'dictionary':
      return { columns: DICTIONARY_COLUMNS, rows: dictionaryRows() };
  }
}

/** The plan as every JSON file names it: no person, the plan's own particulars. */
function planHeader(data: PublicData): Record<string, unknown> {
  return {
    plan: data.plan,
    containsSampleData: data.values.some((v) => v.sample),
    license: '公开数据,引用请注明来源 · open data: cite the source',
  };
}

/**
 * Renders one file of the plan's open data by name (as publicFiles lists them); null for a name
 * that is not one of them.
 */
export async function renderPublicFile(data: PublicData, name: string): Promise<RenderedFile | null> {
  const opensdg = /^opensdg\/(.+)$/.exec(name);
  if (opensdg) {
    const indicator = data.structure.indicators.find((i) => `opensdg/${openSdgFileName(i.code)}` === name);
    if (!indicator) return null;
    const values = data.values.filter((v) => v.indicator === indicator.code);
    return {
      type: CSV_TYPE,
      body: toCsv(OPEN_SDG_COLUMNS, openSdgRows(data.structure, values, { combined: false })),
    };
  }
  const m = /^(indicators|observations|assessments|dictionary)\.(csv|json|xlsx)$/.exec(name);
  if (!m) return null;
  const dataset = m[1] as DatasetName;
  const format = m[2] as 'csv' | 'json' | 'xlsx';
  if (dataset === 'observations' && format === 'csv') {
    return {
      type: CSV_TYPE,
      body: toCsv(OPEN_SDG_COMBINED_COLUMNS, openSdgRows(data.structure, data.values, { combined: true })),
    };
  }
  const { columns, rows } = table(data, dataset);
  if (format === 'csv') {
    return {
      type: CSV_TYPE,
      body: toCsv(
        columns.map((c) => c.key),
        rows.map((r) => columns.map((c) => r[c.key])),
      ),
    };
  }
  if (format === 'json') {
    const extra = dataset === 'assessments' ? { method: data.method } : {};
    const body =
      dataset === 'dictionary'
        ? { dictionary: rows }
        : { ...planHeader(data), dataset, columns, ...extra, rows };
    return { type: JSON_TYPE, body: `${JSON.stringify(body, null, 1)}\n` };
  }
  const xlsxColumns: XlsxColumn[] = columns.map((c) => ({
    key: c.key,
    title: `${c.zh.split(/[(:(,]/)[0]} ${c.key}`,
  }));
  const dictionary = dictionaryRows().filter((r) => dataset === 'dictionary' || r.dataset === dataset);
  const sheetName = dataset === 'dictionary' ? '数据字典 dictionary' : `${DATASETS[dataset].zh} ${dataset}`;
  const body = await tableToXlsx(xlsxColumns, rows as Record<string, XlsxValue>[], {
    sheetName,
    title: `${data.plan.title} · ${sheetName}`,
    more:
      dataset === 'dictionary'
        ? []
        : [
            {
              sheetName: '数据字典 dictionary',
              columns: DICTIONARY_COLUMNS.map((c) => ({ key: c.key, title: `${c.zh} ${c.key}` })),
              rows: dictionary as Record<string, XlsxValue>[],
            },
          ],
  });
  return { type: XLSX_TYPE, body };
}
