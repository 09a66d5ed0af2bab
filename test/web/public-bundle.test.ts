/**
 * The public portal must stay light: the JavaScript a browser loads before the first paint (what
 * public.html references directly, its modulepreloads, and recursively their static imports) is at
 * most 350 KB gzipped, holds no Ant Design, and leaves ECharts to a dynamic import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltFile, buildWeb, type WebBuild } from './buildWeb.ts';

const BUDGET = 350 * 1024;

let web: WebBuild;

beforeAll(async () => {
  web = await buildWeb();
}, 120_000);

afterAll(() => web?.remove());

/** The scripts public.html loads: module scripts and modulepreload links (paths without the leading /). */
function referencedScripts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag) && /\bsrc=/.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel=["']?modulepreload/i.test(tag);
    if (!isScript && !isPreload) continue;
    const url = /\b(?:src|href)=["']?([^"'\s>]+)/.exec(tag)?.[1];
    if (url) found.push(url.replace(/^\//, ''));
  }
  return found;
}

/** Every chunk reachable from `roots` through static imports only. */
function staticClosure(roots: string[], files: Map<string, BuiltFile>): BuiltFile[] {
  const seen = new Map<string, BuiltFile>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    const file = files.get(name);
    if (!file) throw new Error(`public.html loads ${name}, which the build did not write`);
    seen.set(name, file);
    queue.push(...(file.imports ?? []));
  }
  return [...seen.values()];
}

const gzipSize = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;

describe('public portal bundle', () => {
  it('loads at most 350 KB of gzipped JavaScript before first paint, without antd or ECharts', () => {
    const html = readFileSync(join(web.outDir, 'public.html'), 'utf8');
    const roots = referencedScripts(html);
    expect(roots.length).toBeGreaterThan(0);
    const firstPaint = staticClosure(roots, web.files).filter((f) => f.type === 'chunk');
    const sizes = firstPaint.map((f) => ({ file: f.fileName, gzip: gzipSize(join(web.outDir, f.fileName)) }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.log(
      `public portal, JavaScript before first paint: ${(total / 1024).toFixed(1)} KB gzipped\n${sizes
        .map((s) => `  ${s.file} ${(s.gzip / 1024).toFixed(1)} KB`)
        .join('\n')}`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET);

    const modules = firstPaint.flatMap((f) => f.moduleIds ?? []);
    expect(modules.length).toBeGreaterThan(0);
    const antd = modules.filter((id) =>
      /node_modules\/(antd|@ant-design|@rc-component|rc-[\w-]+)\//.test(id),
    );
    expect(antd, 'Ant Design must not be loaded by the public portal').toEqual([]);
    const echarts = modules.filter((id) => /node_modules\/(echarts|zrender)\//.test(id));
    expect(echarts, 'ECharts must be loaded after the first paint').toEqual([]);
    const staff = modules.filter((id) => id.includes('/web/src/staff/'));
    expect(staff, 'the staff workspace must not be loaded by the public portal').toEqual([]);
    for (const f of firstPaint)
      expect(readFileSync(join(web.outDir, f.fileName), 'utf8')).not.toMatch(/\bant-btn\b/);
  });

  it('loads ECharts (tree-shaken: line chart, canvas) by a dynamic import', () => {
    const html = readFileSync(join(web.outDir, 'public.html'), 'utf8');
    const firstPaint = new Set(staticClosure(referencedScripts(html), web.files).map((f) => f.fileName));
    const lazy = [...firstPaint].flatMap((name) => web.files.get(name)?.dynamicImports ?? []);
    expect(lazy.length).toBeGreaterThan(0);
    const lazyModules = staticClosure(lazy, web.files)
      .filter((f) => !firstPaint.has(f.fileName))
      .flatMap((f) => f.moduleIds ?? []);
    expect(lazyModules.some((id) => /echarts\/lib\/chart\/line\//.test(id))).toBe(true);
    expect(lazyModules.some((id) => /zrender\/lib\/canvas\//.test(id))).toBe(true);
    // Only what the portal registers: no bar, pie or map charts, no SVG renderer.
    expect(lazyModules.filter((id) => /echarts\/lib\/chart\/(bar|pie|map|scatter)\//.test(id))).toEqual([]);
  });
});
