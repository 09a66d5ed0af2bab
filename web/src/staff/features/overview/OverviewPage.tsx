/**
 * 总览: the plan at a glance for a leader with ten seconds: indicators by light; tasks, projects and
 * commitments each by light as the server judges their schedules (one without progress is grey, like
 * an indicator without a value, or red once overdue); status by area, what needs attention
 * (escalations first), the roll-up by lead unit, the open reporting round, and who has not reported.
 */
import { Button, Card, Col, Flex, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { openRound } from '../../api/openRound.ts';
import type { PlanAssessment, RoundReply } from '../../api/types.ts';
import { useAssessments } from '../../api/useAssessments.ts';
import { useItems } from '../../api/useItems.ts';
import { useObservations } from '../../api/useObservations.ts';
import { useOwed } from '../../api/useOwed.ts';
import { useRounds } from '../../api/useRounds.ts';
import { DeadlineTag } from '../../components/DeadlineTag.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.tsx';
import { LIGHTS, StatusLight } from '../../components/StatusLight.tsx';
import { daysUntil } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { readsEveryUnit } from '../../pages.ts';
import { Link, navigate } from '../../router/router.tsx';
import { usePlan, useSession } from '../../session/SessionProvider.tsx';
import { AttentionList } from './AttentionList.tsx';
import { CategoryChart } from './CategoryChart.tsx';
import { ItemLightsTable } from './ItemLightsTable.tsx';
import { itemLights } from './itemLights.ts';
import { LightCounts } from './LightCounts.tsx';
import { owedByUnit } from './overdue.ts';

function RoundCard({ round, loading }: { round: RoundReply | null; loading: boolean }): ReactNode {
  const { t, date } = useLocale();
  return (
    <Card title={t('overview.round')} size="small" style={{ height: '100%' }} loading={loading}>
      {round ? (
        <Space orientation="vertical" size={4} data-testid="open-round">
          <Typography.Text strong>{round.title}</Typography.Text>
          <span>
            {t('overview.deadline')}
            {t('common.colon')}
            {date(round.deadline)} <DeadlineTag deadline={round.deadline} />
          </span>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('overview.noRound')}</Typography.Text>
      )}
    </Card>
  );
}

