/** The headline numbers: indicators by traffic light, and lights by area as stacked bars with words. */
import type { ReactNode } from 'react';
import { formatCount } from '../format.ts';
import { planLang, useI18n } from '../I18n.tsx';
import { LIGHTS, type PublicPlan } from '../types.ts';
import { LightDot } from './StatusBadge.tsx';

export function LightTiles({ plan }: { plan: PublicPlan }): ReactNode {
  const { locale, t } = useI18n();
  const counts = plan.summary.indicators;
  const binding = plan.indicators.filter((i) => i.binding).length;
  return (
    <div className="tiles">
      <div className="tile tile-total">
        <p className="tile-label">{t('overview.total')}</p>
        <p className="tile-number">{t('overview.count', { n: formatCount(counts.total, locale) })}</p>
        <p className="tile-hint">
          {t('overview.binding')} {t('overview.count', { n: formatCount(binding, locale) })}
        </p>
      </div>
      <ul className="tile-lights" aria-label={t('overview.lights')}>
        {LIGHTS.map((light) => (
          <li key={light} className={`tile tile-${light}`}>
            <p className="tile-label">
              <LightDot light={light} />
              {t(`light.${light}`)}
            </p>
            <p className="tile-number">
              {t('overview.count', { n: formatCount(counts.byLight[light] ?? 0, locale) })}
            </p>
            <p className="tile-hint">{t(`light.${light}.hint`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AreaBars({ plan }: { plan: PublicPlan }): ReactNode {
  const { locale, t } = useI18n();
  const widest = Math.max(1, ...plan.summary.categories.map((c) => c.total));
  return (
    <ul className="area-bars">
      {plan.summary.categories.map((category) => {
        const count = (light: (typeof LIGHTS)[number]): number => category.byLight[light] ?? 0;
        return (
          <li key={category.category} className="area-row">
            <span className="visually-hidden">
              {t('areas.row', {
                category: category.category,
                total: category.total,
                green: count('green'),
                yellow: count('yellow'),
                red: count('red'),
                grey: count('grey'),
              })}
            </span>
            <div className="area-head" aria-hidden="true">
              <span className="area-name" lang={planLang(locale)}>
                {category.category}
              </span>
              <span className="area-total">
                {t('areas.total', { n: formatCount(category.total, locale) })}
              </span>
            </div>
            <div
              className="area-bar"
              aria-hidden="true"
              style={{ width: `${(category.total / widest) * 100}%` }}
            >
              {LIGHTS.filter((light) => count(light) > 0).map((light) => (
                <span
                  key={light}
                  className={`area-seg seg-${light}`}
                  style={{ flexGrow: count(light) }}
                  title={`${t(`light.${light}`)} ${count(light)}`}
                />
              ))}
            </div>
            <ul className="area-counts" aria-hidden="true">
              {LIGHTS.filter((light) => count(light) > 0).map((light) => (
                <li key={light}>
                  <LightDot light={light} />
                  {t(`light.${light}`)} {formatCount(count(light), locale)}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
