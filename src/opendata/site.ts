/**
 * The public portal as a static site (`lantu export-site`), for districts that do not run a server
 * facing the internet: plain HTML pages with their data written into them (the tables, and the
 * same data as JSON in a script element for machines), the charts as SVG drawn on the server, and
 * every open data file. No JavaScript and no API: it opens from a file system or any web server or
 * CDN. Only published plans and approved values, and no person, as on the portal.
 */

import type { Assessment, Light } from '../progress/index.ts';
import { STATUS_LABELS } from '../progress/index.ts';
import { LIGHT_COLORS, lightsChartSvg, measureChartSvg } from './charts.ts';
import { type PublicData, publicFiles, renderPublicFile } from './dataset.ts';
import { openSdgFileName, seriesName, valueUnit } from './opensdg.ts';

/** The files of the site: path (relative to the output folder, with /) → contents. */
export type SiteFiles = Map<string, string | Buffer>;

/** Builds the whole site for the given published plans. */
export async function buildStaticSite(
  plans: readonly PublicData[],
  options: { generatedAt: string },
): Promise<SiteFiles> {
  const files: SiteFiles = new Map();
  files.set('assets/site.css', SITE_CSS);
  files.set('index.html', indexPage(plans, options.generatedAt));
  for (const data of plans) await addPlan(files, data, options.generatedAt);
  return files;
}

/** A file-name-safe form of an indicator code. */
function slug(code: string): string {
  return code.replace(/[^0-9A-Za-z.-]+/g, '-');
}

