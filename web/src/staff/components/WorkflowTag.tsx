/** Where a value stands in the workflow (草稿, 已提交, 已审核, 已审定, 已退回), as a coloured tag with its word. */
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ObservationStatus } from '../api/types.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';

const COLORS: Record<ObservationStatus | 'missing', string> = {
  missing: 'default',
  draft: 'default',
  submitted: 'processing',
  reviewed: 'cyan',
  approved: 'success',
  returned: 'error',
};

/** Props of WorkflowTag. */
export interface WorkflowTagProps {
  status: ObservationStatus | 'missing';
}

/** The tag. */
export function WorkflowTag({ status }: WorkflowTagProps): ReactNode {
  const { t } = useLocale();
  return (
    <Tag color={COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`obs.${status}`)}
    </Tag>
  );
}
