/**
 * Demo observations for a fresh installation: one value per indicator measure (and sub-area) and
 * year (progress updates of column items and tasks are in progress.ts). Real published figures are used wherever they
 * exist and are marked `sample: false` with their source; everything else is sample data and says
 * so in its own fields. Pure and deterministic: a seeded generator, years passed in, no clock.
 *
 * How the samples are shaped: each path-judged measure (level, cumulative, growth) is given a
 * profile, drawn in a seeded order so the dashboard shows every colour: a few ahead (超序时进度),
 * most on track, a few lagging, one or two off track (never a binding 约束性 one). The value of
 * the last year sits exactly at its profile's completion; earlier years wander a little around the
 * path. Where real figures exist, the samples between them follow the completion the real figures
 * show instead.
 */
import { parse } from 'csv-parse/sync';
import type { Indicator, Measure, Plan } from '../model/plan.ts';
import {
  type CompiledMeasure,
  compileMeasure,
  completion,
  measureUnit,
  type Observation,
  type ObservationError,
  type ObservationKind,
  parseObservationsCsv,
  relatedIndicator,
  resolveConfig,
} from '../progress/index.ts';
import { type Random, seededRandom, seededShuffle } from './random.ts';

/** The source every sample row carries, so no one mistakes it for a published figure. */
export const SAMPLE_SOURCE = '示例数据 (sample data, not published)';

/** A published figure as read from the published CSV (an Observation plus the words quoted). */
export interface PublishedFigure extends Observation {
  /** The sentence of the source the figure was taken from. */
  quote?: string | null;
}

/** One demo value, ready to insert as an observation. */
export interface DemoObservation {
  /** The indicator's code (序号). */
  indicator: string;
  /** 1-based measure. */
  measure: number;
  /** Sub-area (原上城) or null for the whole district. */
  area: string | null;
  year: number;
  /** Always null here (full-year values); a published figure may carry Q1–Q4 or M01–M12. */
  period: string | null;
  kind: ObservationKind;
  value: number;
  /** The measure's unit, or % for growth rows. */
  unit: string;
  /** True for generated values, false for real published figures. */
  sample: boolean;
  /** SAMPLE_SOURCE, or the page a real figure was published on. */
  source: string;
  note: string | null;
  /** For real figures: preliminary (预计) or reported; null for samples. */
  status: string | null;
  /** For real figures: the words quoted from the source; null for samples. */
  quote: string | null;
}

/** Options of demoObservations. */
export interface DemoObservationOptions {
  /** The years to fill (2021–2024 for a 2021–2025 plan assessed in 2025). */
  years: readonly number[];
  /** Seed of the generator; the same seed gives the same data. Default 'lantu-demo'. */
  seed?: string;
}

type Profile = 'ahead' | 'on_track' | 'lagging' | 'off_track' | 'moving_away';

/** Completion at the last year as a multiple of the elapsed share τ, per profile (see the status thresholds). */
const PACE: Readonly<Record<Profile, readonly [number, number]>> = {
  ahead: [1.12, 1.22],
  on_track: [0.93, 1.03],
  lagging: [0.7, 0.78],
  off_track: [0.2, 0.4],
  moving_away: [-0.15, -0.05],
};

const COUNT_UNIT = /^(家|件|幢|项|届|个|所|人|名|处|座|条)$/;
const SAMPLE_NOTE = '示例数据,非公开发布数';

/** Decimal places of a printed number (2218.6 → 1, 0.0068 → 4). */
function places(x: number): number {
  const text = String(x);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(4, text.length - dot - 1);
}

/** Decimals a measure's values are given in: as many as the plan prints, at least one except for counts. */
function decimalsOf(measure: Measure): number {
  const printed = [
    measure.baseline.value,
    measure.target.value,
    ...Object.values(measure.baseline.byArea ?? {}),
  ];
  const d = Math.max(0, ...printed.filter((v): v is number => v !== null && Number.isFinite(v)).map(places));
  return COUNT_UNIT.test(measureUnit(measure)) ? d : Math.max(1, d);
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** The value on a compiled measure's path at completion c (the inverse of the engine's completion). */
function valueAt(cm: CompiledMeasure, c: number): number {
  if (cm.path === 'geometric') return cm.baseline * Math.exp(c * Math.log(cm.target / cm.baseline));
  return cm.baseline + c * (cm.target - cm.baseline);
}

