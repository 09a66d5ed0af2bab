/** A traffic light as a coloured dot with its words: never colour alone. */
import type { ReactNode } from 'react';
import type { StatusKey } from '../describe.ts';
import { useI18n } from '../I18n.tsx';
import type { Light } from '../types.ts';

export function LightDot({ light }: { light: Light }): ReactNode {
  return <span className={`dot dot-${light}`} aria-hidden="true" />;
}

export interface StatusBadgeProps {
  light: Light;
  status: StatusKey;
}

export function StatusBadge({ light, status }: StatusBadgeProps): ReactNode {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${light}`}>
      <LightDot light={light} />
      <span>{t(`light.${light}`)}</span>
      <span className="badge-sep" aria-hidden="true">
        ·
      </span>
      <span>{t(`status.${status}`)}</span>
    </span>
  );
}
