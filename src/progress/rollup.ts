/**
 * Roll-ups of assessments: counts by status and light for the whole plan and per category, one
 * judgement per indicator (for compound indicators the worse measure decides), and the binding
 * (约束性) measures that are not green, which are always escalated.
 */
import type { Plan } from '../model/plan.ts';
import { LIGHT_RANK, lightOf, STATUS_RANK } from './status.ts';
import { type Assessment, LIGHTS, type Light, STATUSES, type Status } from './types.ts';

/** Counts of a group of items by status and by light. */
export interface Counts {
  total: number;
  byStatus: Record<Status, number>;
  byLight: Record<Light, number>;
}

/** One indicator's judgement: that of its worst measure (or sub-area) row. */
export interface IndicatorSummary {
  indicator: string;
  name: string;
  category: string;
  binding: boolean;
  status: Status;
  light: Light;
}

/** A binding measure that is not green: listed for supervision (督办). */
export interface Escalation {
  indicator: string;
  measure: number;
  area?: string;
  name: string;
  status: Status;
  light: Light;
}

/** The roll-ups of an assessment run. */
export interface Summary {
  /** Counts over indicators (one judgement each). */
  indicators: Counts;
  /** Counts over every assessment row (measures and sub-areas). */
  measures: Counts;
  /** Counts over indicators per category (类别), in the plan's order. */
  categories: Array<{ category: string } & Counts>;
  /** Each indicator's judgement, in the plan's order. */
  items: IndicatorSummary[];
  escalations: Escalation[];
}

/** Zero counts. */
export function emptyCounts(): Counts {
  const byStatus = {} as Record<Status, number>;
  for (const s of STATUSES) byStatus[s] = 0;
  const byLight = {} as Record<Light, number>;
  for (const l of LIGHTS) byLight[l] = 0;
  return { total: 0, byStatus, byLight };
}

function add(counts: Counts, status: Status, light: Light): void {
  counts.total++;
  counts.byStatus[status]++;
  counts.byLight[light]++;
}

/** Whether row a is worse than row b: by light (red > yellow > grey > green), then by status. */
function worse(a: { status: Status; light: Light }, b: { status: Status; light: Light }): boolean {
  const d = LIGHT_RANK[a.light] - LIGHT_RANK[b.light];
  return d !== 0 ? d > 0 : STATUS_RANK[a.status] > STATUS_RANK[b.status];
}

/**
 * Rolls assessments up by indicator, category and plan. An indicator with no assessment rows
 * counts as not_assessable.
 */
export function rollup(plan: Plan, assessments: readonly Assessment[]): Summary {
  const byCode = new Map<string, Assessment[]>();
  for (const a of assessments) {
    const list = byCode.get(a.indicator);
    if (list) list.push(a);
    else byCode.set(a.indicator, [a]);
  }
  const summary: Summary = {
    indicators: emptyCounts(),
    measures: emptyCounts(),
    categories: [],
    items: [],
    escalations: [],
  };
  const categories = new Map<string, { category: string } & Counts>();
  for (const a of assessments) add(summary.measures, a.status, a.light);
  for (const indicator of plan.indicators) {
    const rows = byCode.get(indicator.code) ?? [];
    let judged: { status: Status; light: Light } = {
      status: 'not_assessable',
      light: lightOf('not_assessable'),
    };
    rows.forEach((r, i) => {
      if (i === 0 || worse(r, judged)) judged = { status: r.status, light: r.light };
    });
    add(summary.indicators, judged.status, judged.light);
    let category = categories.get(indicator.category);
    if (!category) {
      category = { category: indicator.category, ...emptyCounts() };
      categories.set(indicator.category, category);
    }
    add(category, judged.status, judged.light);
    summary.items.push({
      indicator: indicator.code,
      name: indicator.name,
      category: indicator.category,
      binding: indicator.binding,
      status: judged.status,
      light: judged.light,
    });
    if (!indicator.binding) continue;
    for (const r of rows) {
      if (r.light === 'green') continue;
      const e: Escalation = {
        indicator: r.indicator,
        measure: r.measure,
        name: indicator.name,
        status: r.status,
        light: r.light,
      };
      if (r.area !== undefined) e.area = r.area;
      summary.escalations.push(e);
    }
    if (rows.length === 0) {
      summary.escalations.push({ indicator: indicator.code, measure: 1, name: indicator.name, ...judged });
    }
  }
  summary.categories = [...categories.values()];
  return summary;
}
