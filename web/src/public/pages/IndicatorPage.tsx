/** One indicator: its chart against the target path, its approved values year by year, its method. */
import { type ReactNode, useMemo } from 'react';
import { buildChartModel, describeChart } from '../chartModel.ts';
import { Downloads } from '../components/Downloads.tsx';
import { Figure } from '../components/IndicatorCard.tsx';
import { Link } from '../components/Link.tsx';
import { LoadError, Loading, NotFound } from '../components/PageState.tsx';
import { SampleBanner, SampleTag } from '../components/Sample.tsx';
import { SiteHeader } from '../components/SiteHeader.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { fetchPlan, useLoad } from '../data.ts';
import { indicatorStatus, measureName, measureSentence, methodRules, targetText } from '../describe.ts';
import { displayUnit, formatShare, formatWithUnit, formatYear } from '../format.ts';
import { planLang, useI18n } from '../I18n.tsx';
import type { PublicIndicator, PublicMeasure, PublicPlan } from '../types.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';

export interface IndicatorPageProps {
  planId: string;
  code: string;
}

export function IndicatorPage({ planId, code }: IndicatorPageProps): ReactNode {
  const loaded = useLoad(planId, fetchPlan);
  const plan = loaded.state === 'ready' ? loaded.data : null;
  const indicator = plan?.indicators.find((i) => i.code === code) ?? null;
  useDocumentTitle(indicator?.name ?? null);
  if (!plan) {
    return (
      <>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          <div className="wrap">{loaded.state === 'error' ? <LoadError {...loaded} /> : <Loading />}</div>
        </main>
      </>
    );
  }
  return (
    <>
      <SiteHeader plan={plan} section="indicator" />
      <main id="main" tabIndex={-1}>
        <div className="wrap">
          {indicator ? <IndicatorDetail plan={plan} indicator={indicator} /> : <NotFound />}
        </div>
      </main>
    </>
  );
}

function IndicatorDetail({ plan, indicator }: { plan: PublicPlan; indicator: PublicIndicator }): ReactNode {
  const { locale, t } = useI18n();
  const { light, key } = indicatorStatus(plan, indicator);
  const compound = indicator.measures.length > 1;
  const hasSample = indicator.measures.some((m) => m.series.some((p) => p.sample));
  const planPath = `/public/plans/${encodeURIComponent(plan.id)}`;
  const version = plan.method['version'];
  const first = indicator.measures[0] ?? null;
  return (
    <>
      <nav className="breadcrumb" aria-label={t('breadcrumb.label')}>
        <ol>
          <li>
            <Link to={planPath}>{t('nav.overview')}</Link>
          </li>
          <li>
            <Link to={`${planPath}#indicators`}>{t('nav.indicators')}</Link>
          </li>
          <li aria-current="page" lang={planLang(locale)}>
            {indicator.name}
          </li>
        </ol>
      </nav>
      <div className="detail-head">
        <p className="card-kicker">
          <span>{t('indicator.code', { code: indicator.code })}</span>
          <span lang={planLang(locale)}>{indicator.category}</span>
          <span className={indicator.binding ? 'tag tag-binding' : 'tag'}>
            {t(indicator.binding ? 'indicator.binding' : 'indicator.expected')}
          </span>
        </p>
        <h1 tabIndex={-1} lang={planLang(locale)}>
          {indicator.name}
        </h1>
        <StatusBadge light={light} status={key} />
      </div>
      {hasSample && <SampleBanner />}
      {indicator.measures.map((measure) => (
        <MeasureDetail key={measure.measure} indicator={indicator} measure={measure} compound={compound} />
      ))}
      <section className="block" aria-labelledby="about-title">
        <h2 id="about-title">{t('detail.about')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('detail.category')}</dt>
            <dd lang={planLang(locale)}>{indicator.category}</dd>
          </div>
          <div>
            <dt>{t('detail.attribute')}</dt>
            <dd>{t(indicator.binding ? 'indicator.binding' : 'indicator.expected')}</dd>
          </div>
          {indicator.measures.map((m) => (
            <Facts key={m.measure} indicator={indicator} measure={m} />
          ))}
        </dl>
      </section>
      <section className="block" aria-labelledby="method-title">
        <h2 id="method-title">{t('detail.method')}</h2>
        <p>{t('detail.methodLead', { version: typeof version === 'number' ? version : '—' })}</p>
        <ul className="method">
          {methodRules(plan.method, first, locale).map((rule) => (
            <li key={rule.topic}>{rule.text}</li>
          ))}
        </ul>
      </section>
      <section className="block" aria-labelledby="data-title">
        <h2 id="data-title">{t('data.title')}</h2>
        <Downloads plan={plan} indicators={[indicator]} fileStem={`indicator-${indicator.code}`} />
      </section>
    </>
  );
}

function Facts({ indicator, measure }: { indicator: PublicIndicator; measure: PublicMeasure }): ReactNode {
  const { locale, t } = useI18n();
  const prefix = indicator.measures.length > 1 ? `${measure.name} · ` : '';
  const byArea = measure.baseline.byArea;
  const baseline =
    measure.baseline.value !== null
      ? formatWithUnit(measure.baseline.value, measure.unit, locale)
      : byArea
        ? Object.entries(byArea)
            .map(([area, v]) => `${area} ${formatWithUnit(v, measure.unit, locale)}`)
            .join(t('sentence.listSeparator'))
        : '—';
  return (
    <>
      <div>
        <dt>
          {prefix}
          {t('detail.unit')}
        </dt>
        <dd lang={planLang(locale)}>{displayUnit(measure.unit) || '—'}</dd>
      </div>
      <div>
        <dt>
          {prefix}
          {t('detail.direction')}
        </dt>
        <dd>{t(measure.direction === 'up' ? 'detail.up' : 'detail.down')}</dd>
      </div>
      <div>
        <dt>
          {prefix}
          {t('indicator.baseline')}
        </dt>
        <dd>{t('detail.baselineValue', { year: measure.baseline.year, value: baseline })}</dd>
      </div>
      <div>
        <dt>
          {prefix}
          {t('indicator.target')}
        </dt>
        <dd>
          {t('detail.targetValue', { year: measure.target.year, value: targetText(measure, t, locale) })}
        </dd>
      </div>
    </>
  );
}

