/**
 * 分工 (任务分解): every item of the plan with its lead unit, co-operating units, due date and
 * milestones, what is still unassigned, filters, and for the planner the editor of one item and the
 * bulk assignment of the selected ones. Who may edit comes from each row's `abilities`.
 */
import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Grid,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type Key, type ReactNode, useMemo, useState } from 'react';
import type { AssignmentReply, BulkAssignmentReply } from '../../api/types.ts';
import { useAssignments } from '../../api/useAssignments.ts';
import { useOrgUnits } from '../../api/useOrgUnits.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { usePlan } from '../../session/SessionProvider.tsx';
import { AssignmentEditor } from './AssignmentEditor.tsx';
import { AssignmentTemplate } from './AssignmentTemplate.tsx';
import { type AssignmentFilter, filterAssignments, ITEM_KINDS, type ItemKind } from './assignmentRows.ts';
import { BulkAssignDialog } from './BulkAssignDialog.tsx';

const KIND_COLORS: Record<ItemKind, string> = {
  indicator: 'blue',
  task: 'geekblue',
  project: 'purple',
  action: 'cyan',
  commitment: 'gold',
};

/** A cell's text cut to one line, whole in a tooltip. */
function Clipped({ text, width }: { text: string; width: number }): ReactNode {
  return (
    <Tooltip title={text} placement="topLeft">
      <Typography.Text ellipsis style={{ maxWidth: width, display: 'block' }}>
        {text}
      </Typography.Text>
    </Tooltip>
  );
}

/** The co-operating units and milestones of one item, under its row. */
function Details({ a }: { a: AssignmentReply }): ReactNode {
  const { t, date } = useLocale();
  return (
    <Space orientation="vertical" size={4} style={{ maxWidth: 720 }}>
      <Typography.Text>{a.title}</Typography.Text>
      <div>
        <Typography.Text type="secondary">
          {t('asg.co')}
          {t('common.colon')}
        </Typography.Text>
        {a.coUnits.length ? a.coUnits.map((u) => u.name).join('、') : t('common.none')}
      </div>
      <Typography.Text type="secondary">
        {t('asg.milestones')}
        {t('common.colon')}
        {a.milestones.length ? '' : t('common.none')}
      </Typography.Text>
      {a.milestones.map((m) => (
        <div key={`${m.due}${m.title}`} style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <span className="lantu-num">{date(m.due)}</span>
          <span>{m.title}</span>
          {m.done ? <Tag color="success">{t('asg.milestoneDone')}</Tag> : null}
        </div>
      ))}
    </Space>
  );
}

