/**
 * The indicators that need attention: binding (约束性) measures that are not green first (督办,
 * escalated), then every other indicator that is not green, worst light first.
 */
import { Empty, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Light, PlanAssessment, Status } from '../../api/types.ts';
import { StatusLight } from '../../components/StatusLight.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { Link } from '../../router/router.tsx';

interface Row {
  key: string;
  code: string;
  name: string;
  area?: string;
  status: Status;
  light: Light;
  escalated: boolean;
  binding: boolean;
}

const RANK: Record<Light, number> = { red: 0, yellow: 1, grey: 2, green: 3 };

/** Escalations first, then the other indicators that are not green. */
export function attentionRows(summary: PlanAssessment['summary']): Row[] {
  const rows: Row[] = summary.escalations.map((e) => ({
    key: `e:${e.indicator}:${e.measure}:${e.area ?? ''}`,
    code: e.indicator,
    name: e.name,
    area: e.area,
    status: e.status,
    light: e.light,
    escalated: true,
    binding: true,
  }));
  const escalated = new Set(summary.escalations.map((e) => e.indicator));
  const others = summary.items
    .filter((i) => i.light !== 'green' && !escalated.has(i.indicator))
    .sort((a, b) => RANK[a.light] - RANK[b.light])
    .map((i) => ({
      key: `i:${i.indicator}`,
      code: i.indicator,
      name: i.name,
      status: i.status,
      light: i.light,
      escalated: false,
      binding: i.binding,
    }));
  return [...rows, ...others];
}

/** Props of AttentionList. */
export interface AttentionListProps {
  summary: PlanAssessment['summary'];
}

/** The list, each row linking to the indicator's page. */
export function AttentionList({ summary }: AttentionListProps): ReactNode {
  const { t } = useLocale();
  const rows = attentionRows(summary);
  if (rows.length === 0) return <Empty description={t('overview.allGreen')} />;
  return (
    <ul data-testid="attention-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map((row) => (
        <li
          key={row.key}
          style={{
            display: 'flex',
            gap: 12,
            alignItems: 'center',
            flexWrap: 'wrap',
            padding: '7px 0',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <span style={{ minWidth: 110 }}>
            <StatusLight light={row.light} status={row.status} />
          </span>
          <span style={{ flex: 1, minWidth: 160 }}>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 6 }}>
              {row.code}
            </Typography.Text>
            <Link to={`/app/indicators/${encodeURIComponent(row.code)}`}>{row.name}</Link>
            {row.area ? (
              <Typography.Text type="secondary">{t('common.paren', { x: row.area })}</Typography.Text>
            ) : null}
          </span>
          <span style={{ display: 'inline-flex', gap: 4, flex: 'none' }}>
            {row.binding ? (
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t('common.binding')}
              </Tag>
            ) : null}
            {row.escalated ? (
              <Tag color="red" style={{ marginInlineEnd: 0 }}>
                {t('overview.escalated')}
              </Tag>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
