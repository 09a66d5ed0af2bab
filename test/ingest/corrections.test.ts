/**
 * A planner's corrections of the structure, on the seed plan: chapter 8's first 健康 paragraph
 * (line 235, 完善公共卫生服务体系) was inferred into 美好教育 (section 1) although it opens 健康上城
 * (section 2); moving it re-numbers the tasks, corrects the missing-heading findings, carries its
 * commitments along and can be undone. Commitments are confirmed or rejected by key.
 */
import { describe, expect, it } from 'vitest';
import { applyCorrections, type StructureCorrection } from '../../src/ingest/corrections.ts';
import { keyedCommitments, keyedTasks } from '../../src/model/keys.ts';
import type { Plan } from '../../src/model/plan.ts';
import { seedPlan } from '../helpers.ts';

const HEALTH_LINE = 235;
const toHealth: StructureCorrection = {
  kind: 'moveParagraph',
  line: HEALTH_LINE,
  to: { chapter: 8, section: 2 },
};

function corrected(plan: Plan, corrections: StructureCorrection[]): Plan {
  const result = applyCorrections(plan, corrections);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

const section = (plan: Plan, chapter: number, n: number) =>
  plan.chapters.find((c) => c.number === chapter)!.sections.find((s) => s.number === n)!;

describe('moving a paragraph to the section it belongs to', () => {
  it('moves the task, re-numbers both sections and keeps the input unchanged', () => {
    const plan = seedPlan();
    const snapshot = JSON.stringify(plan);
    const taskAt = (p: Plan, line: number) => keyedTasks(p).find((t) => t.task.line === line)!;
    expect(taskAt(plan, HEALTH_LINE).key).toBe('task:8.1.4');
    const secondBefore = section(plan, 8, 2).tasks.map((t) => t.line);

    const next = corrected(plan, [toHealth]);

    expect(JSON.stringify(plan)).toBe(snapshot);
    expect(section(next, 8, 1).tasks.map((t) => t.line)).not.toContain(HEALTH_LINE);
    expect(section(next, 8, 1).tasks).toHaveLength(3);
    expect(section(next, 8, 2).tasks.map((t) => t.line)).toEqual([HEALTH_LINE, ...secondBefore]);
    const moved = taskAt(next, HEALTH_LINE);
    expect(moved.key).toBe('task:8.2.1');
    expect(moved.task.title).toBe('完善公共卫生服务体系');
    expect(moved.task.movedFrom).toEqual({ chapter: 8, section: 1 });
    // The former first task of section 2 is now its second.
    expect(taskAt(next, secondBefore[0]!).key).toBe('task:8.2.2');
  });

  it('redraws the inferred sections and marks their findings corrected with the new range', () => {
    const next = corrected(seedPlan(), [toHealth]);
    expect(section(next, 8, 1).lineEnd).toBe(HEALTH_LINE - 1);
    expect(section(next, 8, 2).line).toBe(HEALTH_LINE);
    const findings = next.findings.filter((f) => f.kind === 'missing_heading' && f.place?.chapter === 8);
    const second = findings.find((f) => f.place?.section === 2)!;
    expect(second.corrected).toBe(true);
    expect(second.line).toBe(HEALTH_LINE);
    expect(second.message).toContain(`第${HEALTH_LINE}–`);
    expect(second.message).toContain('规划管理员已调整');
    expect(findings.find((f) => f.place?.section === 1)!.corrected).toBe(true);
    // Untouched sections keep their findings as ingest wrote them.
    expect(findings.find((f) => f.place?.section === 3)?.corrected).toBeUndefined();
  });

  it('carries the commitments read from the paragraph to the new section', () => {
    const plan = seedPlan();
    const onLine = plan.commitments.filter((c) => c.line === HEALTH_LINE);
    expect(onLine.length).toBeGreaterThan(0);
    const next = corrected(plan, [toHealth]);
    for (const c of next.commitments.filter((c) => c.line === HEALTH_LINE)) {
      expect([c.chapter, c.section]).toEqual([8, 2]);
    }
  });

  it('moving it back restores the structure ingest made, apart from the corrected findings', () => {
    const plan = seedPlan();
    const there = corrected(plan, [toHealth]);
    const back = corrected(there, [
      { kind: 'moveParagraph', line: HEALTH_LINE, to: { chapter: 8, section: 1 } },
    ]);
    expect(back.chapters).toEqual(plan.chapters);
    expect(back.commitments).toEqual(plan.commitments);
  });

  it('a titled paragraph moved into a review section becomes an achievement, not a task', () => {
    const plan = seedPlan();
    const review = plan.chapters.flatMap((c) =>
      c.sections.filter((s) => s.kind === 'review').map((s) => ({ chapter: c.number, section: s.number })),
    )[0]!;
    const next = corrected(plan, [{ kind: 'moveParagraph', line: HEALTH_LINE, to: review }]);
    expect(keyedTasks(next).some((t) => t.task.line === HEALTH_LINE)).toBe(false);
    const target = section(next, review.chapter, review.section!);
    expect(target.achievements.find((p) => p.line === HEALTH_LINE)?.title).toBe('完善公共卫生服务体系');
  });

  it('says which correction is wrong and why, and applies none of them', () => {
    const plan = seedPlan();
    const cases: [StructureCorrection, RegExp][] = [
      [{ kind: 'moveParagraph', line: 1, to: { chapter: 8, section: 2 } }, /第1行不是提纲中的正文段落/],
      [{ kind: 'moveParagraph', line: HEALTH_LINE, to: { chapter: 8, section: 9 } }, /没有第8章第9节/],
      [{ kind: 'moveParagraph', line: HEALTH_LINE, to: { chapter: 42, section: null } }, /没有第42章/],
      [toHealth, /第235行已在第8章第2节/],
      [{ kind: 'reviewCommitment', key: 'com:1:0', decision: 'rejected' }, /没有承诺事项 com:1:0/],
    ];
    for (const [bad, message] of cases) {
      const result = applyCorrections(plan, [toHealth, bad]);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.index).toBe(1);
      expect(result.message).toMatch(message);
      expect(result.messageEn.length).toBeGreaterThan(10);
    }
  });
});

