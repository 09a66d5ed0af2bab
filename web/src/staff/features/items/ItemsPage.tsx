/**
 * The plan's tasks, projects, actions and commitments: owners, due dates, time nodes, the latest
 * approved percent done and the light it gives, filtered by lead unit and light; a row opens to the
 * plan's sentence and the history of progress updates.
 */
import {
  Card,
  Flex,
  Input,
  Progress,
  Result,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import type { Item, Light, ObservationReply, Status } from '../../api/types.ts';
import { useItems } from '../../api/useItems.ts';
import { useObservations } from '../../api/useObservations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.tsx';
import { LIGHT_COLORS, LIGHTS, LightDot, StatusLight } from '../../components/StatusLight.tsx';
import { WorkflowTag } from '../../components/WorkflowTag.tsx';
import { todayIso } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { readsEveryUnit } from '../../pages.ts';
import { navigate } from '../../router/router.tsx';
import { usePlan, useSession } from '../../session/SessionProvider.tsx';

const KINDS = ['task', 'project', 'action', 'commitment'] as const;
type ListKind = (typeof KINDS)[number];

/** Props of ItemsPage. */
export interface ItemsPageProps {
  /** task, project, action or commitment (from the address). */
  kind: string;
}

interface Row {
  item: Item;
  /** Whether the user may see the item's progress (their own unit's, unless they read every unit's). */
  visible: boolean;
  /** The latest approved percent done and its judgement, as the server sends it. */
  progress: { percent: number; year: number; status: Status; light: Light } | undefined;
  history: ObservationReply[];
}

function Milestones({ item, asOf }: { item: Item; asOf: string }): ReactNode {
  const { t, date } = useLocale();
  if (item.milestones.length === 0) return '—';
  return (
    <Space orientation="vertical" size={0} style={{ width: 230 }}>
      {item.milestones.map((m) => {
        const late = m.done === false && m.due < asOf;
        return (
          <Typography.Text
            key={`${m.title}${m.due}`}
            style={{ fontSize: 12, width: 230 }}
            ellipsis={{ tooltip: `${date(m.due)} ${m.title}` }}
          >
            <Typography.Text
              type={late ? 'danger' : 'secondary'}
              className="lantu-num"
              style={{ fontSize: 12 }}
            >
              {date(m.due)}
            </Typography.Text>{' '}
            {m.title}
            {m.done ? (
              <Tag color="success" style={{ marginInlineStart: 4 }}>
                {t('items.done')}
              </Tag>
            ) : null}
            {late ? (
              <Tag color="error" style={{ marginInlineStart: 4 }}>
                {t('items.overdueMilestone')}
              </Tag>
            ) : null}
          </Typography.Text>
        );
      })}
    </Space>
  );
}

function History({ row }: { row: Row }): ReactNode {
  const { t, num } = useLocale();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">{t('items.text', { line: row.item.line })}</Typography.Text>
        <p className="lantu-plan-text">{row.item.text}</p>
      </div>
      <div>
        <Typography.Text type="secondary">
          {t('items.co')}
          {t('common.colon')}
        </Typography.Text>
        {row.item.coUnits.length ? row.item.coUnits.map((u) => u.shortName).join('、') : t('common.none')}
      </div>
      <Typography.Text strong>{t('items.history')}</Typography.Text>
      {row.history.length === 0 ? (
        <Typography.Text type="secondary">{t('items.noHistory')}</Typography.Text>
      ) : (
        row.history.map((o) => (
          <div key={o.id} style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'baseline' }}>
            <strong className="lantu-num" style={{ minWidth: 48 }}>
              {o.year}
            </strong>
            <span className="lantu-num" style={{ minWidth: 56 }}>
              {num(o.value)}%
            </span>
            <WorkflowTag status={o.status} />
            {o.area ? <Tag color="purple">{t('items.part', { unit: o.area })}</Tag> : null}
            {o.sample ? <Tag>{t('common.sample')}</Tag> : null}
            {o.details.investment !== undefined ? (
              <Typography.Text type="secondary">
                {t('items.investment', { value: num(o.details.investment) })}
              </Typography.Text>
            ) : null}
            <span style={{ flex: '1 1 300px' }}>{o.details.narrative}</span>
          </div>
        ))
      )}
    </Space>
  );
}

