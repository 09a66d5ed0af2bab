/** The public portal: no login, published plans and approved data only. */
import { type ReactNode, useEffect, useRef } from 'react';
import { NotFound } from './components/PageState.tsx';
import { SiteFooter, SiteHeader } from './components/SiteHeader.tsx';
import { I18nProvider, useI18n } from './I18n.tsx';
import { IndicatorPage } from './pages/IndicatorPage.tsx';
import { PlanListPage } from './pages/PlanListPage.tsx';
import { PlanPage } from './pages/PlanPage.tsx';
import { PlanTextPage } from './pages/PlanTextPage.tsx';
import { parseRoute, takeMove, useLocation } from './router.ts';

export function App(): ReactNode {
  return (
    <I18nProvider>
      <Portal />
    </I18nProvider>
  );
}

function Portal(): ReactNode {
  const { t } = useI18n();
  const { pathname, hash } = useLocation();
  const route = parseRoute(pathname);
  const shown = useRef(pathname);

  // After a move to another page: start at its top, and tell assistive technology where we are.
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    if (!takeMove()) return;
    if (!location.hash) window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);

  let page: ReactNode;
  switch (route.page) {
    case 'plans':
      page = <PlanListPage />;
      break;
    case 'plan':
      page = <PlanPage planId={route.planId} hash={hash} />;
      break;
    case 'indicator':
      page = <IndicatorPage key={`${route.planId}/${route.code}`} planId={route.planId} code={route.code} />;
      break;
    case 'text':
      page = <PlanTextPage planId={route.planId} hash={hash} />;
      break;
    default:
      page = (
        <>
          <SiteHeader />
          <main id="main" tabIndex={-1}>
            <div className="wrap">
              <NotFound />
            </div>
          </main>
        </>
      );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('site.skip')}
      </a>
      {page}
      <SiteFooter />
    </>
  );
}
