/**
 * Users and their roles: the directory for administrators, planners and auditors; an administrator
 * creates users and disables or enables them (each row's `abilities` say who may).
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../../shared/api.ts';
import type { CreateUserBody, Role, UserReply } from '../../api/types.ts';
import { useOrgUnits } from '../../api/useOrgUnits.ts';
import { seg } from '../../api/useQuery.ts';
import { useUsers } from '../../api/useUsers.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.tsx';
import { useAction } from '../../components/useAction.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';

const ROLES: readonly Role[] = ['planner', 'reporter', 'reviewer', 'viewer', 'auditor', 'admin'];

/** The users page. */
export function UsersAdmin(): ReactNode {
  const { t, date } = useLocale();
  const { me } = useSession();
  const users = useUsers(true);
  // Creating users is the administrator's (user.write); each existing user carries its own abilities.
  const mayCreate = me?.role === 'admin';
  const units = useOrgUnits(mayCreate);
  const run = useAction();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [role, setRole] = useState<Role | undefined>();
  const [form] = Form.useForm<CreateUserBody>();

  const toggle = async (user: UserReply): Promise<void> => {
    setBusy(user.id);
    await run(
      () => api('PATCH', `/api/users/${seg(user.id)}`, { version: user.version, active: !user.active }),
      {
        success: t('users.updatedMsg'),
        onStale: users.reload,
      },
    );
    setBusy(null);
    users.reload();
  };

  const handleCreate = async (): Promise<void> => {
    let fields: CreateUserBody;
    try {
      fields = await form.validateFields();
    } catch {
      return;
    }
    setBusy('create');
    const ok = await run(() => api('POST', '/api/users', fields), { success: t('users.createdMsg') });
    setBusy(null);
    if (ok) {
      setCreating(false);
      users.reload();
    }
  };

  const shown = (users.data ?? []).filter((u) => !role || u.role === role);
  /** The shown users under the table's columns as plain values, for 导出 Excel. */
  const exportTable = () => ({
    columns: [
      { key: 'username', title: t('users.username') },
      { key: 'name', title: t('users.displayName') },
      { key: 'role', title: t('users.role') },
      { key: 'unit', title: t('users.unit') },
      { key: 'active', title: t('users.active') },
      { key: 'created', title: t('users.created') },
    ],
    rows: shown.map((u) => ({
      username: u.username,
      name: u.displayName,
      role: t(`role.${u.role}`),
      unit: u.unit.shortName,
      active: u.active ? t('users.enabled') : t('users.disabled'),
      created: date(u.createdAt),
    })),
  });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('users.title')}
      </Typography.Title>
      <Card
        size="small"
        title={
          <Select
            allowClear
            placeholder={t('users.role')}
            aria-label={t('users.role')}
            value={role}
            onChange={(value?: Role) => setRole(value)}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            style={{ minWidth: 140 }}
          />
        }
        extra={
          <Space wrap>
            {mayCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('users.create')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{t('users.readOnly')}</Typography.Text>
            )}
            <ExportXlsxButton title={t('users.title')} table={exportTable} />
          </Space>
        }
      >
        {users.error ? <ErrorAlert error={users.error} onRetry={users.reload} /> : null}
        <Table<UserReply>
          size="small"
          rowKey="id"
          loading={users.loading}
          dataSource={shown}
          pagination={shown.length > 20 ? { pageSize: 20, size: 'small' } : false}
          scroll={{ x: true }}
          data-testid="users-table"
          columns={[
            { title: t('users.username'), dataIndex: 'username', key: 'username' },
            { title: t('users.displayName'), dataIndex: 'displayName', key: 'name' },
            { title: t('users.role'), key: 'role', render: (_, u) => t(`role.${u.role}`) },
            { title: t('users.unit'), key: 'unit', render: (_, u) => u.unit.shortName },
            {
              title: t('users.active'),
              key: 'active',
              render: (_, u) => (
                <Tag color={u.active ? 'green' : 'default'}>
                  {u.active ? t('users.enabled') : t('users.disabled')}
                </Tag>
              ),
            },
            {
              title: t('users.created'),
              key: 'created',
              responsive: ['md'],
              render: (_, u) => date(u.createdAt),
            },
            {
              title: '',
              key: 'actions',
              render: (_, u) =>
                u.abilities.edit && u.id !== me?.id ? (
                  <Button
                    size="small"
                    danger={u.active}
                    loading={busy === u.id}
                    onClick={() => void toggle(u)}
                  >
                    {u.active ? t('users.disable') : t('users.enable')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={creating}
        title={t('users.create')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy === 'create' }}
        onOk={() => void handleCreate()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<CreateUserBody>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ role: 'reporter' }}
        >
          <Form.Item
            name="username"
            label={t('users.username')}
            rules={[
              { required: true, pattern: /^[a-z0-9][a-z0-9._-]{1,63}$/, message: t('users.usernameRule') },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('users.displayName')}
            rules={[{ required: true, whitespace: true, message: t('rounds.required') }]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item
            name="role"
            label={t('users.role')}
            rules={[{ required: true, message: t('rounds.required') }]}
          >
            <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          <Form.Item
            name="orgUnitId"
            label={t('users.unit')}
            rules={[{ required: true, message: t('rounds.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.loading}
              options={(units.data ?? []).map((u) => ({
                value: u.id,
                label: `${'　'.repeat(u.depth)}${u.name}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('users.password')}
            rules={[{ required: true, min: 10, message: t('users.passwordShort') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
