/**
 * A planner's corrections to what ingest read, before the plan is confirmed: a paragraph moved to the
 * section it belongs to (where a missing heading was inferred at the wrong place), and a verdict on
 * a commitment (a real promise, or not one). Pure: a plan and corrections in, a new plan out, or the
 * first correction that cannot be applied with what is wrong with it. The input is never changed.
 */
import { keyedCommitments } from '../model/keys.ts';
import type { Chapter, Paragraph, PlacementInOutline, Plan, Section, Task } from '../model/plan.ts';

export type StructureCorrection =
  /** Moves the body paragraph that stands on `line` into `to` (a section, or the chapter itself). */
  | { kind: 'moveParagraph'; line: number; to: PlacementInOutline }
  /** Confirms or rejects a commitment named by its key (com:…); `unreviewed` takes a verdict back. */
  | { kind: 'reviewCommitment'; key: string; decision: 'confirmed' | 'rejected' | 'unreviewed' };

export type CorrectionResult =
  | { ok: true; plan: Plan }
  | {
      ok: false;
      /** 0-based index of the correction that failed. */
      index: number;
      message: string;
      messageEn: string;
    };

/** Applies the corrections in order; all of them or none. */
export function applyCorrections(plan: Plan, corrections: readonly StructureCorrection[]): CorrectionResult {
  const next = structuredClone(plan);
  for (const [index, correction] of corrections.entries()) {
    const problem =
      correction.kind === 'moveParagraph'
        ? moveParagraph(next, correction.line, correction.to)
        : reviewCommitment(next, correction.key, correction.decision);
    if (problem) return { ok: false, index, ...problem };
  }
  return { ok: true, plan: next };
}

interface Problem {
  message: string;
  messageEn: string;
}

/** Where a body paragraph stands: its chapter, section and the list holding it. */
interface Located {
  chapter: Chapter;
  section: Section | null;
  list: (Task | Paragraph)[];
  index: number;
}

function locate(plan: Plan, line: number): Located | null {
  for (const chapter of plan.chapters) {
    const lists: [Section | null, (Task | Paragraph)[]][] = [
      [null, chapter.intro],
      [null, chapter.tasks],
      ...chapter.sections.flatMap((s): [Section, (Task | Paragraph)[]][] => [
        [s, s.tasks],
        [s, s.paragraphs],
        [s, s.achievements],
      ]),
    ];
    for (const [section, list] of lists) {
      const index = list.findIndex((p) => p.line === line);
      if (index >= 0) return { chapter, section, list, index };
    }
  }
  return null;
}

function placeName(to: PlacementInOutline): Problem {
  return to.section === null
    ? { message: `第${to.chapter}章`, messageEn: `chapter ${to.chapter}` }
    : {
        message: `第${to.chapter}章第${to.section}节`,
        messageEn: `chapter ${to.chapter} section ${to.section}`,
      };
}

function moveParagraph(plan: Plan, line: number, to: PlacementInOutline): Problem | null {
  const from = locate(plan, line);
  if (!from) {
    return {
      message: `第${line}行不是提纲中的正文段落`,
      messageEn: `line ${line} is not a body paragraph of the outline`,
    };
  }
  const chapter = plan.chapters.find((c) => c.number === to.chapter);
  const section = to.section === null ? null : chapter?.sections.find((s) => s.number === to.section);
  const place = placeName(to);
  if (!chapter || section === undefined) {
    return { message: `没有${place.message}`, messageEn: `there is no ${place.messageEn}` };
  }
  const origin: PlacementInOutline = { chapter: from.chapter.number, section: from.section?.number ?? null };
  if (origin.chapter === to.chapter && origin.section === to.section) {
    return {
      message: `第${line}行已在${place.message}`,
      messageEn: `line ${line} is already in ${place.messageEn}`,
    };
  }

  const [moved] = from.list.splice(from.index, 1) as [Task | Paragraph];
  const movedFrom = moved.movedFrom ?? origin;
  const placed = { title: moved.title, text: moved.text, line: moved.line };
  const back = movedFrom.chapter === to.chapter && movedFrom.section === to.section;
  const withOrigin = back ? placed : { ...placed, movedFrom };
  // The paragraph takes the role the receiving part gives it, as ingest would have (outline.ts).
  if (section) {
    if (section.kind === 'review') insertByLine(section.achievements, withOrigin);
    else if (section.kind === 'action' && placed.title) {
      insertByLine(section.tasks, { ...withOrigin, title: placed.title });
    } else insertByLine(section.paragraphs, withOrigin);
  } else if (chapter.sections.length === 0 && placed.title) {
    insertByLine(chapter.tasks, { ...withOrigin, title: placed.title });
  } else insertByLine(chapter.intro, withOrigin);

  for (const commitment of plan.commitments) {
    if (commitment.line === line) {
      commitment.chapter = to.chapter;
      commitment.section = to.section;
    }
  }
  for (const c of new Set([from.chapter, chapter])) respan(c);
  markCorrected(plan, [
    [from.chapter, from.section],
    [chapter, section],
  ]);
  return null;
}

