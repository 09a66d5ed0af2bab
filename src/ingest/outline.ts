/**
 * The outline: chapters (章) and sections (节) with their tasks. The table of contents is the
 * authority on structure, because extraction from web pages often loses headings from the body
 * (the seed plan lacks 12 of its 35 section headings). Where a heading is missing, the section's
 * paragraphs are found by splitting the text between the headings that are there, so that each
 * section gets the run of paragraphs that reads most like its title.
 */
import type { Chapter, Finding, Paragraph, Section, SectionKind, Task } from '../model/plan.ts';
import { type Heading, parseHeading, titleKey } from './headings.ts';
import type { SourceLine } from './source.ts';
import { bigrams, chineseOrdinal, openingTitle } from './text.ts';

/** A body paragraph with its line. */
export interface BodyParagraph {
  line: number;
  text: string;
  title: string | null;
}

interface TocEntry {
  heading: Heading;
  line: number;
}

interface TocChapter {
  number: number;
  title: string;
  line: number;
  sections: { number: number; title: string; line: number }[];
}

export interface OutlineResult {
  chapters: Chapter[];
  findings: Finding[];
  /** Lines of the table of contents (first, last), null when the plan has none. */
  toc: { start: number; end: number } | null;
  /** First line of the body (the first chapter heading), or null when no chapter was found. */
  bodyStart: number | null;
  /** Paragraphs of the body between the table of contents and the first chapter (the preamble). */
  preamble: BodyParagraph[];
}

/**
 * Builds the outline from the lines of a plan. `skip` holds the lines that belong to tables and
 * column boxes, which are read separately and are neither headings nor paragraphs.
 */
export function readOutline(lines: readonly SourceLine[], skip: ReadonlySet<number>): OutlineResult {
  const headings: (Heading | null)[] = lines.map((l, i) =>
    skip.has(i + 1) || l.cells ? null : parseHeading(l.text),
  );
  const toc = findToc(lines, headings);
  const bodyFrom = toc ? toc.end + 1 : 1;
  const style = toc?.entries[0]?.heading.style ?? dominantStyle(headings, bodyFrom);
  const body: TocEntry[] = [];
  for (let line = bodyFrom; line <= lines.length; line++) {
    const h = headings[line - 1];
    if (h && h.style === style && h.level !== 'part') body.push({ heading: h, line });
  }
  const plannedChapters = toc ? tocChapters(toc.entries) : tocChapters(body);
  const findings: Finding[] = [];
  const bodyChapters = locateChapters(plannedChapters, body);
  const chapters: Chapter[] = [];
  const firstBodyLine = bodyChapters.find((c) => c.bodyLine !== null)?.bodyLine ?? null;

  for (let i = 0; i < plannedChapters.length; i++) {
    const planned = plannedChapters[i]!;
    const located = bodyChapters[i]!;
    const start = located.bodyLine ?? located.inferredStart;
    const next = bodyChapters.slice(i + 1).find((c) => c.bodyLine !== null);
    const end = next ? next.bodyLine! - 1 : lines.length;
    if (located.bodyLine === null) {
      findings.push({
        kind: 'missing_chapter',
        severity: 'warning',
        message: `正文缺少第${chineseOrdinal(planned.number)}章${quote(planned.title)}的标题,其内容并入前一章`,
        messageEn: `The body lacks the heading of chapter ${planned.number} (${planned.title}); its text stays with the chapter before`,
        line: planned.line,
      });
      chapters.push(emptyChapter(planned, planned.line));
      continue;
    }
    const chapterBody = body.filter((b) => b.line > start && b.line <= end && b.heading.level === 'section');
    const paragraphs = paragraphsBetween(lines, headings, skip, start + 1, end);
    chapters.push(buildChapter(planned, start, end, chapterBody, paragraphs, findings));
  }

  const preamble =
    firstBodyLine === null ? [] : paragraphsBetween(lines, headings, skip, bodyFrom, firstBodyLine - 1);
  return {
    chapters,
    findings,
    toc: toc ? { start: toc.start, end: toc.end } : null,
    bodyStart: firstBodyLine,
    preamble,
  };
}

