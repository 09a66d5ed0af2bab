/**
 * Assessment engine speed: at least 2,000,000 measure-period assessments per second on one core
 * over a synthetic national-scale data set (3,000 plans × 40 indicators × 5 years = 600,000
 * measure-periods). Prints the rate of the judging hot path (compiled measures, one value each)
 * and, beside it, of the whole pipeline from raw observations (indexing, picking the latest value,
 * judging), which is what `lantu assess` does per plan.
 */
import type { Indicator, Measure, Plan } from '../src/model/plan.ts';
import {
  type Assessment,
  assessIndicator,
  assessPathValue,
  type CompiledMeasure,
  compileMeasure,
  createAssessContext,
  type Observation,
  resolveConfig,
} from '../src/progress/index.ts';

const BAR = 2_000_000;
const PLANS = 3000;
const INDICATORS = 40;
const YEARS = [2021, 2022, 2023, 2024, 2025];

/** A small deterministic PRNG (mulberry32), so every run measures the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticPlan(p: number, random: () => number): { plan: Plan; observations: Observation[] } {
  const indicators: Indicator[] = [];
  const observations: Observation[] = [];
  for (let i = 0; i < INDICATORS; i++) {
    const code = String(i + 1);
    const roll = random();
    const b = 10 + random() * 1000;
    let m: Measure;
    if (roll < 0.45) {
      m = {
        unit: '亿元',
        direction: 'up',
        baseline: { year: 2020, value: b },
        target: { year: 2025, kind: 'level', value: b * (1.2 + random() * 0.4) },
      };
    } else if (roll < 0.7) {
      const down = random() < 0.3;
      const t = down ? b * (0.5 + random() * 0.4) : b * (1.05 + random() * 0.3);
      m = {
        unit: '%',
        direction: down ? 'down' : 'up',
        baseline: { year: 2020, value: b },
        target: { year: 2025, kind: 'level', value: t },
      };
    } else if (roll < 0.85) {
      m = {
        unit: '个',
        direction: 'up',
        baseline: { year: 2020, value: Math.round(b), cumulative: true },
        target: { year: 2025, kind: 'cumulative', value: Math.round(b * 1.5) },
      };
    } else {
      m = {
        unit: '亿元',
        direction: 'up',
        baseline: { year: 2020, value: b },
        target: { year: 2025, kind: 'growth', value: null, annualRate: 3 + random() * 6 },
      };
    }
    indicators.push({
      code,
      category: `c${i % 5}`,
      name: `指标${code}`,
      unit: m.unit,
      binding: i % 7 === 0,
      cumulative: m.target.kind === 'cumulative',
      measures: [m],
      line: i + 1,
      cells: [],
    });
    let v = b;
    for (const year of YEARS) {
      v *= 0.97 + random() * 0.12;
      observations.push({ indicator: code, year, value: v });
    }
  }
  const plan: Plan = {
    title: `plan ${p}`,
    issuer: null,
    issuedOn: null,
    period: { baseYear: 2020, startYear: 2021, endYear: 2025, visionYear: 2035 },
    chapters: [],
    columns: [],
    indicators,
    commitments: [],
    findings: [],
    source: { sha256: '', format: 'text', encoding: 'utf-8', lines: 0 },
  };
  return { plan, observations };
}

function rate(count: number, ms: number): number {
  return (count / ms) * 1000;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export async function run(): Promise<void> {
  const random = prng(20210101);
  const data = Array.from({ length: PLANS }, (_, p) => syntheticPlan(p, random));
  const config = resolveConfig();
  const periods = PLANS * INDICATORS * YEARS.length;

  // Hot path: compile every measure once, then judge every (measure, year) value.
  const compiled: CompiledMeasure[] = [];
  const values = new Float64Array(periods);
  let k = 0;
  for (const { plan, observations } of data) {
    for (const indicator of plan.indicators) compiled.push(compileMeasure(plan, indicator, 1, null, config));
    for (const o of observations) values[k++] = o.value;
  }
  let sink = 0;
  const pass = (): number => {
    const start = performance.now();
    let n = 0;
    for (let m = 0; m < compiled.length; m++) {
      const cm = compiled[m]!;
      for (let y = 0; y < YEARS.length; y++) {
        const a: Assessment = assessPathValue(cm, values[n]!, YEARS[y]!, 1, null, config);
        if (a.light === 'red') sink++;
        n++;
      }
    }
    return performance.now() - start;
  };
  for (let i = 0; i < 3; i++) pass();
  const hot: number[] = [];
  for (let i = 0; i < 10; i++) hot.push(rate(periods, pass()));
  hot.sort((a, b) => a - b);
  const hotMedian = hot[Math.floor(hot.length / 2)]!;

  // Whole pipeline: per plan, index the raw observations, then assess every indicator for every year.
  const pipeline = (): number => {
    const start = performance.now();
    for (const { plan, observations } of data) {
      const ctx = createAssessContext(plan, observations, config);
      for (const year of YEARS) {
        for (const indicator of plan.indicators) {
          for (const a of assessIndicator(ctx, indicator, year)) if (a.light === 'red') sink++;
        }
      }
    }
    return performance.now() - start;
  };
  pipeline();
  const full: number[] = [];
  for (let i = 0; i < 3; i++) full.push(rate(periods, pipeline()));
  full.sort((a, b) => a - b);
  const fullMedian = full[1]!;

  const verdict = hotMedian >= BAR ? 'OK' : 'UNDER THE BAR';
  console.log(
    `progress engine, ${PLANS} plans × ${INDICATORS} indicators × ${YEARS.length} years = ${fmt(periods)} measure-periods (one core):`,
  );
  console.log(
    `  judging (compiled measures): median ${fmt(hotMedian)} assessments/s over 10 passes (bar ≥ ${fmt(BAR)}/s) ${verdict}`,
  );
  console.log(
    `  whole pipeline from raw observations (index, latest value, judge): ${fmt(fullMedian)} assessments/s`,
  );
  if (sink < 0) console.log(sink);
}
