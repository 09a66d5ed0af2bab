/** `lantu inspect` run in-process: summary, JSON contract, exit codes and one-line errors. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import type { Plan } from '../../src/model/plan.ts';
import { seedPlanPath } from '../helpers.ts';

function capture(files: Record<string, Uint8Array> = {}): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTty: false,
    stdout: (s: string) => {
      io.out += s;
    },
    stderr: (s: string) => {
      io.err += s;
    },
    readFile: async (path: string) => files[path] ?? readFile(path),
  };
  return io;
}

describe('lantu inspect', () => {
  it('prints a readable summary of the seed plan', async () => {
    const io = capture();
    expect(await main(['inspect', seedPlanPath], io)).toBe(0);
    expect(io.out).toContain('杭州市上城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要');
    expect(io.out).toContain('10 章 chapters, 35 节 sections (12 节标题缺失 headings missing)');
    expect(io.out).toContain('主要指标 Indicators: 37');
    expect(io.out).toContain('专栏 Columns: 9');
    expect(io.out).toMatch(/第239行 .*张/);
    expect(io.out.includes(String.fromCharCode(27))).toBe(false);
    expect(io.err).toBe('');
  });

  it('prints the whole plan as JSON with --json', async () => {
    const io = capture();
    expect(await main(['inspect', seedPlanPath, '--json'], io)).toBe(0);
    const plan = JSON.parse(io.out) as Plan;
    expect(Object.keys(plan)).toEqual([
      'title',
      'issuer',
      'issuedOn',
      'period',
      'chapters',
      'columns',
      'indicators',
      'commitments',
      'findings',
      'source',
    ]);
    expect(plan.indicators).toHaveLength(37);
    expect(plan.source).toMatchObject({ format: 'text', encoding: 'utf-8' });
  });

  it('names the file and the problem in one line, without a stack trace', async () => {
    const cases: [string, Uint8Array | null, RegExp][] = [
      ['missing.txt', null, /^lantu: missing\.txt: no such file\n$/],
      ['empty.txt', new Uint8Array(), /^lantu: empty\.txt: .*empty.*\n$/],
      [
        'noise.bin',
        Uint8Array.from({ length: 512 }, (_, k) => (k * 37) % 256),
        /^lantu: noise\.bin: .*binary.*\n$/,
      ],
      ['letter.txt', new TextEncoder().encode('各位好:\n请查收附件。\n'), /^lantu: letter\.txt: .*plan.*\n$/],
    ];
    for (const [name, bytes, message] of cases) {
      const io = capture(bytes ? { [name]: bytes } : {});
      if (!bytes)
        io.readFile = async () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOENT' }));
      expect(await main(['inspect', name], io)).toBe(1);
      expect(io.err).toMatch(message);
      expect(io.out).toBe('');
    }
  });

  it('rejects wrong usage with exit code 2', async () => {
    const io = capture();
    expect(await main(['inspect'], io)).toBe(2);
    expect(io.err).toContain('usage: lantu inspect');
    const unknown = capture();
    expect(await main(['inspekt', 'x'], unknown)).toBe(2);
    expect(unknown.err).toContain("unknown command 'inspekt'");
    const flag = capture();
    expect(await main(['inspect', seedPlanPath, '--jsn'], flag)).toBe(2);
  });
});

describe('the lantu executable', () => {
  it('runs as a process through bin/lantu.js', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/lantu.js', 'inspect', seedPlanPath]);
    expect(stdout).toContain('主要指标 Indicators: 37');
    await expect(
      promisify(execFile)(process.execPath, ['bin/lantu.js', 'inspect', 'no-such-file.txt']),
    ).rejects.toMatchObject({
      code: 1,
      stderr: 'lantu: no-such-file.txt: no such file\n',
    });
  });
});
