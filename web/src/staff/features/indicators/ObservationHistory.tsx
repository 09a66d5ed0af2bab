/**
 * An item's reported values: one row per value (year, measure, area, kind) with its workflow state,
 * who reported it and where it comes from; a row opens to its revisions. The measure (分项) has a
 * column only when the indicator has several, the area (区域) only when some value has one.
 */
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Measure } from '../../../../../src/model/plan.ts';
import type { ObservationReply } from '../../api/types.ts';
import { WorkflowTag } from '../../components/WorkflowTag.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { RevisionTimeline } from './RevisionTimeline.tsx';
import { measureName } from './targetText.ts';

/** Props of ObservationHistory. */
export interface ObservationHistoryProps {
  observations: readonly ObservationReply[];
  /** The indicator's measures (none for other items); with several, each value's is shown by name. */
  measures: readonly Measure[];
  loading: boolean;
}

/** The table of values, newest year first. */
export function ObservationHistory({ observations, measures, loading }: ObservationHistoryProps): ReactNode {
  const { t, num, dateTime } = useLocale();
  const rows = [...observations].sort(
    (a, b) => b.year - a.year || a.measure - b.measure || (a.area ?? '').localeCompare(b.area ?? ''),
  );
  const columns: TableColumnsType<ObservationReply> = [
    {
      title: t('ind.year'),
      key: 'year',
      width: 80,
      render: (_, o) => (o.period ? `${o.year} ${o.period}` : o.year),
    },
    ...(measures.length > 1
      ? [
          {
            title: t('ind.measure'),
            key: 'measure',
            // Room for a measure's name in two lines at most, beside columns that do not wrap.
            render: (_: unknown, o: ObservationReply) => (
              <div style={{ minWidth: '9em' }}>{measureName(measures, o.measure, t)}</div>
            ),
          },
        ]
      : []),
    ...(rows.some((o) => o.area)
      ? [
          {
            title: t('ind.area'),
            key: 'area',
            render: (_: unknown, o: ObservationReply) => (
              <span style={{ whiteSpace: 'nowrap' }}>{o.area ?? t('ind.wholeArea')}</span>
            ),
          },
        ]
      : []),
    {
      title: t('ind.obsKind'),
      key: 'kind',
      width: 90,
      responsive: ['sm'],
      render: (_, o) => <span style={{ whiteSpace: 'nowrap' }}>{t(`ind.obsKind.${o.kind}`)}</span>,
    },
    {
      title: t('ind.value'),
      key: 'value',
      align: 'right',
      render: (_, o) => (
        <span className="lantu-num" style={{ whiteSpace: 'nowrap' }}>
          {num(o.value)} {o.unit}
          {o.approvedValue !== null && o.approvedValue !== o.value && o.status !== 'approved' ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('ind.pendingValue', { value: num(o.approvedValue) })}
              </Typography.Text>
            </div>
          ) : null}
        </span>
      ),
    },
    {
      title: t('ind.workflow'),
      key: 'status',
      render: (_, o) => (
        <span>
          <WorkflowTag status={o.status} /> {o.sample ? <Tag>{t('common.sample')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('ind.reportingUnit'),
      key: 'unit',
      responsive: ['lg'],
      render: (_, o) => <span style={{ whiteSpace: 'nowrap' }}>{o.unitName}</span>,
    },
    {
      title: t('ind.updated'),
      key: 'updated',
      responsive: ['md'],
      render: (_, o) => <span className="lantu-num">{dateTime(o.updatedAt)}</span>,
    },
    {
      title: t('ind.dataSource'),
      key: 'source',
      responsive: ['xl'],
      ellipsis: true,
      render: (_, o) =>
        /^https?:\/\//.test(o.source) ? (
          <a href={o.source} target="_blank" rel="noreferrer">
            {o.source}
          </a>
        ) : (
          o.source || '—'
        ),
    },
  ];
  return (
    <Table<ObservationReply>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: t('ind.noObservations') }}
      expandable={{ expandedRowRender: (o) => <RevisionTimeline observationId={o.id} /> }}
      scroll={{ x: true }}
      data-testid="observation-history"
    />
  );
}
