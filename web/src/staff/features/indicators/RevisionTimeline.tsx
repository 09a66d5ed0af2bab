/** Every revision of one value: who did what, when, the value before and after, and why. */
import { Alert, Spin, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useObservation } from '../../api/useObservation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';

const COLORS: Record<string, string> = {
  approve: 'green',
  review: 'blue',
  submit: 'blue',
  return: 'red',
  reopen: 'orange',
};

/** Props of RevisionTimeline. */
export interface RevisionTimelineProps {
  observationId: string;
}

/** Loads the value's revisions (GET /api/observations/:id) and lists them, oldest first. */
export function RevisionTimeline({ observationId }: RevisionTimelineProps): ReactNode {
  const { t, num, dateTime } = useLocale();
  const detail = useObservation(observationId);
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Spin size="small" />;
  const { data } = detail;
  return (
    <div style={{ paddingTop: 8 }} data-testid="revisions">
      {data.warnings.map((w) => (
        <Alert key={w.code} type="warning" showIcon title={w.message} style={{ marginBottom: 12 }} />
      ))}
      <Timeline
        items={data.revisions.map((r) => ({
          key: r.revision,
          color: COLORS[r.action] ?? 'gray',
          content: (
            <div>
              <div>
                <Tag>{t('ind.revision', { n: r.revision })}</Tag>
                <strong>{t(`ind.action.${r.action}`)}</strong>
                {' · '}
                {t('ind.by', { name: r.actorName, role: r.actorRole ? t(`role.${r.actorRole}`) : '—' })}
                {' · '}
                <Typography.Text type="secondary">{dateTime(r.at)}</Typography.Text>
              </div>
              <div className="lantu-num">
                {r.previousValue !== null && r.previousValue !== r.value
                  ? t('ind.changedFrom', { from: num(r.previousValue), to: num(r.value) })
                  : num(r.value)}{' '}
                {data.unit} · {t(`obs.${r.status}`)}
              </div>
              {r.comment ? (
                <div>
                  {t('ind.comment')}
                  {t('common.colon')}
                  {r.comment}
                </div>
              ) : null}
              {r.details.note ? (
                <Typography.Text type="secondary">
                  {t('ind.note')}
                  {t('common.colon')}
                  {r.details.note}
                </Typography.Text>
              ) : null}
              {r.details.evidence ? (
                <div>
                  <Typography.Text type="secondary">
                    {t('ind.evidence')}
                    {t('common.colon')}
                    {r.details.evidence}
                  </Typography.Text>
                </div>
              ) : null}
            </div>
          ),
        }))}
      />
    </div>
  );
}