function LeadUnitTable({ rows }: { rows: PlanAssessment['byLeadUnit'] }): ReactNode {
  const { t } = useLocale();
  return (
    <Table
      size="small"
      rowKey="unitId"
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small', hideOnSinglePage: true } : false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('overview.unit'),
          key: 'unit',
          fixed: 'left',
          render: (_: unknown, row: PlanAssessment['byLeadUnit'][number]) => (
            <span style={{ whiteSpace: 'nowrap' }}>{row.unitName}</span>
          ),
        },
        {
          title: <span style={{ whiteSpace: 'nowrap' }}>{t('overview.total')}</span>,
          dataIndex: 'total',
          key: 'total',
          align: 'right',
        },
        ...LIGHTS.map((light) => ({
          title: <StatusLight light={light} />,
          key: light,
          align: 'right' as const,
          render: (_: unknown, row: PlanAssessment['byLeadUnit'][number]) => row.byLight[light] || '·',
        })),
        {
          title: <span style={{ whiteSpace: 'nowrap' }}>{t('overview.notGreen')}</span>,
          key: 'notGreen',
          render: (_: unknown, row: PlanAssessment['byLeadUnit'][number]) => (
            <Flex wrap gap={4}>
              {row.notGreen.map((code) => (
                <Link key={code} to={`/app/indicators/${encodeURIComponent(code)}`}>
                  {code}
                </Link>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** The overview page. */
export function OverviewPage(): ReactNode {
  const { t } = useLocale();
  const { me } = useSession();
  const plan = usePlan();
  const assessments = useAssessments(plan.id);
  const rounds = useRounds(plan.id);
  const round = openRound(rounds.data);
  const readsAll = me ? readsEveryUnit(me.role) : false;
  const items = useItems(plan.id);
  const observations = useObservations(plan.id);
  const owed = useOwed(plan.id, round?.year);

  // Every item whose schedule the user may see (a reporter or reviewer: those their unit leads).
  const lights = useMemo(() => itemLights(items.data ?? []), [items.data]);

  const outstanding = useMemo(
    () =>
      readsAll && round && items.data && observations.data
        ? owedByUnit(items.data, observations.data, round.year)
        : null,
    [readsAll, round, items.data, observations.data],
  );

  if (assessments.error) return <ErrorAlert error={assessments.error} onRetry={assessments.reload} />;
  const data = assessments.data;
  if (!data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const summary = data.summary;
  // How many measures have a value of the assessed year itself; the others are judged by their latest.
  const wholeArea = data.assessments.filter((a) => !a.area && a.value !== null);
  const coverage = {
    current: wholeArea.filter((a) => a.year === data.year).length,
    reported: wholeArea.length,
  };
  const late = round ? daysUntil(round.deadline) < 0 : false;
  const myOwed = owed.data?.items.length ?? 0;

  /** The roll-up by lead unit under the table's columns as plain values, for 导出 Excel. */
  const exportLeadUnits = () => ({
    columns: [
      { key: 'unit', title: t('overview.unit') },
      { key: 'total', title: t('overview.total') },
      ...LIGHTS.map((light) => ({ key: light, title: t(`light.${light}`) })),
      { key: 'notGreen', title: t('overview.notGreen') },
    ],
    rows: data.byLeadUnit.map((row) => ({
      unit: row.unitName,
      total: row.total,
      ...Object.fromEntries(LIGHTS.map((light) => [light, row.byLight[light] ?? 0])),
      notGreen: row.notGreen.join('、'),
    })),
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('overview.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('overview.subtitle', {
            year: data.year,
            start: plan.period.startYear,
            end: plan.period.endYear,
          })}
          {coverage.current < coverage.reported
            ? t('overview.coverage', { year: data.year, n: coverage.current, total: coverage.reported })
            : null}
        </Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={8}>
          <Card title={t('overview.indicatorLights')} size="small" style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('overview.indicatorCount', { n: summary.indicators.total })}
            </Typography.Paragraph>
            <LightCounts byLight={summary.indicators.byLight} testId="indicator-lights" />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Card
            title={t('overview.itemLights')}
            size="small"
            style={{ height: '100%' }}
            loading={items.loading && !items.data}
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t(readsAll ? 'overview.itemCount' : 'overview.itemCountMine', {
                n: lights.total,
                m: lights.reported,
              })}
            </Typography.Paragraph>
            <ItemLightsTable lights={lights} />
          </Card>
        </Col>
        <Col xs={24} md={24} xl={8}>
          <RoundCard round={round} loading={rounds.loading && !rounds.data} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            title={t('overview.attention')}
            size="small"
            extra={<Link to="/app/indicators">{t('overview.seeIndicators')}</Link>}
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t('overview.attentionHint')}
            </Typography.Paragraph>
            <AttentionList summary={summary} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('overview.byCategory')} size="small">
            <CategoryChart categories={summary.categories} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={t('overview.byLeadUnit')}
            size="small"
            extra={<ExportXlsxButton title={t('overview.byLeadUnit')} table={exportLeadUnits} />}
          >
            <LeadUnitTable rows={data.byLeadUnit} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {owed.data && (myOwed > 0 || me?.role === 'reporter') ? (
              <Card title={t('overview.myOwed')} size="small">
                {myOwed > 0 ? (
                  <Flex justify="space-between" align="center" wrap gap={8}>
                    <span>
                      <Typography.Text strong style={{ fontSize: 20 }}>
                        {t('overview.myOwedCount', { n: myOwed })}
                      </Typography.Text>{' '}
                      {round ? <DeadlineTag deadline={round.deadline} /> : null}
                    </span>
                    {me?.role === 'reporter' ? (
                      <Button type="primary" onClick={() => navigate('/app/reporting')}>
                        {t('overview.goReport')}
                      </Button>
                    ) : null}
                  </Flex>
                ) : (
                  <Typography.Text type="secondary">{t('overview.myOwedNone')}</Typography.Text>
                )}
              </Card>
            ) : null}
            {outstanding && round ? (
              <Card
                title={t('overview.overdue')}
                size="small"
                extra={
                  <Tag color={late ? 'red' : 'blue'}>
                    {late ? t('overview.overdueLate') : t('overview.overduePending')}
                  </Tag>
                }
              >
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {t('overview.overdueHint', { year: round.year })}
                </Typography.Paragraph>
                <Table
                  size="small"
                  rowKey="unitId"
                  dataSource={outstanding}
                  pagination={outstanding.length > 8 ? { pageSize: 8, size: 'small' } : false}
                  locale={{ emptyText: t('overview.nothingOwed') }}
                  columns={[
                    { title: t('overview.unit'), dataIndex: 'unitName', key: 'unit' },
                    {
                      title: t('overview.overduePending'),
                      key: 'owed',
                      align: 'right',
                      render: (_: unknown, row) => t('overview.owedOf', { owed: row.owed, total: row.total }),
                    },
                  ]}
                />
              </Card>
            ) : null}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
