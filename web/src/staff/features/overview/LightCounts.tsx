/** Counts by traffic light: four tiles, each a coloured dot with its label above a large number, worst first. */
import type { ReactNode } from 'react';
import type { Light } from '../../api/types.ts';
import { LIGHT_COLORS, LIGHTS, StatusLight } from '../../components/StatusLight.tsx';

/** Props of LightCounts. */
export interface LightCountsProps {
  byLight: Partial<Record<Light, number>>;
  /** A test id for end-to-end tests. */
  testId?: string;
}

/** Four lights with their counts. */
export function LightCounts({ byLight, testId }: LightCountsProps): ReactNode {
  return (
    <div
      data-testid={testId}
      style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 8 }}
    >
      {LIGHTS.map((light) => (
        <div
          key={light}
          data-light={light}
          style={{
            borderTop: `3px solid ${LIGHT_COLORS[light]}`,
            background: '#fafafa',
            borderRadius: 4,
            padding: '6px 8px',
          }}
        >
          <StatusLight light={light} />
          <div className="lantu-num" style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.3 }}>
            {byLight[light] ?? 0}
          </div>
        </div>
      ))}
    </div>
  );
}
