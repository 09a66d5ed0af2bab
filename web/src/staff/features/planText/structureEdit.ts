/**
 * What the plan text page offers a planner to correct, as corrections the server applies
 * (src/ingest/corrections.ts): the parts of a chapter in reading order (its introduction, then its
 * sections), moving a paragraph together with its neighbours across a section boundary (the usual
 * fix of a boundary ingest had to infer), and the commitments read in a part with their keys.
 */
import type { StructureCorrection } from '../../../../../src/ingest/corrections.ts';
import { type KeyedCommitment, keyedCommitments } from '../../../../../src/model/keys.ts';
import type {
  Chapter,
  Paragraph,
  PlacementInOutline,
  Plan,
  Section,
  Task,
} from '../../../../../src/model/plan.ts';

/** A part of a chapter: its introduction (section null) or one of its sections. */
export interface Part {
  chapter: Chapter;
  section: Section | null;
}

/** A body paragraph as the page shows it, whatever role ingest gave it. */
export type BodyParagraph = (Task | Paragraph) & { role: 'task' | 'paragraph' | 'achievement' | 'intro' };

export function placementOf(part: Part): PlacementInOutline {
  return { chapter: part.chapter.number, section: part.section?.number ?? null };
}

/** The parts of a chapter in reading order: the introduction first, then each section. */
export function partsOf(chapter: Chapter): Part[] {
  return [{ chapter, section: null }, ...chapter.sections.map((section) => ({ chapter, section }))];
}

/** The paragraphs of one part, in reading order. */
export function paragraphsOf(part: Part): BodyParagraph[] {
  const { chapter, section } = part;
  const list: BodyParagraph[] = section
    ? [
        ...section.achievements.map((p) => ({ ...p, role: 'achievement' as const })),
        ...section.paragraphs.map((p) => ({ ...p, role: 'paragraph' as const })),
        ...section.tasks.map((p) => ({ ...p, role: 'task' as const })),
      ]
    : [
        ...chapter.intro.map((p) => ({ ...p, role: 'intro' as const })),
        ...chapter.tasks.map((p) => ({ ...p, role: 'task' as const })),
      ];
  return list.sort((a, b) => a.line - b.line);
}

/** Moves across a boundary: the neighbouring part and the corrections that carry the paragraphs there. */
export interface BoundaryMove {
  to: Part;
  /** How many paragraphs go. */
  count: number;
  corrections: StructureCorrection[];
}

/**
 * From the paragraph on `line`: it and the paragraphs before it in its part go to the previous part,
 * or it and the ones after it go to the next part (the boundary moves, the order of the text stays).
 */
export function boundaryMoves(
  part: Part,
  line: number,
): { previous: BoundaryMove | null; next: BoundaryMove | null } {
  const parts = partsOf(part.chapter);
  const at = parts.findIndex((p) => p.section?.number === part.section?.number);
  const lines = paragraphsOf(part).map((p) => p.line);
  const move = (to: Part | undefined, moving: number[]): BoundaryMove | null =>
    to && moving.length
      ? {
          to,
          count: moving.length,
          corrections: moving.map((l) => ({ kind: 'moveParagraph', line: l, to: placementOf(to) })),
        }
      : null;
  return {
    previous: move(
      at > 0 ? parts[at - 1] : undefined,
      lines.filter((l) => l <= line),
    ),
    next: move(
      parts[at + 1],
      lines.filter((l) => l >= line),
    ),
  };
}

/** Every place a paragraph can be moved to, for the "move to…" choice. */
export function allParts(plan: Plan): Part[] {
  return plan.chapters.flatMap(partsOf);
}

/** The commitments read in a part (from its paragraphs or its column boxes), rejected ones included. */
export function commitmentsOf(plan: Plan, part: Part): KeyedCommitment[] {
  const { chapter, section } = placementOf(part);
  return keyedCommitments(plan, { includeRejected: true }).filter(
    (k) => k.commitment.chapter === chapter && k.commitment.section === section,
  );
}

/** Whether two placements are the same part. */
export function samePlace(a: PlacementInOutline, b: PlacementInOutline): boolean {
  return a.chapter === b.chapter && a.section === b.section;
}
