/** Downloads of the approved data, made in the browser from the page's own data. */
import type { ReactNode } from 'react';
import { buildCsv, buildJson, csvRowCount, downloadName, saveText } from '../exportData.ts';
import { formatCount } from '../format.ts';
import { useI18n } from '../I18n.tsx';
import type { PublicIndicator, PublicPlan } from '../types.ts';

export interface DownloadsProps {
  plan: PublicPlan;
  indicators: PublicIndicator[];
  /** What the files are named after: "indicators" or one indicator's code. */
  fileStem: string;
}

export function Downloads({ plan, indicators, fileStem }: DownloadsProps): ReactNode {
  const { locale, t } = useI18n();
  const handleCsv = (): void =>
    saveText(downloadName(plan, fileStem, 'csv', locale), buildCsv(indicators, t), 'text/csv;charset=utf-8');
  const handleJson = (): void =>
    saveText(
      downloadName(plan, fileStem, 'json', locale),
      buildJson(plan, indicators, `${location.origin}/api/public/plans/${plan.id}`),
      'application/json;charset=utf-8',
    );
  return (
    <div className="downloads">
      <button type="button" className="button button-primary" onClick={handleCsv}>
        <span aria-hidden="true" className="button-icon">
          ↓
        </span>
        {t('data.csv')}
        <span className="button-hint">
          {t('data.csvHint', { n: formatCount(csvRowCount(indicators), locale) })}
        </span>
      </button>
      <button type="button" className="button" onClick={handleJson}>
        <span aria-hidden="true" className="button-icon">
          ↓
        </span>
        {t('data.json')}
        <span className="button-hint">{t('data.jsonHint')}</span>
      </button>
    </div>
  );
}
