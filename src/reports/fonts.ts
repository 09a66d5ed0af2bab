/**
 * The fonts charts are rasterised with (SVG → PNG for Word). resvg lays text out itself, so it must
 * be given font files. Loading every system font costs about 200 ms per chart, and laying out text
 * with the whole Noto Sans CJK collection (.ttc, ten faces of CFF outlines) about 15 ms per text run;
 * a report has some forty charts and a three-second budget. So the fonts are found once through
 * fontconfig (`fc-match`): the simplified-Chinese face is cut out of its collection into a
 * single-face file (cached in the temporary directory), and numbers, which are most of the labels,
 * are set in a Latin font (DejaVu Sans), which is fast. Without fontconfig, resvg loads the system
 * fonts itself (slow, but right).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** The fonts resvg is given, and the family names the chart SVG must use for them. */
export interface ChartFonts {
  /** Font files to load (empty when `system`). */
  files: string[];
  /** Family for text with Chinese characters. */
  cjkFamily: string;
  /** Family for everything else (numbers, years, Latin). */
  latinFamily: string;
  /** Whether resvg must load the system fonts itself (no fontconfig). */
  system: boolean;
}

/** The family the report asks for first. */
export const CJK_FAMILY = 'Noto Sans CJK SC';

let cached: ChartFonts | undefined;

/** The chart fonts of this machine, found once per process. */
export function chartFonts(): ChartFonts {
  cached ??= findFonts();
  return cached;
}

function fcMatch(pattern: string): { file: string; index: number; family: string } | null {
  try {
    const out = execFileSync('fc-match', ['-f', '%{file}\n%{index}\n%{family[0]}', pattern], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [file, index, family] = out.split('\n');
    if (!file || !existsSync(file)) return null;
    return { file, index: Number(index) || 0, family: family || CJK_FAMILY };
  } catch {
    return null;
  }
}

function findFonts(): ChartFonts {
  const cjk = fcMatch(`${CJK_FAMILY}:lang=zh-cn`);
  const latin = fcMatch('DejaVu Sans');
  if (!cjk) return { files: [], cjkFamily: CJK_FAMILY, latinFamily: CJK_FAMILY, system: true };
  let cjkFile = cjk.file;
  if (/\.(ttc|otc)$/i.test(cjk.file)) {
    try {
      cjkFile = singleFace(cjk.file, cjk.index);
    } catch {
      cjkFile = cjk.file;
    }
  }
  const files = [cjkFile];
  if (latin && latin.file !== cjk.file) files.push(latin.file);
  return {
    files,
    cjkFamily: cjk.family,
    latinFamily: latin && latin.file !== cjk.file ? latin.family : cjk.family,
    system: false,
  };
}

/** The path of a single-face font cut from face `index` of a collection, made on first use. */
function singleFace(collection: string, index: number): string {
  const stat = statSync(collection);
  const dir = join(tmpdir(), 'lantu-fonts');
  const target = join(dir, `${basename(collection)}-${index}-${stat.size}-${Math.trunc(stat.mtimeMs)}.otf`);
  if (existsSync(target)) return target;
  mkdirSync(dir, { recursive: true });
  const partial = `${target}.${process.pid}.part`;
  writeFileSync(partial, extractFace(readFileSync(collection), index));
  renameSync(partial, target);
  return target;
}

/**
 * One face of a TrueType/OpenType collection as a standalone font file: its table directory with
 * the offsets rewritten and each table copied after it, 4-byte aligned (checksums are kept: they
 * cover the table bytes, which do not change).
 */
export function extractFace(ttc: Buffer, index: number): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') throw new Error('not a font collection');
  const faces = ttc.readUInt32BE(8);
  if (index < 0 || index >= faces) throw new Error(`no face ${index} in a collection of ${faces}`);
  const offset = ttc.readUInt32BE(12 + index * 4);
  const count = ttc.readUInt16BE(offset + 4);
  const head = Buffer.alloc(12 + count * 16);
  ttc.copy(head, 0, offset, offset + 12);
  const parts: Buffer[] = [head];
  let position = head.length;
  for (let i = 0; i < count; i++) {
    const record = offset + 12 + i * 16;
    const tableOffset = ttc.readUInt32BE(record + 8);
    const length = ttc.readUInt32BE(record + 12);
    ttc.copy(head, 12 + i * 16, record, record + 8);
    head.writeUInt32BE(position, 12 + i * 16 + 8);
    head.writeUInt32BE(length, 12 + i * 16 + 12);
    const pad = (4 - (length % 4)) % 4;
    parts.push(ttc.subarray(tableOffset, tableOffset + length), Buffer.alloc(pad));
    position += length + pad;
  }
  return Buffer.concat(parts);
}
