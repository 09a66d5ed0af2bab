/**
 * Demo assignments (分解目标、明确牵头单位): every indicator, column item, task and commitment of a
 * plan gets one lead unit, up to three co-operating units, a due date and its time nodes (倒排时间
 *节点). Who leads comes from a keyword table (rules.ts), so another district swaps the table, not
 * the code. Pure and deterministic: the plan and the directory in, plain data out.
 */
import { indicatorKey, keyedColumnItems, keyedCommitments, keyedTasks } from '../model/keys.ts';
import type { Plan } from '../model/plan.ts';
import { type DemoOrgUnit, PLANNER_UNIT_CODE } from './directory.ts';
import { type AssignmentRule, SHANGCHENG_RULES } from './rules.ts';

/** The four kinds of item a plan has that can be assigned. */
export type DemoItemType = 'indicator' | 'column' | 'task' | 'commitment';

/**
 * One assignable item of a plan, with the key every demo record refers to it by:
 * `ind:<code>` for an indicator (序号), `col:<column>.<item>`, `task:<chapter>.<section>.<n>` (n 1-based
 * within its section; section 0 for a chapter without sections) and `com:<line>:<start>` (a second
 * commitment read from the same place gets `com:<line>:<start>:2`, and so on).
 */
export interface DemoItem {
  key: string;
  type: DemoItemType;
  /** The name, title or subject people know the item by. */
  title: string;
  /** The whole text the item was read from (the title for an indicator). */
  text: string;
  /** Titles around it (section or column box, chapter), used when neither title nor text decide. */
  context: string;
  line: number;
  /** For column items: project (something built) or action. */
  kind?: 'project' | 'action';
  /** For commitments: the year the promise is due (null when the text names none). */
  year?: number | null;
  /** For commitments: the indicator the promise restates. */
  indicatorCode?: string | null;
}

/** A time node (倒排时间节点) of an item. */
export interface DemoMilestone {
  title: string;
  /** YYYY-MM-DD. */
  due: string;
}

/** Who leads an item, who helps, by when, and its time nodes. */
export interface DemoAssignment {
  itemKey: string;
  leadUnitCode: string;
  /** 0–3 co-operating units (配合单位), never the lead. */
  coUnitCodes: string[];
  /** YYYY-MM-DD. */
  dueDate: string;
  milestones: DemoMilestone[];
  /**
   * Why this lead: the id of the rule that decided, `indicator:<code>` or `item:<key>` for a
   * commitment that follows the indicator or task it restates, or null when nothing matched and
   * the item fell through to the planner's unit.
   */
  rule: string | null;
}

/** Options of assignLeadUnits. */
export interface AssignOptions {
  /** The keyword table; Shangcheng's by default. */
  rules?: readonly AssignmentRule[];
  /** The unit that takes what no rule matches (the planner's 发改局); 'fgj' by default. */
  defaultUnitCode?: string;
}

/** Every assignable item of a plan in plan order: indicators, column items, tasks, commitments. */
export function planItems(plan: Plan): DemoItem[] {
  const items: DemoItem[] = [];
  for (const indicator of plan.indicators) {
    const names = indicator.measures.map((m) => m.name ?? '').join(' ');
    items.push({
      key: indicatorKey(indicator.code),
      type: 'indicator',
      title: indicator.name,
      text: `${indicator.name} ${names}`.trim(),
      context: indicator.category,
      line: indicator.line,
    });
  }
  const chapterTitle = new Map(plan.chapters.map((c) => [c.number, c.title]));
  for (const { key, item, columnTitle, chapter } of keyedColumnItems(plan)) {
    items.push({
      key,
      type: 'column',
      title: item.title,
      text: item.text,
      context: `${columnTitle} ${chapterTitle.get(chapter) ?? ''}`,
      line: item.line,
      kind: item.kind,
    });
  }
  for (const { key, task, chapterTitle: chapterName, sectionTitle } of keyedTasks(plan)) {
    items.push({
      key,
      type: 'task',
      title: task.title,
      text: task.text,
      context: sectionTitle ? `${sectionTitle} ${chapterName}` : chapterName,
      line: task.line,
    });
  }
  for (const { key, commitment: c } of keyedCommitments(plan)) {
    items.push({
      key,
      type: 'commitment',
      title: c.subject,
      text: c.text,
      context: '',
      line: c.line,
      year: c.year,
      indicatorCode: c.indicatorCode,
    });
  }
  return items;
}

interface CompiledRule {
  rule: AssignmentRule;
  once: RegExp;
  all: RegExp;
}

function compileRules(rules: readonly AssignmentRule[], units: ReadonlySet<string>): CompiledRule[] {
  // A rule whose lead is not in the directory is skipped, so a smaller directory still works.
  return rules
    .filter((rule) => units.has(rule.lead))
    .map((rule) => ({ rule, once: new RegExp(rule.pattern), all: new RegExp(rule.pattern, 'g') }));
}

/** The first rule (table order) whose pattern matches the text. */
function firstMatch(rules: readonly CompiledRule[], text: string): CompiledRule | null {
  for (const r of rules) if (r.once.test(text)) return r;
  return null;
}

