/**
 * Completion against time elapsed in one glance: a bar filled to the completion (coloured by the
 * light) with a mark where the time-proportional path (序时进度) stands.
 */
import type { ReactNode } from 'react';
import type { Light } from '../../api/types.ts';
import { LIGHT_COLORS } from '../../components/StatusLight.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';

/** Props of PaceBar. */
export interface PaceBarProps {
  completion: number | null;
  elapsed: number | null;
  light: Light;
}

/** The bar with its numbers. */
export function PaceBar({ completion, elapsed, light }: PaceBarProps): ReactNode {
  const { t, pct } = useLocale();
  if (completion === null) return <span className="lantu-num">—</span>;
  const clamp = (x: number): number => Math.max(0, Math.min(1, x));
  return (
    <div
      style={{ minWidth: 130 }}
      role="img"
      aria-label={t('ind.paceAria', { c: pct(completion), e: pct(elapsed) })}
    >
      <div className="lantu-num" style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <span>{pct(completion)}</span>
        {elapsed !== null ? (
          <span style={{ color: '#8c8c8c', fontSize: 12 }}>{t('ind.elapsedShort', { e: pct(elapsed) })}</span>
        ) : null}
      </div>
      <div style={{ position: 'relative', height: 6, background: '#eee', borderRadius: 3, marginTop: 2 }}>
        <div
          style={{
            width: `${clamp(completion) * 100}%`,
            height: '100%',
            borderRadius: 3,
            background: LIGHT_COLORS[light],
          }}
        />
        {elapsed !== null ? (
          <div
            style={{
              position: 'absolute',
              left: `calc(${clamp(elapsed) * 100}% - 1px)`,
              top: -3,
              width: 2,
              height: 12,
              background: '#262626',
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