/** The list page of one kind of item. */
export function ItemsPage({ kind }: ItemsPageProps): ReactNode {
  const { t, num, date } = useLocale();
  const plan = usePlan();
  const { me } = useSession();
  const readsAll = me ? readsEveryUnit(me.role) : false;
  const known = (KINDS as readonly string[]).includes(kind);
  const items = useItems(known ? plan.id : null, known ? (kind as ListKind) : undefined);
  const observations = useObservations(plan.id);
  const [text, setText] = useState('');
  const [lead, setLead] = useState<string | undefined>();
  const [light, setLight] = useState<Light | undefined>();
  const asOf = todayIso();

  const rows = useMemo<Row[]>(() => {
    const list = items.data ?? [];
    const all = observations.data ?? [];
    const byItem = new Map<string, ObservationReply[]>();
    for (const o of all) {
      if (o.kind !== 'progress') continue;
      const h = byItem.get(o.itemId) ?? [];
      h.push(o);
      byItem.set(o.itemId, h);
    }
    return list.map((item) => ({
      item,
      visible:
        readsAll || item.leadUnit?.id === me?.unit.id || item.coUnits.some((u) => u.id === me?.unit.id),
      progress:
        item.progress && item.schedule
          ? { ...item.progress, status: item.schedule.status, light: item.schedule.light }
          : undefined,
      history: (byItem.get(item.id) ?? []).sort((a, b) => b.year - a.year),
    }));
  }, [items.data, observations.data, readsAll, me]);

  const leads = useMemo(
    () =>
      [
        ...new Map(
          rows.filter((r) => r.item.leadUnit).map((r) => [r.item.leadUnit!.id, r.item.leadUnit!.shortName]),
        ),
      ].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN')),
    [rows],
  );
  const shown = rows.filter(
    (r) =>
      (!text.trim() || r.item.title.includes(text.trim()) || r.item.text.includes(text.trim())) &&
      (!lead || r.item.leadUnit?.id === lead) &&
      (!light || (r.item.schedule?.light ?? 'grey') === light),
  );

  if (!known) return <Result status="404" title={t('items.unknownKind')} />;
  if (items.error) return <ErrorAlert error={items.error} onRetry={items.reload} />;

  const placeOf = (item: Item): string =>
    [
      item.place.chapter !== null ? t('items.placeChapter', { chapter: item.place.chapter }) : null,
      item.place.section ? t('items.placeSection', { section: item.place.section }) : null,
      item.place.column !== null ? t('items.placeColumn', { column: item.place.column }) : null,
    ]
      .filter(Boolean)
      .join(' ');

  const columns: TableColumnsType<Row> = [
    {
      title: t('items.name'),
      key: 'name',
      width: 260,
      render: (_, r) => (
        <div style={{ minWidth: 180 }}>
          <div>{r.item.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {placeOf(r.item)}
          </Typography.Text>
        </div>
      ),
      sorter: (a, b) => a.item.line - b.item.line,
      defaultSortOrder: 'ascend',
    },
    ...(kind === 'commitment'
      ? [
          {
            title: t('items.promise'),
            key: 'promise',
            render: (_: unknown, r: Row) => {
              const c = r.item.commitment;
              if (!c) return '—';
              const q =
                typeof c.quantity === 'number'
                  ? num(c.quantity)
                  : `${num(c.quantity.min)}–${num(c.quantity.max)}`;
              return (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {c.year ? `${t('items.byYear', { year: c.year })} ` : ''}
                  {t(`items.comparator.${c.comparator}`)} {q}
                  {c.unit}
                </span>
              );
            },
          },
        ]
      : []),
    {
      title: t('items.lead'),
      key: 'lead',
      width: 130,
      sorter: (a, b) =>
        (a.item.leadUnit?.shortName ?? '').localeCompare(b.item.leadUnit?.shortName ?? '', 'zh-CN'),
      render: (_, r) => r.item.leadUnit?.shortName ?? '—',
    },
    {
      title: t('items.progress'),
      key: 'progress',
      width: 150,
      sorter: (a, b) => (a.progress?.percent ?? -1) - (b.progress?.percent ?? -1),
      render: (_, r) =>
        r.progress ? (
          <div style={{ minWidth: 120 }}>
            <Progress
              percent={r.progress.percent}
              size="small"
              strokeColor={LIGHT_COLORS[r.progress.light]}
              format={(p) => `${num(p ?? 0)}%`}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('items.progressYear', { year: r.progress.year })}
            </Typography.Text>
          </div>
        ) : (
          '—'
        ),
    },
    {
      title: t('items.light'),
      key: 'light',
      width: 130,
      render: (_, r) =>
        r.item.schedule ? <StatusLight light={r.item.schedule.light} status={r.item.schedule.status} /> : '—',
    },
    {
      title: t('items.due'),
      key: 'due',
      width: 120,
      responsive: ['md'],
      sorter: (a, b) => (a.item.dueDate ?? '').localeCompare(b.item.dueDate ?? ''),
      render: (_, r) => <span className="lantu-num">{date(r.item.dueDate)}</span>,
    },
    {
      title: t('items.milestones'),
      key: 'milestones',
      responsive: ['lg'],
      render: (_, r) => <Milestones item={r.item} asOf={asOf} />,
    },
    {
      title: t('items.co'),
      key: 'co',
      responsive: ['xxl'],
      render: (_, r) => (r.item.coUnits.length ? r.item.coUnits.map((u) => u.shortName).join('、') : '—'),
    },
  ];

  /** The shown rows under the table's columns, as plain values, for 导出 Excel. */
  const exportTable = () => ({
    columns: [
      { key: 'name', title: t('items.name') },
      { key: 'place', title: t('items.place') },
      ...(kind === 'commitment' ? [{ key: 'promise', title: t('items.promise') }] : []),
      { key: 'lead', title: t('items.lead') },
      { key: 'progress', title: t('items.progress') },
      { key: 'progressYear', title: t('items.progressYearTitle') },
      { key: 'light', title: t('items.light') },
      { key: 'due', title: t('items.due') },
      { key: 'milestones', title: t('items.milestones') },
      { key: 'co', title: t('items.co') },
    ],
    rows: [...shown]
      .sort((a, b) => a.item.line - b.item.line)
      .map((r) => {
        const c = r.item.commitment;
        const promise = c
          ? `${c.year ? `${t('items.byYear', { year: c.year })} ` : ''}${t(`items.comparator.${c.comparator}`)} ${
              typeof c.quantity === 'number'
                ? num(c.quantity)
                : `${num(c.quantity.min)}–${num(c.quantity.max)}`
            }${c.unit}`
          : null;
        return {
          name: r.item.title,
          place: placeOf(r.item),
          promise,
          lead: r.item.leadUnit?.shortName ?? null,
          progress: r.progress ? r.progress.percent : null,
          progressYear: r.progress ? r.progress.year : null,
          light: r.item.schedule ? t(`status.${r.item.schedule.status}`) : null,
          due: r.item.dueDate ? date(r.item.dueDate) : null,
          milestones: r.item.milestones
            .map((m) => `${date(m.due)} ${m.title}${m.done ? `（${t('items.done')}）` : ''}`)
            .join('\n'),
          co: r.item.coUnits.map((u) => u.shortName).join('、') || null,
        };
      }),
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('items.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('items.subtitle')}</Typography.Text>
      </div>
      <Segmented
        value={kind}
        onChange={(value) => navigate(`/app/items/${value}`)}
        options={KINDS.map((k) => ({ value: k, label: t(`items.kind.${k}`) }))}
      />
      <Card size="small">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('items.search')}
            aria-label={t('items.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('items.allLeads')}
            aria-label={t('items.lead')}
            value={lead}
            onChange={(value?: string) => setLead(value)}
            options={leads.map(([id, name]) => ({ value: id, label: name }))}
            style={{ minWidth: 160 }}
          />
          <Select
            allowClear
            placeholder={t('items.allLights')}
            aria-label={t('items.light')}
            value={light}
            onChange={(value?: Light) => setLight(value)}
            options={LIGHTS.map((l) => ({
              value: l,
              label: (
                <Space size={6}>
                  <LightDot light={l} />
                  {t(`light.${l}`)}
                </Space>
              ),
            }))}
            style={{ minWidth: 130 }}
          />
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
            {t('items.count', { n: shown.length })}
          </Typography.Text>
          <ExportXlsxButton title={t(`items.kind.${kind}`)} table={exportTable} />
        </Flex>
        {items.data ? (
          <Table<Row>
            size="small"
            rowKey={(r) => r.item.id}
            columns={columns}
            dataSource={shown}
            loading={observations.loading}
            pagination={shown.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
            expandable={{ expandedRowRender: (r) => <History row={r} /> }}
            scroll={{ x: 'max-content' }}
            data-testid="item-table"
          />
        ) : (
          <Spin style={{ display: 'block', margin: '40px auto' }} />
        )}
      </Card>
    </Space>
  );
}
