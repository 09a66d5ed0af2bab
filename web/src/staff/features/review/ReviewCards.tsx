/**
 * The review queue on a phone: one card per value with everything the table shows on a desk — the
 * item, year, value with its unit, last year's approved value, the change with its warning, who
 * reported it and when — above the buttons, so nothing is approved unseen.
 */
import { WarningOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Pagination, Space, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { ObservationReply, TransitionAction } from '../../api/types.ts';
import { WorkflowTag } from '../../components/WorkflowTag.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { RevisionTimeline } from '../indicators/RevisionTimeline.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { ReviewItemTitle } from './ReviewItemTitle.tsx';
import { changeText, yearOnYear } from './reviewRows.ts';

const PAGE_SIZE = 20;

/** Props of ReviewCards. */
export interface ReviewCardsProps {
  values: readonly ObservationReply[];
  loading: boolean;
  /** Approved values by key (reviewRows.approvedByKey), for last year's. */
  approved: ReadonlyMap<string, number>;
  busy: string | null;
  onTransition: (value: ObservationReply, action: TransitionAction) => void;
  onReturn: (value: ObservationReply) => void;
}

/** A label above its value. */
function Fact({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}

/** One value's card. */
function ReviewCard({
  value: o,
  approved,
  busy,
  onTransition,
  onReturn,
}: Omit<ReviewCardsProps, 'values' | 'loading'> & { value: ObservationReply }): ReactNode {
  const { t, num, dateTime } = useLocale();
  const [open, setOpen] = useState(false);
  const { previous, change, implausible } = yearOnYear(o, approved);
  return (
    <Card size="small" data-testid="review-card" data-id={o.id}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <ReviewItemTitle value={o} />
        </div>
        <WorkflowTag status={o.status} />
      </div>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: '4em minmax(0, 1.3fr) minmax(0, 1fr)',
          gap: 8,
          marginTop: 10,
          paddingTop: 8,
          borderTop: '1px solid #f0f0f0',
        }}
      >
        <Fact label={t('rev.year')}>
          <span className="lantu-num" data-testid="review-year">
            {o.period ? `${o.year} ${o.period}` : o.year}
          </span>
        </Fact>
        <Fact label={t('rev.value')}>
          <strong className="lantu-num" style={{ fontSize: 18 }} data-testid="review-value">
            {num(o.value)}
          </strong>{' '}
          <span>{o.unit}</span>
        </Fact>
        <Fact label={t('rev.lastYear')}>
          <span className="lantu-num" data-testid="review-last-year">
            {previous === null ? t('rev.noLastYear') : `${num(previous)} ${o.unit}`}
          </span>
        </Fact>
      </div>
      {change !== null ? (
        <div style={{ marginTop: 6 }} data-testid="review-change" data-implausible={implausible}>
          <Typography.Text type="secondary">{t('rev.changeLabel')} </Typography.Text>
          <Tag
            color={implausible ? 'warning' : undefined}
            icon={implausible ? <WarningOutlined /> : undefined}
            className="lantu-num"
          >
            {changeText(change)}
          </Tag>
          {implausible ? <Typography.Text type="warning">{t('rev.implausible')}</Typography.Text> : null}
        </div>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
        {t('rev.submittedBy', { unit: o.unitName, time: dateTime(o.updatedAt) })}
      </Typography.Paragraph>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          flexWrap: 'wrap',
          gap: 8,
          marginTop: 10,
        }}
      >
        <ReviewActions value={o} busy={busy} size="middle" onTransition={onTransition} onReturn={onReturn} />
        <Button type="link" size="small" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? t('rev.hideRevisions') : t('rev.showRevisions')}
        </Button>
      </div>
      {open ? <RevisionTimeline observationId={o.id} /> : null}
    </Card>
  );
}

/** The cards, twenty to a page. */
export function ReviewCards({ values, loading, ...rest }: ReviewCardsProps): ReactNode {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  if (loading && values.length === 0) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  if (values.length === 0) return <Empty description={t('rev.empty')} />;
  const last = Math.max(1, Math.ceil(values.length / PAGE_SIZE));
  const current = Math.min(page, last);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="review-cards">
      {values.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((o) => (
        <ReviewCard key={o.id} value={o} {...rest} />
      ))}
      {values.length > PAGE_SIZE ? (
        <Pagination
          simple
          size="small"
          align="center"
          current={current}
          pageSize={PAGE_SIZE}
          total={values.length}
          onChange={setPage}
        />
      ) : null}
    </Space>
  );
}
