/**
 * `lantu assess <plan-file> --data <observations.csv> [--year Y] [--json]`: judges every indicator
 * of a plan against its target path (序时进度) for a year and prints the table, the roll-ups and
 * the method; with --json, {year, method, assessments, summary}.
 */
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { ingestPlan } from '../ingest/index.ts';
import type { Indicator, Measure, Plan } from '../model/plan.ts';
import {
  type Assessment,
  assessPlan,
  decodeCsvBytes,
  formatObservationError,
  isRateMeasure,
  LIGHT_LABELS,
  LIGHTS,
  type Light,
  methodText,
  type Observation,
  type PlanAssessment,
  readObservations,
  STATUS_LABELS,
  STATUSES,
  type Status,
  statusLabel,
} from '../progress/index.ts';
import { renderTable, truncate } from './format.ts';
import { describeFileError } from './io.ts';
import { readPlanFile } from './read-plan.ts';

/** One line of usage. */
export const assessUsage = 'usage: lantu assess <plan-file> --data <observations.csv> [--year Y] [--json]';

/** What the command touches: the standard streams and the files it reads. */
export interface AssessIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
  /** Colour the output (a terminal); off when absent. */
  isTty?: boolean;
}

/** How many bad rows are listed before the rest are only counted. */
const MAX_ERRORS = 20;