/** A key for one series: indicator, measure, area. */
function seriesId(code: string, measure: number, area: string | null): string {
  return `${code}\u0001${measure}\u0001${area ?? ''}`;
}

interface Slot {
  indicator: Indicator;
  measure: Measure;
  number: number;
  area: string | null;
  cm: CompiledMeasure;
}

/** Every measure and sub-area of a plan, compiled (sub-areas for measures whose baseline is given by area). */
function slots(plan: Plan): Slot[] {
  const config = resolveConfig();
  const out: Slot[] = [];
  for (const indicator of plan.indicators) {
    indicator.measures.forEach((measure, i) => {
      const areas = measure.baseline.byArea ? Object.keys(measure.baseline.byArea) : [null];
      for (const area of areas) {
        out.push({
          indicator,
          measure,
          number: i + 1,
          area,
          cm: compileMeasure(plan, indicator, i + 1, area, config),
        });
      }
    });
  }
  return out;
}

/**
 * Profiles for the path-judged series without real figures, in a seeded order: one or two off
 * track (non-binding ones; the first level target with a positive baseline moves away from it), about
 * an eighth lagging, a fifth ahead, the rest on track.
 */
function assignProfiles(candidates: readonly Slot[], seed: string): Map<Slot, Profile> {
  const order = seededShuffle(candidates, `${seed}|profiles`);
  const profiles = new Map<Slot, Profile>();
  const n = order.length;
  const off = n >= 12 ? 2 : n >= 4 ? 1 : 0;
  const open = order.filter((s) => !s.indicator.binding);
  const away = open.find(
    (s) => s.cm.mode === 'path' && s.cm.baseline > 0 && s.measure.target.kind === 'level',
  );
  if (off > 0 && away) profiles.set(away, 'moving_away');
  for (const slot of open) {
    if (profiles.size >= off) break;
    if (!profiles.has(slot)) profiles.set(slot, 'off_track');
  }
  const rest = order.filter((s) => !profiles.has(s));
  const lagging = Math.round(n * 0.12);
  const ahead = Math.round(n * 0.2);
  rest.forEach((slot, i) => {
    profiles.set(slot, i < lagging ? 'lagging' : i < lagging + ahead ? 'ahead' : 'on_track');
  });
  return profiles;
}

/** Completion per year for a profile: exact at the last year, wandering a little before it. */
function completions(
  years: readonly number[],
  cm: CompiledMeasure,
  profile: Profile,
  random: Random,
  monotone: boolean,
): number[] {
  const last = years[years.length - 1]!;
  const tau = (y: number): number => Math.min(1, (y - cm.baseYear) / cm.span);
  const [lo, hi] = PACE[profile];
  const pace = random.between(lo, hi);
  const out: number[] = [];
  for (const y of years) {
    let c = pace * tau(y);
    if (y !== last) c += random.between(-0.03, 0.03);
    if (monotone && out.length > 0) c = Math.max(c, out[out.length - 1]!);
    out.push(c);
  }
  if (monotone && pace >= 0) out[out.length - 1] = Math.max(pace * tau(last), out[out.length - 2] ?? 0);
  return out;
}

/** Completion per year through known points (the base year at 0 and real figures), extended at the last pace. */
function throughAnchors(
  years: readonly number[],
  cm: CompiledMeasure,
  anchors: Map<number, number>,
  random: Random,
): number[] {
  const known: [number, number][] = [[cm.baseYear, 0]];
  for (const [year, value] of [...anchors].sort((a, b) => a[0] - b[0])) {
    const c = completion(cm.path, cm.baseline, cm.target, value);
    if (c !== null && Number.isFinite(c)) known.push([year, c]);
  }
  return years.map((y) => {
    const after = known.findIndex(([ky]) => ky >= y);
    if (after > 0) {
      const [y0, c0] = known[after - 1]!;
      const [y1, c1] = known[after]!;
      return c0 + ((c1 - c0) * (y - y0)) / (y1 - y0) + (y === y1 ? 0 : random.between(-0.01, 0.01));
    }
    const [yl, cl] = known[known.length - 1]!;
    return yl === cm.baseYear ? 0 : (cl * (y - cm.baseYear)) / (yl - cm.baseYear);
  });
}

