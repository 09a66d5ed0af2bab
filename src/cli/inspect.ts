/**
 * `lantu inspect <file> [--json]`: reads a plan and shows what lantu made of it, so a planner can
 * check the outline, the indicator table, the column boxes, the promises and the findings before the
 * plan is imported. With --json, the whole structured plan (the JSON contract of the README).
 */
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { ingestPlan } from '../ingest/index.ts';
import type { Finding, Indicator, Measure, Plan } from '../model/plan.ts';
import { renderTable, truncate } from './format.ts';
import type { CliIo } from './io.ts';
import { readPlanFile } from './read-plan.ts';

export const inspectUsage = 'usage: lantu inspect <plan-file> [--json]';

/** Runs the command; returns the exit code. */
export async function runInspect(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(`${inspectUsage}\n`);
    return 0;
  }
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    io.stderr(`${inspectUsage}\n`);
    return 2;
  }
  const plan = await readPlanFile(file, io, ingestPlan);
  if (!plan) return 1;
  io.stdout(values.json ? `${JSON.stringify(plan, null, 2)}\n` : summarise(plan, io.isTty));
  return 0;
}

const KIND_LABEL: Record<string, string> = {
  level: '水平 level',
  growth: '年均增长 growth',
  cumulative: '累计 cumulative',
  threshold: '保持 threshold',
  external: '上级下达 external',
  relational: '相对 relational',
};

/** The readable summary of a plan. */
export function summarise(plan: Plan, colour: boolean): string {
  const c = colour ? pc : pc.createColors(false);
  const out: string[] = [];
  const { period, source } = plan;
  out.push(c.bold(plan.title || '(无标题 untitled)'));
  out.push(`  发布 issued   ${plan.issuer ?? '—'} · ${plan.issuedOn ?? '—'}`);
  out.push(
    `  期限 period   ${period.startYear}–${period.endYear} (基期 base ${period.baseYear}${period.visionYear ? `, 远景 vision ${period.visionYear}` : ''})`,
  );
  out.push(
    `  来源 source   ${source.format}, ${source.encoding}, ${source.lines} 行 lines, sha256 ${source.sha256.slice(0, 12)}…`,
  );
  out.push('');

  const sections = plan.chapters.flatMap((ch) => ch.sections);
  const missing = sections.filter((s) => !s.foundInBody).length;
  const tasks = plan.chapters.reduce(
    (n, ch) => n + ch.tasks.length + ch.sections.reduce((m, s) => m + s.tasks.length, 0),
    0,
  );
  out.push(
    c.bold(
      `大纲 Outline: ${plan.chapters.length} 章 chapters, ${sections.length} 节 sections${missing ? ` (${missing} 节标题缺失 headings missing)` : ''}, ${tasks} 项任务 tasks`,
    ),
  );
  for (const ch of plan.chapters) {
    out.push(`  第${ch.number}章 ${ch.title}  ${c.dim(`${ch.line}–${ch.lineEnd}`)}`);
    for (const s of ch.sections) {
      const counts = [
        s.tasks.length ? `${s.tasks.length} 任务 tasks` : '',
        s.achievements.length ? `${s.achievements.length} 成就 achievements` : '',
        s.paragraphs.length ? `${s.paragraphs.length} 段 paragraphs` : '',
      ].filter(Boolean);
      const flag = s.foundInBody ? '' : c.yellow(' ⚠ 标题缺失 heading missing');
      out.push(
        `    ${s.number}. ${s.title}${flag}  ${c.dim(`${s.line}–${s.lineEnd} · ${counts.join(', ') || '—'}`)}`,
      );
    }
    if (ch.tasks.length) out.push(`    ${c.dim(`${ch.tasks.length} 任务 tasks`)}`);
  }
  out.push('');

  const binding = plan.indicators.filter((i) => i.binding).length;
  const cumulative = plan.indicators.filter((i) => i.cumulative).length;
  out.push(
    c.bold(
      `主要指标 Indicators: ${plan.indicators.length} (约束性 binding ${binding}, 含累计数 cumulative ${cumulative})`,
    ),
  );
  if (plan.indicators.length) {
    out.push(
      indent(
        renderTable(
          ['序号', '类别', '指标 name', '单位 unit', '基期 base', '目标 target', '类型 kind', '属性'],
          plan.indicators.flatMap(indicatorRows),
          ['right'],
        ),
      ),
    );
  }
  out.push('');

  out.push(c.bold(`专栏 Columns: ${plan.columns.length}`));
  for (const col of plan.columns) {
    const where = col.section ? `第${col.chapter}章第${col.section}节` : `第${col.chapter}章`;
    out.push(`  专栏${col.number} ${col.title}  ${c.dim(`${where} · ${col.items.length} 项 items`)}`);
    out.push(`    ${c.dim(truncate(col.items.map((i) => `${i.number}.${i.title}`).join('  '), 100))}`);
  }
  out.push('');

  const linked = plan.commitments.filter((cm) => cm.indicatorCode).length;
  out.push(
    c.bold(`承诺 Commitments: ${plan.commitments.length} (与指标对应 linked to indicators ${linked})`),
  );
  out.push('');

  out.push(c.bold(`发现 Findings: ${plan.findings.length}`));
  for (const f of plan.findings) out.push(`  ${findingMark(f, c)} 第${f.line}行  ${f.message}`);
  out.push('');
  return out.join('\n');
}

function indicatorRows(ind: Indicator): string[][] {
  return ind.measures.map((m, k) => [
    k === 0 ? ind.code : '',
    k === 0 ? ind.category : '',
    truncate(m.name ?? ind.name, 28),
    m.unit,
    formatBaseline(m),
    formatTarget(m),
    KIND_LABEL[m.target.kind] ?? m.target.kind,
    k === 0 ? (ind.binding ? '约束性' : '预期性') : '',
  ]);
}

function formatBaseline(m: Measure): string {
  if (m.baseline.byArea) {
    return Object.entries(m.baseline.byArea)
      .map(([area, v]) => `${area}:${v}`)
      .join(' ');
  }
  if (m.baseline.value === null) return '—';
  return m.baseline.cumulative ? `[${m.baseline.value}]` : String(m.baseline.value);
}

function formatTarget(m: Measure): string {
  const t = m.target;
  const direction = m.direction === 'down' ? ' ↓' : '';
  switch (t.kind) {
    case 'growth':
      return `年均 ${t.annualRate}%`;
    case 'cumulative':
      return `[${t.value}]`;
    case 'threshold':
      return `${t.comparator ?? ''}${t.value}${direction}`;
    case 'external':
    case 'relational':
      return t.text ?? '';
    default:
      return t.value === null ? '—' : `${t.value}${direction}`;
  }
}

function findingMark(f: Finding, c: ReturnType<typeof pc.createColors>): string {
  if (f.severity === 'error') return c.red('✖');
  if (f.severity === 'warning') return c.yellow('⚠');
  return c.cyan('ℹ');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