/** Runs the command; returns the exit code (0 done, 1 unreadable input, 2 wrong arguments). */
export async function runAssess(argv: string[], io: AssessIo): Promise<number> {
  let parsed: ReturnType<typeof parseAssessArgs>;
  try {
    parsed = parseAssessArgs(argv);
  } catch (error) {
    io.stderr(`lantu assess: ${(error as Error).message}\n${assessUsage}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(`${assessUsage}\n`);
    return 0;
  }
  const plan = await readPlanFile(parsed.planFile, { ...io, isTty: io.isTty === true }, ingestPlan);
  if (!plan) return 1;
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(parsed.dataFile);
  } catch (error) {
    io.stderr(`lantu: ${describeFileError(parsed.dataFile, error)}\n`);
    return 1;
  }
  const { observations, errors } = readObservations(plan, decodeCsvBytes(bytes));
  if (errors.length > 0) {
    for (const e of errors.slice(0, MAX_ERRORS))
      io.stderr(`lantu: ${formatObservationError(parsed.dataFile, e)}\n`);
    if (errors.length > MAX_ERRORS)
      io.stderr(`lantu: ${parsed.dataFile}: ${errors.length - MAX_ERRORS} more bad rows\n`);
    return 1;
  }
  const options = parsed.year === undefined ? {} : { year: parsed.year };
  const result = assessPlan(plan, observations, options);
  if (parsed.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    io.stdout(renderAssessment(plan, result, observations, parsed.dataFile, io.isTty === true));
  }
  return 0;
}

function parseAssessArgs(argv: string[]): {
  help: boolean;
  planFile: string;
  dataFile: string;
  year: number | undefined;
  json: boolean;
} {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      year: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  });
  if (values.help) return { help: true, planFile: '', dataFile: '', year: undefined, json: false };
  if (positionals.length !== 1)
    throw new Error(positionals.length === 0 ? 'name the plan file' : 'name one plan file');
  if (values.data === undefined || values.data === '')
    throw new Error('--data <observations.csv> is required');
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) throw new Error(`--year ${values.year}: give a year such as 2024`);
    year = Number(values.year);
  }
  return { help: false, planFile: positionals[0]!, dataFile: values.data, year, json: values.json };
}

/** Formats a number for the table: 1 decimal from 1000, 2 from 1, 4 below (0.0068); — for none. */
export function formatNumber(x: number | null): string {
  if (x === null) return '—';
  const abs = Math.abs(x);
  if (abs !== 0 && abs < 0.001) return x.toPrecision(2);
  const digits = abs >= 1000 ? 1 : abs >= 1 ? 2 : 4;
  return String(Number(x.toFixed(digits)));
}

function ratio(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}

/** Whether a row's value and target are rates in % (growth known by yearly rates, relational targets). */
function isRateRow(indicator: Indicator | undefined, a: Assessment): boolean {
  const measure = indicator?.measures[a.measure - 1];
  if (!measure) return false;
  if (measure.target.kind === 'relational') return true;
  return (
    measure.target.kind === 'growth' && (isRateMeasure(measure) || a.target === measure.target.annualRate)
  );
}

const BOUND: Record<string, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

/** The target as the plan writes it: [800] for a running total, >99 for a bound. */
function targetCell(measure: Measure | undefined, target: number, suffix: string): string {
  const text = `${formatNumber(target)}${suffix}`;
  if (measure?.target.kind === 'cumulative') return `[${text}]`;
  if (measure?.target.kind === 'threshold') return `${BOUND[measure.target.comparator ?? ''] ?? ''}${text}`;
  return text;
}

/** The readable report: the table, the roll-ups and the method. */
export function renderAssessment(
  plan: Plan,
  result: PlanAssessment,
  observations: readonly Observation[],
  dataFile: string,
  colour: boolean,
): string {
  const c = pc.createColors(colour);
  const paint: Record<Light, (s: string) => string> = {
    green: c.green,
    yellow: c.yellow,
    red: c.red,
    grey: c.gray,
  };
  const dot = (light: Light): string => paint[light]('●');
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
  const preliminary = new Set<string>();
  for (const o of observations) {
    if (o.status && /preliminary|estimate|预计|初步/i.test(o.status)) {
      preliminary.add([o.indicator, o.measure ?? 1, o.area ?? '', o.year].join('|'));
    }
  }
  let marked = false;

  const rows = result.assessments.map((a) => {
    const indicator = byCode.get(a.indicator);
    const measure = indicator?.measures[a.measure - 1];
    const compound = (indicator?.measures.length ?? 1) > 1;
    const code = `${a.indicator}${compound ? `/${a.measure}` : ''}`;
    const base = compound && measure?.name ? measure.name : (indicator?.name ?? '');
    const name = a.area ? `${truncate(base, 14)} · ${a.area}` : base;
    const rate = isRateRow(indicator, a);
    const unit = rate ? '%' : (measure?.unit ?? indicator?.unit ?? '');
    const suffix = rate && measure?.target.kind === 'growth' ? '/年' : '';
    let latest = '—';
    if (a.value !== null) {
      const star = preliminary.has([a.indicator, a.measure, a.area ?? '', a.year].join('|'));
      marked ||= star;
      latest = `${formatNumber(a.value)}${suffix} (${a.year}${a.period ?? ''})${star ? '*' : ''}`;
    }
    // 提前实现 (achieved early) is for targets due at the end year, not for bounds met this year.
    const pathKind =
      measure?.target.kind === 'level' ||
      measure?.target.kind === 'cumulative' ||
      measure?.target.kind === 'growth';
    const early =
      pathKind && a.status === 'achieved' && a.year < (measure?.target.year ?? plan.period.endYear);
    const status = `${dot(a.light)} ${statusLabel(a.status, 'zh-CN', early)} (${statusLabel(a.status, 'en', early)})`;
    const projection =
      a.projected === null
        ? '—'
        : `${formatNumber(a.projected)}${suffix} ${a.willReach ? c.green('✓') : c.red('✗')}`;
    const target = a.target === null ? (measure?.target.text ?? '—') : targetCell(measure, a.target, suffix);
    return [
      code,
      truncate(name, 24),
      unit,
      formatNumber(a.baseline),
      latest,
      target,
      ratio(a.completion),
      ratio(a.elapsed),
      status,
      projection,
    ];
  });

  const out: string[] = [];
  const { period } = plan;
  out.push(c.bold(plan.title || '(无标题 untitled)'));
  out.push(
    `评估年份 assessment year ${result.year} · 基期 base ${period.baseYear} → 目标 target ${period.endYear} · 数据 data ${dataFile} (${observations.length} 条 values)`,
  );
  out.push('');
  out.push(
    renderTable(
      [
        '代码',
        '指标 indicator',
        '单位',
        '基期 B',
        '最新 A',
        '目标 T',
        '完成度 c',
        '序时 τ',
        '状态 status',
        '期末预测 projection',
      ],
      rows,
      ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'right'],
    ),
  );
  if (marked) out.push(c.dim('* 预计数 preliminary figure (status column of the data)'));
  out.push('');

  const { summary } = result;
  const lightCounts = (byLight: Record<Light, number>): string =>
    LIGHTS.map((l) => `${dot(l)} ${LIGHT_LABELS[l].zh} ${byLight[l]}`).join('  ');
  const statusCounts = (byStatus: Record<Status, number>): string =>
    STATUSES.filter((s) => byStatus[s] > 0)
      .map((s) => `${STATUS_LABELS[s].zh} (${STATUS_LABELS[s].en}) ${byStatus[s]}`)
      .join(' · ');
  out.push(
    c.bold(
      `汇总 summary: ${summary.indicators.total} 项指标 indicators (多分项取最差 worst measure decides)`,
    ),
  );
  out.push(`  ${lightCounts(summary.indicators.byLight)}`);
  out.push(`  ${statusCounts(summary.indicators.byStatus)}`);
  out.push('');
  out.push(c.bold('按类别 by category'));
  out.push(
    renderTable(
      ['类别 category', '指标 n', ...LIGHTS.map((l) => `${LIGHT_LABELS[l].zh} ${l}`)],
      summary.categories.map((g) => [
        g.category || '(未分类)',
        String(g.total),
        ...LIGHTS.map((l) => String(g.byLight[l])),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right'],
    )
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n'),
  );
  out.push('');
  out.push(c.bold(`约束性指标督办 binding escalations: ${summary.escalations.length}`));
  for (const e of summary.escalations) {
    out.push(
      `  ${dot(e.light)} ${e.indicator}${e.area ? ` · ${e.area}` : ''}  ${e.name}  ${STATUS_LABELS[e.status].zh} (${STATUS_LABELS[e.status].en})`,
    );
  }
  out.push('');
  const t = result.method.thresholds;
  out.push(
    c.dim(
      `阈值 thresholds: 快于预期 ahead c ≥ τ + ${t.aheadMargin}; 基本符合 on track c ≥ τ − ${t.onTrackMargin}; 滞后 lagging c ≥ τ − ${t.laggingMargin}; Open SDG ${t.openSdg.substantial} / ${t.openSdg.moderate} / ${t.openSdg.limited}`,
    ),
  );
  out.push(c.dim(methodText(result.method, 'zh-CN')));
  out.push(c.dim(methodText(result.method, 'en')));
  return `${out.join('\n')}\n`;
}
