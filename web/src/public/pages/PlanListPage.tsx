/** The published plans; with exactly one, the portal goes straight to it. */
import { type ReactNode, useEffect } from 'react';
import { formatDate } from '../../shared/i18n.ts';
import { Link } from '../components/Link.tsx';
import { LoadError, Loading } from '../components/PageState.tsx';
import { SiteHeader } from '../components/SiteHeader.tsx';
import { fetchPlans, useLoad } from '../data.ts';
import { planLang, useI18n } from '../I18n.tsx';
import { navigate, routePath } from '../router.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';

const LIST_KEY = 'plans';

export function PlanListPage(): ReactNode {
  const { locale, t } = useI18n();
  const loaded = useLoad(LIST_KEY, fetchPlans);
  useDocumentTitle(t('list.title'));
  const only = loaded.state === 'ready' && loaded.data.length === 1 ? loaded.data[0]! : null;
  useEffect(() => {
    if (only) navigate(routePath({ page: 'plan', planId: only.id }), { replace: true });
  }, [only]);
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <div className="wrap">
          {loaded.state === 'loading' || only ? (
            <Loading />
          ) : loaded.state === 'error' ? (
            <LoadError {...loaded} />
          ) : (
            <>
              <h1 className="page-title" tabIndex={-1}>
                {t('list.title')}
              </h1>
              <p className="lead">{t('list.intro')}</p>
              {loaded.data.length === 0 ? (
                <p>{t('list.empty')}</p>
              ) : (
                <ul className="plan-list">
                  {loaded.data.map((plan) => (
                    <li key={plan.id} className="card">
                      <h2 className="card-title" lang={planLang(locale)}>
                        <Link to={routePath({ page: 'plan', planId: plan.id })}>{plan.title}</Link>
                      </h2>
                      <dl className="plan-meta plan-meta-light">
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
                          <dd>
                            {t('plan.periodValue', {
                              start: plan.period.startYear,
                              end: plan.period.endYear,
                            })}
                          </dd>
                        </div>
                      </dl>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      </main>
    </>
  );
}
