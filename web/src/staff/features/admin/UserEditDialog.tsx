/**
 * Editing a user (an administrator's, user.write): name, role and unit, saved with the version read
 * (PATCH /api/users/:id). Only what changed is sent. When someone else changed the user meanwhile
 * (409) the dialog says so and starts again from the latest version; any other refusal is shown in
 * words inside the dialog, on the field it concerns where the server names one.
 */
import { Alert, App, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../../shared/api.ts';
import type { OrgUnitReply, Role, UserReply } from '../../api/types.ts';
import { asApiError, seg } from '../../api/useQuery.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { DialogButtons } from './DialogButtons.tsx';
import { ROLES } from './roles.ts';
import { UnitTreeSelect } from './UnitTreeSelect.tsx';
import { userErrorText } from './userErrorText.ts';

/** The editable fields. */
interface UserFields {
  displayName: string;
  role: Role;
  orgUnitId: string;
}

/** Props of UserEditDialog. */
export interface UserEditDialogProps {
  /** The user being edited (the latest version read); null when the dialog is closed. */
  user: UserReply | null;
  /** Whether it is the signed-in administrator (who does not change their own role). */
  self: boolean;
  units: readonly OrgUnitReply[];
  unitsLoading: boolean;
  onClose: () => void;
  /** Called after a save, to read the list again. */
  onSaved: () => void;
  /** Called after a stale refusal, to read the latest version. */
  onStale: () => void;
}

/** The dialog. */
export function UserEditDialog({
  user,
  self,
  units,
  unitsLoading,
  onClose,
  onSaved,
  onStale,
}: UserEditDialogProps): ReactNode {
  const { t } = useLocale();
  // The user whose save was refused as stale: the notice stays until the dialog closes.
  const [staleUser, setStaleUser] = useState<string | null>(null);

  const handleClose = (): void => {
    setStaleUser(null);
    onClose();
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.edit')}
      onCancel={handleClose}
      footer={null}
      destroyOnHidden
      data-testid="user-editor"
    >
      {user ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {user.username} · {t('users.version', { v: user.version })}
          </Typography.Text>
          {staleUser === user.id ? (
            <Alert type="warning" showIcon title={t('users.staleNotice')} data-testid="user-stale" />
          ) : null}
          {/* A new key per version: after a stale refusal the form starts again from the latest version. */}
          <EditForm
            key={`${user.id}@${user.version}`}
            user={user}
            self={self}
            units={units}
            unitsLoading={unitsLoading}
            onCancel={handleClose}
            onSaved={() => {
              setStaleUser(null);
              onSaved();
            }}
            onStale={() => {
              setStaleUser(user.id);
              onStale();
            }}
          />
        </Space>
      ) : null}
    </Modal>
  );
}

interface EditFormProps {
  user: UserReply;
  self: boolean;
  units: readonly OrgUnitReply[];
  unitsLoading: boolean;
  onCancel: () => void;
  onSaved: () => void;
  onStale: () => void;
}

/** The form of one version of the user. */
function EditForm({ user, self, units, unitsLoading, onCancel, onSaved, onStale }: EditFormProps): ReactNode {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFields>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const handleSave = async (fields: UserFields): Promise<void> => {
    const changes: Partial<UserFields> = {};
    if (fields.displayName.trim() !== user.displayName) changes.displayName = fields.displayName.trim();
    if (fields.role !== user.role) changes.role = fields.role;
    if (fields.orgUnitId !== user.orgUnitId) changes.orgUnitId = fields.orgUnitId;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      await api('PATCH', `/api/users/${seg(user.id)}`, { version: user.version, ...changes });
      void message.success(t('users.savedMsg'));
      onSaved();
    } catch (caught) {
      const error = asApiError(caught);
      if (error.code === 'LANTU_STALE_VERSION') {
        onStale();
      } else {
        const text = userErrorText(error, t, locale);
        const field = error.field?.replace(/^body\./, '');
        if (field === 'displayName' || field === 'role' || field === 'orgUnitId')
          form.setFields([{ name: field, errors: [text] }]);
        setProblem(text);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<UserFields>
      form={form}
      layout="vertical"
      initialValues={{ displayName: user.displayName, role: user.role, orgUnitId: user.orgUnitId }}
      onFinish={(fields) => void handleSave(fields)}
    >
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
        extra={self ? t('users.selfRole') : undefined}
      >
        <Select disabled={self} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      <Form.Item
        name="orgUnitId"
        label={t('users.unit')}
        rules={[{ required: true, message: t('rounds.required') }]}
      >
        <UnitTreeSelect units={units} loading={unitsLoading} placeholder={t('users.unitSearch')} />
      </Form.Item>
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 16 }}
          data-testid="user-problem"
        />
      ) : null}
      <DialogButtons saving={saving} okText={t('common.save')} okTestId="user-save" onCancel={onCancel} />
    </Form>
  );
}
