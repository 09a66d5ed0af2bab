/** A published plan's front page: its vision, the headline numbers, each indicator, the downloads. */
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Downloads } from '../components/Downloads.tsx';
import { IndicatorCard } from '../components/IndicatorCard.tsx';
import { AreaBars, LightTiles } from '../components/LightSummary.tsx';
import { OpenDataFiles } from '../components/OpenDataFiles.tsx';
import { LoadError, Loading } from '../components/PageState.tsx';
import { SampleBanner } from '../components/Sample.tsx';
import { SiteHeader } from '../components/SiteHeader.tsx';
import { ChartKey } from '../components/TrendChart.tsx';
import { fetchPlan, fetchVision, useLoad } from '../data.ts';
import { formatCount } from '../format.ts';
import { planLang, useI18n } from '../I18n.tsx';
import type { PublicPlan } from '../types.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';

export interface PlanPageProps {
  planId: string;
  hash: string;
}

export function PlanPage({ planId, hash }: PlanPageProps): ReactNode {
  const { t } = useI18n();
  const loaded = useLoad(planId, fetchPlan);
  useDocumentTitle(loaded.state === 'ready' ? loaded.data.title : null);
  useEffect(() => {
    if (loaded.state !== 'ready' || !hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [loaded.state, hash]);
  if (loaded.state !== 'ready') {
    return (
      <>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          <div className="wrap">{loaded.state === 'loading' ? <Loading /> : <LoadError {...loaded} />}</div>
        </main>
      </>
    );
  }
  const plan = loaded.data;
  return (
    <>
      <SiteHeader plan={plan} section="overview" titleIsHeading />
      <main id="main" tabIndex={-1}>
        <div className="wrap">
          {plan.containsSampleData && <SampleBanner />}
          <Vision plan={plan} />
          <Overview plan={plan} />
          <Indicators plan={plan} />
          <section id="data" className="block" aria-labelledby="data-title">
            <h2 id="data-title">{t('data.title')}</h2>
            <DataIntro />
            <Downloads plan={plan} indicators={plan.indicators} fileStem="indicators" />
            <OpenDataFiles planId={plan.id} />
          </section>
        </div>
      </main>
    </>
  );
}

function DataIntro(): ReactNode {
  const { t } = useI18n();
  return (
    <p className="lead">
      {t('data.lead')}
      {t('sentence.join')}
      {t('data.sampleNote')}
    </p>
  );
}

function Vision({ plan }: { plan: PublicPlan }): ReactNode {
  const { locale, t } = useI18n();
  const loaded = useLoad(plan.id, fetchVision);
  const [open, setOpen] = useState(false);
  if (loaded.state !== 'ready' || !loaded.data.vision) return null;
  const vision = loaded.data.vision;
  const year = plan.period.visionYear;
  return (
    <section className="block vision" aria-labelledby="vision-title">
      <h2 id="vision-title">{year ? t('vision.title', { year }) : vision.title}</h2>
      <div
        id="vision-text"
        className={open ? 'vision-text' : 'vision-text vision-clamped'}
        lang={planLang(locale)}
      >
        {vision.paragraphs.map((p) => (
          <p key={p.text.slice(0, 32)}>{p.text}</p>
        ))}
      </div>
      <p className="vision-foot">
        <span className="muted">{t('vision.original')}</span>
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls="vision-text"
          onClick={() => setOpen((v) => !v)}
        >
          {open ? t('vision.less') : t('vision.more')}
        </button>
      </p>
    </section>
  );
}

function Overview({ plan }: { plan: PublicPlan }): ReactNode {
  const { t } = useI18n();
  return (
    <section id="overview" className="block" aria-labelledby="overview-title">
      <h2 id="overview-title">{t('overview.title', { year: plan.year })}</h2>
      <p className="lead">{t('overview.lead')}</p>
      <Coverage plan={plan} />
      <LightTiles plan={plan} />
      <h3 className="subhead">{t('areas.title')}</h3>
      <p className="muted small">{t('areas.lead')}</p>
      <AreaBars plan={plan} />
    </section>
  );
}

function Indicators({ plan }: { plan: PublicPlan }): ReactNode {
  const { locale, t } = useI18n();
  const [category, setCategory] = useState<string | null>(null);
  const groups = useMemo(() => {
    const byCategory = new Map<string, PublicPlan['indicators']>();
    for (const indicator of plan.indicators) {
      byCategory.set(indicator.category, [...(byCategory.get(indicator.category) ?? []), indicator]);
    }
    return [...byCategory];
  }, [plan]);
  const shown = category === null ? groups : groups.filter(([name]) => name === category);
  return (
    <section id="indicators" className="block" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t('indicators.title')}</h2>
      <p className="lead">{t('indicators.lead')}</p>
      <ChartKey />
      {groups.length > 1 && (
        <fieldset className="filter">
          <legend>{t('indicators.filter')}</legend>
          <button type="button" aria-pressed={category === null} onClick={() => setCategory(null)}>
            {t('indicators.all')}
          </button>
          {groups.map(([name]) => (
            <button
              key={name}
              type="button"
              lang={planLang(locale)}
              aria-pressed={category === name}
              onClick={() => setCategory(name)}
            >
              {name}
            </button>
          ))}
        </fieldset>
      )}
      {shown.map(([name, indicators]) => (
        <section
          key={name}
          className="group"
          aria-labelledby={`group-${groups.findIndex(([n]) => n === name)}`}
        >
          <h3 id={`group-${groups.findIndex(([n]) => n === name)}`} className="group-title">
            <span lang={planLang(locale)}>{name}</span>
            <span className="group-count">
              {t('indicators.groupCount', { n: formatCount(indicators.length, locale) })}
            </span>
          </h3>
          <div className="card-grid">
            {indicators.map((indicator) => (
              <IndicatorCard key={indicator.code} plan={plan} indicator={indicator} />
            ))}
          </div>
        </section>
      ))}
    </section>
  );
}

/** A word when only some indicators have a value of the year shown: the others are judged by their latest. */
function Coverage({ plan }: { plan: PublicPlan }): ReactNode {
  const { t } = useI18n();
  const reported = plan.indicators
    .flatMap((i) => i.measures.map((m) => m.assessment))
    .filter((a) => a !== null && a.value !== null);
  const current = reported.filter((a) => a!.year === plan.year).length;
  if (plan.year === undefined || current === reported.length) return null;
  return (
    <p className="muted small">
      {t('overview.coverage', { year: plan.year, n: current, total: reported.length })}
    </p>
  );
}