/**
 * Yearly growth rates (%) whose compound average is exactly (1+g)^pace − 1, so the engine's
 * rates completion c = Σ ln(1+gᵢ)/(n·ln(1+g)) comes out at the profile's pace.
 */
function ratesFor(years: readonly number[], g: number, pace: number, random: Random): number[] {
  const mean = Math.log1p(g / 100) * pace;
  const logs = years.map(() => mean + random.between(-0.012, 0.012));
  const drift = logs.reduce((a, b) => a + b, 0) / logs.length - mean;
  return logs.map((l) => Math.expm1(l - drift) * 100);
}

function sampleRow(
  slot: Slot,
  year: number,
  kind: ObservationKind,
  value: number,
  unit: string,
  note = SAMPLE_NOTE,
): DemoObservation {
  return {
    indicator: slot.indicator.code,
    measure: slot.number,
    area: slot.area,
    year,
    period: null,
    kind,
    value,
    unit,
    sample: true,
    source: SAMPLE_SOURCE,
    note,
    status: null,
    quote: null,
  };
}

/** Yearly growth (%) of a series of levels, the baseline standing for the base year. */
function levelRates(
  rows: readonly DemoObservation[],
  baseline: number,
  baseYear: number,
): Map<number, number> {
  const rates = new Map<number, number>();
  const levels = new Map(rows.filter((r) => r.kind === 'level').map((r) => [r.year, r.value]));
  levels.set(baseYear, baseline);
  for (const [year, value] of levels) {
    const previous = levels.get(year - 1);
    if (previous !== undefined && previous > 0) rates.set(year, (value / previous - 1) * 100);
  }
  return rates;
}

/** The published figures that belong to a series, by year (full-year values only). */
function anchorsOf(published: readonly PublishedFigure[], slot: Slot): Map<number, number> {
  const out = new Map<number, number>();
  for (const f of published) {
    if (f.indicator.normalize('NFKC').trim() !== slot.indicator.code) continue;
    if ((f.measure ?? 1) !== slot.number || (f.area ?? null) !== slot.area || (f.kind ?? 'level') !== 'level')
      continue;
    if (f.period) continue;
    out.set(f.year, f.value);
  }
  return out;
}

/**
 * The demo observations of a plan for the given years: for every measure (and every sub-area of a
 * measure whose baseline is given by area) one row per year, of the kind its target needs: levels
 * along the path (running totals for cumulative targets), yearly growth rates for growth targets
 * counted in %, values near the bound for thresholds, the city's target row plus the value for
 * targets set by the level above, yearly rates compared with the related indicator for relational
 * targets. Published figures replace the sample of their year and are kept as they are.
 */
