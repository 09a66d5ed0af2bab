/** Marks of sample data: a tag beside each sample value, a banner on pages that hold any. */
import type { ReactNode } from 'react';
import { useI18n } from '../I18n.tsx';

export function SampleTag(): ReactNode {
  const { t } = useI18n();
  return <span className="sample-tag">{t('sample.tag')}</span>;
}

export function SampleBanner(): ReactNode {
  const { t } = useI18n();
  return (
    <aside className="sample-banner" aria-labelledby="sample-banner-title">
      <p id="sample-banner-title" className="sample-banner-title">
        {t('sample.bannerTitle')}
      </p>
      <p>{t('sample.bannerBody')}</p>
    </aside>
  );
}
