/**
 * Org units: departments, affiliated units and street offices in their tree (indented by depth);
 * administrators and planners add units.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../../shared/api.ts';
import { ORG_UNIT_KINDS } from '../../api/orgUnitKinds.ts';
import type { CreateOrgUnitBody, OrgUnitKind, OrgUnitReply } from '../../api/types.ts';
import { useOrgUnits } from '../../api/useOrgUnits.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.tsx';
import { useAction } from '../../components/useAction.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';

/** The org units page. */
export function OrgUnitsAdmin(): ReactNode {
  const { t } = useLocale();
  const units = useOrgUnits(true);
  const run = useAction();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<OrgUnitKind | undefined>();
  const [form] = Form.useForm<CreateOrgUnitBody>();
  // Whoever may edit units (orgUnit.write, in each unit's abilities) may add one.
  const mayCreate = (units.data ?? []).some((u) => u.abilities.edit);

  const handleCreate = async (): Promise<void> => {
    let fields: CreateOrgUnitBody;
    try {
      fields = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    const ok = await run(
      () => api('POST', '/api/org-units', { ...fields, parentId: fields.parentId ?? null }),
      {
        success: t('units.createdMsg'),
      },
    );
    setBusy(false);
    if (ok) {
      setCreating(false);
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
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('units.title')}
      </Typography.Title>
      <Card
        size="small"
        title={
          <Space wrap>
            <Select
              allowClear
              placeholder={t('units.kind')}
              aria-label={t('units.kind')}
              value={kind}
              onChange={(value?: OrgUnitKind) => setKind(value)}
              options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kind.${k}`) }))}
              style={{ minWidth: 160 }}
            />
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('units.count', { n: shown.length })}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            {mayCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('units.create')}
              </Button>
            ) : null}
            <ExportXlsxButton title={t('units.title')} table={exportTable} />
          </Space>
        }
      >
        {units.error ? <ErrorAlert error={units.error} onRetry={units.reload} /> : null}
        <Table<OrgUnitReply>
          size="small"
          rowKey="id"
          loading={units.loading}
          dataSource={shown}
          pagination={shown.length > 30 ? { pageSize: 30, size: 'small' } : false}
          scroll={{ x: true }}
          columns={[
            {
              title: t('units.name'),
              key: 'name',
              render: (_, u) => <span style={{ paddingInlineStart: kind ? 0 : u.depth * 20 }}>{u.name}</span>,
            },
            { title: t('units.shortName'), dataIndex: 'shortName', key: 'short' },
            { title: t('units.kind'), key: 'kind', render: (_, u) => t(`units.kind.${u.kind}`) },
            { title: t('units.code'), dataIndex: 'code', key: 'code', responsive: ['md'] },
            { title: t('units.region'), dataIndex: 'regionCode', key: 'region', responsive: ['lg'] },
          ]}
        />
      </Card>
      <Modal
        open={creating}
        title={t('units.create')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy }}
        onOk={() => void handleCreate()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<CreateOrgUnitBody>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: 'bureau' }}
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
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(units.data ?? []).map((u) => ({
                value: u.id,
                label: `${'　'.repeat(u.depth)}${u.name}`,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
