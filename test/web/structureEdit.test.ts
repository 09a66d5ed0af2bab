/**
 * The plan text page's correction helpers on the seed plan: moving a boundary carries the paragraph
 * and its neighbours on the near side, in reading order, and the server's pure function applied to
 * them moves exactly those paragraphs.
 */
import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../src/ingest/corrections.ts';
import type { Plan } from '../../src/model/plan.ts';
import {
  boundaryMoves,
  commitmentsOf,
  type Part,
  paragraphsOf,
  partsOf,
} from '../../web/src/staff/features/planText/structureEdit.ts';
import { seedPlan } from '../helpers.ts';

const part = (plan: Plan, chapter: number, section: number | null): Part => {
  const c = plan.chapters.find((ch) => ch.number === chapter)!;
  return { chapter: c, section: section === null ? null : c.sections.find((s) => s.number === section)! };
};

describe('boundary moves on the plan text page', () => {
  it('offers the next section for a paragraph and the ones after it, the previous for the ones before', () => {
    const plan = seedPlan();
    const education = part(plan, 8, 1);
    const lines = paragraphsOf(education).map((p) => p.line);
    expect(lines).toEqual([230, 231, 232, 235]);
    const { previous, next } = boundaryMoves(education, 232);
    // Section 1 comes after the chapter's introduction, which is where "previous" leads.
    expect(previous?.to.section).toBeNull();
    expect(previous?.corrections.map((c) => (c.kind === 'moveParagraph' ? c.line : 0))).toEqual([
      230, 231, 232,
    ]);
    expect(next?.to.section?.number).toBe(2);
    expect(next?.count).toBe(2);

    const result = applyCorrections(plan, boundaryMoves(education, 235).next!.corrections);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(paragraphsOf(part(result.plan, 8, 1)).map((p) => p.line)).toEqual([230, 231, 232]);
    expect(paragraphsOf(part(result.plan, 8, 2))[0]!.line).toBe(235);
    expect(commitmentsOf(result.plan, part(result.plan, 8, 2)).some((k) => k.commitment.line === 235)).toBe(
      true,
    );
  });

  it('the last section of a chapter has no next part, only a previous one', () => {
    const plan = seedPlan();
    const chapter8 = plan.chapters.find((c) => c.number === 8)!;
    const last = partsOf(chapter8).at(-1)!;
    const line = paragraphsOf(last).at(-1)!.line;
    expect(boundaryMoves(last, line).next).toBeNull();
    expect(boundaryMoves(last, line).previous?.to.section?.number).toBe(2);
  });
});
