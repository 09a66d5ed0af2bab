/**
 * An indicator's page: its light, the chart of actual values against the target path, the
 * assessment in numbers, its metadata, the lead and co-operating units, the sentence(s) of the plan
 * it comes from, and every reported value with its revisions.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import type { Assessment, Item } from '../../api/types.ts';
import { useAssessments } from '../../api/useAssessments.ts';
import { useItems } from '../../api/useItems.ts';
import { useObservations } from '../../api/useObservations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { StatusLight } from '../../components/StatusLight.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { navigate } from '../../router/router.tsx';
import { usePlan } from '../../session/SessionProvider.tsx';
import { IndicatorChart } from './IndicatorChart.tsx';
import { ObservationHistory } from './ObservationHistory.tsx';
import { measureName, measuresOf, targetText } from './targetText.ts';

/** Props of IndicatorPage. */
export interface IndicatorPageProps {
  /** The indicator's code (序号) in the plan's table. */
  code: string;
}

function AssessmentFacts({ a, unit }: { a: Assessment | null; unit: string }): ReactNode {
  const { t, num, pct } = useLocale();
  if (!a) return <Empty description={t('status.no_data')} />;
  const withUnit = (v: number | null): string => (v === null ? '—' : `${num(v)} ${unit}`);
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'status',
          label: t('ind.status'),
          children: <StatusLight light={a.light} status={a.status} />,
        },
        { key: 'year', label: t('ind.assessedYear'), children: a.year },
        { key: 'value', label: t('ind.latest'), children: withUnit(a.value) },
        { key: 'baseline', label: t('ind.baseline'), children: withUnit(a.baseline) },
        { key: 'target', label: t('ind.target'), children: withUnit(a.target) },
        { key: 'expected', label: t('ind.expected'), children: withUnit(a.expected) },
        { key: 'completion', label: t('ind.completion'), children: pct(a.completion) },
        { key: 'elapsed', label: t('ind.elapsed'), children: pct(a.elapsed) },
        {
          key: 'projected',
          label: t('ind.projected'),
          children: (
            <Space size={4} wrap>
              <span>{withUnit(a.projected)}</span>
              {a.willReach === null ? null : (
                <Tag
                  color={a.willReach ? 'green' : 'orange'}
                  style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
                >
                  {t('ind.willReach')}
                  {t('common.colon')}
                  {a.willReach ? t('common.yes') : t('common.no')}
                </Tag>
              )}
            </Space>
          ),
        },
        { key: 'path', label: t('ind.path'), children: a.path ? t(`ind.path.${a.path}`) : '—' },
        {
          key: 'sdg',
          label: t('ind.openSdg'),
          children: a.openSdg.status
            ? `${t(`ind.sdg.${a.openSdg.status}`)}${a.openSdg.ratio === null ? '' : t('common.paren', { x: `p = ${num(a.openSdg.ratio)}` })}`
            : '—',
        },
      ]}
    />
  );
}

function PlanSource({ item, restated }: { item: Item; restated: Item[] }): ReactNode {
  const { t } = useLocale();
  const cells = item.text.split(' | ');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">
          {t('ind.sourceTable')} · {t('ind.sourceLine', { line: item.line })}
        </Typography.Text>
        <div className="lantu-plan-text" data-testid="plan-source">
          {cells.length > 1 ? cells.join('　|　') : item.text}
        </div>
      </div>
      {restated.length > 0 ? (
        <div>
          <Typography.Text type="secondary">{t('ind.restated')}</Typography.Text>
          {restated.map((c) => (
            <div key={c.id} style={{ marginTop: 6 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('ind.sourceLine', { line: c.line })}
              </Typography.Text>
              <p className="lantu-plan-text">{c.text}</p>
            </div>
          ))}
        </div>
      ) : null}
    </Space>
  );
}

