/**
 * Org units: departments, affiliated units and street offices in their tree (indented by depth);
 * administrators and planners add units and edit them (name, short name, code, kind, parent; saved
 * with the version read, a change meanwhile said in words). On a phone a row is one cell: the full
 * name, and under it the short name and kind.
 */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../../shared/api.ts';
import { ORG_UNIT_KINDS } from '../../api/orgUnitKinds.ts';
import type { CreateOrgUnitBody, OrgUnitKind, OrgUnitReply } from '../../api/types.ts';
import { useOrgUnits } from '../../api/useOrgUnits.ts';
import { seg } from '../../api/useQuery.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.tsx';
import { useAction } from '../../components/useAction.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { UnitTreeSelect } from './UnitTreeSelect.tsx';

/** The org units page. */
export function OrgUnitsAdmin(): ReactNode {
  const { t } = useLocale();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const units = useOrgUnits(true);
  const run = useAction();
  /** The unit being edited, 'new' while one is being added, null when the dialog is closed. */
  const [editing, setEditing] = useState<OrgUnitReply | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<OrgUnitKind | undefined>();
  const [form] = Form.useForm<CreateOrgUnitBody>();
  // Whoever may edit units (orgUnit.write, in each unit's abilities) may add one.
  const mayCreate = (units.data ?? []).some((u) => u.abilities.edit);

  const handleSave = async (): Promise<void> => {
    let fields: CreateOrgUnitBody;
    try {
      fields = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    const unit = editing;
    const ok =
      unit === 'new' || unit === null
        ? await run(() => api('POST', '/api/org-units', { ...fields, parentId: fields.parentId ?? null }), {
            success: t('units.createdMsg'),
          })
        : await run(
            () =>
              api('PATCH', `/api/org-units/${seg(unit.id)}`, {
                version: unit.version,
                ...changedFields(unit, fields),
              }),
            {
              success: t('units.savedMsg'),
              // The dialog holds the old version: close it, so the unit is opened again as it now is.
              onStale: () => {
                units.reload();
                setEditing(null);
              },
            },
          );
    setBusy(false);
    if (ok) {
      setEditing(null);
      units.reload();
    }
  };

  const shown = (units.data ?? []).filter((u) => !kind || u.kind === kind);
  /** The shown units under the table's columns as plain values (the tree indented), for 导出 Excel. */
  const exportTable = () => ({
    columns: [
      { key: 'name', title: t('units.name') },
      { key: 'short', title: t('units.shortName') },
      { key: 'kind', title: t('units.kind') },
      { key: 'code', title: t('units.code') },
      { key: 'region', title: t('units.region') },
    ],
    rows: shown.map((u) => ({
      name: `${kind ? '' : '　'.repeat(u.depth)}${u.name}`,
      short: u.shortName,
      kind: t(`units.kind.${u.kind}`),
      code: u.code,
      region: u.regionCode ?? null,
    })),
  });
  const editButton = (u: OrgUnitReply): ReactNode =>
    u.abilities.edit ? (
      <Button
        size="small"
        type="link"
        icon={<EditOutlined />}
        onClick={() => setEditing(u)}
        aria-label={t('units.editOf', { name: u.shortName })}
        data-testid={`edit-unit-${u.code}`}
      >
        {t('units.edit')}
      </Button>
    ) : null;
  const indent = (u: OrgUnitReply): number => (kind ? 0 : u.depth * (phone ? 12 : 20));
  const columns: TableColumnsType<OrgUnitReply> = phone
    ? [
        {
          title: t('units.name'),
          key: 'name',
          render: (_, u) => (
            <div style={{ paddingInlineStart: indent(u) }}>
              <div>{u.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {u.shortName} · {t(`units.kind.${u.kind}`)}
              </Typography.Text>
              {editButton(u)}
            </div>
          ),
        },
      ]
    : [
        {
          title: t('units.name'),
          key: 'name',
          render: (_, u) => <div style={{ paddingInlineStart: indent(u), minWidth: 200 }}>{u.name}</div>,
        },
        {
          title: t('units.shortName'),
          dataIndex: 'shortName',
          key: 'short',
          render: (_, u) => <div style={{ minWidth: 96 }}>{u.shortName}</div>,
        },
        {
          title: t('units.kind'),
          key: 'kind',
          render: (_, u) => <span style={{ whiteSpace: 'nowrap' }}>{t(`units.kind.${u.kind}`)}</span>,
        },
        { title: t('units.code'), dataIndex: 'code', key: 'code', responsive: ['md'] },
        { title: t('units.region'), dataIndex: 'regionCode', key: 'region', responsive: ['lg'] },
        {
          title: t('units.actions'),
          key: 'actions',
          render: (_, u) => editButton(u),
        },
      ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('units.title')}
      </Typography.Title>
      <Card size="small">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('units.kind')}
            aria-label={t('units.kind')}
            value={kind}
            onChange={(value?: OrgUnitKind) => setKind(value)}
            options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kind.${k}`) }))}
            popupMatchSelectWidth={false}
            style={{ width: 160 }}
          />
          <Typography.Text type="secondary" data-testid="units-count">
            {t('units.count', { n: shown.length })}
          </Typography.Text>
          <Flex wrap gap={8} align="center" style={{ marginInlineStart: 'auto' }}>
            {mayCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('units.create')}
              </Button>
            ) : null}
            <ExportXlsxButton title={t('units.title')} table={exportTable} />
          </Flex>
        </Flex>
        {units.error ? <ErrorAlert error={units.error} onRetry={units.reload} /> : null}
        <Table<OrgUnitReply>
          size="small"
          rowKey="id"
          loading={units.loading}
          dataSource={shown}
          pagination={shown.length > 30 ? { pageSize: 30, size: 'small' } : false}
          // On a phone the cells wrap within their least widths; past those the table scrolls in the card.
          scroll={{ x: phone ? true : 'max-content' }}
          data-testid="units-table"
          columns={columns}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={
          editing === 'new' || editing === null
            ? t('units.create')
            : t('units.editOf', { name: editing.shortName })
        }
        okText={editing === 'new' ? t('common.create') : t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy }}
        onOk={() => void handleSave()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form<CreateOrgUnitBody>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={
            editing && editing !== 'new'
              ? {
                  name: editing.name,
                  shortName: editing.shortName,
                  code: editing.code,
                  kind: editing.kind,
                  parentId: editing.parentId,
                }
              : { kind: 'bureau' }
          }
        >
          <Form.Item
            name="name"
            label={t('units.name')}
            rules={[{ required: true, whitespace: true, message: t('rounds.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="shortName"
            label={t('units.shortName')}
            rules={[{ required: true, whitespace: true, message: t('rounds.required') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('units.code')}
            rules={[
              { required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: t('units.codeRule') },
            ]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('units.kind')}
            rules={[{ required: true, message: t('rounds.required') }]}
          >
            <Select options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="parentId" label={t('units.parent')}>
            <UnitTreeSelect
              allowClear
              // A unit cannot sit under itself or under one of its own units.
              units={(units.data ?? []).filter(
                (u) => editing === 'new' || editing === null || !within(units.data ?? [], u, editing.id),
              )}
              loading={units.loading}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** The fields of the form that differ from the unit as read (only those are sent). */
function changedFields(unit: OrgUnitReply, fields: CreateOrgUnitBody): Partial<CreateOrgUnitBody> {
  const out: Partial<CreateOrgUnitBody> = {};
  if (fields.name !== unit.name) out.name = fields.name;
  if (fields.shortName !== unit.shortName) out.shortName = fields.shortName;
  if (fields.code !== unit.code) out.code = fields.code;
  if (fields.kind !== unit.kind) out.kind = fields.kind;
  if ((fields.parentId ?? null) !== unit.parentId) out.parentId = fields.parentId ?? null;
  return out;
}

/** Whether `unit` is the unit `rootId` or lies under it. */
function within(units: readonly OrgUnitReply[], unit: OrgUnitReply, rootId: string): boolean {
  const byId = new Map(units.map((u) => [u.id, u]));
  for (let at: OrgUnitReply | undefined = unit; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
    if (at.id === rootId) return true;
  }
  return false;
}
