/**
 * The public plan text and vision: published plans only, the outline in reading order with every
 * commitment and indicator mention marked on the words it names, and nothing about people.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  publicTextSchema,
  publicVisionSchema,
  type textParagraphSchema,
} from '../../src/contract/publicText.ts';
import { dialects } from '../store/dialects.ts';
import { createHarness, type Harness, USERS } from './harness.ts';

type Paragraph = z.infer<typeof textParagraphSchema>;

describe.each(dialects)('public plan text on $name', ({ open }) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('is not there for an unpublished plan', async () => {
    h = await createHarness(await open());
    for (const part of ['text', 'vision']) {
      const reply = await h.app.inject({ method: 'GET', url: `/api/public/plans/${h.planId}/${part}` });
      expect(reply.statusCode).toBe(404);
      expect(reply.json()).toMatchObject({ code: 'LANTU_PLAN_NOT_FOUND' });
    }
  });

  it('gives the outline of a published plan with its mentions marked', async () => {
    h = await createHarness(await open(), { published: true });
    const reply = await h.app.inject({ method: 'GET', url: `/api/public/plans/${h.planId}/text` });
    expect(reply.statusCode).toBe(200);
    const text = publicTextSchema.parse(reply.json());
    expect(text.chapters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(text.chapters[2]!.title).toBe('打造改革创新的生力军');

    const paragraphs: Paragraph[] = text.chapters.flatMap((c) =>
      [...c.blocks, ...c.sections.flatMap((s) => s.blocks)].flatMap((b): Paragraph[] =>
        b.kind === 'column' ? b.items : [b],
      ),
    );
    const marks = paragraphs.flatMap((p) =>
      p.marks.map((m) => ({ ...m, words: p.text.slice(m.start, m.end) })),
    );
    const commitments = marks.filter((m) => m.kind === 'commitment');
    expect(commitments.length).toBeGreaterThan(90);
    expect(commitments).toContainEqual(
      expect.objectContaining({
        words: '力争地区生产总值突破3250亿元',
        indicator: '10',
        commitment: { subject: '地区生产总值', quantity: 3250, unit: '亿元', comparator: '>', year: 2025 },
      }),
    );
    // Commitments inside column boxes (several items on one source line) land on their item.
    expect(commitments.some((m) => m.words === '新引进(含柔性引进)院士5人')).toBe(true);
    expect(
      marks.some((m) => m.kind === 'indicator' && m.words === '地区生产总值' && m.indicator === '10'),
    ).toBe(true);
    for (const p of paragraphs) {
      let end = 0;
      for (const m of p.marks) {
        expect(m.start).toBeGreaterThanOrEqual(end);
        expect(m.end).toBeLessThanOrEqual(p.text.length);
        end = m.end;
      }
    }
    // The plan's own words only: nothing about the people who run it.
    for (const username of Object.keys(USERS)) expect(reply.body).not.toContain(username);
    expect(reply.body).not.toMatch(/"(username|displayName|orgUnitId|leadUnit|createdBy)"/);
  });

  it('gives the vision of a published plan', async () => {
    h = await createHarness(await open(), { published: true });
    const reply = await h.app.inject({ method: 'GET', url: `/api/public/plans/${h.planId}/vision` });
    expect(reply.statusCode).toBe(200);
    const vision = publicVisionSchema.parse(reply.json());
    expect(vision.visionYear).toBe(2035);
    expect(vision.vision?.title).toBe('二〇三五年远景目标');
    expect(vision.vision?.paragraphs[0]?.text).toMatch(/^高水平打造“五个新高地”/);
  });
});
