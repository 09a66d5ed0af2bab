/**
 * Resetting a user's password (an administrator's, user.write): the new password typed twice and
 * checked as the server checks it (10 to 256 characters), then PATCH /api/users/:id with the version
 * read. The server ends the user's sessions; the dialog says so before. A stale version (409) reads
 * the user again and keeps what was typed, so a second click resets against the latest version.
 */
import { Alert, App, Form, Input, Modal, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../../shared/api.ts';
import type { UserReply } from '../../api/types.ts';
import { asApiError, seg } from '../../api/useQuery.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { DialogButtons } from './DialogButtons.tsx';
import { userErrorText } from './userErrorText.ts';

/** The server's bounds of a password (passwordSchema in src/contract/directory.ts). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

interface PasswordFields {
  password: string;
  confirm: string;
}

/** Props of PasswordResetDialog. */
export interface PasswordResetDialogProps {
  /** The user (the latest version read); null when the dialog is closed. */
  user: UserReply | null;
  onClose: () => void;
  /** Called after the reset, to read the list again. */
  onDone: () => void;
  /** Called after a stale refusal, to read the latest version. */
  onStale: () => void;
}

/** The dialog. */
export function PasswordResetDialog({ user, onClose, onDone, onStale }: PasswordResetDialogProps): ReactNode {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordFields>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ text: string; stale: boolean } | null>(null);

  const handleClose = (): void => {
    setProblem(null);
    onClose();
  };

  const handleReset = async ({ password }: PasswordFields): Promise<void> => {
    if (!user) return;
    setSaving(true);
    setProblem(null);
    try {
      await api('PATCH', `/api/users/${seg(user.id)}`, { version: user.version, password });
      void message.success(t('users.resetDoneMsg', { name: user.displayName }));
      onDone();
    } catch (caught) {
      const error = asApiError(caught);
      if (error.code === 'LANTU_STALE_VERSION') {
        setProblem({ text: t('users.staleResetNotice'), stale: true });
        onStale();
      } else {
        const text = userErrorText(error, t, locale);
        if (error.field === 'body.password') form.setFields([{ name: 'password', errors: [text] }]);
        setProblem({ text, stale: false });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetTitle', { name: user.displayName }) : t('users.resetPassword')}
      onCancel={handleClose}
      footer={null}
      destroyOnHidden
      data-testid="password-reset"
    >
      {user ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {user.username} · {t('users.version', { v: user.version })}
          </Typography.Text>
          <Alert type="info" showIcon title={t('users.resetNote')} />
          <Form<PasswordFields>
            form={form}
            layout="vertical"
            preserve={false}
            onFinish={(fields) => void handleReset(fields)}
          >
            <Form.Item
              name="password"
              label={t('users.newPassword')}
              rules={[
                { required: true, message: t('users.passwordShort') },
                { min: PASSWORD_MIN, message: t('users.passwordShort') },
                { max: PASSWORD_MAX, message: t('users.passwordLong') },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('users.confirmPassword')}
              dependencies={['password']}
              rules={[
                { required: true, message: t('users.confirmRequired') },
                ({ getFieldValue }) => ({
                  validator: async (_, value: string | undefined) => {
                    if (value && value !== getFieldValue('password'))
                      throw new Error(t('users.passwordMismatch'));
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            {problem ? (
              <Alert
                type={problem.stale ? 'warning' : 'error'}
                showIcon
                title={problem.text}
                style={{ marginBottom: 16 }}
                data-testid="password-problem"
              />
            ) : null}
            <DialogButtons
              saving={saving}
              okText={t('users.resetPassword')}
              okTestId="password-save"
              onCancel={handleClose}
            />
          </Form>
        </Space>
      ) : null}
    </Modal>
  );
}
