/**
 * The public plan text: the outline of a published plan in reading order, with every indicator and
 * commitment mention marked, and its long-range vision. No login; published plans only; the plan's
 * own words only (no people, no assignments, no ingest findings).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorReplies, planParamsSchema } from '../../../contract/common.ts';
import {
  publicTextSchema,
  publicVisionSchema,
  type textBlockSchema,
  type textChapterSchema,
  type textMarkSchema,
} from '../../../contract/publicText.ts';
import { keyedCommitments } from '../../../model/keys.ts';
import type { Paragraph, Plan, Task } from '../../../model/plan.ts';
import { findPlan, findPlanStructure, publicDataStamp } from '../../../store/plans.repository.ts';
import { LantuError } from '../../errors.ts';
import { PublicCache } from '../../services/publicCache.ts';

type PublicText = z.infer<typeof publicTextSchema>;
type PublicVision = z.infer<typeof publicVisionSchema>;
type TextBlock = z.infer<typeof textBlockSchema>;
type TextChapter = z.infer<typeof textChapterSchema>;
type TextMark = z.infer<typeof textMarkSchema>;

export async function publicTextRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cache = new PublicCache();

  /** A reply made from the stored structure of a published plan, as bytes (empty: unknown or unpublished). */
  const cached = (key: string, planId: string, present: (record: PlanHeader, plan: Plan) => string) =>
    cache.bytes(
      `${key}:${planId}`,
      () => publicDataStamp(app.database.db, planId),
      async () => {
        const record = await findPlan(app.database.db, planId);
        if (!record?.published) return '';
        const plan = await findPlanStructure(app.database.db, record.id);
        return plan ? present(record, plan) : '';
      },
    );

  app.get(
    '/api/public/plans/:planId/text',
    {
      schema: {
        tags: ['public'],
        params: planParamsSchema,
        response: { 200: publicTextSchema, 404: errorReplies[404], 503: errorReplies[503] },
      },
    },
    async (request, reply) => {
      const { planId } = request.params;
      const body = await cached('text', planId, (record, plan) =>
        JSON.stringify(publicTextSchema.parse(presentText(record, plan))),
      );
      if (body.length === 0) throw new LantuError('LANTU_PLAN_NOT_FOUND', `no published plan ${planId}`);
      return reply.type('application/json; charset=utf-8').send(body as unknown as PublicText);
    },
  );

  app.get(
    '/api/public/plans/:planId/vision',
    {
      schema: {
        tags: ['public'],
        params: planParamsSchema,
        response: { 200: publicVisionSchema, 404: errorReplies[404], 503: errorReplies[503] },
      },
    },
    async (request, reply) => {
      const { planId } = request.params;
      const body = await cached('vision', planId, (record, plan) =>
        JSON.stringify(publicVisionSchema.parse(presentVision(record, plan))),
      );
      if (body.length === 0) throw new LantuError('LANTU_PLAN_NOT_FOUND', `no published plan ${planId}`);
      return reply.type('application/json; charset=utf-8').send(body as unknown as PublicVision);
    },
  );
}

interface PlanHeader {
  id: string;
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  baseYear: number;
  startYear: number;
  endYear: number;
  visionYear: number | null;
}

/** A paragraph of the reply being built, with the marks found so far. */
interface Draft {
  title: string | null;
  text: string;
  line: number;
  marks: TextMark[];
}

const fromParagraph = (p: Paragraph): Draft => ({ title: p.title, text: p.text, line: p.line, marks: [] });
const fromTask = (t: Task): Draft => ({ title: t.title, text: t.text, line: t.line, marks: [] });

