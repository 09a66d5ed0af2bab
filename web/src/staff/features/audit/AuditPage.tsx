/**
 * The audit log (GET /api/audit-events) with filters: record type, action (one action, or all of a
 * group such as every 填报数据 event), who, a date range and this plan only; pages go back in time
 * by the log's sequence number. A row opens to the record as it was and as it became.
 */
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Select,
  type SelectProps,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import type { AuditEvent } from '../../api/types.ts';
import { type AuditFilter, useAuditEvents } from '../../api/useAuditEvents.ts';
import { useUsers } from '../../api/useUsers.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { auditActionGroups } from './auditActions.ts';

const ENTITIES = [
  'observation',
  'plan',
  'assignment',
  'reporting_round',
  'target_revision',
  'user',
  'org_unit',
  'notification',
  'reminder',
  'evaluation',
] as const;
const PAGE = 50;

/** Whether an action filter value (an action, or `group.` for all of a group) is one of these. */
function inGroup(value: string, group: string, actions: readonly string[]): boolean {
  return value === `${group}.` || actions.includes(value);
}

function Json({ value }: { value: unknown }): ReactNode {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        fontSize: 12,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
        maxHeight: 320,
        overflow: 'auto',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** The audit log page. */
export function AuditPage(): ReactNode {
  const { t, dateTime } = useLocale();
  const { plan } = useSession();
  const users = useUsers(true);
  const [entity, setEntity] = useState<string | undefined>();
  /** An action code, or a group's code with a trailing dot (`observation.`: all of them). */
  const [action, setAction] = useState<string | undefined>();
  const [actorId, setActorId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [thisPlan, setThisPlan] = useState(false);
  // The `after` cursors of the pages seen, to go back.
  const [cursors, setCursors] = useState<number[]>([]);

  const filter: AuditFilter = {
    entity,
    action,
    actorId,
    planId: thisPlan && plan ? plan.id : undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    after: cursors[cursors.length - 1],
    limit: PAGE,
  };
  const page = useAuditEvents(true, filter);
  const restart = (): void => setCursors([]);

  const entityLabel = (e: string): string => {
    const key = `audit.entity.${e}`;
    const label = t(key);
    return label === key ? e : label;
  };
  const actionLabel = (a: string): string => {
    const key = `audit.action.${a}`;
    const label = t(key);
    return label === key ? a : label;
  };

  /** The action filter's options: per group, "all of them" (when more than one) and each action. */
  const actionOptions: SelectProps['options'] = auditActionGroups(entity).map(({ group, actions }) => {
    const groupLabel = t(`audit.group.${group}`);
    return {
      label: groupLabel,
      title: groupLabel,
      options: [
        ...(actions.length > 1
          ? [{ value: `${group}.`, label: t('audit.allOfGroup', { group: groupLabel }), code: `${group}.*` }]
          : []),
        ...actions.map((a) => ({ value: a, label: actionLabel(a), code: a })),
      ],
    };
  });

  /** The page of events shown, under the table's columns as plain values, for 导出 Excel. */
  const exportTable = () => ({
    columns: [
      { key: 'seq', title: t('audit.seq') },
      { key: 'at', title: t('audit.at') },
      { key: 'actor', title: t('audit.actor') },
      { key: 'actorRole', title: t('audit.actorRole') },
      { key: 'actorUnit', title: t('audit.actorUnit') },
      { key: 'action', title: t('audit.action') },
      { key: 'actionCode', title: t('audit.actionCode') },
      { key: 'entity', title: t('audit.entity') },
      { key: 'entityId', title: t('audit.entityId') },
    ],
    rows: (page.data?.events ?? []).map((e) => ({
      seq: e.seq,
      at: dateTime(e.at),
      actor: e.actor.role === 'system' ? t('audit.system') : (e.actor.name ?? null),
      actorRole: e.actor.role && e.actor.role !== 'system' ? t(`role.${e.actor.role}`) : null,
      actorUnit: e.actor.unit ?? null,
      action: actionLabel(e.action),
      actionCode: e.action,
      entity: entityLabel(e.entity),
      entityId: e.entityId ?? null,
    })),
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('audit.subtitle')}</Typography.Text>
      </div>
      <Card size="small">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('audit.allEntities')}
            aria-label={t('audit.entity')}
            value={entity}
            onChange={(value?: string) => {
              setEntity(value);
              // An action of another record type would find nothing: the action filter starts again.
              if (
                value &&
                action &&
                !auditActionGroups(value).some((g) => inGroup(action, g.group, g.actions))
              )
                setAction(undefined);
              restart();
            }}
            options={ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
            style={{ minWidth: 140 }}
          />
          <Select
            allowClear
            showSearch={{
              filterOption: (input, option) =>
                `${option?.label ?? ''} ${option?.code ?? ''}`
                  .toLowerCase()
                  .includes(input.trim().toLowerCase()),
            }}
            placeholder={t('audit.allActions')}
            aria-label={t('audit.action')}
            data-testid="audit-action-filter"
            value={action}
            onChange={(value?: string) => {
              setAction(value);
              restart();
            }}
            options={actionOptions}
            optionRender={(option) => (
              <Flex justify="space-between" gap={8}>
                <span>{option.data.label}</span>
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                  {option.data.code}
                </Typography.Text>
              </Flex>
            )}
            popupMatchSelectWidth={false}
            style={{ width: 220, maxWidth: '100%' }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.allActors')}
            aria-label={t('audit.actor')}
            value={actorId}
            onChange={(value?: string) => {
              setActorId(value);
              restart();
            }}
            options={(users.data ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName}${t('common.paren', { x: u.username })}`,
            }))}
            style={{ minWidth: 200 }}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(value) => {
              setRange(value);
              restart();
            }}
          />
          <Checkbox
            checked={thisPlan}
            onChange={(e) => {
              setThisPlan(e.target.checked);
              restart();
            }}
          >
            {t('audit.thisPlan')}
          </Checkbox>
          <span style={{ marginInlineStart: 'auto' }}>
            <ExportXlsxButton title={t('audit.title')} table={exportTable} />
          </span>
        </Flex>
        {page.error ? <ErrorAlert error={page.error} onRetry={page.reload} /> : null}
        <Table<AuditEvent>
          size="small"
          rowKey="seq"
          loading={page.loading}
          dataSource={page.data?.events ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (e) => (
              <Flex wrap gap={16}>
                <div style={{ flex: '1 1 300px', minWidth: 0 }}>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <Json value={e.before} />
                </div>
                <div style={{ flex: '1 1 300px', minWidth: 0 }}>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <Json value={e.after} />
                </div>
                <div style={{ flex: '1 1 100%' }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('audit.hash')}: <code>{e.hash}</code>
                  </Typography.Text>
                </div>
              </Flex>
            ),
          }}
          columns={[
            { title: t('audit.seq'), dataIndex: 'seq', key: 'seq', width: 70 },
            {
              title: t('audit.at'),
              key: 'at',
              render: (_, e) => <span className="lantu-num">{dateTime(e.at)}</span>,
            },
            {
              title: t('audit.actor'),
              key: 'actor',
              render: (_, e) =>
                e.actor.role === 'system' ? (
                  t('audit.system')
                ) : (
                  <span>
                    {e.actor.name ?? '—'}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                      {[e.actor.role ? t(`role.${e.actor.role}`) : null, e.actor.unit]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </span>
                ),
            },
            {
              title: t('audit.action'),
              key: 'action',
              render: (_, e) => {
                const key = `audit.action.${e.action}`;
                const label = t(key);
                return (
                  <span>
                    {label === key ? e.action : label}
                    <Typography.Text type="secondary" code style={{ fontSize: 11, marginInlineStart: 6 }}>
                      {e.action}
                    </Typography.Text>
                  </span>
                );
              },
            },
            {
              title: t('audit.entity'),
              key: 'entity',
              render: (_, e) => (
                <span>
                  {entityLabel(e.entity)}
                  {e.entityId ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                      {e.entityId.slice(0, 8)}
                    </Typography.Text>
                  ) : null}
                </span>
              ),
            },
          ]}
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('audit.page', { n: PAGE })}</Typography.Text>
          <Space>
            <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
              {t('audit.newer')}
            </Button>
            <Button
              disabled={!page.data?.next}
              onClick={() => page.data?.next && setCursors([...cursors, page.data.next])}
            >
              {t('audit.older')}
            </Button>
          </Space>
        </Flex>
      </Card>
    </Space>
  );
}