/** The table of contents: the first run of three or more heading lines with nothing else between them. */
function findToc(
  lines: readonly SourceLine[],
  headings: readonly (Heading | null)[],
): { start: number; end: number; entries: TocEntry[] } | null {
  for (let i = 0; i < lines.length; i++) {
    if (!headings[i]) continue;
    const entries: TocEntry[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const h = headings[j];
      if (h) entries.push({ heading: h, line: j + 1 });
      else if (lines[j]!.text.trim() !== '') break;
    }
    const chaptersListed = entries.filter((e) => e.heading.level === 'chapter').length;
    if (entries.length >= 3 && chaptersListed >= 2 && repeatedLater(entries, headings, j)) {
      const style = entries[0]!.heading.style;
      return {
        start: i + 1,
        end: entries.at(-1)!.line,
        entries: entries.filter((e) => e.heading.style === style),
      };
    }
    // The first heading run is the body itself when its headings are not listed again later.
    if (entries.length >= 1) return null;
  }
  return null;
}

/** A run of headings is a table of contents when its chapters stand again further down. */
function repeatedLater(entries: TocEntry[], headings: readonly (Heading | null)[], from: number): boolean {
  const keys = new Set(
    entries.filter((e) => e.heading.level === 'chapter').map((e) => titleKey(e.heading.title)),
  );
  for (let k = from; k < headings.length; k++) {
    const h = headings[k];
    if (h?.level === 'chapter' && keys.has(titleKey(h.title))) return true;
  }
  return false;
}

function dominantStyle(headings: readonly (Heading | null)[], from: number): Heading['style'] {
  let formal = 0;
  let enumerated = 0;
  for (let i = from - 1; i < headings.length; i++) {
    const h = headings[i];
    if (h?.level === 'chapter') h.style === 'formal' ? formal++ : enumerated++;
  }
  return formal >= enumerated ? 'formal' : 'enumerated';
}

function tocChapters(entries: TocEntry[]): TocChapter[] {
  const chapters: TocChapter[] = [];
  for (const { heading, line } of entries) {
    if (heading.level === 'chapter') {
      chapters.push({ number: heading.number, title: heading.title, line, sections: [] });
    } else if (heading.level === 'section' && chapters.length > 0) {
      chapters.at(-1)!.sections.push({ number: heading.number, title: heading.title, line });
    }
  }
  return chapters;
}

interface LocatedChapter {
  bodyLine: number | null;
  inferredStart: number;
}

/** Finds each planned chapter's heading in the body, in order. */
function locateChapters(planned: TocChapter[], body: TocEntry[]): LocatedChapter[] {
  let cursor = 0;
  return planned.map((chapter) => {
    const idx = body.findIndex(
      (b, k) =>
        k >= cursor &&
        b.heading.level === 'chapter' &&
        (b.heading.number === chapter.number || titleKey(b.heading.title) === titleKey(chapter.title)),
    );
    if (idx < 0) return { bodyLine: null, inferredStart: chapter.line };
    cursor = idx + 1;
    return { bodyLine: body[idx]!.line, inferredStart: body[idx]!.line };
  });
}

function emptyChapter(planned: TocChapter, line: number): Chapter {
  return {
    number: planned.number,
    title: planned.title,
    line,
    lineEnd: line,
    foundInBody: false,
    intro: [],
    tasks: [],
    sections: planned.sections.map((s) => ({
      number: s.number,
      title: s.title,
      kind: sectionKind(s.title),
      foundInBody: false,
      line,
      lineEnd: line,
      tasks: [],
      achievements: [],
      paragraphs: [],
    })),
  };
}

/** The paragraphs of a stretch of the body: non-empty lines that are neither headings nor skipped. */
function paragraphsBetween(
  lines: readonly SourceLine[],
  headings: readonly (Heading | null)[],
  skip: ReadonlySet<number>,
  from: number,
  to: number,
): BodyParagraph[] {
  const out: BodyParagraph[] = [];
  for (let line = from; line <= to; line++) {
    const source = lines[line - 1]!;
    if (skip.has(line) || headings[line - 1] || source.cells) continue;
    const text = source.text.trim();
    if (text === '') continue;
    out.push({ line, text, title: openingTitle(text) });
  }
  return out;
}

/** What a section is for, from the words the plans of every level use for it. */
export function sectionKind(title: string): SectionKind {
  if (/回顾|总结|成就|成效|进展/.test(title)) return 'review';
  if (/远景/.test(title)) return 'vision';
  if (/面临|发展环境|发展形势|形势|机遇|挑战|背景/.test(title)) return 'context';
  if (/指导思想|总体要求|基本原则|发展思路|总体思路|战略定位|发展定位/.test(title)) return 'guidance';
  if (/主要目标|发展目标|目标体系|总体目标|奋斗目标/.test(title)) return 'goals';
  return 'action';
}