describe('reviewing commitments', () => {
  it('a rejected commitment is no longer tracked, and no other key changes', () => {
    const plan = seedPlan();
    const all = keyedCommitments(plan);
    const victim = all[5]!;
    const next = corrected(plan, [{ kind: 'reviewCommitment', key: victim.key, decision: 'rejected' }]);
    const tracked = keyedCommitments(next);
    expect(tracked).toHaveLength(all.length - 1);
    expect(tracked.map((k) => k.key)).toEqual(all.filter((k) => k.key !== victim.key).map((k) => k.key));
    const everything = keyedCommitments(next, { includeRejected: true });
    expect(everything.find((k) => k.key === victim.key)!.commitment.review).toBe('rejected');
  });

  it('keys of promises sharing one clause stay put when the first is rejected', () => {
    const plan = seedPlan();
    const shared = keyedCommitments(plan).find((k) => /:\d+:\d+:2$/.test(k.key));
    expect(shared, 'the seed plan has a clause with two promises').toBeDefined();
    const first = shared!.key.replace(/:2$/, '');
    const next = corrected(plan, [{ kind: 'reviewCommitment', key: first, decision: 'rejected' }]);
    expect(keyedCommitments(next).map((k) => k.key)).toContain(shared!.key);
  });

  it('a finding about a rejected commitment is dismissed, and comes back when the rejection is taken back', () => {
    const plan = seedPlan();
    // 居民健康素养 41.5% (line 236) against 40% (line 245): one contradiction about two commitments.
    const finding = plan.findings.find((f) => f.kind === 'contradiction' && f.line === 236)!;
    expect(finding.commitments).toHaveLength(2);
    const ref = finding.commitments![0]!;
    const key = keyedCommitments(plan).find(
      (k) => k.commitment.line === ref.line && k.commitment.start === ref.start,
    )!.key;
    const rejected = corrected(plan, [{ kind: 'reviewCommitment', key, decision: 'rejected' }]);
    const dismissed = rejected.findings.find((f) => f.kind === 'contradiction' && f.line === 236)!;
    expect(dismissed.dismissed).toBe(true);
    // Other findings are untouched.
    expect(rejected.findings.filter((f) => f.dismissed)).toHaveLength(1);
    const back = corrected(rejected, [{ kind: 'reviewCommitment', key, decision: 'unreviewed' }]);
    expect(back.findings).toEqual(plan.findings);
  });

  it('confirming, then taking the verdict back', () => {
    const plan = seedPlan();
    const key = keyedCommitments(plan)[0]!.key;
    const confirmed = corrected(plan, [{ kind: 'reviewCommitment', key, decision: 'confirmed' }]);
    expect(keyedCommitments(confirmed)[0]!.commitment.review).toBe('confirmed');
    const undone = corrected(confirmed, [{ kind: 'reviewCommitment', key, decision: 'unreviewed' }]);
    expect(undone.commitments).toEqual(plan.commitments);
  });
});
