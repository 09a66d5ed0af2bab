/**
 * The method, described: printed in every report and in `lantu assess --json` as `method`, so a
 * reader can check any status from the printed figures and the thresholds it was made with.
 */
import { DEFAULT_CONFIG, type ProgressConfig } from './config.ts';
import { lightOf, STATUS_LABELS } from './status.ts';
import { type Light, type PathKind, STATUSES, type Status } from './types.ts';

/** One rule of the method in both languages. */
export interface MethodRule {
  /** Stable identifier: elapsed, path, completion, growth, cumulative, status … */
  topic: string;
  zh: string;
  en: string;
}

/** The method and thresholds an assessment was made with. */
export interface MethodDescription {
  name: string;
  /** Bumped whenever a rule changes, so stored evaluations say which method they used. */
  version: number;
  thresholds: {
    aheadMargin: number;
    onTrackMargin: number;
    laggingMargin: number;
    decimals: number;
    openSdg: { substantial: number; moderate: number; limited: number };
  };
  statuses: Array<{ status: Status; light: Light; zh: string; en: string; rule: string }>;
  rules: MethodRule[];
  overrides: { paths: Record<string, PathKind>; relations: Record<string, string> };
}

/** The version of the method described here. */
export const METHOD_VERSION = 1;

/** Describes the method with the given thresholds (the defaults of issue 3 when left out). */
export function describeMethod(config: ProgressConfig = DEFAULT_CONFIG): MethodDescription {
  const a = config.aheadMargin;
  const o = config.onTrackMargin;
  const l = config.laggingMargin;
  const s = config.openSdg;
  const ruleOf: Record<Status, string> = {
    achieved:
      'target met (direction-aware; threshold, external and relational targets: in the latest period)',
    ahead: `c ≥ τ + ${a}`,
    on_track: `c ≥ τ − ${o}`,
    lagging: `c ≥ τ − ${l}`,
    off_track: `c < τ − ${l}, or c < 0 (moving away from the target)`,
    no_data: 'no value in the period',
    not_assessable: 'no target or baseline to judge against (e.g. external target not yet entered)',
  };
  return {
    name: 'lantu 序时进度 + Open SDG',
    version: METHOD_VERSION,
    thresholds: {
      aheadMargin: a,
      onTrackMargin: o,
      laggingMargin: l,
      decimals: config.decimals,
      openSdg: { substantial: s.substantial, moderate: s.moderate, limited: s.limited },
    },
    statuses: STATUSES.map((status) => ({
      status,
      light: lightOf(status),
      zh: STATUS_LABELS[status].zh,
      en: STATUS_LABELS[status].en,
      rule: ruleOf[status],
    })),
    rules: [
      {
        topic: 'elapsed',
        zh: '序时进度 τ = (y − y0)/(yT − y0),y0 为基期年,yT 为目标年,y 为实际值所属年份(季度、月度数据按年内进度折算),超过目标年按 1 计。',
        en: 'Elapsed share τ = (y − y0)/(yT − y0), y0 the base year, yT the target year, y the year of the value (sub-annual data count the part of the year), at most 1.',
      },
      {
        topic: 'path',
        zh: '目标路径:货币量(元、万元、亿元、美元等,以分子单位为准)在 B、T > 0 时按几何路径 E = B·(T/B)^τ,其余按线性路径 E = B + (T − B)·τ;可按指标指定。',
        en: 'Target path: money amounts (元, 万元, 亿元, 美元 …, judged by the unit before any "/") are geometric, E = B·(T/B)^τ, when B, T > 0; all else linear, E = B + (T − B)·τ; overridable per measure.',
      },
      {
        topic: 'completion',
        zh: '完成度 c:线性 (A − B)/(T − B);几何 ln(A/B)/ln(T/B)。方向由目标相对基期的升降决定。',
        en: 'Completion c: linear (A − B)/(T − B); geometric ln(A/B)/ln(T/B). Direction follows the target relative to the baseline.',
      },
      {
        topic: 'growth',
        zh: '年均增速目标 g:有基期值时 T = B·(1 + g)^(yT − y0),按几何路径评估;仅有逐年增速 gᵢ 时,c = Σln(1 + gᵢ)/((yT − y0)·ln(1 + g)),τ = 已报告年数/(yT − y0),实际值取逐年增速的几何平均。',
        en: 'Average annual growth target g: with a baseline level T = B·(1 + g)^(yT − y0) on the geometric path; with yearly rates gᵢ only, c = Σ ln(1 + gᵢ)/((yT − y0)·ln(1 + g)), τ = years reported/(yT − y0), the value is their geometric mean.',
      },
      {
        topic: 'cumulative',
        zh: '累计目标([ ]):取基期以来的累计总量(level 行为累计总量,increment 行为当年新增,加到最近已知总量上),线性路径;无基期值时以 0 起算。',
        en: "Cumulative targets ([ ]): the running total since the base year (level rows are totals, increment rows this year's additions to the last known total), linear path; no printed baseline counts from 0.",
      },
      {
        topic: 'status',
        zh: `状态(c、τ 先取 ${config.decimals} 位小数):达到目标为已实现(目标年前为提前实现);c ≥ τ + ${a} 快于预期;c ≥ τ − ${o} 基本符合预期;c ≥ τ − ${l} 滞后;低于此或 c < 0(背离目标)为严重滞后。`,
        en: `Status (c and τ rounded to ${config.decimals} decimals first): target met → achieved; c ≥ τ + ${a} ahead; c ≥ τ − ${o} on track; c ≥ τ − ${l} lagging; below that, or c < 0 (moving away), off track.`,
      },
      {
        topic: 'threshold',
        zh: '限值与保持目标(>99;100 → 100):最近一期达到即已实现,否则滞后。',
        en: 'Threshold and maintain targets (>99; 100 → 100): met in the latest period → achieved, else lagging.',
      },
      {
        topic: 'external',
        zh: '“完成市下达目标”:与上级下达的当年目标(数据中 kind=target 的行)比较,达到为已实现,否则滞后;尚未录入目标时为无法评估。',
        en: 'External targets (完成市下达目标): compared with the target the level above set for that year (rows of kind target): met → achieved, else lagging; not assessable until one is entered.',
      },
      {
        topic: 'relational',
        zh: '相对目标(如“高于经济增长”):与所对照指标同年的增速比较(优先用其增速行,否则由相邻年份总量计算),达到为已实现,否则滞后。',
        en: "Relational targets (高于经济增长): compared with the related indicator's growth in the same year (its growth row, else computed from consecutive levels): met → achieved, else lagging.",
      },
      {
        topic: 'no_baseline',
        zh: '无基期值的水平目标:达到目标为已实现,否则无法评估完成度(仍显示实际值);数据中基期年的数值可作为基期值。',
        en: 'Level targets with no baseline: achieved when met, otherwise not assessable (the value is still shown); a value for the base year in the data serves as the baseline.',
      },
      {
        topic: 'light',
        zh: '亮灯:已实现、快于预期、基本符合预期为绿灯;滞后为黄灯;严重滞后为红灯;其他为灰灯。约束性指标未亮绿灯的一律列入督办。',
        en: 'Lights: green for achieved, ahead and on track; yellow for lagging; red for off track; grey otherwise. Binding (约束性) measures that are not green are escalated.',
      },
      {
        topic: 'open_sdg',
        zh: `Open SDG 进展比率 p = d·CAGR(B→A)/|CAGR(B→T)|(d 为方向):已达到目标为 target_achieved;p ≥ ${s.substantial} substantial;p ≥ ${s.moderate} moderate;p ≥ ${s.limited} limited;否则 deterioration。`,
        en: `Open SDG progress ratio p = d·CAGR(B→A)/|CAGR(B→T)| (d the direction): target met → target_achieved; p ≥ ${s.substantial} substantial; p ≥ ${s.moderate} moderate; p ≥ ${s.limited} limited; else deterioration.`,
      },
      {
        topic: 'projection',
        zh: '期末预测:按基期以来的速度外推到目标年,几何 A·(1 + r)^(yT − y)(r 为基期以来年均增速),线性 B + (A − B)/τ,并判断能否达到目标。',
        en: 'Projection to the target year at the pace since the base year: geometric A·(1 + r)^(yT − y) with r the annual growth since the base year, linear B + (A − B)/τ; and whether it reaches the target.',
      },
      {
        topic: 'rollup',
        zh: '汇总:按类别和全部指标统计各状态、各灯色数量;多分项指标取最差分项的灯色(红 > 黄 > 灰 > 绿)。',
        en: 'Roll-ups: counts by status and light per category and for the plan; a compound indicator takes the light of its worst measure (red > yellow > grey > green).',
      },
      {
        topic: 'data',
        zh: '数据:取评估年及以前、基期年以后的最新值;全年数据优先于季度/月度数据;季度/月度数据视为累计至该期的数值(货币类总量不与全年目标直接比较)。status 列仅作标注,不影响计算(审核流程由数据库负责)。',
        en: 'Data: the latest value after the base year up to the assessed year; a full-year value wins over quarterly or monthly ones, which are read as year-to-date (money flows are not compared with a full-year target). The status column is informational here (approval belongs to the database).',
      },
    ],
    overrides: { paths: { ...config.paths }, relations: { ...config.relations } },
  };
}

/** The method as plain text in one language, one rule per line (for reports and the CLI). */
export function methodText(method: MethodDescription, lang: 'zh-CN' | 'en'): string {
  const title =
    lang === 'en'
      ? `Method (${method.name}, version ${method.version})`
      : `评估方法(${method.name},第 ${method.version} 版)`;
  const lines = method.rules.map((r) => `- ${lang === 'en' ? r.en : r.zh}`);
  return [title, ...lines].join('\n');
}
