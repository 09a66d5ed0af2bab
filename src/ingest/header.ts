/**
 * The plan's front matter: title, issuing body, date of issue and period. The period comes from the
 * plan's generation (第十四个五年规划, “十五五”), from an explicit span (2021—2025年), or failing
 * both from the years the text aims at; never from a constant.
 */
import type { Finding, PlanPeriod } from '../model/plan.ts';
import { parseChineseNumeral, parseNumberToken, parseYear, toHalfWidth } from './numbers.ts';
import type { SourceLine } from './source.ts';

export interface PlanHeader {
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  period: PlanPeriod;
  findings: Finding[];
}

const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';
const DATE = new RegExp(
  `^${YEAR}年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})日$`,
);
const ISSUER =
  /(人民政府|人民政府办公室|人民政府办公厅|委员会|人民代表大会|发展和改革局|发展改革委|办公室|办公厅)$/;

/**
 * Reads the header from the lines before the body (`frontEnd` is the last line of front matter:
 * the line before the table of contents or the first chapter).
 */
export function readHeader(lines: readonly SourceLine[], frontEnd: number, allText: string): PlanHeader {
  const front = lines.slice(0, Math.max(frontEnd, 0)).map((l) => toHalfWidth(l.text.trim()));
  const findings: Finding[] = [];
  const title = findTitle(front) ?? findTitle(lines.slice(0, 80).map((l) => l.text.trim())) ?? '';
  let issuedOn: string | null = null;
  let issuer: string | null = null;
  for (let i = 0; i < front.length; i++) {
    const m = DATE.exec(front[i]!.replace(/\s+/g, ''));
    if (!m) continue;
    issuedOn = formatDate(m[1]!, m[2]!, m[3]!);
    const before = front[i - 1]?.replace(/\s+/g, '') ?? '';
    if (ISSUER.test(before) && before.length <= 40) issuer = before;
    break;
  }
  if (!issuer) {
    const named = front.find((l) => ISSUER.test(l.replace(/\s+/g, '')) && l.length <= 40);
    if (named) issuer = named.replace(/\s+/g, '');
  }
  const period = findPeriod(title, allText);
  if (!title) {
    findings.push({
      kind: 'header_incomplete',
      severity: 'warning',
      message: '未找到规划标题(应为含“规划”二字的标题行或《》中的全称)',
      messageEn: 'No plan title found (a line naming the 规划, or its full name in 《》)',
      line: 1,
    });
  }
  return { title, issuer, issuedOn, period, findings };
}

/** The title: a 《…规划…》 citation in the covering letter, or the title block of short lines. */
function findTitle(front: string[]): string | null {
  for (const line of front) {
    const quoted = /《([^》]*规划[^》]*)》/.exec(line);
    if (quoted) return quoted[1]!.replace(/\s+/g, '');
  }
  for (let i = 0; i < front.length; i++) {
    const line = front[i]!.replace(/\s+/g, '');
    if (!/规划|纲要/.test(line) || line.length > 40 || /[。,，;；:：]/.test(line)) continue;
    // Extend over neighbouring short lines: titles are often broken over two or three lines.
    let start = i;
    while (start > 0 && isTitlePiece(front[start - 1]!) && !/纲要|规划$/.test(front[start - 1]!)) start--;
    let end = i;
    while (
      end + 1 < front.length &&
      !/(纲要|规划)(\(草案\))?$/.test(front[end]!.replace(/\s+/g, '')) &&
      isTitlePiece(front[end + 1]!)
    )
      end++;
    return front
      .slice(start, end + 1)
      .join('')
      .replace(/\s+/g, '');
  }
  return null;
}

function isTitlePiece(line: string): boolean {
  const t = line.replace(/\s+/g, '');
  return t.length > 0 && t.length <= 30 && !/[。,，;；:：]/.test(t) && !/^目\s*录$/.test(t) && !DATE.test(t);
}

function formatDate(y: string, m: string, d: string): string | null {
  const year = parseYear(y);
  const month = parseNumberToken(m);
  const day = parseNumberToken(d);
  if (year === null || month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31)
    return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The plan period. The n-th five-year plan runs from 1966 + 5(n − 3) (the third plan began in 1966
 * after the 1963-65 adjustment years): the 14th covers 2021-2025, the 15th 2026-2030.
 */
export function findPeriod(title: string, text: string): PlanPeriod {
  const visionYear = findVisionYear(title) ?? findVisionYear(text.slice(0, 20000));
  const generation = planGeneration(title) ?? planGeneration(text.slice(0, 5000));
  if (generation !== null && generation >= 3) {
    const startYear = 1966 + 5 * (generation - 3);
    return { baseYear: startYear - 1, startYear, endYear: startYear + 4, visionYear };
  }
  const span = new RegExp(`${YEAR}\\s*[-—–~～至到]\\s*${YEAR}年`).exec(
    toHalfWidth(`${title}\n${text.slice(0, 5000)}`),
  );
  if (span) {
    const startYear = parseYear(span[1]!)!;
    const endYear = parseYear(span[2]!)!;
    if (endYear > startYear) return { baseYear: startYear - 1, startYear, endYear, visionYear };
  }
  // Otherwise the year the text most often aims at (到2025年) is the end year of a five-year period.
  const counts = new Map<number, number>();
  for (const m of toHalfWidth(text).matchAll(new RegExp(`到${YEAR}年`, 'g'))) {
    const y = parseYear(m[1]!);
    if (y !== null && y !== visionYear) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const endYear = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 2025;
  return { baseYear: endYear - 5, startYear: endYear - 4, endYear, visionYear };
}

function planGeneration(text: string): number | null {
  const ordinal = /第([一二三四五六七八九十]+)个五年/.exec(text);
  if (ordinal) return parseChineseNumeral(ordinal[1]!);
  const short = /十([一二三四五六七八九])五/.exec(text);
  if (short) return 10 + parseChineseNumeral(short[1]!)!;
  return null;
}

function findVisionYear(text: string): number | null {
  const m = new RegExp(`${YEAR}年远景目标`).exec(toHalfWidth(text));
  return m ? parseYear(m[1]!) : null;
}
