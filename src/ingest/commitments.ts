/**
 * Quantitative promises in the narrative (承诺事项): "到2025年,新建幼儿园34所" → 新建幼儿园, 34 所,
 * due 2025. A number counts as a promise when it has a unit and its sentence looks forward (a target
 * year, 力争, 新建, 达到, 控制在 …); figures of the past live in review sections, which are not read.
 */
import type { Commitment, Comparator, Quantity } from '../model/plan.ts';
import { cleanFloat, parseYear, toHalfWidth, UNIT_MULTIPLIERS } from './numbers.ts';

/** A stretch of text to read promises from, with where it stands. */
export interface TextSpan {
  text: string;
  line: number;
  /** Offset of `text` within its source line. */
  offset: number;
  chapter: number | null;
  section: number | null;
  column: number | null;
  /** Year to assume when the text names none (the vision year in a vision section), else null. */
  defaultYear: number | null;
  /** Whether the whole span is forward-looking (goals, vision, column boxes). */
  forward: boolean;
}

/** Units a promised quantity may be counted in, longest first so that 平方公里 wins over 公里. */
const UNITS = [
  '个百分点',
  '百分点',
  '平方公里',
  '平方千米',
  '平方米',
  '立方米',
  '公顷',
  '千瓦时',
  '千瓦',
  '兆瓦',
  '标准箱',
  '万人次',
  '人次',
  '美元',
  '公里',
  '千米',
  '元',
  '米',
  '亩',
  '吨',
  '%',
  '‰',
  '人',
  '名',
  '位',
  '户',
  '家',
  '所',
  '个',
  '项',
  '座',
  '幢',
  '栋',
  '条',
  '套',
  '张',
  '床',
  '辆',
  '件',
  '届',
  '场',
  '处',
  '台',
  '岁',
  '倍',
  '支',
  '种',
  '部',
  '批',
  '门',
  '间',
  '根',
  '棵',
  '株',
  '类',
  '所',
].sort((a, b) => b.length - a.length);

const UNIT_ALT = UNITS.map((u) => u.replace(/[%‰]/g, (c) => `\\${c}`)).join('|');
const PREFIX =
  '(约|近|超过|超|突破|逾|达到|达|不少于|不低于|不超过|控制在|降低到|降低至|降至|下降到|提高到|提升到|提高至|提升至|增加到|增长到|保持在|稳定在|高于|低于|小于|大于)?';
const QUANTITY = new RegExp(
  `${PREFIX}(\\d+(?:\\.\\d+)?)(?:\\s*[-~～—–至到]\\s*(\\d+(?:\\.\\d+)?))?\\s*(万亿|千万|百万|亿|万)?(余|多)?\\s*(${UNIT_ALT})(以上|以下|以内|左右|多)?`,
  'g',
);

const FORWARD =
  /到\s*\d{4}|至\s*\d{4}|\d{4}\s*年(底|末|前)|力争|争取|确保|新建|新增|新引进|引进|培育|建成|达到|突破|超过|控制在|降低到|降至|提高到|提升到|保持|稳定在|实现|完成|每年|累计|形成|打造|建设|创建|实施|覆盖/;
const YEAR_MARK =
  /(?:到|至|在|于)\s*(\d{4}|[〇零一二三四五六七八九]{4})\s*年(?:底|末|前|以前)?|(\d{4}|[〇零一二三四五六七八九]{4})\s*年(?:底|末|前|以前)|(\d{4})\s*年\s*[,，]/g;
const LEADING_WORDS =
  /^(?:[,，、;；\s]|到\s*\d{4}\s*年(?:底|末)?|力争|争取|确保|全区|全市|全省|全年|基本|实现|完成|现有|其中|并|且|使|让|推动|推进|努力|累计|共|总计|总数|总量|规模|数量)+/;
const TRAILING_WORDS = /(?:[,，、\s]|均|总|数量|数|规模|总量|总数|要|将|力争|实现|累计|共|在|保持|为)+$/;

/** Finds the promises in a span of text. */
export function readCommitments(span: TextSpan): Commitment[] {
  const out: Commitment[] = [];
  const text = toHalfWidth(span.text);
  const years = yearMarks(text);
  // "居民健康素养达到41.5%以上,到2035年,力争达到45%以上": a bare number continues the last subject.
  const context = { lastSubject: null as string | null };
  for (const sentence of sentences(text)) {
    if (!span.forward && !FORWARD.test(sentence.text)) continue;
    for (const clause of clauses(sentence.text, sentence.start)) {
      QUANTITY.lastIndex = 0;
      for (let m = QUANTITY.exec(clause.text); m !== null; m = QUANTITY.exec(clause.text)) {
        const commitment = toCommitment(m, clause, span, years, context);
        if (commitment) out.push(commitment);
      }
    }
  }
  return out;
}

interface Piece {
  text: string;
  start: number;
}

function sentences(text: string): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ('。!?！？'.includes(text[i]!) || i === text.length - 1) {
      out.push({ text: text.slice(start, i + 1), start });
      start = i + 1;
    }
  }
  return out;
}

