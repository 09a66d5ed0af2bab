/**
 * The open data files the server publishes for the plan (indicators, approved values in the Open SDG
 * layout, assessments, the data dictionary) as CSV, JSON and XLSX links; asked for after the page is
 * shown, and left out quietly if the index cannot be read (the browser-made downloads stay).
 */
import type { ReactNode } from 'react';
import { fetchDataIndex, useLoad } from '../data.ts';
import { useI18n } from '../I18n.tsx';
import type { PublicDataIndex } from '../types.ts';

type File = PublicDataIndex['files'][number];

export function OpenDataFiles({ planId }: { planId: string }): ReactNode {
  const { locale, t } = useI18n();
  const loaded = useLoad(planId, fetchDataIndex);
  if (loaded.state !== 'ready') return null;
  const files = loaded.data.files.filter((f) => !f.name.startsWith('opensdg/'));
  const datasets = [...new Set(files.map((f) => f.dataset))];
  const label = (f: File): string => (locale === 'en' ? f.en : f.zh).split(' · ')[0]!;
  return (
    <div className="open-data">
      <h3>{t('data.files')}</h3>
      <table className="open-data-table">
        <caption className="visually-hidden">{t('data.files')}</caption>
        <tbody>
          {datasets.map((dataset) => {
            const of = files.filter((f) => f.dataset === dataset);
            return (
              <tr key={dataset}>
                <th scope="row">{label(of[0]!)}</th>
                <td>
                  {of.map((f) => (
                    <a key={f.name} href={f.url} download className="open-data-link">
                      {f.format.toUpperCase()}
                      <span className="visually-hidden"> {locale === 'en' ? f.en : f.zh}</span>
                    </a>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">{t('data.filesNote')}</p>
    </div>
  );
}
