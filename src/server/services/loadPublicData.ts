/**
 * The open data of a published plan, gathered from the store: the plan, its structure, its approved
 * values and its assessment for every year from the start of the plan to the latest year with data
 * (each against the targets in force that year). Null for a plan that is not published: nothing of
 * it is public.
 */
import type { PublicData } from '../../opendata/dataset.ts';
import type { Executor } from '../../store/database.ts';
import { publishedValues } from '../../store/openData.repository.ts';
import { findPlan, findPlanStructure } from '../../store/plans.repository.ts';
import { assessStoredPlan } from './assessPlanFromStore.ts';

export async function loadPublicData(db: Executor, planId: string): Promise<PublicData | null> {
  const record = await findPlan(db, planId);
  if (!record?.published) return null;
  const structure = await findPlanStructure(db, planId);
  if (!structure) return null;
  const values = await publishedValues(db, planId);
  const { startYear, endYear } = structure.period;
  const latest = values.reduce((y, v) => (v.year <= endYear && v.year > y ? v.year : y), startYear);
  const assessments: PublicData['assessments'] = [];
  let method: PublicData['method'] | null = null;
  for (let year = startYear; year <= latest; year++) {
    const result = await assessStoredPlan(db, planId, structure, year);
    method ??= result.method;
    assessments.push({ year, assessments: result.assessments, summary: result.summary });
  }
  return {
    plan: {
      id: record.id,
      title: record.title,
      regionCode: record.regionCode,
      issuer: record.issuer,
      issuedOn: record.issuedOn,
      period: {
        baseYear: record.baseYear,
        startYear: record.startYear,
        endYear: record.endYear,
        visionYear: record.visionYear,
      },
    },
    structure,
    values,
    assessments,
    method: method!,
  };
}