/** The indicator page. */
export function IndicatorPage({ code }: IndicatorPageProps): ReactNode {
  const { t, date, num } = useLocale();
  const plan = usePlan();
  const items = useItems(plan.id, 'indicator');
  const commitments = useItems(plan.id, 'commitment');
  const assessments = useAssessments(plan.id);
  const item = items.data?.find((i) => i.indicator?.code === code);
  const observations = useObservations(item ? plan.id : null, { itemId: item?.id });

  const error = items.error ?? assessments.error;
  if (error)
    return (
      <ErrorAlert
        error={error}
        onRetry={() => {
          items.reload();
          assessments.reload();
        }}
      />
    );
  if (!items.data || !assessments.data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!item?.indicator)
    return (
      <Result
        status="404"
        title={t('ind.notFound', { code })}
        extra={<Button onClick={() => navigate('/app/indicators')}>{t('ind.back')}</Button>}
      />
    );

  const indicator = item.indicator;
  const summary = assessments.data.summary.items.find((i) => i.indicator === code);
  const rows = assessments.data.assessments.filter((a) => a.indicator === code);
  const measures = measuresOf(item);
  const revised = assessments.data.revisedTargets.filter((r) => r.indicatorCode === code);
  const restated = (commitments.data ?? []).filter((c) => c.commitment?.indicatorCode === code);
  /** Which measure (by name, when there are several) and sub-area an assessment is of. */
  const partOf = (a: Assessment | null): string =>
    [measures.length > 1 ? measureName(measures, a?.measure ?? 1, t) : null, a?.area ?? null]
      .filter(Boolean)
      .join(' · ');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate('/app/indicators')}
        style={{ padding: 0 }}
      >
        {t('ind.back')}
      </Button>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 'inherit', marginInlineEnd: 8 }}>
            {code}
          </Typography.Text>
          {item.title}
        </Typography.Title>
        <Space wrap size={[8, 8]} style={{ marginTop: 8 }}>
          {summary ? (
            <span
              data-testid="indicator-status"
              data-light={summary.light}
              data-status={summary.status}
              style={{ fontSize: 16 }}
            >
              <StatusLight light={summary.light} status={summary.status} />
            </span>
          ) : null}
          <Tag>{item.category}</Tag>
          <Tag color={indicator.binding ? 'blue' : undefined}>
            {indicator.binding ? t('common.binding') : t('common.expected')}
          </Tag>
          <Tag>
            {t('ind.unit')}
            {t('common.colon')}
            {indicator.unit}
          </Tag>
          {indicator.cumulative ? <Tag>{t('ind.cumulative')}</Tag> : null}
        </Space>
      </div>
      {revised.map((r) => (
        <Alert
          key={`${r.revisionId}`}
          type="info"
          showIcon
          title={t('ind.revisedTarget', { year: r.effectiveYear, document: r.document, reason: r.reason })}
        />
      ))}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {(rows.length > 0 ? rows : [null]).map((a, n) => {
              const m = measures[(a?.measure ?? 1) - 1];
              const title = partOf(a);
              return (
                <Card
                  key={a ? `${a.measure}/${a.area ?? ''}` : n}
                  size="small"
                  title={title ? `${t('ind.chart')} · ${title}` : t('ind.chart')}
                >
                  <IndicatorChart
                    name={item.title}
                    unit={m?.unit ?? indicator.unit}
                    baseYear={m?.baseline.year ?? plan.period.baseYear}
                    targetYear={m?.target.year ?? plan.period.endYear}
                    assessment={a}
                    targetKind={m?.target.kind ?? 'level'}
                    measure={a?.measure ?? 1}
                    area={a?.area ?? null}
                    observations={observations.data ?? []}
                  />
                </Card>
              );
            })}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {(rows.length > 0 ? rows : [null]).map((a, n) => (
              <Card
                key={a ? `${a.measure}/${a.area ?? ''}` : n}
                size="small"
                title={[t('ind.facts'), partOf(a)].filter(Boolean).join(' · ')}
              >
                <AssessmentFacts a={a} unit={measures[(a?.measure ?? 1) - 1]?.unit ?? indicator.unit} />
              </Card>
            ))}
          </Space>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ind.units')} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'lead', label: t('ind.lead'), children: item.leadUnit?.name ?? '—' },
                {
                  key: 'co',
                  label: t('ind.co'),
                  children:
                    item.coUnits.length > 0 ? (
                      <Space wrap size={4}>
                        {item.coUnits.map((u) => (
                          <Tag key={u.id}>{u.shortName}</Tag>
                        ))}
                      </Space>
                    ) : (
                      t('common.none')
                    ),
                },
                { key: 'due', label: t('ind.due'), children: date(item.dueDate) },
                ...measures.map((m, n) => ({
                  key: `m${n}`,
                  label: measures.length > 1 ? measureName(measures, n + 1, t) : t('ind.targetKind'),
                  children: (
                    <span>
                      {t(`ind.targetKind.${m.target.kind}`)} · {t(`ind.direction.${m.direction}`)} ·{' '}
                      {t('ind.target')} {targetText(m.target, num, t)}
                      {m.target.value !== null ? ` ${m.unit}` : ''}
                    </span>
                  ),
                })),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ind.source')} style={{ height: '100%' }}>
            <PlanSource item={item} restated={restated} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('ind.observations')}>
        <Typography.Paragraph type="secondary">{t('ind.observationsHint')}</Typography.Paragraph>
        {observations.error ? <ErrorAlert error={observations.error} onRetry={observations.reload} /> : null}
        <ObservationHistory
          observations={observations.data ?? []}
          measures={measures}
          loading={observations.loading}
        />
      </Card>
    </Space>
  );
}
