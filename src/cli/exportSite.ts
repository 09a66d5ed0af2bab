/**
 * `lantu export-site [--database URL] [--plan ID] --out dir/`: writes the public portal of the
 * published plans (or of one) as a static site: HTML pages with their data, SVG charts and every
 * open data file, which any web server or CDN can host and which opens from the file system.
 * Exit 0 when written, 1 when there is nothing to publish or the folder cannot be written, 2 for
 * wrong arguments.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PublicData } from '../opendata/dataset.ts';
import { buildStaticSite } from '../opendata/site.ts';
import { loadPublicData } from '../server/services/loadPublicData.ts';
import { DEFAULT_DATABASE_URL, openDatabase } from '../store/database.ts';
import { listPlans } from '../store/plans.repository.ts';
import { choosePlan } from './importObservations.ts';
import type { CliIo } from './io.ts';

export const exportSiteUsage = 'usage: lantu export-site [--database URL] [--plan ID] --out dir/';

export async function runExportSite(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      database: { type: 'string' },
      plan: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(`${exportSiteUsage}\n`);
    return 0;
  }
  if (positionals.length > 0) {
    io.stderr(`lantu export-site: unexpected argument '${positionals[0]}'\n${exportSiteUsage}\n`);
    return 2;
  }
  if (!values.out) {
    io.stderr(`lantu export-site: --out <dir> is required\n${exportSiteUsage}\n`);
    return 2;
  }
  const out = resolve(values.out);
  const database = await openDatabase(
    values.database ?? process.env.LANTU_DATABASE_URL ?? DEFAULT_DATABASE_URL,
  );
  try {
    let ids: string[];
    if (values.plan !== undefined) {
      const chosen = await choosePlan(database.db, values.plan, { publishedOnly: true });
      if (typeof chosen === 'string') {
        io.stderr(`lantu export-site: ${chosen}\n`);
        return 1;
      }
      ids = [chosen.id];
    } else {
      ids = (await listPlans(database.db, { publishedOnly: true })).map((p) => p.id);
      if (ids.length === 0) {
        io.stderr('lantu export-site: 数据库中没有已发布的规划 · the database holds no published plan\n');
        return 1;
      }
    }
    const plans: PublicData[] = [];
    for (const id of ids) {
      const data = await loadPublicData(database.db, id);
      if (data) plans.push(data);
    }
    const files = await buildStaticSite(plans, { generatedAt: new Date().toISOString() });
    try {
      for (const [path, body] of files) {
        const target = join(out, ...path.split('/'));
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, body);
      }
    } catch (error) {
      io.stderr(
        `lantu export-site: ${out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`,
      );
      return 1;
    }
    io.stdout(
      `已导出静态站点 static site written: ${out} (${plans.length} 个规划 plans, ${files.size} 个文件 files); 打开 open ${join(out, 'index.html')}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
