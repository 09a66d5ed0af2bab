/**
 * The traffic light (亮灯) as a coloured dot WITH its label, never colour alone: "● 绿灯", or the
 * status in words ("● 滞后"). Colours are shared by the charts.
 */
import type { ReactNode } from 'react';
import type { Light, Status } from '../api/types.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';

/** The colour of each light, for dots and charts. */
export const LIGHT_COLORS: Record<Light, string> = {
  green: '#3f9d2f',
  yellow: '#f0a500',
  red: '#d9363e',
  grey: '#a6a6a6',
};

/** The lights in the order they are listed (worst first). */
export const LIGHTS: readonly Light[] = ['red', 'yellow', 'green', 'grey'];

/** Props of LightDot. */
export interface LightDotProps {
  light: Light;
  /** Diameter in pixels. */
  size?: number;
}

/** A bare dot (decorative: always shown next to a label). */
export function LightDot({ light, size = 10 }: LightDotProps): ReactNode {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: size,
        height: size,
        borderRadius: '50%',
        background: LIGHT_COLORS[light],
        flex: 'none',
      }}
    />
  );
}

/** Props of StatusLight. */
export interface StatusLightProps {
  light: Light;
  /** When given, the status is the label (滞后); otherwise the light's name (黄灯). */
  status?: Status;
  /** A number shown after the label (a count). */
  count?: number;
}

/** A light with its label. */
export function StatusLight({ light, status, count }: StatusLightProps): ReactNode {
  const { t } = useLocale();
  const label = status ? t(`status.${status}`) : t(`light.${light}`);
  return (
    <span
      className="lantu-light"
      data-light={light}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}
    >
      <LightDot light={light} />
      <span>{label}</span>
      {count !== undefined ? <strong>{count}</strong> : null}
    </span>
  );
}
