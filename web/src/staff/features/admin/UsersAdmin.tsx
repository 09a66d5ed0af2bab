/**
 * Users and their roles: the directory for administrators, planners and auditors. An administrator
 * creates users, edits one's name, role and unit, resets a password, and disables or enables an
 * account; each row's `abilities` say who may, so planners and auditors read without controls. On a
 * phone a row is one compact cell (name, username, role · unit) beside the status and the actions.
 */
import { MoreOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Dropdown,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
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
import { PASSWORD_MAX, PASSWORD_MIN, PasswordResetDialog } from './PasswordResetDialog.tsx';
import { ROLES } from './roles.ts';
import { UnitTreeSelect } from './UnitTreeSelect.tsx';
import { UserEditDialog } from './UserEditDialog.tsx';

/** The users page. */
export function UsersAdmin(): ReactNode {
  const { t, date } = useLocale();
  const { me } = useSession();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const users = useUsers(true);
  const list = users.data ?? [];
  // user.write is one rule for every account: any row's ability says whether this user edits (the
  // role when the list is not read yet, as creating needs no row).
  const mayEdit = users.data ? list.some((u) => u.abilities.edit) : me?.role === 'admin';
  const units = useOrgUnits(mayEdit);
  const run = useAction();
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [resettingId, setResettingId] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [role, setRole] = useState<Role | undefined>();
  const [form] = Form.useForm<CreateUserBody>();
  // The dialogs show the latest version read, so a reload after a stale refusal reaches them.
  const editing = editingId ? (list.find((u) => u.id === editingId) ?? null) : null;
  const resetting = resettingId ? (list.find((u) => u.id === resettingId) ?? null) : null;

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

  const shown = list.filter((u) => !role || u.role === role);
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

  const statusTag = (u: UserReply): ReactNode => (
    <Tag color={u.active ? 'green' : 'default'}>{u.active ? t('users.enabled') : t('users.disabled')}</Tag>
  );

  /** A row's actions: edit; reset the password and disable or enable (not on oneself). */
  const actions = (u: UserReply): ReactNode => {
    if (!u.abilities.edit) return null;
    const self = u.id === me?.id;
    const edit = (
      <Button size="small" onClick={() => setEditingId(u.id)}>
        {t('users.edit')}
      </Button>
    );
    if (self) return edit;
    if (phone) {
      return (
        <Space size={4}>
          {edit}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'reset', label: t('users.resetPassword') },
                { key: 'toggle', label: u.active ? t('users.disable') : t('users.enable'), danger: u.active },
              ],
              onClick: ({ key }) => (key === 'reset' ? setResettingId(u.id) : void toggle(u)),
            }}
          >
            <Button
              size="small"
              icon={<MoreOutlined />}
              aria-label={t('users.more')}
              loading={busy === u.id}
            />
          </Dropdown>
        </Space>
      );
    }
    return (
      <Space size={4}>
        {edit}
        <Button size="small" onClick={() => setResettingId(u.id)}>
          {t('users.resetPassword')}
        </Button>
        <Button size="small" danger={u.active} loading={busy === u.id} onClick={() => void toggle(u)}>
          {u.active ? t('users.disable') : t('users.enable')}
        </Button>
      </Space>
    );
  };

  const actionsColumn: TableColumnsType<UserReply> = mayEdit
    ? [{ title: t('users.actions'), key: 'actions', render: (_, u) => actions(u) }]
    : [];
  const columns: TableColumnsType<UserReply> = phone
    ? [
        {
          title: t('users.user'),
          key: 'user',
          render: (_, u) => (
            <div style={{ minWidth: 150 }}>
              <Typography.Text strong>{u.displayName}</Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {u.username}
                </Typography.Text>
              </div>
              <div style={{ fontSize: 12 }}>
                {t(`role.${u.role}`)} · {u.unit.shortName}
              </div>
            </div>
          ),
        },
        { title: t('users.active'), key: 'active', render: (_, u) => statusTag(u) },
        ...actionsColumn,
      ]
    : [
        { title: t('users.username'), dataIndex: 'username', key: 'username' },
        {
          title: t('users.displayName'),
          key: 'name',
          render: (_, u) => <span style={{ whiteSpace: 'nowrap' }}>{u.displayName}</span>,
        },
        {
          title: t('users.role'),
          key: 'role',
          render: (_, u) => <span style={{ whiteSpace: 'nowrap' }}>{t(`role.${u.role}`)}</span>,
        },
        {
          title: t('users.unit'),
          key: 'unit',
          render: (_, u) => <span style={{ whiteSpace: 'nowrap' }}>{u.unit.shortName}</span>,
        },
        { title: t('users.active'), key: 'active', render: (_, u) => statusTag(u) },
        {
          title: t('users.created'),
          key: 'created',
          responsive: ['lg'],
          render: (_, u) => <span className="lantu-num">{date(u.createdAt)}</span>,
        },
        ...actionsColumn,
      ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('users.title')}
      </Typography.Title>
      <Card size="small">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('users.role')}
            aria-label={t('users.role')}
            value={role}
            onChange={(value?: Role) => setRole(value)}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            style={{ width: 140 }}
          />
          <Typography.Text type="secondary" data-testid="users-count">
            {t('users.count', { n: shown.length })}
          </Typography.Text>
          <Flex wrap gap={8} align="center" style={{ marginInlineStart: 'auto' }}>
            {mayEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('users.create')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{t('users.readOnly')}</Typography.Text>
            )}
            <ExportXlsxButton title={t('users.title')} table={exportTable} />
          </Flex>
        </Flex>
        {users.error ? <ErrorAlert error={users.error} onRetry={users.reload} /> : null}
        <Table<UserReply>
          size="small"
          rowKey="id"
          loading={users.loading}
          dataSource={shown}
          pagination={shown.length > 20 ? { pageSize: 20, size: 'small' } : false}
          // On a phone the cells wrap within their least widths; past those the table scrolls in the card.
          scroll={{ x: phone ? true : 'max-content' }}
          data-testid="users-table"
          columns={columns}
        />
      </Card>
      <UserEditDialog
        user={editing}
        self={editing?.id === me?.id}
        units={units.data ?? []}
        unitsLoading={units.loading}
        onClose={() => setEditingId(null)}
        onSaved={() => {
          setEditingId(null);
          users.reload();
        }}
        onStale={users.reload}
      />
      <PasswordResetDialog
        user={resetting}
        onClose={() => setResettingId(null)}
        onDone={() => {
          setResettingId(null);
          users.reload();
        }}
        onStale={users.reload}
      />
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
            <UnitTreeSelect
              units={units.data ?? []}
              loading={units.loading}
              placeholder={t('users.unitSearch')}
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('users.password')}
            rules={[
              { required: true, min: PASSWORD_MIN, message: t('users.passwordShort') },
              { max: PASSWORD_MAX, message: t('users.passwordLong') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
