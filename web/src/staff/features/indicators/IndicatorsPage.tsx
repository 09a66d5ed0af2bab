/**
 * 指标: the headline indicators in one table (code, name, unit, baseline, latest approved value,
 * target, completion, time elapsed, light, lead unit), filtered by area, status, lead unit and
 * binding, sorted by any column (rows without a number last, either way); each name opens the
 * indicator's page.
 */
import {
  Button,
  Card,
  Flex,
  Input,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import type { Light, Status } from '../../api/types.ts';
import { useAssessments } from '../../api/useAssessments.ts';
import { useItems } from '../../api/useItems.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.tsx';
import { LightDot, StatusLight } from '../../components/StatusLight.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { Link } from '../../router/router.tsx';
import { usePlan } from '../../session/SessionProvider.tsx';
import { compareCodes, compareNullsLast, type IndicatorRow, indicatorRows } from './indicatorRows.ts';
import { PaceBar } from './PaceBar.tsx';

const STATUSES: readonly Status[] = [
  'achieved',
  'ahead',
  'on_track',
  'lagging',
  'off_track',
  'no_data',
  'not_assessable',
];
const LIGHT_OF: Record<Status, Light> = {
  achieved: 'green',
  ahead: 'green',
  on_track: 'green',
  lagging: 'yellow',
  off_track: 'red',
  no_data: 'grey',
  not_assessable: 'grey',
};
/** Worst first when sorting by status. */
const SEVERITY: Record<Status, number> = {
  off_track: 0,
  lagging: 1,
  no_data: 2,
  not_assessable: 3,
  on_track: 4,
  ahead: 5,
  achieved: 6,
};

/** The filters of the table. */
interface Filters {
  category?: string;
  status?: Status;
  lead?: string;
  binding?: 'binding' | 'expected';
  text: string;
}

/** The indicator table page. */
export function IndicatorsPage(): ReactNode {
  const { t, num } = useLocale();
  const plan = usePlan();
  /** A child row's label: the measure by name, and the sub-area. */
  const partText = (r: IndicatorRow): string =>
    [
      r.part?.measure ? (r.part.measure.name ?? t('common.measure', { n: r.part.measure.n })) : null,
      r.part?.area,
    ]
      .filter(Boolean)
      .join(' · ');
  const assessments = useAssessments(plan.id);
  const items = useItems(plan.id, 'indicator');
  const [filters, setFilters] = useState<Filters>({ text: '' });

  const rows = useMemo(
    () => (assessments.data && items.data ? indicatorRows(assessments.data, items.data) : []),
    [assessments.data, items.data],
  );
  const categories = useMemo(() => [...new Set(rows.map((r) => r.category))], [rows]);
  const leads = useMemo(
    () =>
      [...new Map(rows.filter((r) => r.leadUnitId).map((r) => [r.leadUnitId!, r.leadUnit!])).entries()].sort(
        (a, b) => a[1].localeCompare(b[1], 'zh-CN'),
      ),
    [rows],
  );
  const shown = useMemo(() => {
    const text = filters.text.trim().toLowerCase();
    return rows.filter(
      (r) =>
        (!filters.category || r.category === filters.category) &&
        (!filters.status ||
          r.status === filters.status ||
          r.children?.some((c) => c.status === filters.status)) &&
        (!filters.lead || r.leadUnitId === filters.lead) &&
        (!filters.binding || r.binding === (filters.binding === 'binding')) &&
        (!text || r.name.toLowerCase().includes(text) || r.code === text),
    );
  }, [rows, filters]);

  if (assessments.error) return <ErrorAlert error={assessments.error} onRetry={assessments.reload} />;
  if (items.error) return <ErrorAlert error={items.error} onRetry={items.reload} />;
  if (!assessments.data || !items.data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;

  const columns: TableColumnsType<IndicatorRow> = [
    {
      title: <span style={{ whiteSpace: 'nowrap' }}>{t('ind.code')}</span>,
      dataIndex: 'code',
      key: 'code',
      width: 68,
      render: (code: string) => <span style={{ whiteSpace: 'nowrap' }}>{code}</span>,
      fixed: 'left',
      sorter: (a, b) => compareCodes(a.code, b.code),
      defaultSortOrder: 'ascend',
    },
    {
      title: t('ind.name'),
      key: 'name',
      fixed: 'left',
      width: 170,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (_, r) =>
        r.part ? (
          <Typography.Text type="secondary">{partText(r)}</Typography.Text>
        ) : (
          <Space size={4} wrap>
            <Link to={`/app/indicators/${encodeURIComponent(r.code)}`}>{r.name}</Link>
            {r.binding ? <Tag color="blue">{t('common.binding')}</Tag> : null}
          </Space>
        ),
    },
    {
      title: t('ind.category'),
      dataIndex: 'category',
      key: 'category',
      width: 88,
      responsive: ['md'],
      sorter: (a, b) => a.category.localeCompare(b.category, 'zh-CN'),
    },
    { title: t('ind.unit'), dataIndex: 'unit', key: 'unit', width: 76, responsive: ['sm'] },
    {
      title: t('ind.baseline'),
      key: 'baseline',
      align: 'right',
      width: 84,
      responsive: ['lg'],
      render: (_, r) => <span className="lantu-num">{num(r.assessment?.baseline)}</span>,
    },
    {
      title: t('ind.latest'),
      key: 'value',
      align: 'right',
      width: 104,
      responsive: ['sm'],
      sorter: (a, b, order) => compareNullsLast(a.assessment?.value, b.assessment?.value, order),
      render: (_, r) => <span className="lantu-num">{num(r.assessment?.value)}</span>,
    },
    {
      title: t('ind.target'),
      key: 'target',
      align: 'right',
      width: 84,
      responsive: ['md'],
      render: (_, r) => <span className="lantu-num">{num(r.assessment?.target)}</span>,
    },
    {
      title: t('ind.completionElapsed'),
      key: 'completion',
      width: 150,
      responsive: ['sm'],
      sorter: (a, b, order) => compareNullsLast(a.assessment?.completion, b.assessment?.completion, order),
      render: (_, r) => (
        <PaceBar
          completion={r.assessment?.completion ?? null}
          elapsed={r.assessment?.elapsed ?? null}
          light={r.children ? (r.assessment?.light ?? r.light) : r.light}
        />
      ),
    },
    {
      title: t('ind.status'),
      key: 'status',
      width: 120,
      sorter: (a, b) => SEVERITY[a.status] - SEVERITY[b.status],
      render: (_, r) => <StatusLight light={r.light} status={r.status} />,
    },
    {
      title: t('ind.lead'),
      dataIndex: 'leadUnit',
      key: 'lead',
      width: 116,
      responsive: ['md'],
      sorter: (a, b) => (a.leadUnit ?? '').localeCompare(b.leadUnit ?? '', 'zh-CN'),
      render: (value: string | null) => value ?? '—',
    },
  ];

  /** The shown rows (with their measures and areas) under the table's columns, for 导出 Excel. */
  const exportTable = () => {
    const flat = shown.flatMap((r) => [r, ...(r.children ?? [])]);
    return {
      columns: [
        { key: 'code', title: t('ind.code') },
        { key: 'name', title: t('ind.name') },
        { key: 'category', title: t('ind.category') },
        { key: 'unit', title: t('ind.unit') },
        { key: 'baseline', title: t('ind.baseline') },
        { key: 'value', title: t('ind.latest') },
        { key: 'target', title: t('ind.target') },
        { key: 'completion', title: t('ind.completion') },
        { key: 'elapsed', title: t('ind.elapsed') },
        { key: 'status', title: t('ind.status') },
        { key: 'lead', title: t('ind.lead') },
      ],
      rows: flat.map((r) => ({
        code: r.code,
        name: r.part ? `${r.name} · ${partText(r)}` : r.name,
        category: r.category,
        unit: r.unit,
        baseline: r.assessment?.baseline ?? null,
        value: r.assessment?.value ?? null,
        target: r.assessment?.target ?? null,
        completion: r.assessment?.completion ?? null,
        elapsed: r.assessment?.elapsed ?? null,
        status: t(`status.${r.status}`),
        lead: r.leadUnit,
      })),
    };
  };

  const filtered =
    filters.category !== undefined ||
    filters.status !== undefined ||
    filters.lead !== undefined ||
    filters.binding !== undefined ||
    filters.text !== '';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('ind.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('ind.subtitle', { year: assessments.data.year })}
        </Typography.Text>
      </div>
      <Card size="small">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('ind.search')}
            aria-label={t('ind.search')}
            value={filters.text}
            onChange={(e) => setFilters({ ...filters, text: e.target.value })}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            placeholder={t('ind.filterCategory')}
            aria-label={t('ind.category')}
            value={filters.category}
            onChange={(category?: string) => setFilters({ ...filters, category })}
            options={categories.map((c) => ({ value: c, label: c }))}
            style={{ minWidth: 130 }}
          />
          <Select
            allowClear
            placeholder={t('ind.filterStatus')}
            aria-label={t('ind.status')}
            value={filters.status}
            onChange={(status?: Status) => setFilters({ ...filters, status })}
            options={STATUSES.map((s) => ({
              value: s,
              label: (
                <Space size={6}>
                  <LightDot light={LIGHT_OF[s]} />
                  {t(`status.${s}`)}
                </Space>
              ),
            }))}
            style={{ minWidth: 150 }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('ind.filterLead')}
            aria-label={t('ind.lead')}
            value={filters.lead}
            onChange={(lead?: string) => setFilters({ ...filters, lead })}
            options={leads.map(([id, name]) => ({ value: id, label: name }))}
            style={{ minWidth: 160 }}
          />
          <Select
            allowClear
            placeholder={t('ind.filterBinding')}
            aria-label={t('ind.attribute')}
            value={filters.binding}
            onChange={(binding?: 'binding' | 'expected') => setFilters({ ...filters, binding })}
            options={[
              { value: 'binding', label: t('common.binding') },
              { value: 'expected', label: t('common.expected') },
            ]}
            style={{ minWidth: 150 }}
          />
          {filtered ? <Button onClick={() => setFilters({ text: '' })}>{t('ind.clear')}</Button> : null}
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
            {t('ind.count', { n: shown.length })}
          </Typography.Text>
          <ExportXlsxButton title={t('ind.title')} table={exportTable} />
        </Flex>
        <Table<IndicatorRow>
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={shown}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ indentSize: 12 }}
          data-testid="indicator-table"
        />
      </Card>
    </Space>
  );
}
