/** The buttons a queued value offers, from its `abilities`: pass (审核通过), approve (审定), return (退回). */
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import type { ObservationReply, TransitionAction } from '../../api/types.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';

/** Props of ReviewActions. */
export interface ReviewActionsProps {
  value: ObservationReply;
  /** `${id}:${action}` of the transition under way, if any. */
  busy: string | null;
  /** Button size: small in the table, the default on a phone card (a finger is wider than a pointer). */
  size?: 'small' | 'middle';
  onTransition: (value: ObservationReply, action: TransitionAction) => void;
  /** Opens the return dialog. */
  onReturn: (value: ObservationReply) => void;
}

/** The buttons. */
export function ReviewActions({
  value: o,
  busy,
  size = 'small',
  onTransition,
  onReturn,
}: ReviewActionsProps): ReactNode {
  const { t } = useLocale();
  return (
    <Space size={size === 'small' ? 4 : 8} wrap>
      {o.abilities.review ? (
        <Button
          type="primary"
          size={size}
          loading={busy === `${o.id}:review`}
          onClick={() => onTransition(o, 'review')}
        >
          {t('rev.pass')}
        </Button>
      ) : null}
      {o.abilities.approve ? (
        <Button
          type="primary"
          size={size}
          loading={busy === `${o.id}:approve`}
          onClick={() => onTransition(o, 'approve')}
        >
          {t('rev.approve')}
        </Button>
      ) : null}
      {o.abilities.return ? (
        <Button danger size={size} onClick={() => onReturn(o)}>
          {t('rev.return')}
        </Button>
      ) : null}
    </Space>
  );
}
