/** Sets the window title to a page's name followed by the portal's. */
import { useEffect } from 'react';
import { useI18n } from './I18n.tsx';

export function useDocumentTitle(page: string | null): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = page ? t('site.title', { page }) : t('site.name');
  }, [page, t]);
}