/** Clauses end at , ; : and at 、 when the part before it holds its own number (a list of promises). */
function clauses(sentence: string, offset: number): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  for (let i = 0; i <= sentence.length; i++) {
    const ch = sentence[i];
    const boundary =
      i === sentence.length ||
      ',，;；:：。!?！？'.includes(ch!) ||
      (ch === '、' && /\d/.test(sentence.slice(start, i)));
    if (!boundary) continue;
    if (i > start) out.push({ text: sentence.slice(start, i), start: offset + start });
    start = i + 1;
  }
  return out;
}

function yearMarks(text: string): { at: number; year: number }[] {
  const out: { at: number; year: number }[] = [];
  YEAR_MARK.lastIndex = 0;
  for (let m = YEAR_MARK.exec(text); m !== null; m = YEAR_MARK.exec(text)) {
    const year = parseYear(m[1] ?? m[2] ?? m[3]!);
    if (year !== null) out.push({ at: m.index, year });
  }
  return out;
}

/** The last year mark at or before `at` (marks are in text order), by binary search. */
function lastYearBefore(marks: { at: number; year: number }[], at: number): number | null {
  let lo = 0;
  let hi = marks.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.at <= at) {
      found = marks[mid]!.year;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function toCommitment(
  m: RegExpExecArray,
  clause: Piece,
  span: TextSpan,
  years: { at: number; year: number }[],
  context: { lastSubject: string | null },
): Commitment | null {
  const [whole, prefix, first, second, multiplierWord, approxSuffix, unitWord, suffix] = m as unknown as (
    | string
    | undefined
  )[];
  const before = clause.text.slice(0, m.index);
  const after = clause.text.slice(m.index + whole!.length);
  // A year, a date, a grade (5G) or a code in quotes is not a quantity.
  if (/["“'‘]$/.test(before) && /^["”'’]/.test(after)) return null;
  if (/[\dA-Za-z.]$/.test(before)) return null;
  // 3岁以下婴幼儿: a bound followed straight by a noun qualifies the noun; it promises nothing.
  if ((suffix === '以上' || suffix === '以下') && /^[\u4e00-\u9fff]/.test(after) && !after.startsWith('的'))
    return null;
  const multiplier = multiplierWord ? UNIT_MULTIPLIERS[multiplierWord]! : 1;
  const a = Number(first);
  const b = second !== undefined ? Number(second) : null;
  if (b !== null && !(b > a)) return null;
  const quantity: Quantity = b !== null ? { min: a, max: b } : a;
  const scale = (x: number): number => (multiplier === 1 ? x : cleanFloat(x * multiplier));
  const value: Quantity = b !== null ? { min: scale(a), max: scale(b) } : scale(a);
  const comparator = comparatorOf(prefix, approxSuffix, suffix, b !== null);
  const subject = subjectOf(before, after) ?? context.lastSubject;
  if (!subject) return null;
  context.lastSubject = subject;
  const absolute = clause.start + m.index;
  const year = lastYearBefore(years, absolute) ?? span.defaultYear;
  const clauseText = clause.text.trim();
  const leading = clause.text.length - clause.text.trimStart().length;
  const start = span.offset + clause.start + leading;
  return {
    subject,
    quantity,
    unit: `${multiplierWord ?? ''}${unitWord}`,
    value,
    baseUnit: baseUnitOf(unitWord!),
    comparator,
    year,
    text: span.text.slice(clause.start + leading, clause.start + leading + clauseText.length),
    line: span.line,
    start,
    end: start + clauseText.length,
    chapter: span.chapter,
    section: span.section,
    column: span.column,
    indicatorCode: null,
  };
}

function comparatorOf(
  prefix: string | undefined,
  approxSuffix: string | undefined,
  suffix: string | undefined,
  isRange: boolean,
): Comparator {
  if (isRange) return 'range';
  if (suffix === '以上') return '>=';
  if (suffix === '以下' || suffix === '以内') return '<=';
  if (suffix === '左右') return 'about';
  if (approxSuffix || suffix === '多') return '>';
  switch (prefix) {
    case '约':
    case '近':
      return 'about';
    case '超过':
    case '超':
    case '突破':
    case '逾':
    case '高于':
    case '大于':
      return '>';
    case '达到':
    case '达':
    case '不少于':
    case '不低于':
    case '提高到':
    case '提升到':
    case '提高至':
    case '提升至':
    case '增加到':
    case '增长到':
    case '保持在':
    case '稳定在':
      return '>=';
    case '不超过':
    case '控制在':
    case '降低到':
    case '降低至':
    case '降至':
    case '下降到':
      return '<=';
    case '低于':
    case '小于':
      return '<';
    default:
      return '=';
  }
}

/**
 * What is promised: the words before the number, joined by the words after it when the clause goes
 * on (新增3家省市级医疗机构院区, 完成现有1.6万余户在外过渡户安置), up to the next number.
 */
function subjectOf(before: string, after: string): string | null {
  const head = before.replace(LEADING_WORDS, '').replace(TRAILING_WORDS, '').trim();
  const tail = after
    .replace(/^[\s的]+/, '')
    .replace(/[\d,，。;；].*$/, '')
    .replace(/[和及与、]+$/, '')
    .trim();
  const subject = /[\u4e00-\u9fff]/.test(tail) ? `${head}${tail}`.replace(LEADING_WORDS, '') : head;
  return /[\u4e00-\u9fffA-Za-z]{2}/.test(subject) ? subject.slice(-40) : null;
}

function baseUnitOf(unit: string): string {
  if (unit === '个百分点') return '百分点';
  return unit;
}