/** Hits per rule in a text, best first (ties in table order); rules without a hit left out. */
function scoreRules(rules: readonly CompiledRule[], text: string): { r: CompiledRule; hits: number }[] {
  const scored: { r: CompiledRule; hits: number; order: number }[] = [];
  rules.forEach((r, order) => {
    const hits = text.match(r.all)?.length ?? 0;
    if (hits > 0) scored.push({ r, hits, order });
  });
  scored.sort((a, b) => b.hits - a.hits || a.order - b.order);
  return scored;
}

/**
 * Street offices whose area a text names, in text order: a street's name is also the name of its
 * area (湖滨商圈 and 湖滨步行街 lie in 湖滨街道, 丁兰板块 in 丁兰街道), so the street co-operates.
 */
function namedStreets(text: string, units: readonly DemoOrgUnit[]): string[] {
  const found: { code: string; at: number }[] = [];
  for (const u of units) {
    if (u.kind !== 'street') continue;
    const at = text.indexOf(u.shortName.replace(/街道$/, ''));
    if (at >= 0) found.push({ code: u.code, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.code);
}

const MAX_CO = 3;

/** A date as days since 1970-01-01 (UTC calendar arithmetic, not the clock). */
function days(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function isoDate(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/** The quarter end (03-31, 06-30, 09-30, 12-31) nearest a day: time nodes fall on reporting dates. */
function nearestQuarterEnd(dayNumber: number): number {
  const year = new Date(dayNumber * 86_400_000).getUTCFullYear();
  let best = days(year, 12, 31);
  for (const y of [year - 1, year]) {
    for (const [m, d] of [
      [3, 31],
      [6, 30],
      [9, 30],
      [12, 31],
    ] as const) {
      const q = days(y, m, d);
      if (Math.abs(q - dayNumber) < Math.abs(best - dayNumber)) best = q;
    }
  }
  return best;
}

/**
 * Years a text names within the plan period, each with the words of its promise: the clause
 * holding the year ("杨柳郡、景芳、红梅等项目2022年底前完成实体场景…"), or, when the clause is only the
 * year ("到2025年,新建幼儿园34所"), the clause after it.
 */
function namedYears(text: string, plan: Plan): { year: number; clause: string }[] {
  const out: { year: number; clause: string }[] = [];
  const clauses = text.split(/[，,。；;：:]/);
  let offset = 0;
  const spans = clauses.map((c) => {
    const span = { text: c, start: offset, end: offset + c.length };
    offset += c.length + 1;
    return span;
  });
  for (const m of text.matchAll(/(20\d\d)年/g)) {
    const year = Number(m[1]);
    if (year <= plan.period.baseYear || year > plan.period.endYear) continue;
    if (out.some((n) => n.year === year)) continue;
    const i = spans.findIndex((s) => m.index >= s.start && m.index < s.end);
    let clause = spans[i]?.text.trim() ?? '';
    if (/^(力争|确保)?(到|至|于|在)?20\d\d年(底|末)?(前|以前)?$/.test(clause))
      clause = spans[i + 1]?.text.trim() ?? '';
    clause = clause.replace(/^(力争|确保)?(到|于|在)?/, '');
    if (clause === '') continue;
    if (clause.length > 40) clause = `${clause.slice(0, 39)}…`;
    out.push({ year, clause });
  }
  return out.sort((a, b) => a.year - b.year);
}

const GENERIC_NODES: Readonly<Record<'project' | 'action', readonly [string, string, string]>> = {
  project: ['完成前期工作、启动实施', '工程推进过半', '全面建成、通过验收'],
  action: ['制定实施方案、明确责任分工', '完成中期评估、推进过半', '全面完成目标任务'],
};

/**
 * Due date and time nodes of a column item or task: due at the end of the latest year its text
 * names within the period (德寿宫 "将于2022年建成" → 2022-12-31), else the plan's end year. The
 * years the text names become nodes with their own words; generic nodes (start-up at 10% of the
 * time, mid-term at 50%, on quarter ends) fill in to three, keeping apart from the named ones.
 */
function schedule(item: DemoItem, plan: Plan): { dueDate: string; milestones: DemoMilestone[] } {
  const named = namedYears(item.text, plan);
  const dueYear = named.length > 0 ? named[named.length - 1]!.year : plan.period.endYear;
  const start = days(plan.period.startYear, 1, 1);
  const due = days(dueYear, 12, 31);
  const titles = GENERIC_NODES[item.kind === 'project' ? 'project' : 'action'];
  const nodes: { day: number; title: string }[] = named.map((n) => ({
    day: days(n.year, 12, 31),
    title: n.clause,
  }));
  if (!nodes.some((n) => n.day === due)) nodes.push({ day: due, title: titles[2] });
  const gap = Math.min(180, (due - start) / 4);
  for (const [fraction, title] of [
    [0.5, titles[1]],
    [0.1, titles[0]],
  ] as const) {
    if (nodes.length >= 3) break;
    const day = nearestQuarterEnd(start + (due - start) * fraction);
    if (day < due && nodes.every((n) => Math.abs(n.day - day) >= gap)) nodes.push({ day, title });
  }
  nodes.sort((a, b) => a.day - b.day);
  return { dueDate: isoDate(due), milestones: nodes.map((n) => ({ title: n.title, due: isoDate(n.day) })) };
}

/** Co-operating units: the rule's own, then units named as streets, then the other leads the text calls on most. */
function coUnits(
  lead: string,
  rule: CompiledRule | null,
  item: DemoItem,
  rules: readonly CompiledRule[],
  units: readonly DemoOrgUnit[],
  known: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  const add = (code: string): void => {
    if (out.length < MAX_CO && code !== lead && known.has(code) && !out.includes(code)) out.push(code);
  };
  for (const code of rule?.rule.co ?? []) add(code);
  if (item.type === 'indicator' || item.type === 'commitment') return out;
  for (const code of namedStreets(item.text, units)) add(code);
  for (const { r, hits } of scoreRules(rules, item.text)) if (hits >= 2) add(r.rule.lead);
  return out;
}

/** The column item or task a commitment was read from (same line, its text containing the clause). */
function enclosingItem(item: DemoItem, items: readonly DemoItem[]): DemoItem | null {
  const sameLine = items.filter((i) => (i.type === 'task' || i.type === 'column') && i.line === item.line);
  return sameLine.find((i) => i.text.includes(item.text)) ?? sameLine[0] ?? null;
}

/**
 * Assigns every indicator, column item, task and commitment of a plan to a lead unit of the
 * directory. The lead is, in order: for a commitment that restates a table indicator, the
 * indicator's lead; the first rule matching the item's name or title; the rule with the most hits
 * in its text; for a commitment, the lead of the task or column item it was read from; the first
 * rule matching its section or column title; and failing all, the planner's unit (rule null).
 * Indicators are due at the end of the plan period; commitments on 31 December of their year (the
 * end year when they name none); tasks and column items see `schedule`.
 */
export function assignLeadUnits(
  plan: Plan,
  units: readonly DemoOrgUnit[],
  options: AssignOptions = {},
): DemoAssignment[] {
  const known = new Set(units.map((u) => u.code));
  const fallback = options.defaultUnitCode ?? PLANNER_UNIT_CODE;
  if (!known.has(fallback)) throw new RangeError(`the default unit ${fallback} is not in the directory`);
  const rules = compileRules(options.rules ?? SHANGCHENG_RULES, known);
  const items = planItems(plan);
  const byKey = new Map<string, DemoAssignment>();
  const endDate = `${plan.period.endYear}-12-31`;
  const out: DemoAssignment[] = [];

  for (const item of items) {
    let rule: CompiledRule | null = firstMatch(rules, item.title);
    let lead: string | null = rule?.rule.lead ?? null;
    let basis: string | null = rule?.rule.id ?? null;
    let inherited: DemoAssignment | undefined;
    if (item.type === 'commitment' && item.indicatorCode) {
      inherited = byKey.get(`ind:${item.indicatorCode}`);
      if (inherited) basis = `indicator:${item.indicatorCode}`;
    }
    if (!inherited && lead === null) {
      rule = scoreRules(rules, item.text)[0]?.r ?? null;
      lead = rule?.rule.lead ?? null;
      basis = rule?.rule.id ?? null;
    }
    if (!inherited && lead === null && item.type === 'commitment') {
      const parent = enclosingItem(item, items);
      inherited = parent ? byKey.get(parent.key) : undefined;
      if (inherited) basis = `item:${inherited.itemKey}`;
    }
    if (!inherited && lead === null) {
      rule = firstMatch(rules, item.context);
      lead = rule?.rule.lead ?? null;
      basis = rule?.rule.id ?? null;
    }
    let leadUnitCode = inherited?.leadUnitCode ?? lead ?? fallback;
    let coUnitCodes = inherited
      ? inherited.coUnitCodes.filter((c) => c !== leadUnitCode)
      : coUnits(leadUnitCode, rule, item, rules, units, known);
    // 属地牵头: a task or project named after one street's area (湖滨国际时尚消费核) is led by that
    // street office, the department the rules found co-operating.
    const owner = item.type === 'task' || item.type === 'column' ? namedStreets(item.title, units) : [];
    if (!inherited && owner.length === 1 && owner[0] !== leadUnitCode) {
      coUnitCodes = [leadUnitCode, ...coUnitCodes.filter((c) => c !== owner[0])].slice(0, MAX_CO);
      leadUnitCode = owner[0]!;
      lead = leadUnitCode;
      basis = `street:${owner[0]}`;
    }

    let dueDate = endDate;
    let milestones: DemoMilestone[] = [];
    if (item.type === 'column' || item.type === 'task') ({ dueDate, milestones } = schedule(item, plan));
    else if (item.type === 'commitment') dueDate = `${item.year ?? plan.period.endYear}-12-31`;

    const assignment: DemoAssignment = {
      itemKey: item.key,
      leadUnitCode,
      coUnitCodes,
      dueDate,
      milestones,
      rule: lead === null && !inherited ? null : basis,
    };
    byKey.set(item.key, assignment);
    out.push(assignment);
  }
  return out;
}
