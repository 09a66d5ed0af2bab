/** What a queued value is of: the indicator (linked to its page) or the item with its kind, its area, evidence and note. */
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ObservationReply } from '../../api/types.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { Link } from '../../router/router.tsx';

/** Props of ReviewItemTitle. */
export interface ReviewItemTitleProps {
  value: ObservationReply;
}

/** The item's name, then the evidence and note in small print. */
export function ReviewItemTitle({ value: o }: ReviewItemTitleProps): ReactNode {
  const { t } = useLocale();
  return (
    <>
      {o.indicatorCode ? (
        <Link to={`/app/indicators/${encodeURIComponent(o.indicatorCode)}`}>
          {o.indicatorCode} {o.itemTitle}
        </Link>
      ) : (
        <span>
          <Tag>{t(`kind.${o.itemKind}`)}</Tag>
          {o.itemTitle}
        </span>
      )}
      {o.area ? <Typography.Text type="secondary">{t('common.paren', { x: o.area })}</Typography.Text> : null}
      {o.details.evidence ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rev.evidence', { text: o.details.evidence })}
          </Typography.Text>
        </div>
      ) : null}
      {o.details.note ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rev.note', { text: o.details.note })}
          </Typography.Text>
        </div>
      ) : null}
    </>
  );
}
