/** A failed read shown in words, with a button to try again. */
import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../shared/api.ts';
import { describeError } from '../api/describeError.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';

/** Props of ErrorAlert. */
export interface ErrorAlertProps {
  error: ApiError;
  /** Asks again. */
  onRetry?: () => void;
}

/** Says what went wrong (from the error's code) and offers to try again. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps): ReactNode {
  const { t, locale } = useLocale();
  return (
    <Alert
      type="error"
      showIcon
      title={describeError(error, t, locale)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