function presentText(record: PlanHeader, plan: Plan): PublicText {
  const drafts: Draft[] = [];
  const keep = (d: Draft): Draft => {
    drafts.push(d);
    return d;
  };
  const paragraphBlocks = (paragraphs: Draft[]): TextBlock[] =>
    paragraphs.map((d) => ({ kind: 'paragraph', ...keep(d) }));
  const columnBlocks = (chapter: number, section: number | null): TextBlock[] =>
    plan.columns
      .filter((c) => c.chapter === chapter && c.section === section)
      .map((c) => ({
        kind: 'column',
        number: c.number,
        title: c.title,
        line: c.line,
        items: c.items.map((item) => ({
          ...keep({ title: item.title, text: item.text, line: item.line, marks: [] }),
          number: item.number,
          itemKind: item.kind,
        })),
      }));
  const byLine = (blocks: TextBlock[]): TextBlock[] => blocks.sort((a, b) => a.line - b.line);

  const chapters: TextChapter[] = plan.chapters.map((chapter) => ({
    number: chapter.number,
    title: chapter.title,
    blocks: byLine([
      ...paragraphBlocks([...chapter.intro.map(fromParagraph), ...chapter.tasks.map(fromTask)]),
      ...columnBlocks(chapter.number, null),
    ]),
    sections: chapter.sections.map((section) => ({
      number: section.number,
      title: section.title,
      kind: section.kind,
      blocks: byLine([
        ...paragraphBlocks([
          ...section.achievements.map(fromParagraph),
          ...section.paragraphs.map(fromParagraph),
          ...section.tasks.map(fromTask),
        ]),
        ...columnBlocks(chapter.number, section.number),
      ]),
    })),
  }));
  markCommitments(plan, drafts);
  markIndicators(plan, drafts);
  for (const d of drafts) d.marks.sort((a, b) => a.start - b.start);

  return {
    id: record.id,
    title: record.title,
    issuer: record.issuer,
    issuedOn: record.issuedOn,
    period: {
      baseYear: record.baseYear,
      startYear: record.startYear,
      endYear: record.endYear,
      visionYear: record.visionYear,
    },
    chapters,
    indicators: plan.indicators.map((i) => ({ code: i.code, name: i.name })),
  };
}

const overlaps = (marks: TextMark[], start: number, end: number): boolean =>
  marks.some((m) => start < m.end && m.start < end);

/**
 * Each commitment marks the clause it was read from (its offsets are within its source line); one a
 * planner rejected is not a promise and is not marked.
 */
function markCommitments(plan: Plan, drafts: Draft[]): void {
  for (const { commitment: c } of keyedCommitments(plan)) {
    const onLine = drafts.filter((d) => d.line === c.line);
    let target = onLine.find((d) => d.text.slice(c.start, c.end) === c.text);
    let start = c.start;
    if (!target) {
      // Several paragraphs on one line (the items of a column box): find the clause by its words.
      target = onLine.find((d) => d.text.includes(c.text));
      if (!target) continue;
      start = target.text.indexOf(c.text);
    }
    const end = start + c.text.length;
    if (overlaps(target.marks, start, end)) continue;
    target.marks.push({
      start,
      end,
      kind: 'commitment',
      indicator: c.indicatorCode,
      commitment: {
        subject: c.subject,
        quantity: c.quantity,
        unit: c.unit,
        comparator: c.comparator,
        year: c.year,
      },
    });
  }
}

/** The names an indicator is mentioned by: as printed and without a bracketed abbreviation. */
function mentionTerms(plan: Plan): { term: string; code: string }[] {
  const terms = new Map<string, string>();
  for (const indicator of plan.indicators) {
    const names = [
      indicator.name,
      ...indicator.name.split(/[;\uFF1B]/),
      ...indicator.measures.map((m) => m.name ?? ''),
    ];
    for (const name of names) {
      for (const variant of [name.trim(), name.replace(/[(\uFF08][^)\uFF09]*[)\uFF09]/g, '').trim()]) {
        if (variant.length >= 4 && !terms.has(variant)) terms.set(variant, indicator.code);
      }
    }
  }
  return [...terms].map(([term, code]) => ({ term, code })).sort((a, b) => b.term.length - a.term.length);
}

/** Every mention of an indicator's name that no commitment already covers. */
function markIndicators(plan: Plan, drafts: Draft[]): void {
  const terms = mentionTerms(plan);
  for (const d of drafts) {
    for (const { term, code } of terms) {
      for (let at = d.text.indexOf(term); at >= 0; at = d.text.indexOf(term, at + term.length)) {
        const end = at + term.length;
        if (overlaps(d.marks, at, end)) continue;
        d.marks.push({ start: at, end, kind: 'indicator', indicator: code, commitment: null });
      }
    }
  }
}

function presentVision(record: PlanHeader, plan: Plan): PublicVision {
  for (const chapter of plan.chapters) {
    const section = chapter.sections.find((s) => s.kind === 'vision');
    if (!section) continue;
    const paragraphs = [
      ...section.paragraphs.map(fromParagraph),
      ...section.tasks.map(fromTask),
      ...section.achievements.map(fromParagraph),
    ]
      .sort((a, b) => a.line - b.line)
      .map((p) => ({ title: p.title, text: p.text }));
    return { id: record.id, visionYear: record.visionYear, vision: { title: section.title, paragraphs } };
  }
  return { id: record.id, visionYear: record.visionYear, vision: null };
}
