/** The portal's header (name, language switch, the plan's band and its sections) and footer. */
import type { ReactNode } from 'react';
import { formatDate, type Locale } from '../../shared/i18n.ts';
import { formatYear } from '../format.ts';
import { planLang, useI18n } from '../I18n.tsx';
import type { PublicPlan } from '../types.ts';
import { Link } from './Link.tsx';

function LocaleSwitch(): ReactNode {
  const { locale, t, onLocaleChange } = useI18n();
  const options: { value: Locale; label: string }[] = [
    { value: 'zh-CN', label: t('locale.zh') },
    { value: 'en', label: t('locale.en') },
  ];
  return (
    <fieldset className="locale-switch">
      <legend className="visually-hidden">{t('locale.label')}</legend>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          lang={option.value}
          aria-pressed={locale === option.value}
          onClick={() => onLocaleChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}

function Emblem(): ReactNode {
  return (
    <svg
      className="brand-mark"
      viewBox="0 0 32 32"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="6" fill="#c1272d" />
      <rect x="7" y="17" width="4" height="8" rx="1" fill="#fff" />
      <rect x="14" y="12" width="4" height="13" rx="1" fill="#fff" />
      <rect x="21" y="7" width="4" height="18" rx="1" fill="#fff" />
    </svg>
  );
}

export type PlanSection = 'overview' | 'indicator' | 'text';

export type PlanHeading = Pick<PublicPlan, 'id' | 'title' | 'issuer' | 'issuedOn' | 'period'> & {
  year?: number;
};

export interface SiteHeaderProps {
  plan?: PlanHeading;
  section?: PlanSection;
  /** On the plan's front page its title is the page's heading. */
  titleIsHeading?: boolean;
}

export function SiteHeader({ plan, section, titleIsHeading = false }: SiteHeaderProps): ReactNode {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="topbar">
        <div className="wrap topbar-inner">
          <Link to="/public" className="brand">
            <Emblem />
            <span className="brand-text">
              <span className="brand-name">
                <span className="brand-full">{t('site.name')}</span>
                <span className="brand-short">{t('site.shortName')}</span>
              </span>
              <span className="brand-tagline">{t('site.tagline')}</span>
            </span>
          </Link>
          <LocaleSwitch />
        </div>
      </div>
      {plan && <PlanBand plan={plan} section={section ?? 'overview'} titleIsHeading={titleIsHeading} />}
    </header>
  );
}

function PlanBand({
  plan,
  section,
  titleIsHeading,
}: {
  plan: PlanHeading;
  section: PlanSection;
  titleIsHeading: boolean;
}): ReactNode {
  const { locale, t } = useI18n();
  const base = `/public/plans/${encodeURIComponent(plan.id)}`;
  const period = t('plan.periodValue', { start: plan.period.startYear, end: plan.period.endYear });
  return (
    <>
      <div className="plan-band">
        <div className="wrap">
          {titleIsHeading ? (
            <h1 className="plan-title" lang={planLang(locale)} tabIndex={-1}>
              {plan.title}
            </h1>
          ) : (
            <p className="plan-title" lang={planLang(locale)}>
              <Link to={base}>{plan.title}</Link>
            </p>
          )}
          {titleIsHeading && (
            <dl className="plan-meta">
              <div>
                <dt>{t('plan.issuer')}</dt>
                <dd lang={planLang(locale)}>{plan.issuer ?? t('plan.unknown')}</dd>
              </div>
              <div>
                <dt>{t('plan.issuedOn')}</dt>
                <dd>{plan.issuedOn ? formatDate(plan.issuedOn, locale) : t('plan.unknown')}</dd>
              </div>
              <div>
                <dt>{t('plan.period')}</dt>
                <dd>{period}</dd>
              </div>
              <div>
                <dt>{t('plan.baseYear')}</dt>
                <dd>{formatYear(plan.period.baseYear, locale)}</dd>
              </div>
              {plan.period.visionYear !== null && (
                <div>
                  <dt>{t('plan.visionYear')}</dt>
                  <dd>{formatYear(plan.period.visionYear, locale)}</dd>
                </div>
              )}
              {plan.year !== undefined && (
                <div>
                  <dt>{t('plan.dataYear')}</dt>
                  <dd>{formatYear(plan.year, locale)}</dd>
                </div>
              )}
            </dl>
          )}
        </div>
      </div>
      <nav className="plan-nav" aria-label={t('nav.label')}>
        <div className="wrap">
          <ul>
            <li>
              <Link to={base} aria-current={section === 'overview' ? 'page' : undefined}>
                {t('nav.overview')}
              </Link>
            </li>
            <li>
              <Link to={`${base}#indicators`} aria-current={section === 'indicator' ? 'page' : undefined}>
                {t('nav.indicators')}
              </Link>
            </li>
            <li>
              <Link to={`${base}/text`} aria-current={section === 'text' ? 'page' : undefined}>
                {t('nav.text')}
              </Link>
            </li>
            <li>
              <Link to={`${base}#data`}>{t('nav.data')}</Link>
            </li>
          </ul>
        </div>
      </nav>
    </>
  );
}

export function SiteFooter(): ReactNode {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p>{t('footer.method')}</p>
        <p>{t('footer.source')}</p>
        <p className="footer-about">{t('footer.about')}</p>
      </div>
    </footer>
  );
}
