/** What the unit has handed in for the round: each value with its workflow state. */
import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ObservationReply } from '../../api/types.ts';
import { WorkflowTag } from '../../components/WorkflowTag.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { Link } from '../../router/router.tsx';

/** Props of HandedInTable. */
export interface HandedInTableProps {
  observations: readonly ObservationReply[];
}

/** The table. */
export function HandedInTable({ observations }: HandedInTableProps): ReactNode {
  const { t, num, dateTime } = useLocale();
  return (
    <Table<ObservationReply>
      size="small"
      rowKey="id"
      dataSource={[...observations]}
      pagination={observations.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: t('rep.handedInNone') }}
      scroll={{ x: true }}
      data-testid="handed-in"
      columns={[
        {
          title: t('rep.item'),
          key: 'item',
          render: (_, o) => (
            <span>
              {o.indicatorCode ? (
                <Link to={`/app/indicators/${encodeURIComponent(o.indicatorCode)}`}>
                  {o.indicatorCode} {o.itemTitle}
                </Link>
              ) : (
                o.itemTitle
              )}
              {o.area ? (
                <Typography.Text type="secondary">{t('common.paren', { x: o.area })}</Typography.Text>
              ) : null}
            </span>
          ),
        },
        {
          title: t('ind.value'),
          key: 'value',
          align: 'right',
          render: (_, o) => (
            <span className="lantu-num">
              {num(o.value)} {o.unit}
            </span>
          ),
        },
        { title: t('rep.state'), key: 'status', render: (_, o) => <WorkflowTag status={o.status} /> },
        {
          title: t('ind.updated'),
          key: 'updated',
          responsive: ['md'],
          render: (_, o) => <span className="lantu-num">{dateTime(o.updatedAt)}</span>,
        },
      ]}
    />
  );
}