async function addPlan(files: SiteFiles, data: PublicData, generatedAt: string): Promise<void> {
  const base = data.plan.id;
  const latest = data.assessments[data.assessments.length - 1] ?? null;
  for (const file of publicFiles(data.structure)) {
    const rendered = await renderPublicFile(data, file.name);
    if (rendered) files.set(`${base}/data/${file.name}`, rendered.body);
  }
  files.set(
    `${base}/data/index.json`,
    `${JSON.stringify(
      {
        plan: data.plan,
        generatedAt,
        containsSampleData: data.values.some((v) => v.sample),
        files: publicFiles(data.structure).map((f) => ({ ...f, url: f.name })),
      },
      null,
      1,
    )}\n`,
  );
  for (const indicator of data.structure.indicators) {
    const charts: string[] = [];
    indicator.measures.forEach((m, k) => {
      const measure = k + 1;
      const assessment =
        latest?.assessments.find((a) => a.indicator === indicator.code && a.measure === measure && !a.area) ??
        null;
      const svg = measureChartSvg({
        baseYear: data.plan.period.baseYear,
        endYear: data.plan.period.endYear,
        unit: valueUnit(indicator, measure, 'level', m.unit),
        values: data.values
          .filter(
            (v) =>
              v.indicator === indicator.code &&
              v.measure === measure &&
              v.kind === 'level' &&
              !v.area &&
              !v.period,
          )
          .map((v) => ({ year: v.year, value: v.value })),
        assessment,
      });
      files.set(`${base}/charts/${slug(indicator.code)}-${measure}.svg`, svg);
      charts.push(svg);
    });
    files.set(
      `${base}/indicators/${slug(indicator.code)}.html`,
      indicatorPage(data, indicator.code, charts, generatedAt),
    );
  }
  files.set(`${base}/index.html`, planPage(data, generatedAt));
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

/** Escapes text for HTML. */
function h(text: string | number | null | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Data for machines, in a script element that no browser runs: `<` and line separators escaped. */
function embedded(data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="lantu-data">${json}</script>`;
}

function num(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  return String(Number(value.toFixed(abs >= 1000 ? 1 : abs >= 1 ? 2 : 4)));
}

function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

/** A source as text, or as a link when it is a web address (公报 pages usually are). */
function source(text: string): string {
  return /^https?:\/\/\S+$/.test(text) ? `<a href="${h(text)}">${h(text)}</a>` : h(text);
}

function lightDot(light: Light): string {
  return `<span class="dot" style="background:${LIGHT_COLORS[light]}" aria-hidden="true"></span>`;
}

function statusCell(a: Assessment | null): string {
  if (!a) return '—';
  const label = STATUS_LABELS[a.status];
  return `${lightDot(a.light)}${h(label.zh)} <span class="en">${h(label.en)}</span>`;
}

function page(title: string, depth: number, body: string, data: unknown, generatedAt: string): string {
  const up = '../'.repeat(depth);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<link rel="stylesheet" href="${up}assets/site.css">
</head>
<body>
<header class="site"><a href="${up}index.html">规划实施公开 · Plan implementation</a></header>
<main>
${body}
</main>
<footer>由 lantu 蓝图生成 · generated by lantu, ${h(generatedAt.slice(0, 10))}。仅含已审定数据 · approved data only.</footer>
${embedded(data)}
</body>
</html>
`;
}

function indexPage(plans: readonly PublicData[], generatedAt: string): string {
  const items = plans
    .map(
      (d) =>
        `<li><a href="${h(d.plan.id)}/index.html">${h(d.plan.title)}</a> <span class="meta">${d.plan.period.startYear}–${d.plan.period.endYear}${d.plan.issuer ? ` · ${h(d.plan.issuer)}` : ''}</span></li>`,
    )
    .join('\n');
  const body = `<h1>规划实施情况公开 <span class="en">Plan implementation, published</span></h1>
<ul class="plans">
${items || '<li>暂无已发布的规划 · no published plan</li>'}
</ul>`;
  return page(
    '规划实施情况公开 · Plan implementation',
    0,
    body,
    { plans: plans.map((d) => d.plan) },
    generatedAt,
  );
}

function planPage(data: PublicData, generatedAt: string): string {
  const latest = data.assessments[data.assessments.length - 1] ?? null;
  const p = data.plan;
  const byIndicator = (code: string): Assessment | null =>
    latest?.assessments.find((a) => a.indicator === code && a.measure === 1 && !a.area) ?? null;
  const categories = [...new Set(data.structure.indicators.map((i) => i.category))];
  const rows = categories
    .map((category) => {
      const indicators = data.structure.indicators.filter((i) => i.category === category);
      return `<tr class="group"><th colspan="8">${h(category || '指标 indicators')}</th></tr>
${indicators
  .map((i) => {
    const a = byIndicator(i.code);
    const item = latest?.summary.items.find((s) => s.indicator === i.code);
    return `<tr><td>${h(i.code)}</td><td><a href="indicators/${h(slug(i.code))}.html">${h(i.name)}</a>${i.binding ? ' <span class="tag">约束性</span>' : ''}</td><td>${h(i.unit)}</td><td class="n">${num(a?.baseline)}</td><td class="n">${a?.value === null || !a ? '—' : `${num(a.value)} <span class="meta">(${a.year})</span>`}</td><td class="n">${a?.target === null || !a ? h(i.measures[0]?.target.text ?? '—') : num(a.target)}</td><td class="n">${percent(a?.completion)}</td><td>${item ? `${lightDot(item.light)}${h(STATUS_LABELS[item.status].zh)} <span class="en">${h(STATUS_LABELS[item.status].en)}</span>` : statusCell(a)}</td></tr>`;
  })
  .join('\n')}`;
    })
    .join('\n');
  const counts = latest?.summary.indicators.byLight ?? { green: 0, yellow: 0, red: 0, grey: 0 };
  const files = publicFiles(data.structure).filter((f) => !f.name.startsWith('opensdg/'));
  const sample = data.values.some((v) => v.sample)
    ? '<p class="notice">部分数值为示例数据,并非正式公布的数据 · Some values are sample data, not published figures.</p>'
    : '';
  const t = data.method.thresholds;
  const body = `<h1>${h(p.title)}</h1>
<p class="meta">${p.issuer ? `${h(p.issuer)} · ` : ''}${p.issuedOn ? `${h(p.issuedOn)} · ` : ''}规划期 period ${p.period.startYear}–${p.period.endYear} · 基期 base ${p.period.baseYear}${p.period.visionYear ? ` · 远景 vision ${p.period.visionYear}` : ''}${latest ? ` · 评估年份 assessed ${latest.year}` : ''}</p>
${sample}
<section>
<h2>总体情况 <span class="en">Overall</span></h2>
<p>${counts.green} 绿灯 green · ${counts.yellow} 黄灯 yellow · ${counts.red} 红灯 red · ${counts.grey} 灰灯 grey</p>
<figure>${lightsChartSvg(counts)}</figure>
</section>
<section>
<h2>主要指标 <span class="en">Headline indicators</span></h2>
<table>
<thead><tr><th>序号</th><th>指标 indicator</th><th>单位 unit</th><th>基期值 baseline</th><th>最新值 latest</th><th>目标值 target</th><th>完成度 completion</th><th>状态 status</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>
<section>
<h2>数据下载 <span class="en">Downloads</span></h2>
<ul class="files">
${files.map((f) => `<li><a href="data/${h(f.name)}">${h(f.name)}</a> ${h(f.zh)} <span class="en">${h(f.en)}</span></li>`).join('\n')}
<li><a href="data/index.json">index.json</a> 文件清单 <span class="en">list of files</span></li>
</ul>
<p class="meta">各指标的 Open SDG 格式文件见指标页 · each indicator's file in the Open SDG layout is on its page.</p>
</section>
<section>
<h2>评估方法 <span class="en">Method</span></h2>
<p>完成度与序时进度比较:快于预期 c ≥ τ + ${t.aheadMargin};基本符合 c ≥ τ − ${t.onTrackMargin};滞后 c ≥ τ − ${t.laggingMargin};其余严重滞后。
<span class="en">Completion against elapsed time: ahead c ≥ τ + ${t.aheadMargin}; on track c ≥ τ − ${t.onTrackMargin}; lagging c ≥ τ − ${t.laggingMargin}; otherwise off track.</span></p>
</section>`;
  return page(
    p.title,
    1,
    body,
    { plan: p, year: latest?.year ?? null, summary: latest?.summary ?? null },
    generatedAt,
  );
}

function indicatorPage(data: PublicData, code: string, charts: string[], generatedAt: string): string {
  const indicator = data.structure.indicators.find((i) => i.code === code)!;
  const latest = data.assessments[data.assessments.length - 1] ?? null;
  const values = data.values.filter((v) => v.indicator === code);
  const sections = indicator.measures
    .map((m, k) => {
      const measure = k + 1;
      const a =
        latest?.assessments.find((x) => x.indicator === code && x.measure === measure && !x.area) ?? null;
      const mine = values.filter((v) => v.measure === measure);
      const name = seriesName(indicator, measure);
      const target =
        m.target.value !== null
          ? `${m.target.comparator && m.target.comparator !== '=' ? `${h(m.target.comparator)} ` : ''}${num(m.target.value)}`
          : m.target.annualRate !== undefined
            ? `年均 ${num(m.target.annualRate)}%`
            : h(m.target.text ?? '—');
      return `<section>
${name ? `<h2>${h(name)}</h2>` : ''}
<p>基期 baseline ${m.baseline.year}: ${num(m.baseline.value)} ${h(m.unit)} · 目标 target ${m.target.year}: ${target} · 状态 status: ${statusCell(a)}${a ? ` · 完成度 completion ${percent(a.completion)} · 时间进度 elapsed ${percent(a.elapsed)}` : ''}</p>
<figure>${charts[k] ?? ''}</figure>
<table>
<thead><tr><th>年份 year</th><th>期间 period</th><th>片区 area</th><th>类型 kind</th><th>数值 value</th><th>单位 unit</th><th>来源 source</th></tr></thead>
<tbody>
${
  mine
    .map(
      (v) =>
        `<tr><td>${v.year}</td><td>${h(v.period ?? '全年')}</td><td>${h(v.area ?? '全区')}</td><td>${h(v.kind)}</td><td class="n">${num(v.value)}${v.sample ? '<sup title="示例数据 sample data">*</sup>' : ''}</td><td>${h(valueUnit(indicator, measure, v.kind, v.unit))}</td><td>${source(v.source)}</td></tr>`,
    )
    .join('\n') || '<tr><td colspan="7">暂无已审定数据 · no approved value yet</td></tr>'
}
</tbody>
</table>
</section>`;
    })
    .join('\n');
  const body = `<p><a href="../index.html">← ${h(data.plan.title)}</a></p>
<h1>${h(indicator.code)}. ${h(indicator.name)}</h1>
<p class="meta">${h(indicator.category)} · ${h(indicator.unit)} · ${indicator.binding ? '约束性 binding' : '预期性 expected'}</p>
${sections}
<p><a href="../data/opensdg/${h(openSdgFileName(indicator.code))}">${h(openSdgFileName(indicator.code))}</a> Open SDG 格式数据 <span class="en">data in the Open SDG layout</span>${values.some((v) => v.sample) ? ' · * 示例数据 sample data' : ''}</p>`;
  return page(
    `${indicator.name} · ${data.plan.title}`,
    2,
    body,
    { plan: data.plan.id, indicator, values },
    generatedAt,
  );
}

const SITE_CSS = `body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; color: #222; background: #f6f7f9; }
header.site { background: #1f5fa8; padding: 10px 24px; }
header.site a { color: #fff; text-decoration: none; font-weight: bold; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 40px; background: #fff; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 1px solid #dde3ea; padding-bottom: 4px; }
.en { color: #666; font-size: 0.9em; } .meta { color: #666; }
.notice { background: #fff4c2; padding: 8px 12px; border-left: 4px solid #f2a900; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { border-bottom: 1px solid #e5e8ec; padding: 6px 8px; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.group th { background: #eef3f9; }
.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; }
.tag { font-size: 0.8em; color: #c62828; border: 1px solid #c62828; border-radius: 3px; padding: 0 3px; }
figure { margin: 12px 0; overflow-x: auto; }
ul.plans li, ul.files li { margin: 6px 0; }
footer { max-width: 1100px; margin: 0 auto; padding: 12px 24px; color: #888; font-size: 0.85em; }
`;
