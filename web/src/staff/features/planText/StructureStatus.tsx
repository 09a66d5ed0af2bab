/**
 * Where the structure check stands: confirmed or not, how many inferred section boundaries a planner
 * has put right, how many commitments are confirmed, rejected or still to look at; for a planner the
 * button that confirms the structure (or takes the confirmation back to correct it again).
 */
import { Alert, Button, Popconfirm, Space, Statistic, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { Plan } from '../../../../../src/model/plan.ts';
import { useConfirmStructure } from '../../api/useConfirmStructure.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { usePlan } from '../../session/SessionProvider.tsx';

export function StructureStatus({ structure }: { structure: Plan }): ReactNode {
  const { t } = useLocale();
  const plan = usePlan();
  const { busy, confirm } = useConfirmStructure();
  const headings = structure.findings.filter((f) => f.kind === 'missing_heading');
  const reviewed = (v: 'confirmed' | 'rejected') =>
    structure.commitments.filter((c) => c.review === v).length;
  const open = structure.commitments.filter((c) => !c.review).length;
  const confirmed = plan.status === 'confirmed';

  const action = plan.abilities.import ? (
    confirmed ? (
      <Button size="small" loading={busy} onClick={() => void confirm(false)}>
        {t('plan.unconfirm')}
      </Button>
    ) : (
      <Popconfirm
        title={t('planText.confirmQuestion', { open })}
        okText={t('plan.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => confirm(true)}
      >
        <Button size="small" type="primary" loading={busy} data-testid="confirm-structure">
          {t('plan.confirm')}
        </Button>
      </Popconfirm>
    )
  ) : null;

  return (
    <Alert
      type={confirmed ? 'success' : 'info'}
      showIcon
      data-testid="structure-status"
      title={
        <Space wrap>
          <span>{t('planText.structure')}</span>
          <Tag color={confirmed ? 'green' : 'orange'}>{t(`plan.status.${plan.status}`)}</Tag>
        </Space>
      }
      description={
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <span>
            {confirmed
              ? t('planText.confirmedHelp')
              : plan.abilities.correct
                ? t('planText.draftHelp')
                : t('planText.draftReadOnly')}
          </span>
          <Space size={32} wrap>
            <Statistic
              title={t('planText.stat.headings')}
              value={headings.filter((f) => f.corrected).length}
              suffix={`/ ${headings.length}`}
            />
            <Statistic title={t('planText.stat.confirmed')} value={reviewed('confirmed')} />
            <Statistic title={t('planText.stat.rejected')} value={reviewed('rejected')} />
            <Statistic title={t('planText.stat.open')} value={open} />
          </Space>
        </Space>
      }
      action={action}
    />
  );
}
