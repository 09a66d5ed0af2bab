/**
 * The evaluation report of the demo plan: what it says (the figures of the assessment it froze),
 * in Word and in HTML alike, that the HTML page asks nothing of the network, and that an evaluation
 * renders the same document after its plan's data changed.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/reports/buildReport.ts';
import { loadEvaluation, renderEvaluation } from '../../src/reports/index.ts';
import { assessStoredPlan } from '../../src/server/services/assessPlanFromStore.ts';
import type { Database } from '../../src/store/database.ts';
import { findPlanStructure } from '../../src/store/plans.repository.ts';
import { demoDatabase, docxText, midterm } from './fixtures.ts';

/** The text of an HTML page, tags and the inline style and charts taken out. */
function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

describe('the mid-term report of the demo plan', () => {
  let database: Database;
  let planId: string;
  let evaluationId: string;
  let docx: Buffer;
  let html: string;

  beforeAll(async () => {
    ({ database, planId } = await demoDatabase());
    const { record, snapshot } = await midterm(database, planId);
    evaluationId = record.id;
    docx = (await renderEvaluation(record, snapshot, 'docx')).bytes;
    html = (await renderEvaluation(record, snapshot, 'html')).bytes.toString('utf8');
  });
  afterAll(async () => {
    await database.close();
  });

  it('says what the assessment of 2024 says, in Word and in HTML', async () => {
    const structure = (await findPlanStructure(database.db, planId))!;
    const live = await assessStoredPlan(database.db, planId, structure, 2024);
    const gdp = live.assessments.find((a) => a.indicator === '10')!;
    expect(gdp).toMatchObject({ value: 2803.5, status: 'lagging' });
    const { byLight, byStatus, total } = live.summary.indicators;
    for (const text of [docxText(docx), htmlText(html)]) {
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain('实施情况中期评估报告');
      expect(flat).toContain('（评估期：2021—2024年）');
      expect(flat).toContain(
        `规划确定的${total}项主要指标中，绿灯${byLight.green}项（其中已实现${byStatus.achieved}项、` +
          `快于预期${byStatus.ahead}项、基本符合预期${byStatus.on_track}项），黄灯${byLight.yellow}项（滞后），` +
          `红灯${byLight.red}项（严重滞后），灰灯${byLight.grey}项`,
      );
      // The GDP row: baseline, each year's approved value, target, completion, time elapsed, status.
      expect(flat).toMatch(
        /地区生产总值（GDP）亿元2218\.62368\.8\*?2525\*?2666\.7\*?2803\.5325061\.3%80\.0%●滞后/,
      );
      expect(flat).toContain('c≥τ+0.05'); // the method's thresholds
      expect(flat).toContain('【待填写：主要成效】');
      expect(flat).toContain('【待填写：存在问题】');
      expect(flat).toContain('【待填写：下步举措】');
      expect(flat).toContain('为示例数据'); // the cover says the demo data is sample data
      expect(flat).toContain('前后表述不一致'); // the plan's own contradictions
      expect(flat).toContain('牵头单位监督考核');
    }
  });

  it('has a chart per measure with data, as PNG in Word and inline SVG in HTML', async () => {
    const { snapshot } = (await loadEvaluation(database.db, evaluationId))!;
    const withData = snapshot.charts.filter((c) => c.points.some((p) => p.year > 2020 && p.actual !== null));
    const files = unzipSync(new Uint8Array(docx));
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    expect(media).toHaveLength(withData.length + 1); // and the overall chart
    expect(html.match(/<svg\b/g)).toHaveLength(withData.length + 1);
    expect(Buffer.from(files[media[0]!]!).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('sets Chinese typography: CJK fonts, 三号 body, rows that never break, header rows that repeat', () => {
    const files = unzipSync(new Uint8Array(docx));
    const styles = strFromU8(files['word/styles.xml']!);
    const document = strFromU8(files['word/document.xml']!);
    const fonts = strFromU8(files['word/fontTable.xml']!);
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(styles).toContain('w:eastAsia="zh-CN"');
    expect(styles).toMatch(/<w:sz w:val="32"\/>/);
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    const rows = document.match(/<w:tr>|<w:tr [^>]*>/g)!.length;
    expect(document.match(/<w:cantSplit\/>/g)!.length).toBe(rows);
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('w:orient="landscape"');
  });

  it('is one self-contained page: inline style, no script, no request anywhere', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/url\((?!#)/i); // only references inside the page (clip paths)
  });

  it('renders the same document after the plan’s data changed', async () => {
    // A correction of GDP 2024 and a new approved value after the evaluation was made.
    const gdp = await database.db
      .selectFrom('observations as o')
      .innerJoin('plan_items as i', 'i.id', 'o.item_id')
      .select(['o.id', 'o.item_id', 'o.unit_id', 'o.created_by'])
      .where('i.key', '=', 'ind:10')
      .where('o.year', '=', 2024)
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('observations')
      .set({ value: 3100, approved_value: 3100, version: 2 })
      .where('id', '=', gdp.id)
      .execute();
    await database.db
      .insertInto('observations')
      .values({
        id: 'new-2025-gdp',
        plan_id: planId,
        item_id: gdp.item_id,
        measure: 1,
        area: '',
        year: 2025,
        period: '',
        kind: 'level',
        value: 3300,
        unit: '亿元',
        details: '{}',
        status: 'approved',
        approved_value: 3300,
        approved_details: '{}',
        approved_at: '2026-12-01T00:00:00.000Z',
        comment: null,
        source: 'test',
        sample: 0,
        unit_id: gdp.unit_id,
        round_id: null,
        created_by: gdp.created_by,
        created_at: '2026-12-01T00:00:00.000Z',
        updated_at: '2026-12-01T00:00:00.000Z',
      })
      .execute();
    const structure = (await findPlanStructure(database.db, planId))!;
    const live = await assessStoredPlan(database.db, planId, structure, 2024);
    expect(live.assessments.find((a) => a.indicator === '10')).toMatchObject({
      value: 3100,
      status: 'ahead',
    });

    const { record, snapshot } = (await loadEvaluation(database.db, evaluationId))!;
    const again = await renderEvaluation(record, snapshot, 'docx');
    expect(docxText(again.bytes)).toBe(docxText(docx));
    expect(docxText(again.bytes)).toContain('2803.5');
    expect((await renderEvaluation(record, snapshot, 'html')).bytes.toString('utf8')).toBe(html);
    // And the tree both are made of is the same, narrative aside.
    const meta = { title: record.title, createdAt: record.createdAt, narrative: record.narrative };
    expect(buildReport(snapshot, meta)).toEqual(buildReport(snapshot, meta));
  });
});
