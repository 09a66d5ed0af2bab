/**
 * The frame around every page: the menu (a side bar on a desk, a drawer on a phone), the header with
 * the plan, the language switch and the user, and the page itself. The menu shows only what the
 * user's role may do.
 */
import {
  CheckSquareOutlined,
  DashboardOutlined,
  EditOutlined,
  FileSearchOutlined,
  FileWordOutlined,
  GlobalOutlined,
  LineChartOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  ProjectOutlined,
  ReadOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  Button,
  Drawer,
  Dropdown,
  Grid,
  Layout,
  Menu,
  type MenuProps,
  Segmented,
  Select,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useLocale } from '../i18n/LocaleProvider.tsx';
import { mayVisit, PAGE_PATHS, type PageKey, pageOfPath } from '../pages.ts';
import { navigate, useLocationPath } from '../router/router.tsx';
import { useSession } from '../session/SessionProvider.tsx';
import { NotificationBell } from './NotificationBell.tsx';

const { Header, Sider, Content } = Layout;

const ICONS: Record<PageKey, ReactNode> = {
  overview: <DashboardOutlined />,
  indicators: <LineChartOutlined />,
  items: <ProjectOutlined />,
  reporting: <EditOutlined />,
  review: <CheckSquareOutlined />,
  evaluations: <FileWordOutlined />,
  planText: <ReadOutlined />,
  adminPlan: <GlobalOutlined />,
  assignments: <TeamOutlined />,
  adminRounds: <SettingOutlined />,
  adminUsers: <UserOutlined />,
  adminUnits: <SettingOutlined />,
  audit: <FileSearchOutlined />,
};

const TITLES: Record<PageKey, string> = {
  overview: 'nav.overview',
  indicators: 'nav.indicators',
  items: 'nav.items',
  reporting: 'nav.reporting',
  review: 'nav.review',
  evaluations: 'nav.evaluations',
  planText: 'nav.planText',
  adminPlan: 'nav.adminPlan',
  assignments: 'nav.assignments',
  adminRounds: 'nav.adminRounds',
  adminUsers: 'nav.adminUsers',
  adminUnits: 'nav.adminUnits',
  audit: 'nav.audit',
};

const MAIN: readonly PageKey[] = [
  'overview',
  'indicators',
  'items',
  'reporting',
  'review',
  'evaluations',
  'planText',
];
const ADMIN: readonly PageKey[] = [
  'adminPlan',
  'assignments',
  'adminRounds',
  'adminUsers',
  'adminUnits',
  'audit',
];

/** Props of AppShell. */
export interface AppShellProps {
  /** The page. */
  children: ReactNode;
}

/** The menu, header and page. */
export function AppShell({ children }: AppShellProps): ReactNode {
  const { t, locale, setLocale } = useLocale();
  const { me, logout, plans, plan, choosePlan } = useSession();
  const screens = Grid.useBreakpoint();
  const path = useLocationPath();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const phone = screens.lg === false;
  if (!me) return null;

  const entry = (key: PageKey): NonNullable<MenuProps['items']>[number] => ({
    key,
    icon: ICONS[key],
    label: t(TITLES[key]),
  });
  const main = MAIN.filter((k) => mayVisit(me.role, k)).map(entry);
  const admin = ADMIN.filter((k) => mayVisit(me.role, k)).map(entry);
  const items: MenuProps['items'] = [
    ...main,
    ...(admin.length > 0
      ? [
          {
            key: 'admin',
            type: 'group' as const,
            label: t('nav.admin'),
            children: admin,
          },
        ]
      : []),
  ];

  const handleMenuClick: MenuProps['onClick'] = ({ key }) => {
    setDrawerOpen(false);
    navigate(PAGE_PATHS[key as PageKey]);
  };

  const handleLogout = (): void => {
    void logout().then(() => navigate('/', { replace: true }));
  };

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[pageOfPath(path)]}
      items={items}
      onClick={handleMenuClick}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const userMenu: MenuProps = {
    items: [
      {
        key: 'who',
        disabled: true,
        label: (
          <div style={{ lineHeight: 1.5 }}>
            <div>{me.displayName}</div>
            <Typography.Text type="secondary">
              {t(`role.${me.role}`)} · {me.unit.shortName}
            </Typography.Text>
          </div>
        ),
      },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: t('session.logout'), onClick: handleLogout },
    ],
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={260}
          title={t('app.name')}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      ) : (
        <Sider
          theme="light"
          width={208}
          collapsible
          collapsed={collapsed}
          trigger={null}
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}
        >
          <div
            style={{
              height: 56,
              display: 'flex',
              alignItems: 'center',
              padding: collapsed ? '0 24px' : '0 20px',
              fontWeight: 600,
              fontSize: 16,
              color: '#1f5fbf',
              whiteSpace: 'nowrap',
              overflow: 'hidden',
            }}
          >
            {collapsed ? t('app.short') : t('app.name')}
          </div>
          {menu}
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: phone ? '0 12px' : '0 20px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
            height: 56,
            lineHeight: '56px',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {phone ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.menu')}
              onClick={() => setDrawerOpen(true)}
            />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
              onClick={() => setCollapsed(!collapsed)}
            />
          )}
          {phone ? (
            <strong style={{ color: '#1f5fbf', whiteSpace: 'nowrap' }}>{t('app.short')}</strong>
          ) : null}
          <div style={{ flex: 1, minWidth: 0, overflow: 'hidden', display: 'flex', alignItems: 'center' }}>
            {plans.length > 1 && plan ? (
              <Select
                value={plan.id}
                onChange={choosePlan}
                aria-label={t('session.plan')}
                style={{ maxWidth: '100%', minWidth: 200 }}
                options={plans.map((p) => ({ value: p.id, label: p.title }))}
              />
            ) : plan && !phone ? (
              <Typography.Text ellipsis title={plan.title} style={{ color: '#595959' }}>
                {plan.title}
              </Typography.Text>
            ) : null}
          </div>
          <Segmented
            size="small"
            aria-label={t('locale.switch')}
            value={locale}
            onChange={(value) => setLocale(value === 'en' ? 'en' : 'zh-CN')}
            options={[
              { value: 'zh-CN', label: t('locale.zh') },
              { value: 'en', label: t('locale.en') },
            ]}
          />
          <NotificationBell />
          <Dropdown menu={userMenu} trigger={['click']}>
            <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
              {phone ? null : me.displayName}
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ padding: phone ? 12 : 20, minWidth: 0 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
