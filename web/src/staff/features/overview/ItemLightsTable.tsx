/**
 * Tasks, projects and commitments by light in one small table: a row per kind, a column per light
 * (each headed by its dot and name, never colour alone), the counts large enough to read at a glance.
 */
import type { ReactNode } from 'react';
import { LIGHT_COLORS, LIGHTS, StatusLight } from '../../components/StatusLight.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { ITEM_GROUPS, type ItemLights } from './itemLights.ts';

/** Props of ItemLightsTable. */
export interface ItemLightsTableProps {
  lights: ItemLights;
}

const CELL = { padding: '4px 3px', fontWeight: 'normal' } as const;
/** Read out, not shown. */
const HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** The table. */
export function ItemLightsTable({ lights }: ItemLightsTableProps): ReactNode {
  const { t } = useLocale();
  return (
    <table
      data-testid="item-lights"
      style={{ width: '100%', borderCollapse: 'separate', borderSpacing: '0 4px', tableLayout: 'fixed' }}
    >
      <colgroup>
        <col style={{ width: '27%' }} />
        {LIGHTS.map((light) => (
          <col key={light} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th style={CELL}>
            <span style={HIDDEN}>{t('overview.kind')}</span>
          </th>
          {LIGHTS.map((light) => (
            <th key={light} scope="col" style={{ ...CELL, textAlign: 'left', fontSize: 12 }}>
              <StatusLight light={light} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ITEM_GROUPS.map((group) => {
          const counts = lights.groups[group];
          return (
            <tr key={group} data-group={group}>
              <th scope="row" style={{ ...CELL, textAlign: 'left', lineHeight: 1.25 }}>
                <div>{t(`overview.group.${group}`)}</div>
                <div style={{ color: '#8c8c8c', fontSize: 12 }}>
                  {t('overview.groupTotal', { n: counts.total })}
                </div>
              </th>
              {LIGHTS.map((light) => {
                const n = counts.byLight[light];
                return (
                  <td
                    key={light}
                    data-light={light}
                    className="lantu-num"
                    style={{
                      borderTop: `3px solid ${LIGHT_COLORS[light]}`,
                      background: '#fafafa',
                      padding: '2px 8px',
                      fontSize: 22,
                      fontWeight: 600,
                      color: n === 0 ? '#bfbfbf' : undefined,
                    }}
                  >
                    {n}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
