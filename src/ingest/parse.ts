/**
 * From the normalised stream of lines to a Plan: header, indicator tables, column boxes, outline,
 * commitments, and what the plan says that does not agree with itself. Pure and synchronous.
 */
import type { Chapter, Column, Commitment, Finding, Plan, Section } from '../model/plan.ts';
import { type ColumnBox, readColumns } from './columns.ts';
import { readCommitments, type TextSpan } from './commitments.ts';
import { crossCheck } from './crosscheck.ts';
import { IngestError } from './errors.ts';
import { readHeader } from './header.ts';
import { parseHeading } from './headings.ts';
import { readOutline } from './outline.ts';
import type { SourceDocument, SourceLine } from './source.ts';
import { readIndicatorTables } from './table.ts';

/** Parses a decoded document into a Plan; throws IngestError only when nothing plan-like is there. */
export function parsePlan(doc: SourceDocument): Plan {
  const { lines } = doc;
  const allText = lines.map((l) => l.text).join('\n');
  const header = readHeader(lines, frontMatterEnd(lines), allText);
  const { period } = header;
  const boxes = readColumns(lines);
  const tables = readIndicatorTables(lines, period);
  const skip = new Set<number>([...boxes.flatMap((b) => b.lines), ...tables.flatMap((t) => t.lines)]);
  const outline = readOutline(lines, skip);
  const indicators = tables.flatMap((t) => t.indicators);
  if (outline.chapters.length === 0 && indicators.length === 0) {
    throw new IngestError(
      'LANTU_INGEST_NOT_A_PLAN',
      'no outline (第一章 … or 一、…) and no indicator table (指标 | 单位 | …) found: this does not read as a plan',
    );
  }
  const columns = boxes.map((box) => placeColumn(box, outline.chapters));
  const commitments = [
    ...outline.chapters.flatMap((c) => chapterCommitments(c, lines, period.visionYear)),
    ...columns.flatMap((c) => columnCommitments(c, lines)),
  ].sort((a, b) => a.line - b.line || a.start - b.start);

  const findings: Finding[] = [
    ...header.findings,
    ...outline.findings,
    ...tables.flatMap((t) => t.findings),
    ...duplicateCodes(tables.flatMap((t) => t.indicators)),
    ...crossCheck(commitments, indicators, period),
  ];
  if (tables.length === 0) {
    findings.push({
      kind: 'no_indicator_table',
      severity: 'warning',
      message: '未找到主要指标表(表头应含“指标”“单位”及基期或目标列)',
      messageEn:
        'No headline-indicator table found (a header naming 指标, 单位 and a baseline or target column)',
      line: 1,
    });
  }
  if (outline.chapters.length === 0) {
    findings.push({
      kind: 'no_outline',
      severity: 'warning',
      message: '未找到章节结构(第一章…或一、…)',
      messageEn: 'No chapters found (第一章 … or 一、…)',
      line: 1,
    });
  }
  findings.sort((a, b) => a.line - b.line);

  return {
    title: header.title,
    issuer: header.issuer,
    issuedOn: header.issuedOn,
    period,
    chapters: outline.chapters,
    columns,
    indicators,
    commitments,
    findings,
    source: { sha256: doc.sha256, format: doc.format, encoding: doc.encoding, lines: lines.length },
  };
}

/** The last line of the front matter: the line before the table of contents or the first heading. */
function frontMatterEnd(lines: readonly SourceLine[]): number {
  const limit = Math.min(lines.length, 400);
  for (let i = 0; i < limit; i++) {
    const text = lines[i]!.text.trim();
    if (/^目\s*录$/.test(text) || parseHeading(text)?.level === 'chapter') return i;
  }
  return Math.min(lines.length, 40);
}

/** Finds the chapter and section a column box stands in, by its line. */
function placeColumn(box: ColumnBox, chapters: Chapter[]): Column {
  const chapter = chapters.find((c) => c.foundInBody && c.line <= box.line && box.line <= c.lineEnd);
  const section = chapter?.sections.find((s) => s.line <= box.line && box.line <= s.lineEnd);
  return {
    number: box.number,
    title: box.title,
    line: box.line,
    chapter: chapter?.number ?? 0,
    section: section?.number ?? null,
    items: box.items,
  };
}

function offsetIn(lines: readonly SourceLine[], line: number, text: string): number {
  const source = lines[line - 1]?.text ?? '';
  return Math.max(source.indexOf(text), 0);
}

/** The promises of a chapter: its action sections, goals and vision; never the review of the last plan. */
function chapterCommitments(
  chapter: Chapter,
  lines: readonly SourceLine[],
  visionYear: number | null,
): Commitment[] {
  const spans: TextSpan[] = [];
  const add = (text: string, line: number, section: Section | null): void => {
    const kind = section?.kind ?? 'action';
    if (kind === 'review' || kind === 'context') return;
    spans.push({
      text,
      line,
      offset: offsetIn(lines, line, text),
      chapter: chapter.number,
      section: section?.number ?? null,
      column: null,
      defaultYear: kind === 'vision' ? visionYear : null,
      forward: kind === 'goals' || kind === 'vision',
    });
  };
  for (const p of chapter.intro) add(p.text, p.line, null);
  for (const t of chapter.tasks) add(t.text, t.line, null);
  for (const s of chapter.sections) {
    for (const p of [...s.tasks, ...s.paragraphs]) add(p.text, p.line, s);
  }
  return spans.flatMap(readCommitments);
}

function columnCommitments(column: Column, lines: readonly SourceLine[]): Commitment[] {
  return column.items.flatMap((item) =>
    readCommitments({
      text: item.text,
      line: item.line,
      offset: offsetIn(lines, item.line, item.text),
      chapter: column.chapter,
      section: column.section,
      column: column.number,
      defaultYear: null,
      forward: true,
    }),
  );
}

function duplicateCodes(indicators: Plan['indicators']): Finding[] {
  const seen = new Map<string, number>();
  const findings: Finding[] = [];
  for (const i of indicators) {
    const first = seen.get(i.code);
    if (first !== undefined) {
      findings.push({
        kind: 'duplicate_code',
        severity: 'warning',
        message: `指标序号${i.code}出现两次(第${first}行和第${i.line}行)`,
        messageEn: `Indicator number ${i.code} appears twice (lines ${first} and ${i.line})`,
        line: i.line,
        relatedLines: [first],
      });
    } else {
      seen.set(i.code, i.line);
    }
  }
  return findings;
}