export function demoObservations(
  plan: Plan,
  published: readonly PublishedFigure[],
  options: DemoObservationOptions,
): DemoObservation[] {
  const years = [...new Set(options.years)].filter((y) => y > plan.period.baseYear).sort((a, b) => a - b);
  const seed = options.seed ?? 'lantu-demo';
  if (years.length === 0) return [];
  const all = slots(plan);
  const anchors = new Map(all.map((s) => [s, anchorsOf(published, s)]));
  const pathLike = (s: Slot): boolean => s.cm.mode === 'path' || s.cm.mode === 'rates';
  const profiles = assignProfiles(
    all.filter((s) => pathLike(s) && anchors.get(s)!.size === 0),
    seed,
  );
  const unmet = all.filter((s) => s.cm.mode === 'unmet');
  const shortOfTarget = seededShuffle(unmet, `${seed}|unmet`)[0];
  const rows = new Map<string, DemoObservation[]>();
  const relational: Slot[] = [];

  for (const slot of all) {
    const { cm, measure } = slot;
    const random = seededRandom(`${seed}|${slot.indicator.code}|${slot.number}|${slot.area ?? ''}`);
    const unit = measureUnit(measure);
    const decimals = decimalsOf(measure);
    const percent = /^%$/.test(unit);
    const cap = (v: number): number => (percent ? Math.min(100, v) : v);
    const out: DemoObservation[] = [];
    switch (cm.mode) {
      case 'path': {
        const known = anchors.get(slot)!;
        const cs =
          known.size > 0
            ? throughAnchors(years, cm, known, random)
            : completions(
                years,
                cm,
                profiles.get(slot) ?? 'on_track',
                random,
                measure.target.kind === 'cumulative',
              );
        years.forEach((y, i) => {
          out.push(sampleRow(slot, y, 'level', cap(round(valueAt(cm, cs[i]!), decimals)), unit));
        });
        break;
      }
      case 'rates': {
        const pace = random.between(...PACE[profiles.get(slot) ?? 'on_track']);
        const rates = ratesFor(years, cm.rate, pace, random);
        years.forEach((y, i) => {
          out.push(sampleRow(slot, y, 'growth', round(rates[i]!, 1), '%'));
        });
        break;
      }
      case 'unmet':
      case 'hold': {
        // Short of the target in the last year for one of them (not assessable: grey); met for the others.
        const t = cm.target;
        const reach = slot === shortOfTarget ? random.between(0.7, 0.85) : random.between(1.05, 1.3);
        const start = t - cm.dir * Math.abs(t) * random.between(0.03, 0.06);
        years.forEach((y, i) => {
          const share = Math.min(1, ((i + 1) / years.length) * reach);
          out.push(sampleRow(slot, y, 'level', cap(round(start + (t - start) * share, decimals)), unit));
        });
        break;
      }
      case 'threshold': {
        // Around the bound: met in the last year, perhaps just short in the first.
        const dip = random.next() < 0.5;
        years.forEach((y, i) => {
          const side = i === 0 && dip ? -1 : 1;
          const step = side * cm.dir * random.between(0.1, 0.6);
          const v = cm.strict || side < 0 ? cm.target + step : cm.target + Math.max(0, step);
          out.push(sampleRow(slot, y, 'level', cap(round(v, decimals)), unit));
        });
        break;
      }
      case 'external': {
        const byArea = measure.baseline.byArea;
        const base = byArea
          ? Object.values(byArea).reduce((a, b) => a + b, 0) / Object.values(byArea).length
          : Number.isFinite(cm.baseline)
            ? cm.baseline
            : 3;
        const own = slot.area !== null && byArea ? byArea[slot.area]! : base;
        const targets = seededRandom(`${seed}|${slot.indicator.code}|${slot.number}|target`);
        years.forEach((y, i) => {
          const t =
            Number.isFinite(cm.baseline) || byArea
              ? base * (1 + cm.dir * 0.01 * (y - cm.baseYear))
              : base + targets.between(-0.5, 0.5);
          const target = cap(round(t, decimals));
          // One target row for the district per year (the first area's series carries it).
          if (slot.area === null || slot.area === Object.keys(byArea ?? {})[0]) {
            const row = sampleRow(slot, y, 'target', target, unit, '市下达目标（示例数据）');
            row.area = null;
            out.push(row);
          }
          const miss = i < years.length - 1 && random.next() < 0.25;
          const scaled = own * (target / base);
          const gap = Math.max(
            Math.abs(scaled) * random.between(0.002, 0.03),
            10 ** -decimals * random.between(1, 3),
          );
          const v = scaled + cm.dir * (miss ? -1 : 1) * gap;
          out.push(sampleRow(slot, y, 'level', cap(round(v, decimals)), unit));
        });
        break;
      }
      case 'relational':
        relational.push(slot);
        break;
      case 'none':
        if (Number.isFinite(cm.baseline)) {
          for (const y of years) out.push(sampleRow(slot, y, 'level', round(cm.baseline, decimals), unit));
        }
        break;
    }
    rows.set(seriesId(slot.indicator.code, slot.number, slot.area), out);
  }

  // Relational targets (收入增速 高于经济增长): the related indicator's yearly growth plus a margin,
  // below it in one earlier year.
  const config = resolveConfig();
  for (const slot of relational) {
    const random = seededRandom(`${seed}|${slot.indicator.code}|${slot.number}|${slot.area ?? ''}`);
    const related = relatedIndicator(plan, slot.indicator, config);
    const relatedSlot = related
      ? all.find((s) => s.indicator === related && s.number === 1 && s.area === null)
      : undefined;
    const relatedRows = relatedSlot ? (rows.get(seriesId(relatedSlot.indicator.code, 1, null)) ?? []) : [];
    const theirs =
      relatedSlot && relatedRows.some((r) => r.kind === 'growth')
        ? new Map(relatedRows.filter((r) => r.kind === 'growth').map((r) => [r.year, r.value]))
        : levelRates(relatedRows, relatedSlot?.cm.baseline ?? Number.NaN, plan.period.baseYear);
    const below = Math.floor(random.next() * Math.max(1, years.length - 1));
    const out = years.map((y, i) => {
      const margin = i === below && years.length > 1 ? -random.between(0.2, 0.8) : random.between(0.3, 1.5);
      const rate = (theirs.get(y) ?? 6) + margin;
      return sampleRow(slot, y, 'growth', round(rate, 1), '%');
    });
    rows.set(seriesId(slot.indicator.code, slot.number, slot.area), out);
  }

  // Published figures replace the sample value of their year (target rows stay).
  const yearSet = new Set(years);
  for (const f of published) {
    if (!yearSet.has(f.year)) continue;
    const code = f.indicator.normalize('NFKC').trim();
    const slot = all.find(
      (s) => s.indicator.code === code && s.number === (f.measure ?? 1) && s.area === (f.area ?? null),
    );
    if (!slot) continue;
    const id = seriesId(code, slot.number, slot.area);
    const kept = (rows.get(id) ?? []).filter((r) => r.year !== f.year || r.kind === 'target');
    const status = f.status ?? null;
    kept.push({
      indicator: code,
      measure: slot.number,
      area: slot.area,
      year: f.year,
      period: f.period ?? null,
      kind: f.kind ?? 'level',
      value: f.value,
      unit: f.unit ?? measureUnit(slot.measure),
      sample: false,
      source: f.source ?? '',
      note: f.note ?? (status === 'preliminary' ? '公开发布的预计数' : '公开发布数'),
      status,
      quote: f.quote ?? null,
    });
    kept.sort((a, b) => a.year - b.year || (a.kind === 'target' ? -1 : 1));
    rows.set(id, kept);
  }

  return all.flatMap((s) => rows.get(seriesId(s.indicator.code, s.number, s.area)) ?? []);
}