/** The page. */
export function AssignmentsPage(): ReactNode {
  const { t, date } = useLocale();
  const { message } = App.useApp();
  const plan = usePlan();
  const screens = Grid.useBreakpoint();
  const assignments = useAssignments(plan.id);
  const list = assignments.data ?? [];
  // assignment.write is one rule for the whole plan: any row's ability says whether this user edits.
  const mayEdit = list.some((a) => a.abilities.edit);
  const units = useOrgUnits(mayEdit);
  const [filter, setFilter] = useState<AssignmentFilter>({ unassignedOnly: false, text: '' });
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [bulkResult, setBulkResult] = useState<BulkAssignmentReply | null>(null);

  const shown = useMemo(() => filterAssignments(list, filter), [list, filter]);
  const assigned = list.filter((a) => a.leadUnit !== null).length;
  const categories = useMemo(
    () => [
      ...new Set(
        list.filter((a) => (!filter.kind || a.kind === filter.kind) && a.category).map((a) => a.category!),
      ),
    ],
    [list, filter.kind],
  );
  const leads = useMemo(
    () =>
      [...new Map(list.filter((a) => a.leadUnit).map((a) => [a.leadUnit!.id, a.leadUnit!.shortName]))].sort(
        (x, y) => x[1].localeCompare(y[1], 'zh-CN'),
      ),
    [list],
  );
  const editing = editingId ? (list.find((a) => a.itemId === editingId) ?? null) : null;
  const selected = list.filter((a) => selectedIds.includes(a.itemId));

  const patch = (change: Partial<AssignmentFilter>): void => setFilter((f) => ({ ...f, ...change }));

  const handleBulkDone = (reply: BulkAssignmentReply): void => {
    const { created, updated, unchanged } = reply;
    void message.success(t('asg.bulkDone', { created, updated, unchanged }));
    setBulkResult(reply);
    setBulkOpen(false);
    setSelectedIds([]);
    assignments.reload();
  };

  const columns: TableColumnsType<AssignmentReply> = [
    {
      // The kind and the key under the title: the title stays in sight on a phone.
      title: t('asg.item'),
      key: 'title',
      width: 260,
      render: (_, a) => (
        <div>
          <Clipped text={a.title} width={244} />
          <Space size={4}>
            <Tag color={KIND_COLORS[a.kind]} variant="filled" style={{ fontSize: 12, marginInlineEnd: 0 }}>
              {t(`kind.${a.kind}`)}
            </Tag>
            <Typography.Text type="secondary" className="lantu-num" style={{ fontSize: 12 }}>
              {a.key}
            </Typography.Text>
          </Space>
        </div>
      ),
    },
    {
      title: t('asg.category'),
      key: 'category',
      width: 130,
      render: (_, a) => (a.category ? <Clipped text={a.category} width={114} /> : '—'),
    },
    {
      title: t('asg.lead'),
      key: 'lead',
      width: 120,
      sorter: (x, y) => (x.leadUnit?.shortName ?? '').localeCompare(y.leadUnit?.shortName ?? '', 'zh-CN'),
      render: (_, a) =>
        a.leadUnit ? (
          <Tooltip title={a.leadUnit.name}>
            <span data-testid="lead-cell">{a.leadUnit.shortName}</span>
          </Tooltip>
        ) : (
          <Tag color="warning" data-testid="lead-cell">
            {t('asg.unassigned')}
          </Tag>
        ),
    },
    {
      title: t('asg.co'),
      key: 'co',
      width: 150,
      render: (_, a) =>
        a.coUnits.length ? <Clipped text={a.coUnits.map((u) => u.shortName).join('、')} width={134} /> : '—',
    },
    {
      title: t('asg.due'),
      key: 'due',
      width: 124,
      sorter: (x, y) => (x.dueDate ?? '').localeCompare(y.dueDate ?? ''),
      render: (_, a) => <span className="lantu-num">{date(a.dueDate)}</span>,
    },
    {
      title: t('asg.milestones'),
      key: 'milestones',
      width: 100,
      render: (_, a) => {
        if (a.milestones.length === 0) return '—';
        const done = a.milestones.filter((m) => m.done).length;
        return (
          <Typography.Text
            className="lantu-num"
            type={done === a.milestones.length ? 'success' : undefined}
            data-testid="milestone-count"
          >
            {t('asg.milestonesDone', { done, total: a.milestones.length })}
          </Typography.Text>
        );
      },
    },
    ...(mayEdit
      ? [
          {
            title: t('asg.actions'),
            key: 'actions',
            width: 84,
            // Pinned on a desk; on a phone the title keeps the width.
            ...(screens.md === false ? {} : { fixed: 'right' as const }),
            render: (_: unknown, a: AssignmentReply) =>
              a.abilities.edit ? (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditingId(a.itemId)}>
                  {a.leadUnit ? t('asg.edit') : t('asg.assign')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  /** The shown rows under the table's columns as plain values, for 导出 Excel. */
  const exportTable = () => ({
    columns: [
      { key: 'kind', title: t('asg.kind') },
      { key: 'key', title: t('asg.key') },
      { key: 'title', title: t('asg.item') },
      { key: 'category', title: t('asg.category') },
      { key: 'lead', title: t('asg.lead') },
      { key: 'co', title: t('asg.co') },
      { key: 'due', title: t('asg.due') },
      { key: 'milestones', title: t('asg.milestones') },
    ],
    rows: shown.map((a) => ({
      kind: t(`kind.${a.kind}`),
      key: a.key,
      title: a.title,
      category: a.category ?? '',
      lead: a.leadUnit?.shortName ?? t('asg.unassigned'),
      co: a.coUnits.map((u) => u.shortName).join('、'),
      due: a.dueDate ?? '',
      milestones: a.milestones.map((m) => `${m.due} ${m.title}${m.done ? ' ✓' : ''}`).join('\n'),
    })),
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('asg.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('asg.subtitle')}</Typography.Text>
      </div>
      {assignments.error ? <ErrorAlert error={assignments.error} onRetry={assignments.reload} /> : null}
      <Card size="small">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Flex wrap gap={12} align="center" justify="space-between">
            <Space wrap size={[12, 4]} align="center">
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="assignment-counts">
                {t('asg.counts', { assigned, total: list.length })}
              </Typography.Text>
              {list.length > assigned ? (
                <Tag color="warning">{t('asg.unassignedCount', { n: list.length - assigned })}</Tag>
              ) : null}
              {!mayEdit && list.length > 0 ? (
                <Typography.Text type="secondary" data-testid="assignments-read-only">
                  {t('asg.readOnly')}
                </Typography.Text>
              ) : null}
            </Space>
            <Space wrap>
              {mayEdit ? <AssignmentTemplate planId={plan.id} onUploaded={assignments.reload} /> : null}
              <ExportXlsxButton title={t('asg.title')} table={exportTable} />
            </Space>
          </Flex>
          <Flex wrap gap={8} align="center">
            <Select<ItemKind>
              allowClear
              placeholder={t('asg.allKinds')}
              aria-label={t('asg.kind')}
              data-testid="filter-kind"
              value={filter.kind}
              onChange={(kind) => patch({ kind, category: undefined })}
              options={ITEM_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              style={{ width: 120 }}
            />
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('asg.allCategories')}
              aria-label={t('asg.category')}
              value={filter.category}
              onChange={(category) => patch({ category })}
              options={categories.map((c) => ({ value: c, label: c }))}
              style={{ width: 180 }}
              popupMatchSelectWidth={false}
            />
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('asg.allLeads')}
              aria-label={t('asg.lead')}
              value={filter.leadUnitId}
              onChange={(leadUnitId) => patch({ leadUnitId })}
              options={leads.map(([id, name]) => ({ value: id, label: name }))}
              style={{ width: 160 }}
            />
            <Checkbox
              checked={filter.unassignedOnly}
              onChange={(e) => patch({ unassignedOnly: e.target.checked })}
              data-testid="filter-unassigned"
            >
              {t('asg.onlyUnassigned')}
            </Checkbox>
            <Input.Search
              allowClear
              placeholder={t('asg.search')}
              aria-label={t('common.search')}
              value={filter.text}
              onChange={(e) => patch({ text: e.target.value })}
              style={{ width: 220, maxWidth: '100%' }}
            />
            <Typography.Text type="secondary" data-testid="shown-count">
              {t('asg.shownCount', { n: shown.length })}
            </Typography.Text>
          </Flex>
          {mayEdit ? (
            <Flex wrap gap={8} align="center" data-testid="selection-bar">
              <Typography.Text data-testid="selected-count">
                {t('asg.selected', { n: selectedIds.length })}
              </Typography.Text>
              <Button
                size="small"
                disabled={shown.length === 0}
                onClick={() => setSelectedIds([...new Set([...selectedIds, ...shown.map((a) => a.itemId)])])}
              >
                {t('asg.selectFiltered', { n: shown.length })}
              </Button>
              <Button size="small" disabled={selectedIds.length === 0} onClick={() => setSelectedIds([])}>
                {t('asg.clearSelection')}
              </Button>
              <Button
                type="primary"
                size="small"
                icon={<TeamOutlined />}
                disabled={selectedIds.length === 0}
                onClick={() => {
                  setBulkResult(null);
                  setBulkOpen(true);
                }}
              >
                {t('asg.bulk')}
              </Button>
            </Flex>
          ) : null}
          {bulkResult ? (
            <Alert
              type="success"
              showIcon
              closable={{ onClose: () => setBulkResult(null) }}
              title={t('asg.bulkDone', {
                created: bulkResult.created,
                updated: bulkResult.updated,
                unchanged: bulkResult.unchanged,
              })}
              data-testid="bulk-result"
            />
          ) : null}
          <Table<AssignmentReply>
            size="small"
            rowKey="itemId"
            loading={assignments.loading}
            dataSource={shown}
            columns={columns}
            scroll={{ x: 'max-content' }}
            tableLayout="fixed"
            data-testid="assignments-table"
            pagination={{ defaultPageSize: 20, showSizeChanger: true, size: 'small' }}
            expandable={{ expandedRowRender: (a) => <Details a={a} />, columnWidth: 36 }}
            {...(mayEdit
              ? {
                  rowSelection: {
                    selectedRowKeys: selectedIds,
                    preserveSelectedRowKeys: true,
                    columnWidth: 36,
                    onChange: (keys: Key[]) => setSelectedIds(keys.map(String)),
                    getCheckboxProps: (a: AssignmentReply) => ({ disabled: !a.abilities.edit }),
                  },
                }
              : {})}
          />
        </Space>
      </Card>
      <AssignmentEditor
        planId={plan.id}
        assignment={editing}
        units={units.data ?? []}
        unitsLoading={units.loading}
        onClose={() => setEditingId(null)}
        onSaved={() => {
          setEditingId(null);
          assignments.reload();
        }}
        onStale={assignments.reload}
      />
      <BulkAssignDialog
        planId={plan.id}
        open={bulkOpen}
        selected={selected}
        units={units.data ?? []}
        unitsLoading={units.loading}
        onClose={() => setBulkOpen(false)}
        onDone={handleBulkDone}
        onStale={assignments.reload}
      />
    </Space>
  );
}
