/** One indicator on the front page: its latest value, a plain sentence, the key numbers and a small chart. */
import { type ReactNode, useMemo } from 'react';
import { buildChartModel, describeChart } from '../chartModel.ts';
import { indicatorStatus, isSampleFigure, measureName, measureSentence, targetText } from '../describe.ts';
import { displayUnit, formatShare, formatValue, formatWithUnit, formatYear } from '../format.ts';
import { planLang, useI18n } from '../I18n.tsx';
import type { PublicIndicator, PublicMeasure, PublicPlan } from '../types.ts';
import { Link } from './Link.tsx';
import { SampleTag } from './Sample.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { TrendChart } from './TrendChart.tsx';

export interface IndicatorCardProps {
  plan: PublicPlan;
  indicator: PublicIndicator;
}

export function indicatorPath(planId: string, code: string): string {
  return `/public/plans/${encodeURIComponent(planId)}/indicators/${encodeURIComponent(code)}`;
}

export function IndicatorCard({ plan, indicator }: IndicatorCardProps): ReactNode {
  const { locale, t } = useI18n();
  const { light, key } = indicatorStatus(plan, indicator);
  const headingId = `indicator-${indicator.code}`;
  const to = indicatorPath(plan.id, indicator.code);
  return (
    <article className={`card indicator-card light-${light}`} aria-labelledby={headingId}>
      <div className="card-head">
        <p className="card-kicker">
          <span>{t('indicator.code', { code: indicator.code })}</span>
          <span className={indicator.binding ? 'tag tag-binding' : 'tag'}>
            {t(indicator.binding ? 'indicator.binding' : 'indicator.expected')}
          </span>
        </p>
        <h4 id={headingId} className="card-title" lang={planLang(locale)}>
          <Link to={to}>{indicator.name}</Link>
        </h4>
        <StatusBadge light={light} status={key} />
      </div>
      {indicator.measures.map((measure) => (
        <MeasureSummary key={measure.measure} indicator={indicator} measure={measure} />
      ))}
      <p className="card-more">
        <Link to={to}>
          {t('indicator.details')}
          <span className="visually-hidden" lang={planLang(locale)}>
            {t('indicator.detailsOf', { name: indicator.name })}
          </span>
          <span aria-hidden="true"> →</span>
        </Link>
      </p>
    </article>
  );
}

function MeasureSummary({
  indicator,
  measure,
}: {
  indicator: PublicIndicator;
  measure: PublicMeasure;
}): ReactNode {
  const { locale, t } = useI18n();
  const a = measure.assessment;
  const name = measureName(indicator, measure);
  const model = useMemo(() => buildChartModel(measure, t), [measure, t]);
  const description = useMemo(() => describeChart(model, name, t, locale), [model, name, t, locale]);
  return (
    <section className="measure" aria-label={indicator.measures.length > 1 ? name : undefined}>
      {indicator.measures.length > 1 && (
        <p className="measure-name" lang={planLang(locale)}>
          {name}
        </p>
      )}
      <Figure measure={measure} />
      <p className="sentence">{measureSentence(indicator, measure, t, locale)}</p>
      <dl className="stats">
        {a?.completion !== null && a?.completion !== undefined && (
          <div>
            <dt>{t('indicator.completion')}</dt>
            <dd>{formatShare(a.completion, locale)}</dd>
          </div>
        )}
        {a?.elapsed !== null && a?.elapsed !== undefined && (
          <div>
            <dt>{t('indicator.elapsed')}</dt>
            <dd>{formatShare(a.elapsed, locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t('indicator.target')}</dt>
          <dd lang={measure.target.text ? planLang(locale) : undefined}>{targetText(measure, t, locale)}</dd>
        </div>
      </dl>
      <TrendChart
        model={model}
        description={description}
        compact
        // The page's shared key explains actual, path, projection and target; other lines need their own.
        legend={model.lines.some((l) => l.style === 'area' || l.style === 'annualTarget')}
      />
    </section>
  );
}

/** The big number: the latest approved value (or each sub-area's), with its unit and year. */
export function Figure({ measure }: { measure: PublicMeasure }): ReactNode {
  const { locale, t } = useI18n();
  const a = measure.assessment;
  const unit = displayUnit(measure.unit);
  if (a && a.value !== null) {
    return (
      <p className="figure">
        <span className="figure-value">{formatValue(a.value, locale)}</span>
        <span className="figure-unit" lang={planLang(locale)}>
          {unit}
        </span>
        <span className="figure-year">{t('indicator.latest', { year: a.year })}</span>
        {isSampleFigure(measure) && <SampleTag />}
      </p>
    );
  }
  const areaRows = measure.series.filter((p) => p.area !== null && p.kind !== 'target');
  if (areaRows.length === 0) return <p className="figure figure-empty">{t('status.no_data')}</p>;
  const year = Math.max(...areaRows.map((p) => p.year));
  const latest = areaRows.filter((p) => p.year === year);
  return (
    <p className="figure figure-areas">
      {latest.map((p) => (
        <span key={p.area} className="figure-area">
          <span className="figure-area-name" lang={planLang(locale)}>
            {p.area}
          </span>
          <span className="figure-value">{formatWithUnit(p.value, measure.unit, locale)}</span>
        </span>
      ))}
      <span className="figure-year">{formatYear(year, locale)}</span>
      {latest.some((p) => p.sample) && <SampleTag />}
    </p>
  );
}
