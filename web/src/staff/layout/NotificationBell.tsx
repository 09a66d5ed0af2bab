/**
 * The bell in the header: how many in-app reminders of the user's unit are unread, and the latest
 * of them with a button to mark each read. Rendered only inside the signed-in frame, so it never
 * asks the API without a session.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../shared/api.ts';
import { type NotificationReply, useUnreadNotifications } from '../api/useNotifications.ts';
import { seg } from '../api/useQuery.ts';
import { useAction } from '../components/useAction.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';
import { useSession } from '../session/SessionProvider.tsx';

/** The notification bell and its list. */
export function NotificationBell(): ReactNode {
  const { t, dateTime } = useLocale();
  const { me } = useSession();
  const notifications = useUnreadNotifications(Boolean(me));
  const run = useAction();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const list = notifications.data ?? [];

  const markRead = async (n: NotificationReply): Promise<void> => {
    setBusy(n.id);
    await run(() => api('POST', `/api/notifications/${seg(n.id)}/read`));
    setBusy(null);
    notifications.reload();
  };

  const content = (
    <div style={{ width: 340, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.none')} />
      ) : (
        <List
          size="small"
          dataSource={list}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              actions={
                n.abilities.markRead
                  ? [
                      <Button
                        key="read"
                        size="small"
                        type="link"
                        loading={busy === n.id}
                        onClick={() => void markRead(n)}
                      >
                        {t('notify.markRead')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={<span style={{ whiteSpace: 'normal' }}>{n.title}</span>}
                description={
                  <>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('notify.title')}
      content={content}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) notifications.reload();
      }}
    >
      <Button
        type="text"
        aria-label={t('notify.open', { n: list.length })}
        data-testid="notification-bell"
        icon={
          <Badge count={list.length} size="small" overflowCount={19}>
            <BellOutlined style={{ fontSize: 16 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