function insertByLine<T extends { line: number }>(list: T[], item: T): void {
  const at = list.findIndex((p) => p.line > item.line);
  if (at < 0) list.push(item);
  else list.splice(at, 0, item);
}

/**
 * The line ranges of a chapter's sections after a move: a section whose heading is in the body still
 * starts there; one whose heading was inferred starts at its first paragraph; each ends where the
 * next one starts (the last at the chapter's end), as ingest draws them.
 */
function respan(chapter: Chapter): void {
  const sections = chapter.sections;
  for (const s of sections) {
    if (s.foundInBody) continue;
    const first = Math.min(...[...s.tasks, ...s.paragraphs, ...s.achievements].map((p) => p.line));
    if (Number.isFinite(first)) s.line = first;
  }
  sections.forEach((s, i) => {
    const next = sections[i + 1];
    s.lineEnd = next ? Math.max(s.line, next.line - 1) : chapter.lineEnd;
  });
}

/** Marks the missing-heading findings of the sections a move touched as corrected, with their new range. */
function markCorrected(plan: Plan, parts: [Chapter, Section | null][]): void {
  for (const [chapter, s] of parts) {
    if (!s || s.foundInBody) continue;
    const finding = plan.findings.find(
      (f) =>
        f.kind === 'missing_heading' && f.place?.chapter === chapter.number && f.place.section === s.number,
    );
    if (!finding) continue;
    const lines = [...s.tasks, ...s.paragraphs, ...s.achievements].map((p) => p.line);
    const range = lines.length ? `第${Math.min(...lines)}–${Math.max(...lines)}行` : '无正文';
    const rangeEn = lines.length ? `lines ${Math.min(...lines)}-${Math.max(...lines)}` : 'no text';
    finding.corrected = true;
    finding.line = s.line;
    finding.lineEnd = lines.length ? Math.max(...lines) : s.line;
    finding.message = `正文缺少第${chapter.number}章第${s.number}节「${s.title}」的标题(目录中有);规划管理员已调整该节为${range}`;
    finding.messageEn = `The body lacks the heading of chapter ${chapter.number} section ${s.number} (${s.title}), listed in the table of contents; a planner has set the section to ${rangeEn}`;
  }
}

function reviewCommitment(
  plan: Plan,
  key: string,
  decision: 'confirmed' | 'rejected' | 'unreviewed',
): Problem | null {
  const found = keyedCommitments(plan, { includeRejected: true }).find((k) => k.key === key);
  if (!found) {
    return { message: `没有承诺事项 ${key}`, messageEn: `there is no commitment ${key}` };
  }
  if (decision === 'unreviewed') delete found.commitment.review;
  else found.commitment.review = decision;
  dismissFindingsOfRejected(plan);
  return null;
}

/** A finding about a commitment a planner rejected is no longer one (and is again when taken back). */
function dismissFindingsOfRejected(plan: Plan): void {
  const rejected = new Set(
    plan.commitments.filter((c) => c.review === 'rejected').map((c) => `${c.line}:${c.start}`),
  );
  for (const f of plan.findings) {
    if (!f.commitments) continue;
    if (f.commitments.some((c) => rejected.has(`${c.line}:${c.start}`))) f.dismissed = true;
    else delete f.dismissed;
  }
}
