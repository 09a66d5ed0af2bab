/** Cancel and the form's submit button, at the end of an administration dialog's form. */
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/LocaleProvider.tsx';

/** Props of DialogButtons. */
export interface DialogButtonsProps {
  /** Whether the request is under way (the submit button spins). */
  saving: boolean;
  /** The submit button's words. */
  okText: string;
  /** The submit button's test id. */
  okTestId?: string;
  onCancel: () => void;
}

/** The buttons, right-aligned; the submit button submits the enclosing Form. */
export function DialogButtons({ saving, okText, okTestId, onCancel }: DialogButtonsProps): ReactNode {
  const { t } = useLocale();
  return (
    <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" htmlType="submit" loading={saving} data-testid={okTestId}>
        {okText}
      </Button>
    </Space>
  );
}