/** A demo row as the progress engine's Observation (what checkObservations and assessPlan take). */
export function toObservation(row: DemoObservation): Observation {
  return {
    indicator: row.indicator,
    measure: row.measure,
    year: row.year,
    value: row.value,
    kind: row.kind,
    area: row.area,
    period: row.period,
    unit: row.unit,
    status: row.status ?? (row.sample ? 'sample' : null),
    source: row.source,
    note: row.note,
  };
}

/**
 * Reads the published-figures CSV (the observation CSV of the README plus a `quote` column):
 * the rows as parseObservationsCsv reads them, each with the words it quotes. Pure: text in.
 */
export function parsePublishedFigures(text: string): {
  figures: PublishedFigure[];
  errors: ObservationError[];
} {
  const { observations, errors } = parseObservationsCsv(text);
  const quotes = new Map<number, string>();
  try {
    const records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    const header = records[0]?.record.map((h) => h.trim().toLowerCase()) ?? [];
    const column = header.findIndex((h) => h === 'quote' || h === '原文' || h === '引文');
    if (column >= 0)
      for (const r of records.slice(1)) quotes.set(r.info.lines, (r.record[column] ?? '').trim());
  } catch {
    // parseObservationsCsv has already reported an unreadable file.
  }
  const figures = observations.map((o) => ({ ...o, quote: quotes.get(o.line ?? -1) || null }));
  return { figures, errors };
}
