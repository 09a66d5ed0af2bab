/** Signing in: username and password; a refusal is explained from the API's code, in the chosen language. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { ApiError } from '../../../shared/api.ts';
import { describeError } from '../../api/describeError.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';

interface LoginFields {
  username: string;
  password: string;
}

/** The sign-in page (shown for every /app address while signed out). */
export function LoginPage(): ReactNode {
  const { t, locale, setLocale } = useLocale();
  const { login } = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const handleFinish = async (fields: LoginFields): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await login(fields.username.trim(), fields.password);
    } catch (caught) {
      setError(caught as ApiError);
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #eaf1fb 0%, #f7f9fc 60%)',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <Segmented
          size="small"
          aria-label={t('locale.switch')}
          value={locale}
          onChange={(value) => setLocale(value === 'en' ? 'en' : 'zh-CN')}
          options={[
            { value: 'zh-CN', label: t('locale.zh') },
            { value: 'en', label: t('locale.en') },
          ]}
        />
      </div>
      <Card style={{ width: '100%', maxWidth: 380 }} styles={{ body: { padding: 28 } }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4, color: '#1f5fbf' }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        <Form<LoginFields> layout="vertical" onFinish={handleFinish} requiredMark={false} disabled={busy}>
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {error ? (
            <Alert
              type="error"
              showIcon
              title={describeError(error, t, locale)}
              style={{ marginBottom: 16 }}
              role="alert"
              data-testid="login-error"
            />
          ) : null}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 20, marginBottom: 0, textAlign: 'center' }}>
          <a href="/public">{t('login.public')}</a>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
