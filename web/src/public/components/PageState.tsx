/** What a page shows while its data loads, when it failed, or when it does not exist. */
import type { ReactNode } from 'react';
import { useI18n } from '../I18n.tsx';
import { Link } from './Link.tsx';

export function Loading(): ReactNode {
  const { t } = useI18n();
  return (
    <div className="page-state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('loading')}
    </div>
  );
}

export interface LoadErrorProps {
  notFound: boolean;
  onRetry: () => void;
}

export function LoadError({ notFound, onRetry }: LoadErrorProps): ReactNode {
  const { t } = useI18n();
  return (
    <div className="page-state page-error" role="alert">
      <h1>{notFound ? t('notFound.title') : t('error.title')}</h1>
      {notFound ? (
        <p>
          {t('error.notFound')} <Link to="/public">{t('notFound.home')}</Link>
        </p>
      ) : (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}

export function NotFound(): ReactNode {
  const { t } = useI18n();
  return (
    <div className="page-state">
      <h1>{t('notFound.title')}</h1>
      <p>
        {t('notFound.body')} <Link to="/public">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