function MeasureDetail({
  indicator,
  measure,
  compound,
}: {
  indicator: PublicIndicator;
  measure: PublicMeasure;
  compound: boolean;
}): ReactNode {
  const { locale, t } = useI18n();
  const name = measureName(indicator, measure);
  const model = useMemo(() => buildChartModel(measure, t), [measure, t]);
  const description = useMemo(() => describeChart(model, name, t, locale), [model, name, t, locale]);
  const a = measure.assessment;
  const H = compound ? 'h3' : 'h2';
  const id = `m${measure.measure}`;
  const body = (
    <>
      <div className="detail-figure">
        <Figure measure={measure} />
        <p className="sentence sentence-large">{measureSentence(indicator, measure, t, locale)}</p>
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
            <dd>{targetText(measure, t, locale)}</dd>
          </div>
          {a?.projected !== null && a?.projected !== undefined && a.year < measure.target.year && (
            <div>
              <dt>{t('indicator.projected', { year: measure.target.year })}</dt>
              <dd>
                {formatWithUnit(a.projected, measure.unit, locale)}
                {a.willReach !== null && (
                  <span className="muted">
                    {' '}
                    ({t(a.willReach ? 'indicator.willReach' : 'indicator.willNotReach')})
                  </span>
                )}
              </dd>
            </div>
          )}
        </dl>
      </div>
      <section className="panel" aria-labelledby={`${id}-chart`}>
        <H id={`${id}-chart`}>
          {t('detail.chart')}
          {compound && <span className="visually-hidden"> · {name}</span>}
        </H>
        <TrendChart model={model} description={description} />
      </section>
      <section className="panel" aria-labelledby={`${id}-series`}>
        <H id={`${id}-series`}>
          {t('detail.series')}
          {compound && <span className="visually-hidden"> · {name}</span>}
        </H>
        <SeriesTable measure={measure} name={name} />
      </section>
    </>
  );
  if (!compound) return <div className="measure-detail">{body}</div>;
  return (
    <section className="block measure-detail" aria-labelledby={id}>
      <h2 id={id} lang={planLang(locale)}>
        {t('indicator.measure', { n: measure.measure, name })}
      </h2>
      {body}
    </section>
  );
}

function SeriesTable({ measure, name }: { measure: PublicMeasure; name: string }): ReactNode {
  const { locale, t } = useI18n();
  const rows = [...measure.series].sort(
    (a, b) => a.year - b.year || (a.area ?? '').localeCompare(b.area ?? '') || a.kind.localeCompare(b.kind),
  );
  if (rows.length === 0) return <p className="muted">{t('detail.noSeries')}</p>;
  const hasArea = rows.some((p) => p.area !== null);
  const hasKinds = new Set(rows.map((p) => p.kind)).size > 1;
  const caption = t('detail.seriesCaption', { name });
  const baselines: { area: string | null; value: number }[] =
    measure.baseline.value !== null
      ? [{ area: null, value: measure.baseline.value }]
      : Object.entries(measure.baseline.byArea ?? {}).map(([area, value]) => ({ area, value }));
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section className="table-scroll" aria-label={caption} tabIndex={0}>
      <table className="series">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('detail.col.year')}</th>
            {hasArea && <th scope="col">{t('detail.col.area')}</th>}
            {hasKinds && <th scope="col">{t('detail.col.kind')}</th>}
            <th scope="col" className="num">
              {t('detail.col.value')}
            </th>
            <th scope="col">{t('detail.col.source')}</th>
          </tr>
        </thead>
        <tbody>
          {baselines.map((b) => (
            <tr key={`base-${b.area ?? ''}`} className="row-baseline">
              <th scope="row">
                {formatYear(measure.baseline.year, locale)}
                {!hasKinds && <span className="row-note">{t('chart.baseline')}</span>}
              </th>
              {hasArea && <td lang={planLang(locale)}>{b.area ?? t('detail.allAreas')}</td>}
              {hasKinds && <td>{t('indicator.baseline')}</td>}
              <td className="num">{formatWithUnit(b.value, measure.unit, locale)}</td>
              <td className="muted">{t('detail.planSource')}</td>
            </tr>
          ))}
          {rows.map((p) => (
            <tr key={`${p.year}-${p.kind}-${p.area ?? ''}`}>
              <th scope="row">{formatYear(p.year, locale)}</th>
              {hasArea && <td lang={planLang(locale)}>{p.area ?? t('detail.allAreas')}</td>}
              {hasKinds && <td>{t(`kind.${p.kind}`)}</td>}
              <td className="num">
                {formatWithUnit(p.value, measure.unit, locale)}
                {p.sample && <SampleTag />}
              </td>
              <td>
                <Source source={p.source} sample={p.sample} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Source({ source, sample }: { source: string; sample: boolean }): ReactNode {
  const { t } = useI18n();
  if (/^https?:\/\//.test(source)) {
    let host = source;
    try {
      host = new URL(source).host;
    } catch {
      // Shown as written.
    }
    return (
      <a href={source} rel="noopener noreferrer" className="source-link">
        {t('detail.sourceLink')}
        <span className="muted"> ({host})</span>
      </a>
    );
  }
  if (sample) return <span className="muted">{t('sample.tag')}</span>;
  return <span>{source}</span>;
}
