/**
 * The `lantu` command: dispatches to one module per subcommand. Each subcommand takes its
 * arguments and a CliIo and returns an exit code, so the whole CLI runs in-process in tests.
 */

import { assessUsage, runAssess } from './assess.ts';
import { auditUsage, runAudit } from './audit.ts';
import { exportSiteUsage, runExportSite } from './exportSite.ts';
import { importUsage, runImport } from './importObservations.ts';
import { inspectUsage, runInspect } from './inspect.ts';
import { type CliIo, processIo } from './io.ts';
import { remindUsage, runRemind } from './remind.ts';
import { reportUsage, runReport } from './report.ts';
import { runServe, serveUsage } from './serve.ts';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; usage: string; about: string }> = {
  inspect: {
    run: runInspect,
    usage: inspectUsage,
    about: '读取规划纲要并显示其结构 · read a plan outline and show what lantu makes of it',
  },
  assess: {
    run: runAssess,
    usage: assessUsage,
    about: '按序时进度评估指标 · assess indicators against the plan’s target path',
  },
  serve: {
    run: runServe,
    usage: serveUsage,
    about: '启动服务(API、工作台、公众门户) · start the server (API, workspace, public portal)',
  },
  report: {
    run: runReport,
    usage: reportUsage,
    about: '生成中期/总结评估报告 · write a mid-term or final evaluation report (.docx, .html, .xlsx)',
  },
  'import-observations': {
    run: runImport,
    usage: importUsage,
    about:
      '批量导入实际值(CSV 或 Open SDG 格式)· bulk-import observations from a CSV (lantu or Open SDG layout)',
  },
  'export-site': {
    run: runExportSite,
    usage: exportSiteUsage,
    about: '导出公众门户静态站点 · write the public portal as a static site',
  },
  remind: {
    run: runRemind,
    usage: remindUsage,
    about: '提醒各单位未报事项 · remind units of what they still owe',
  },
  audit: {
    run: runAudit,
    usage: auditUsage,
    about: '校验审计哈希链 · verify the audit hash chain',
  },
};

function usage(): string {
  const lines = ['lantu (蓝图): 规划纲要实施监测 · five-year plan monitoring', '', 'commands:'];
  for (const [name, c] of Object.entries(commands))
    lines.push(`  ${name}`, `      ${c.about}`, `      ${c.usage}`);
  return `${lines.join('\n')}\n`;
}

/** Runs the CLI with the given arguments; returns the process exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout('lantu 0.1.0\n');
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`lantu: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // Argument errors from parseArgs are the user's; anything else is ours, still without a stack.
    const code = (error as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`lantu ${name}: ${(error as Error).message}\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`lantu ${name}: internal error: ${(error as Error).message}\n`);
    if (process.env.LANTU_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 70;
  }
}
