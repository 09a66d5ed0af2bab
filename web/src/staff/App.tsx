/**
 * The staff workspace: language, session and the page for the address. Signed out, every address
 * shows the sign-in page; signed in, the page of the address if the role may see it.
 */
import { App as AntApp, Button, Result, Spin } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { ErrorAlert } from './components/ErrorAlert.tsx';
import { OrgUnitsAdmin } from './features/admin/OrgUnitsAdmin.tsx';
import { PlanAdmin } from './features/admin/PlanAdmin.tsx';
import { RoundsAdmin } from './features/admin/RoundsAdmin.tsx';
import { UsersAdmin } from './features/admin/UsersAdmin.tsx';
import { AssignmentsPage } from './features/assignments/AssignmentsPage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { EvaluationsPage } from './features/evaluations/EvaluationsPage.tsx';
import { IndicatorPage } from './features/indicators/IndicatorPage.tsx';
import { IndicatorsPage } from './features/indicators/IndicatorsPage.tsx';
import { ItemsPage } from './features/items/ItemsPage.tsx';
import { LoginPage } from './features/login/LoginPage.tsx';
import { OverviewPage } from './features/overview/OverviewPage.tsx';
import { PlanTextPage } from './features/planText/PlanTextPage.tsx';
import { ReportingPage } from './features/reporting/ReportingPage.tsx';
import { ReviewPage } from './features/review/ReviewPage.tsx';
import { LocaleProvider, useLocale } from './i18n/LocaleProvider.tsx';
import { AppShell } from './layout/AppShell.tsx';
import { homePath, mayVisit, type PageKey } from './pages.ts';
import { matchPath, navigate, useLocationPath } from './router/router.tsx';
import { SessionProvider, useSession } from './session/SessionProvider.tsx';

/** One address of the workspace: its pattern, the page it belongs to, whether it needs a plan, what it renders. */
interface Route {
  pattern: string;
  page: PageKey;
  needsPlan: boolean;
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: readonly Route[] = [
  { pattern: '/app/overview', page: 'overview', needsPlan: true, render: () => <OverviewPage /> },
  { pattern: '/app/indicators', page: 'indicators', needsPlan: true, render: () => <IndicatorsPage /> },
  {
    pattern: '/app/indicators/:code',
    page: 'indicators',
    needsPlan: true,
    render: (p) => <IndicatorPage code={p.code!} />,
  },
  {
    pattern: '/app/items/:kind',
    page: 'items',
    needsPlan: true,
    render: (p) => <ItemsPage kind={p.kind!} />,
  },
  { pattern: '/app/reporting', page: 'reporting', needsPlan: true, render: () => <ReportingPage /> },
  { pattern: '/app/review', page: 'review', needsPlan: true, render: () => <ReviewPage /> },
  { pattern: '/app/evaluations', page: 'evaluations', needsPlan: true, render: () => <EvaluationsPage /> },
  { pattern: '/app/plan-text', page: 'planText', needsPlan: true, render: () => <PlanTextPage /> },
  { pattern: '/app/admin/plan', page: 'adminPlan', needsPlan: true, render: () => <PlanAdmin /> },
  {
    pattern: '/app/admin/assignments',
    page: 'assignments',
    needsPlan: true,
    render: () => <AssignmentsPage />,
  },
  { pattern: '/app/admin/rounds', page: 'adminRounds', needsPlan: true, render: () => <RoundsAdmin /> },
  { pattern: '/app/admin/users', page: 'adminUsers', needsPlan: false, render: () => <UsersAdmin /> },
  { pattern: '/app/admin/units', page: 'adminUnits', needsPlan: false, render: () => <OrgUnitsAdmin /> },
  { pattern: '/app/admin/audit', page: 'audit', needsPlan: false, render: () => <AuditPage /> },
];

function Page(): ReactNode {
  const { t } = useLocale();
  const { me, plan, plansLoading, plansError, reloadPlans } = useSession();
  const path = useLocationPath();
  if (!me) return null;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    if (!mayVisit(me.role, route.page)) {
      return <Result status="403" title="403" subTitle={t('common.notAllowed')} />;
    }
    if (route.needsPlan && !plan) {
      if (plansError) return <ErrorAlert error={plansError} onRetry={reloadPlans} />;
      if (plansLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
      return <Result status="info" title={t('session.noPlan')} />;
    }
    return route.render(params);
  }
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFoundPage')}
      extra={
        <Button type="primary" onClick={() => navigate('/app/overview')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

function Root(): ReactNode {
  const { t } = useLocale();
  const { me } = useSession();
  const path = useLocationPath();
  const bare = path.split('?')[0];
  useEffect(() => {
    if (me && (bare === '/' || bare === '/app' || bare === '/app/' || bare === '/app/login'))
      navigate(homePath(me.role), { replace: true });
  }, [me, bare]);
  if (me === undefined) return <Spin fullscreen description={t('session.loading')} />;
  if (me === null) return <LoginPage />;
  return (
    <AppShell>
      <Page />
    </AppShell>
  );
}

/** The whole workspace. */
export function App(): ReactNode {
  return (
    <LocaleProvider>
      <AntApp>
        <SessionProvider>
          <Root />
        </SessionProvider>
      </AntApp>
    </LocaleProvider>
  );
}
