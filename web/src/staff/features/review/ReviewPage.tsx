/**
 * 审核: the queue of values waiting for me. A reviewer sees the values their unit's reporters
 * submitted and passes or returns them; a planner sees the values the units reviewed and approves or
 * returns them. Buttons follow each value's `abilities`; a return needs a comment. On a desk the
 * queue is a table; on a phone each value is a card showing the same facts above its buttons.
 */
import { Card, Grid, Segmented, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { api } from '../../../shared/api.ts';
import type { ObservationReply, ObservationStatus, TransitionAction } from '../../api/types.ts';
import { useObservations } from '../../api/useObservations.ts';
import { seg } from '../../api/useQuery.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.tsx';
import { useAction } from '../../components/useAction.ts';
import { WorkflowTag } from '../../components/WorkflowTag.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { usePlan, useSession } from '../../session/SessionProvider.tsx';
import { RevisionTimeline } from '../indicators/RevisionTimeline.tsx';
import { ReturnDialog } from './ReturnDialog.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { ReviewCards } from './ReviewCards.tsx';
import { ReviewItemTitle } from './ReviewItemTitle.tsx';
import { approvedByKey, changeText, yearOnYear } from './reviewRows.ts';

/** The review page. */
export function ReviewPage(): ReactNode {
  const { t, num, dateTime } = useLocale();
  const { me } = useSession();
  const plan = usePlan();
  const run = useAction();
  const planner = me?.role === 'planner';
  const [queue, setQueue] = useState<ObservationStatus>(planner ? 'reviewed' : 'submitted');
  const read = useObservations(plan.id, { status: queue });
  // The queue is what the user may act on: a lead unit also reads co-operating units' parts, which
  // their own reviewers pass.
  const list = useMemo(
    () => ({
      ...read,
      data: read.data?.filter((o) => o.abilities.review || o.abilities.approve || o.abilities.return),
    }),
    [read],
  );
  const approved = useObservations(plan.id, { status: 'approved' });
  const [returning, setReturning] = useState<ObservationReply | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  // On a phone the table would hide the value behind the buttons: there each value is a card.
  const phone = Grid.useBreakpoint().md === false;

  const lastYear = useMemo(() => approvedByKey(approved.data ?? []), [approved.data]);

  const transition = async (
    o: ObservationReply,
    action: TransitionAction,
    comment?: string,
  ): Promise<boolean> => {
    setBusy(`${o.id}:${action}`);
    const ok = await run(
      () =>
        api('POST', `/api/observations/${seg(o.id)}/transitions`, {
          action,
          version: o.version,
          ...(comment ? { comment } : {}),
        }),
      {
        success:
          action === 'return'
            ? t('rev.returnedMsg')
            : action === 'approve'
              ? t('rev.approvedMsg')
              : t('rev.passed'),
        onStale: list.reload,
      },
    );
    setBusy(null);
    list.reload();
    if (action === 'approve') approved.reload();
    return ok;
  };

  const handleReturn = async (comment: string): Promise<void> => {
    if (!returning) return;
    if (await transition(returning, 'return', comment)) setReturning(null);
  };

  const columns: TableColumnsType<ObservationReply> = [
    {
      title: t('rev.item'),
      key: 'item',
      render: (_, o) => (
        <div style={{ minWidth: 180 }}>
          <ReviewItemTitle value={o} />
        </div>
      ),
    },
    { title: t('rev.year'), dataIndex: 'year', key: 'year', width: 70 },
    {
      title: t('rev.value'),
      key: 'value',
      align: 'right',
      render: (_, o) => (
        <strong className="lantu-num" data-testid="review-value">
          {num(o.value)} {o.unit}
        </strong>
      ),
    },
    {
      title: t('rev.lastYear'),
      key: 'last',
      align: 'right',
      responsive: ['md'],
      render: (_, o) => {
        const { previous, change, implausible } = yearOnYear(o, lastYear);
        if (previous === null) return '—';
        return (
          <span className="lantu-num">
            {num(previous)}
            {change !== null && implausible ? (
              <Tag color="warning" style={{ marginInlineStart: 6 }}>
                {changeText(change)}
              </Tag>
            ) : null}
          </span>
        );
      },
    },
    ...(planner
      ? [{ title: t('rev.unit'), dataIndex: 'unitName', key: 'unit', responsive: ['lg' as const] }]
      : []),
    { title: t('rev.state'), key: 'state', render: (_, o) => <WorkflowTag status={o.status} /> },
    {
      title: t('rev.updated'),
      key: 'updated',
      responsive: ['lg'],
      render: (_, o) => <span className="lantu-num">{dateTime(o.updatedAt)}</span>,
    },
    {
      title: t('rev.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, o) => (
        <ReviewActions
          value={o}
          busy={busy}
          onTransition={(value, action) => void transition(value, action)}
          onReturn={setReturning}
        />
      ),
    },
  ];

  /** The queue's values under the table's columns, as plain values, for 导出 Excel. */
  const exportTable = () => ({
    columns: [
      { key: 'item', title: t('rev.item') },
      { key: 'area', title: t('rev.areaCol') },
      { key: 'year', title: t('rev.year') },
      { key: 'value', title: t('rev.value') },
      { key: 'unitOfMeasure', title: t('rev.measureUnit') },
      { key: 'last', title: t('rev.lastYear') },
      ...(planner ? [{ key: 'unit', title: t('rev.unit') }] : []),
      { key: 'state', title: t('rev.state') },
      { key: 'updated', title: t('rev.updated') },
      { key: 'evidence', title: t('rev.evidenceCol') },
      { key: 'note', title: t('rev.noteCol') },
    ],
    rows: (list.data ?? []).map((o) => ({
      item: o.indicatorCode
        ? `${o.indicatorCode} ${o.itemTitle}`
        : `${t(`kind.${o.itemKind}`)} ${o.itemTitle}`,
      area: o.area ?? null,
      year: o.year,
      value: o.value,
      unitOfMeasure: o.unit ?? null,
      last: yearOnYear(o, lastYear).previous,
      unit: o.unitName ?? null,
      state: t(`obs.${o.status}`),
      updated: dateTime(o.updatedAt),
      evidence: o.details.evidence ?? null,
      note: o.details.note ?? null,
    })),
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('rev.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {planner ? t('rev.hintPlanner') : t('rev.hintReviewer')}
        </Typography.Text>
      </div>
      <Card size="small">
        <Space style={{ marginBottom: 12 }} wrap>
          {planner ? (
            <Segmented
              value={queue}
              onChange={(value) => setQueue(value as ObservationStatus)}
              options={[
                { value: 'reviewed', label: t('rev.queueReviewed') },
                { value: 'submitted', label: t('rev.queueSubmitted') },
              ]}
            />
          ) : null}
          {list.data ? (
            <Typography.Text type="secondary">{t('rev.count', { n: list.data.length })}</Typography.Text>
          ) : null}
          <ExportXlsxButton title={t('rev.exportTitle')} table={exportTable} />
        </Space>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        {phone ? (
          <ReviewCards
            values={list.data ?? []}
            loading={list.loading}
            approved={lastYear}
            busy={busy}
            onTransition={(value, action) => void transition(value, action)}
            onReturn={setReturning}
          />
        ) : (
          <Table<ObservationReply>
            size="small"
            rowKey="id"
            loading={list.loading}
            dataSource={list.data ?? []}
            columns={columns}
            pagination={(list.data?.length ?? 0) > 20 ? { pageSize: 20, size: 'small' } : false}
            locale={{ emptyText: t('rev.empty') }}
            expandable={{ expandedRowRender: (o) => <RevisionTimeline observationId={o.id} /> }}
            scroll={{ x: 'max-content' }}
            data-testid="review-queue"
          />
        )}
      </Card>
      <ReturnDialog
        itemTitle={returning ? returning.itemTitle : null}
        busy={busy !== null}
        onConfirm={(comment) => void handleReturn(comment)}
        onCancel={() => setReturning(null)}
      />
    </Space>
  );
}