function buildChapter(
  planned: TocChapter,
  start: number,
  end: number,
  bodySections: TocEntry[],
  paragraphs: BodyParagraph[],
  findings: Finding[],
): Chapter {
  const chapter: Chapter = {
    number: planned.number,
    title: planned.title,
    line: start,
    lineEnd: end,
    foundInBody: true,
    intro: [],
    sections: [],
    tasks: [],
  };
  const plannedSections = planned.sections.length
    ? planned.sections
    : bodySections.map((b) => ({ number: b.heading.number, title: b.heading.title, line: b.line }));
  if (plannedSections.length === 0) {
    for (const p of paragraphs) {
      if (p.title) chapter.tasks.push(toTask(p));
      else chapter.intro.push(toParagraph(p));
    }
    return chapter;
  }

  // Where each planned section's heading stands in the body, when it does.
  let cursor = 0;
  const headingLines = plannedSections.map((s) => {
    const idx = bodySections.findIndex(
      (b, k) =>
        k >= cursor && (b.heading.number === s.number || titleKey(b.heading.title) === titleKey(s.title)),
    );
    if (idx < 0) return null;
    cursor = idx + 1;
    return bodySections[idx]!.line;
  });

  // Paragraphs before the first section: the chapter's introduction. When the first section's heading
  // is missing, only the untitled opening paragraphs are introduction; the titled ones are its tasks.
  const firstHeading = headingLines[0];
  let rest = paragraphs;
  if (firstHeading != null) {
    chapter.intro = paragraphs.filter((p) => p.line < firstHeading).map(toParagraph);
    rest = paragraphs.filter((p) => p.line > firstHeading);
  } else {
    let k = 0;
    const beforeAnyHeading = headingLines.find((l) => l != null) ?? Number.POSITIVE_INFINITY;
    while (k < rest.length && rest[k]!.title === null && rest[k]!.line < beforeAnyHeading) k++;
    chapter.intro = rest.slice(0, k).map(toParagraph);
    rest = rest.slice(k);
  }

  const assigned = assignParagraphs(plannedSections, headingLines, rest);
  plannedSections.forEach((s, i) => {
    const own = assigned[i]!;
    const headingLine = headingLines[i] ?? null;
    const line = headingLine ?? own[0]?.line ?? assigned.slice(0, i).flat().at(-1)?.line ?? start;
    const nextStart = nextSectionStart(headingLines, assigned, i);
    const section: Section = {
      number: s.number,
      title: s.title,
      kind: sectionKind(s.title),
      foundInBody: headingLine !== null,
      line,
      lineEnd: nextStart !== null ? nextStart - 1 : end,
      tasks: [],
      achievements: [],
      paragraphs: [],
    };
    for (const p of own) {
      if (section.kind === 'review') section.achievements.push(toParagraph(p));
      else if (section.kind === 'action' && p.title) section.tasks.push(toTask(p));
      else section.paragraphs.push(toParagraph(p));
    }
    chapter.sections.push(section);
    if (headingLine === null) {
      const range = own.length ? `第${own[0]!.line}–${own.at(-1)!.line}行` : `第${line}行附近`;
      const rangeEn = own.length ? `lines ${own[0]!.line}-${own.at(-1)!.line}` : `near line ${line}`;
      findings.push({
        kind: 'missing_heading',
        severity: 'warning',
        message: `正文缺少第${chineseOrdinal(planned.number)}章第${chineseOrdinal(s.number)}节${quote(s.title)}的标题(目录中有);按内容推断该节为${range}`,
        messageEn: `The body lacks the heading of chapter ${planned.number} section ${s.number} (${s.title}), listed in the table of contents; by its content the section is ${rangeEn}`,
        line,
        lineEnd: own.at(-1)?.line ?? line,
        place: { chapter: planned.number, section: s.number },
      });
    }
  });
  return chapter;
}

function nextSectionStart(
  headingLines: (number | null)[],
  assigned: BodyParagraph[][],
  i: number,
): number | null {
  for (let k = i + 1; k < headingLines.length; k++) {
    const h = headingLines[k];
    if (h != null) return h;
    const first = assigned[k]![0];
    if (first) return first.line;
  }
  return null;
}

/**
 * Gives every paragraph to a section. Paragraphs after a heading that is present belong to it until
 * the next present heading; in between, the sections whose headings are missing share the run.
 * The run is split into contiguous parts, one per section in order, maximising how well each part
 * matches its section's title (bigrams weighted by rarity), by dynamic programming.
 */
