/**
 * Publishing the plan (依法公开): its particulars, whether its structure is confirmed and whether it
 * is public, with the buttons its `abilities` allow. A stale version (someone else published
 * meanwhile) is said in words and the plan read again.
 */
import { Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../../shared/api.ts';
import { useConfirmStructure } from '../../api/useConfirmStructure.ts';
import { seg } from '../../api/useQuery.ts';
import { useAction } from '../../components/useAction.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { usePlan, useSession } from '../../session/SessionProvider.tsx';

/** The publishing page. */
export function PlanAdmin(): ReactNode {
  const { t, date } = useLocale();
  const plan = usePlan();
  const { reloadPlans } = useSession();
  const run = useAction();
  const [busy, setBusy] = useState(false);
  const structure = useConfirmStructure();

  const publish = async (published: boolean): Promise<void> => {
    setBusy(true);
    await run(() => api('POST', `/api/plans/${seg(plan.id)}/publish`, { published, version: plan.version }), {
      success: published ? t('plan.publishedMsg') : t('plan.unpublishedMsg'),
      onStale: reloadPlans,
    });
    setBusy(false);
    reloadPlans();
  };

  const { period, counts } = plan;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('plan.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('plan.subtitle')}</Typography.Text>
      </div>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          bordered
          items={[
            { key: 'title', label: t('plan.name'), children: plan.title, span: { xs: 1, md: 2 } },
            { key: 'region', label: t('plan.region'), children: plan.regionCode },
            { key: 'level', label: t('plan.level'), children: t(`plan.level.${plan.level}`) },
            { key: 'issuer', label: t('plan.issuer'), children: plan.issuer ?? '—' },
            { key: 'issuedOn', label: t('plan.issuedOn'), children: date(plan.issuedOn) },
            {
              key: 'period',
              label: t('plan.period'),
              children: t('plan.periodValue', {
                base: period.baseYear,
                start: period.startYear,
                end: period.endYear,
                vision: period.visionYear ?? '—',
              }),
            },
            {
              key: 'status',
              label: t('plan.structure'),
              children: (
                <Tag color={plan.status === 'confirmed' ? 'green' : 'orange'}>
                  {t(`plan.status.${plan.status}`)}
                </Tag>
              ),
            },
            {
              key: 'published',
              label: t('plan.published'),
              children: (
                <Tag color={plan.published ? 'green' : 'default'} data-testid="plan-published">
                  {plan.published ? t('plan.isPublished') : t('plan.notPublished')}
                </Tag>
              ),
            },
            { key: 'version', label: t('plan.version'), children: plan.version },
            {
              key: 'counts',
              label: t('plan.counts'),
              children: t('plan.countsValue', { ...counts }),
              span: { xs: 1, md: 2 },
            },
            {
              key: 'sha',
              label: t('plan.sha'),
              children: (
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {plan.sourceSha256}
                </Typography.Text>
              ),
              span: { xs: 1, md: 2 },
            },
          ]}
        />
        <Space wrap style={{ marginTop: 16 }}>
          {plan.abilities.publish ? (
            <Popconfirm
              title={plan.published ? t('plan.unpublishConfirm') : t('plan.publishConfirm')}
              okText={plan.published ? t('plan.unpublish') : t('plan.publish')}
              cancelText={t('common.cancel')}
              onConfirm={() => publish(!plan.published)}
            >
              <Button type={plan.published ? 'default' : 'primary'} danger={plan.published} loading={busy}>
                {plan.published ? t('plan.unpublish') : t('plan.publish')}
              </Button>
            </Popconfirm>
          ) : (
            <Typography.Text type="secondary">{t('plan.readOnly')}</Typography.Text>
          )}
          {plan.abilities.import ? (
            <Button
              loading={structure.busy}
              onClick={() => void structure.confirm(plan.status !== 'confirmed')}
            >
              {plan.status === 'confirmed' ? t('plan.unconfirm') : t('plan.confirm')}
            </Button>
          ) : null}
          {plan.published ? (
            <a href="/public" target="_blank" rel="noreferrer">
              {t('plan.openPortal')}
            </a>
          ) : null}
        </Space>
      </Card>
    </Space>
  );
}
