/** How far a deadline is: "还剩 5 天", "今天截止", "已逾期 3 天" (orange within a week, red once passed). */
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { daysUntil } from '../i18n/format.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';

/** Props of DeadlineTag. */
export interface DeadlineTagProps {
  /** YYYY-MM-DD. */
  deadline: string;
}

/** The tag. */
export function DeadlineTag({ deadline }: DeadlineTagProps): ReactNode {
  const { t } = useLocale();
  const days = daysUntil(deadline);
  if (days < 0) return <Tag color="red">{t('common.daysOverdue', { n: -days })}</Tag>;
  if (days === 0) return <Tag color="orange">{t('common.dueToday')}</Tag>;
  return <Tag color={days <= 7 ? 'orange' : 'blue'}>{t('common.daysLeft', { n: days })}</Tag>;
}