function assignParagraphs(
  sections: { title: string }[],
  headingLines: (number | null)[],
  paragraphs: BodyParagraph[],
): BodyParagraph[][] {
  const result: BodyParagraph[][] = sections.map(() => []);
  // Groups of consecutive sections that share a stretch of text: a present heading starts a group.
  let groupStart = 0;
  while (groupStart < sections.length) {
    let groupEnd = groupStart + 1;
    while (groupEnd < sections.length && headingLines[groupEnd] == null) groupEnd++;
    const from = headingLines[groupStart] ?? Number.NEGATIVE_INFINITY;
    const to = groupEnd < sections.length ? headingLines[groupEnd]! : Number.POSITIVE_INFINITY;
    const run = paragraphs.filter((p) => p.line > from && p.line < to);
    const cuts = splitRun(
      run,
      sections.slice(groupStart, groupEnd).map((s) => s.title),
    );
    for (let k = 0; k < cuts.length; k++) result[groupStart + k] = cuts[k]!;
    groupStart = groupEnd;
  }
  return result;
}

/** Weight of the pull towards sections of equal length, against title evidence (about 1-3 per match). */
const BALANCE = 1;
/** Longest run of paragraphs split by content; longer runs are split evenly. */
const MAX_SPLIT_RUN = 400;

/** Splits a run of paragraphs into `titles.length` contiguous, in-order parts (see assignParagraphs). */
export function splitRun(run: BodyParagraph[], titles: string[]): BodyParagraph[][] {
  const k = titles.length;
  if (k === 1) return [run];
  const n = run.length;
  if (n <= k) return titles.map((_, i) => (run[i] ? [run[i]!] : []));
  // The search is quadratic in the run's length; a run this long is not a real section gap.
  if (n > MAX_SPLIT_RUN)
    return titles.map((_, i) => run.slice(Math.floor((i * n) / k), Math.floor(((i + 1) * n) / k)));
  const paragraphGrams = run.map((p) => bigrams(p.text));
  const documentFrequency = new Map<string, number>();
  for (const grams of paragraphGrams)
    for (const g of grams) documentFrequency.set(g, (documentFrequency.get(g) ?? 0) + 1);
  const titleGrams = titles.map((t) => [...bigrams(t)]);
  // score[s][p]: how much paragraph p reads like section s.
  const score = titleGrams.map((grams) =>
    paragraphGrams.map((pg) => {
      let total = 0;
      for (const g of grams) {
        if (pg.has(g)) total += Math.log((n + 1) / ((documentFrequency.get(g) ?? 0) + 0.5));
      }
      return total;
    }),
  );
  // best[s][i]: best total for sections 0..s covering paragraphs 0..i-1, each section non-empty.
  const best: number[][] = Array.from({ length: k }, () =>
    new Array<number>(n + 1).fill(Number.NEGATIVE_INFINITY),
  );
  const from: number[][] = Array.from({ length: k }, () => new Array<number>(n + 1).fill(0));
  const prefix = score.map((row) => {
    const sums = [0];
    for (const v of row) sums.push(sums.at(-1)! + v);
    return sums;
  });
  // Sections of a chapter tend to be of like length: a small pull towards n/k settles weak evidence.
  const imbalance = (size: number): number => BALANCE * (size - n / k) ** 2;
  for (let i = 1; i <= n; i++) best[0]![i] = prefix[0]![i]! - imbalance(i);
  for (let s = 1; s < k; s++) {
    for (let i = s + 1; i <= n; i++) {
      for (let j = s; j < i; j++) {
        const candidate = best[s - 1]![j]! + prefix[s]![i]! - prefix[s]![j]! - imbalance(i - j);
        if (candidate > best[s]![i]!) {
          best[s]![i] = candidate;
          from[s]![i] = j;
        }
      }
    }
  }
  const parts: BodyParagraph[][] = new Array(k);
  let i = n;
  for (let s = k - 1; s >= 0; s--) {
    const j = s === 0 ? 0 : from[s]![i]!;
    parts[s] = run.slice(j, i);
    i = j;
  }
  return parts;
}

function toTask(p: BodyParagraph): Task {
  return { title: p.title!, text: p.text, line: p.line };
}

function toParagraph(p: BodyParagraph): Paragraph {
  return { title: p.title, text: p.text, line: p.line };
}

/** Quotes a title in Chinese, with corner brackets when the title holds quotation marks itself. */
function quote(title: string): string {
  return /[“”"]/.test(title) ? `「${title}」` : `“${title}”`;
}
