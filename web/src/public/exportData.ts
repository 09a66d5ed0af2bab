/**
 * The downloads, made in the browser from the API reply: a CSV of every indicator's approved
 * series (UTF-8 with a byte-order mark, so Excel opens the Chinese correctly) and the same as JSON.
 */
import type { Locale } from '../shared/i18n.ts';
import type { Translate } from './I18n.tsx';
import type { PublicIndicator, PublicPlan } from './types.ts';

const BOM = '\uFEFF';

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV of the given indicators' approved values, one row per value, with the header in the locale. */
export function buildCsv(indicators: PublicIndicator[], t: Translate): string {
  const header = [
    'code',
    'category',
    'indicator',
    'measure',
    'unit',
    'binding',
    'baselineYear',
    'baseline',
    'targetYear',
    'target',
    'year',
    'kind',
    'area',
    'value',
    'sample',
    'source',
  ].map((key) => t(`csv.${key}`));
  const rows: string[][] = [header];
  for (const indicator of indicators) {
    for (const measure of indicator.measures) {
      const target =
        measure.target.value ??
        (measure.target.annualRate !== undefined ? `${measure.target.annualRate}%/a` : null);
      for (const point of measure.series) {
        rows.push(
          [
            indicator.code,
            indicator.category,
            indicator.name,
            indicator.measures.length > 1 ? measure.name : '',
            measure.unit,
            t(indicator.binding ? 'indicator.binding' : 'indicator.expected'),
            measure.baseline.year,
            measure.baseline.value,
            measure.target.year,
            measure.target.text ?? target,
            point.year,
            t(`kind.${point.kind}`),
            point.area,
            point.value,
            t(point.sample ? 'csv.yes' : 'csv.no'),
            point.source,
          ].map(csvField),
        );
      }
    }
  }
  return BOM + rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
}

/** The number of data rows buildCsv writes. */
export function csvRowCount(indicators: PublicIndicator[]): number {
  return indicators.reduce((n, i) => n + i.measures.reduce((m, x) => m + x.series.length, 0), 0);
}

/** The JSON download: the plan, the method, and each indicator with its series and assessment. */
export function buildJson(plan: PublicPlan, indicators: PublicIndicator[], source: string): string {
  const data = {
    plan: {
      id: plan.id,
      title: plan.title,
      regionCode: plan.regionCode,
      issuer: plan.issuer,
      issuedOn: plan.issuedOn,
      period: plan.period,
    },
    assessedYear: plan.year,
    containsSampleData: indicators.some((i) => i.measures.some((m) => m.series.some((p) => p.sample))),
    source,
    method: plan.method,
    indicators,
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** A file name for a download: 330102-2024-indicators.csv. */
export function downloadName(plan: PublicPlan, what: string, extension: string, locale: Locale): string {
  return `${plan.regionCode}-${plan.year}-${what}${locale === 'en' ? '-en' : ''}.${extension}`;
}

/** Hands a text file to the browser as a download. */
export function saveText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
